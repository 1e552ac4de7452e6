import Fluent
import SafeguardCore
import Vapor

/// Asking for an agency's involvement after breaking the glass, and a manager's decision on it.
/// Until a manager approves, the worker's access stays what break-glass gives: four hours, read-only.
struct InvolvementRequestsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.personInvolvementRequest(.param("personID")), for: [.requestInvolvement], use: askForm)
        routes.post(.personInvolvementRequest(.param("personID")), for: [.requestInvolvement], use: ask)
        routes.get(.involvementRequests, for: [.decideInvolvementRequest], use: list)
        routes.get(.involvementRequest(.param("requestID")), for: [.decideInvolvementRequest], use: show)
        routes.post(.involvementRequest(.param("requestID")), for: [.decideInvolvementRequest], use: decide)
    }

    func askForm(req: Request) async throws -> Response {
        let (viewer, person, relationship) = try await PersonAccess.authorise(
            .requestInvolvement, personID: req.personID(), on: req, offerBreakGlass: true)
        if relationship == .agencyInvolved { return req.redirect(to: SiteURL.person(try person.requireID()).path) }
        return InvolvementAskView(
            personID: try person.requireID(), personName: person.fullName, agencyName: viewer.agencyName,
            pending: try await Self.pending(person: person.requireID(), agency: viewer.agencyID, on: req.db) != nil,
            reason: "", errors: FormErrors()
        ).render(on: req)
    }

    func ask(req: Request) async throws -> Response {
        let (viewer, person, relationship) = try await PersonAccess.authorise(
            .requestInvolvement, personID: req.personID(), on: req)
        let personID = try person.requireID()
        if relationship == .agencyInvolved {
            return req.redirect(to: SiteURL.person(personID).path, redirectType: .normal)
        }
        let reason = ((try? req.content.get(String.self, at: "reason")) ?? "").trimmed
        var errors = FormErrors()
        if let problem = InvolvementRequestRules.reasonProblem(reason) { errors.add("reason", problem) }
        let existing = try await Self.pending(person: personID, agency: viewer.agencyID, on: req.db)
        guard errors.isEmpty, existing == nil else {
            return InvolvementAskView(
                personID: personID, personName: person.fullName, agencyName: viewer.agencyName,
                pending: existing != nil,
                reason: reason, errors: errors
            ).render(on: req, status: existing == nil ? .unprocessableEntity : .conflict)
        }
        let request = InvolvementRequest(
            personID: personID, agencyID: viewer.agencyID, requestedBy: viewer.userID, reason: reason, at: req.now)
        try await req.audit.write(on: req.db) { db in
            try await request.create(on: db)
            return (
                (),
                [
                    viewer.event(
                        .create, "involvement-request", try request.requireID().uuidString, reason: reason, on: req)
                ]
            )
        }
        return req.redirect(
            to: SiteURL.person(personID).with(query: [("done", "involvement-asked")]), redirectType: .normal)
    }

    func list(req: Request) async throws -> Response {
        let viewer = try req.require(.decideInvolvementRequest)
        let waiting = try await Self.waiting(for: viewer, on: req.db)
        try await req.audit.record(
            viewer.event(.view, "involvement-requests", "\(waiting.count) waiting", on: req), on: req.db)
        let done = (try? req.query.get(String.self, at: "done")).flatMap(InvolvementRequestStatus.init(rawValue:))
        return InvolvementRequestListView(rows: waiting.map(InvolvementRequestView.Summary.init), done: done).render(
            on: req)
    }

    func show(req: Request) async throws -> Response {
        let (viewer, request) = try await Self.load(req)
        try await req.audit.record(
            viewer.event(.view, "involvement-request", try request.requireID().uuidString, on: req), on: req.db)
        return try await InvolvementRequestView(
            request, grants: Self.grants(for: request, on: req.db), mayDecide: Self.mayDecide(viewer, request),
            fields: [:], errors: FormErrors()
        ).render(on: req)
    }

    func decide(req: Request) async throws -> Response {
        let (viewer, request) = try await Self.load(req)
        let fields = try FormBody.fields(req)
        let note = (fields["note"] ?? "").trimmed
        var errors = FormErrors()
        let decision = fields["decision"].flatMap(InvolvementDecision.init(rawValue:))
        if decision == nil { errors.add("decision", "Choose whether to approve or decline the request") }
        if let decision, let problem = InvolvementRequestRules.noteProblem(note, for: decision) {
            errors.add("note", problem)
        }
        var status: InvolvementRequestStatus?
        if let decision {
            do {
                status = try InvolvementRequestRules.decide(
                    request.status, decision, role: viewer.role,
                    sameAgency: request.$agency.id == viewer.agencyID,
                    deciderIsRequester: request.$requestedBy.id == viewer.userID)
            } catch { errors.add("decision", error.message) }
        }
        guard errors.isEmpty, let status else {
            return try await InvolvementRequestView(
                request, grants: Self.grants(for: request, on: req.db), mayDecide: Self.mayDecide(viewer, request),
                fields: fields, errors: errors
            ).render(on: req, status: .unprocessableEntity)
        }
        try await Self.record(status, note: note, on: request, by: viewer, req: req)
        return req.redirect(
            to: SiteURL.involvementRequests.with(query: [("done", status.rawValue)]), redirectType: .normal)
    }

    /// Saves the decision; an approval records the involvement on the person's chronology. The
    /// worker who asked is told either way.
    static func record(
        _ status: InvolvementRequestStatus, note: String, on request: InvolvementRequest, by viewer: Viewer,
        req: Request
    ) async throws {
        let now = req.now
        let today = req.today
        let emailConfigured = req.notifications.isConfigured
        let personID = request.$person.id
        let agencyID = request.$agency.id
        try await req.audit.write(on: req.db) { db in
            let decidedOn = request.status
            try await db.holdUnchanged(request) { $0.status == decidedOn }
            request.status = status
            request.$decidedBy.id = viewer.userID
            request.decidedAt = now
            request.decisionNote = note.isEmpty ? nil : note
            try await request.update(on: db)
            var events = [
                viewer.event(
                    .change, "involvement-request", try request.requireID().uuidString, reason: status.rawValue, on: req
                )
            ]
            if status == .approved {
                try await AgencyInvolvement(personID: personID, agencyID: agencyID, startedOn: today.iso).create(on: db)
                try await ChronologyEntry(
                    personID: personID, occurredAt: now, agencyID: agencyID, category: "Involvement",
                    summary:
                        "\(request.agency.name) started working with \(request.person.firstName) (approved by \(viewer.displayName))",
                    recordedBy: viewer.userID
                ).create(on: db)
                events.append(
                    viewer.event(
                        .change, "person", personID.uuidString, reason: "agency involvement recorded on approval",
                        on: req))
            }
            let words =
                status == .approved
                ? "approved: your agency is now recorded as working with them"
                : "declined" + (note.isEmpty ? "" : ": \(note)")
            try await UserNotification(
                userID: request.$requestedBy.id,
                subject: "Involvement with \(request.person.fullName) \(status == .approved ? "approved" : "declined")",
                body: "\(viewer.displayName) \(words).", link: SiteURL.person(personID).path, at: now,
                emailConfigured: emailConfigured
            ).create(on: db)
            return ((), events)
        }
        req.notifications.sendPending(app: req.application)
    }

    static func load(_ req: Request) async throws -> (Viewer, InvolvementRequest) {
        let viewer = try req.require(.decideInvolvementRequest)
        guard let id = req.parameters.get("requestID", as: UUID.self),
            let request = try await InvolvementRequest.query(on: req.db).filter(\.$id == id).with(\.$person).with(
                \.$agency
            )
            .with(\.$requestedBy).with(\.$decidedBy).first()
        else { throw Abort(.notFound) }
        // A team manager of another agency does not learn that the request exists.
        guard InvolvementRequestRules.mayDecide(role: viewer.role, sameAgency: request.$agency.id == viewer.agencyID)
        else { throw Abort(.notFound) }
        return (viewer, request)
    }

    static func mayDecide(_ viewer: Viewer, _ request: InvolvementRequest) -> Bool {
        request.status == .pending && request.$requestedBy.id != viewer.userID
    }

    static func pending(person: UUID, agency: UUID, on db: Database) async throws -> InvolvementRequest? {
        try await InvolvementRequest.query(on: db).filter(\.$person.$id == person).filter(\.$agency.$id == agency)
            .filter(\.$status == InvolvementRequestStatus.pending).first()
    }

    /// Requests this manager may decide, oldest first.
    static func waiting(for viewer: Viewer, on db: Database) async throws -> [InvolvementRequest] {
        var q = InvolvementRequest.query(on: db).filter(\.$status == InvolvementRequestStatus.pending)
            .with(\.$person).with(\.$agency).with(\.$requestedBy).sort(\.$requestedAt)
        if viewer.role != .mashManager { q = q.filter(\.$agency.$id == viewer.agencyID) }
        return try await q.all().filter {
            InvolvementRequestRules.mayDecide(role: viewer.role, sameAgency: $0.$agency.id == viewer.agencyID)
        }
    }

    /// The asker's break-glass openings of this record, with the reasons they gave.
    static func grants(for request: InvolvementRequest, on db: Database) async throws -> [BreakGlassGrant] {
        try await BreakGlassGrant.query(on: db).filter(\.$user.$id == request.$requestedBy.id).filter(
            \.$person.$id == request.$person.id
        )
        .sort(\.$grantedAt, .descending).limit(5).all()
    }

    static func myWork(_ viewer: Viewer, on db: Database) async throws -> [MyWorkController.Item] {
        guard viewer.may(.decideInvolvementRequest) else { return [] }
        return try await waiting(for: viewer, on: db).map { r in
            MyWorkController.Item(
                title: "Decide: \(r.agency.name) to work with \(r.person.fullName)", url: .involvementRequest(r.id!),
                detail: "Asked by \(r.requestedBy.displayName), \(SiteFormat.dateTime(r.requestedAt))", urgent: false)
        }
    }
}

// The rows as the pages show them.
extension InvolvementRequestView.Summary {
    init(_ r: InvolvementRequest) {
        id = r.id!
        personName = r.person.fullName
        agencyName = r.agency.name
        askedBy = r.requestedBy.displayName
        askedAt = SiteFormat.dateTime(r.requestedAt)
    }
}

extension InvolvementRequestView {
    init(
        _ r: InvolvementRequest, grants: [BreakGlassGrant], mayDecide: Bool, fields: [String: String],
        errors: FormErrors
    ) {
        summary = Summary(r)
        personID = r.$person.id
        reason = r.reason
        status = r.status
        decided = r.decidedAt.map {
            "\(SiteFormat.dateTime($0)) by \(r.decidedBy?.displayName ?? "")" + (r.decisionNote.map { ": \($0)" } ?? "")
        }
        breakGlassReasons = grants.map { (SiteFormat.dateTime($0.grantedAt), $0.reason) }
        self.mayDecide = mayDecide
        self.fields = fields
        self.errors = errors
    }
}
