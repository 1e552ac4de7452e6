import Fluent
import SafeguardCore
import Vapor

/// Child protection plans, unborn plans and looked-after status, recorded by children's social care,
/// and the Place of Interest markers they put on addresses. Starting a record marks the child's home
/// and every carer's home; ending it ends the markers, which stay as history.
struct ProtectionController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.personProtectionNew(.param("personID")), for: [.recordProtection], use: newForm)
        routes.post(.personProtection(.param("personID")), for: [.recordProtection], use: create)
        routes.get(.protection(.param("protectionID")), for: [.viewProtectionDetails], use: show)
        routes.get(.protectionEnd(.param("protectionID")), for: [.recordProtection], use: endForm)
        routes.post(.protectionEnd(.param("protectionID")), for: [.recordProtection], use: end)
        routes.post(.protectionMarkers(.param("protectionID")), for: [.recordProtection], use: refreshMarkers)
        routes.get(
            .protectionMarkerEnd(.param("protectionID"), .param("markerID")), for: [.recordProtection],
            use: endMarkerForm)
        routes.post(
            .protectionMarkerEnd(.param("protectionID"), .param("markerID")), for: [.recordProtection], use: endMarker)
    }

    func newForm(req: Request) async throws -> Response {
        let (_, person, _) = try await PersonAccess.authorise(.recordProtection, personID: req.personID(), on: req)
        return try await Self.formView(
            person, fields: [:], categories: [], workers: Self.socialWorkers(on: req.db), errors: FormErrors()
        ).render(on: req)
    }

    func create(req: Request) async throws -> Response {
        let (viewer, person, _) = try await PersonAccess.authorise(.recordProtection, personID: req.personID(), on: req)
        let fields = try FormBody.fields(req)
        let chosen = try FormBody.list(req, "categories")
        let workers = try await Self.socialWorkers(on: req.db)
        var errors = FormErrors()
        let form = ProtectionForm.read(
            fields, categories: chosen, socialWorkers: Set(workers.compactMap(\.id)), today: req.today, errors: &errors)
        let personID = try person.requireID()
        if let form, try await Self.active(for: personID, kind: form.kind, on: req.db, today: req.today) != nil {
            let open = ProtectionStart.alreadyOpen(form.kind, firstName: person.firstName)
            errors.add(open.field, open.message)
        }
        guard errors.isEmpty, let form else {
            return try Self.formView(person, fields: fields, categories: chosen, workers: workers, errors: errors)
                .render(on: req, status: .unprocessableEntity)
        }
        let id = try await Self.start(
            form, personID: personID, recordedBy: viewer.userID, agencyID: viewer.agencyID,
            externalReference: nil, now: req.now, req: req,
            events: { rid, markers in
                [
                    viewer.event(
                        .create, "protection", rid.uuidString,
                        reason: "\(form.kind.rawValue); \(markers) address(es) marked", on: req)
                ]
            })
        return req.redirect(to: SiteURL.protection(id).path, redirectType: .normal)
    }

    /// Saves a new record, marks its addresses and notes it on the chronology, in one audited write.
    static func start(
        _ form: ProtectionStart, personID: UUID, recordedBy: UUID?, agencyID: UUID?, externalReference: String?,
        now: Date,
        req: Request, events: @escaping @Sendable (UUID, Int) -> [AuditEvent]
    ) async throws -> UUID {
        let today = req.today
        return try await req.audit.write(on: req.db) { db in
            // The child is held, so two plans of one kind started at once cannot both be open (each would mark the
            // addresses again, and every police incident there would alert twice).
            let child = try await db.lockedForWrite(Person.self, personID)
            if try await active(for: personID, kind: form.kind, on: db, today: today) != nil {
                throw Abort(
                    .conflict, reason: ProtectionStart.alreadyOpen(form.kind, firstName: child.firstName).message)
            }
            let record = ProtectionRecord()
            record.$person.id = personID
            record.set(form)
            record.externalReference = externalReference
            record.$recordedBy.id = recordedBy
            record.recordedAt = now
            try await record.create(on: db)
            let rid = try record.requireID()
            let markers = try await ProtectionMarkers.place(for: record, now: now, on: db)
            let categories = form.categories.map(\.displayName).joined(separator: ", ")
            // Dated by the plan's start, not by when it was typed: the chronology is in event order.
            try await ChronologyEntry.onDay(
                form.start, personID: personID, agencyID: agencyID, category: "Child protection",
                summary:
                    "\(form.kind.displayName) started \(form.start.longText)\(categories.isEmpty ? "" : ": \(categories)")",
                recordedBy: recordedBy, recordedAt: now, visibility: .safeguarding
            ).create(on: db)
            return (rid, events(rid, markers.count))
        }
    }

    func show(req: Request) async throws -> Response {
        let record = try await Self.load(req, for: .viewProtectionDetails)
        let (viewer, person, relationship) = try await PersonAccess.authorise(
            .viewProtectionDetails, personID: record.$person.id, on: req, offerBreakGlass: true)
        let markers = try await PlaceOfInterestMarker.query(on: req.db).filter(\.$protection.$id == record.requireID())
            .with(\.$address).sort(\.$startedAt).all()
        try await req.audit.record(
            viewer.event(.view, "protection", try record.requireID().uuidString, on: req), on: req.db)
        return try Self.recordView(
            record, person: person, markers: markers, today: req.today, calendar: req.safeguard.calendar,
            mayChange: viewer.may(.recordProtection, relationship: relationship)
        ).render(on: req)
    }

    func end(req: Request) async throws -> Response {
        let record = try await Self.load(req, for: .recordProtection)
        let (viewer, person, _) = try await PersonAccess.authorise(
            .recordProtection, personID: record.$person.id, on: req)
        let fields = try FormBody.fields(req)
        let ending = ProtectionEnding.read(
            fields, start: record.start, alreadyEnded: record.endDate != nil, today: req.today)
        guard case .success(let (endDate, reason)) = ending else {
            let errors = if case .failure(let problems) = ending { FormErrors(problems) } else { FormErrors() }
            return try await Self.endView(record, person: person, fields: fields, errors: errors, on: req).render(
                on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let rid = try record.requireID()
        try await req.audit.write(on: req.db) { db in
            try await ProtectionMarkers.end(
                record, on: endDate, reason: reason, now: now, agencyID: viewer.agencyID, by: viewer.userID, on: db)
            return ((), [viewer.event(.change, "protection", rid.uuidString, reason: "ended: \(reason)", on: req)])
        }
        return req.redirect(to: SiteURL.protection(rid).path, redirectType: .normal)
    }

    /// After a move or a new carer: marks any relevant address not yet marked.
    func refreshMarkers(req: Request) async throws -> Response {
        let record = try await Self.load(req, for: .recordProtection)
        let (viewer, _, _) = try await PersonAccess.authorise(.recordProtection, personID: record.$person.id, on: req)
        guard record.endDate == nil else {
            throw Abort(.conflict, reason: "This has ended: its addresses are no longer marked.")
        }
        let now = req.now
        let rid = try record.requireID()
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(record) { $0.endDate == nil }
            let added = try await ProtectionMarkers.place(for: record, now: now, on: db)
            return (
                (),
                [
                    viewer.event(
                        .change, "protection", rid.uuidString, reason: "addresses reviewed: \(added.count) marked",
                        on: req)
                ]
            )
        }
        return req.redirect(to: SiteURL.protection(rid).path, redirectType: .normal)
    }

    /// What ending does, the date and the reason, before anything ends.
    func endForm(req: Request) async throws -> Response {
        let record = try await Self.load(req, for: .recordProtection)
        let (_, person, _) = try await PersonAccess.authorise(.recordProtection, personID: record.$person.id, on: req)
        guard record.endDate == nil else { return req.redirect(to: SiteURL.protection(try record.requireID()).path) }
        return try await Self.endView(record, person: person, fields: [:], errors: FormErrors(), on: req).render(
            on: req)
    }

    static func endView(
        _ record: ProtectionRecord, person: Person, fields: [String: String], errors: FormErrors, on req: Request
    ) async throws -> ProtectionEndView {
        let open = try await PlaceOfInterestMarker.query(on: req.db).filter(\.$protection.$id == record.requireID())
            .filter(\.$endedAt == nil)
            .with(\.$address).all()
        return ProtectionEndView(
            protectionID: try record.requireID(), personName: person.fullName,
            recordName: record.kind.recordName, markedAddresses: open.map(\.address.singleLine),
            fields: fields, errors: errors)
    }

    /// "Stop marking this address?": which address, what it means for the police, and why.
    func endMarkerForm(req: Request) async throws -> Response {
        let (_, person, record, marker) = try await Self.loadMarker(req)
        return MarkerEndView(
            protectionID: try record.requireID(), markerID: try marker.requireID(), personName: person.fullName,
            address: marker.address.singleLine, why: marker.reason, reason: "", errors: FormErrors()
        ).render(on: req)
    }

    /// An address stops being relevant (the carer moved out): its marker ends, with the reason typed.
    func endMarker(req: Request) async throws -> Response {
        let (viewer, person, record, marker) = try await Self.loadMarker(req)
        let reason = ((try? req.content.get(String.self, at: "reason")) ?? "").trimmed
        if let problem = ProtectionEnding.reasonProblem(reason, example: "Dean moved out of the flat on 2 March") {
            var errors = FormErrors()
            errors.add("reason", problem)
            return MarkerEndView(
                protectionID: try record.requireID(), markerID: try marker.requireID(), personName: person.fullName,
                address: marker.address.singleLine, why: marker.reason, reason: reason, errors: errors
            )
            .render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let rid = try record.requireID()
        let mid = try marker.requireID()
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(marker) { $0.endedAt == nil }
            marker.endedAt = now
            marker.endReason = reason
            try await marker.update(on: db)
            return (
                (),
                [viewer.event(.change, "protection", rid.uuidString, reason: "marker \(mid) ended: \(reason)", on: req)]
            )
        }
        return req.redirect(to: SiteURL.protection(rid).path, redirectType: .normal)
    }

    /// The open marker named in the path, of an open record this viewer may change.
    static func loadMarker(_ req: Request) async throws -> (Viewer, Person, ProtectionRecord, PlaceOfInterestMarker) {
        let record = try await Self.load(req, for: .recordProtection)
        let (viewer, person, _) = try await PersonAccess.authorise(
            .recordProtection, personID: record.$person.id, on: req)
        guard let mid = req.parameters.get("markerID", as: UUID.self),
            let marker = try await PlaceOfInterestMarker.query(on: req.db).filter(\.$id == mid).with(\.$address)
                .first(),
            marker.$protection.id == record.id, marker.endedAt == nil, record.endDate == nil
        else { throw Abort(.notFound) }
        return (viewer, person, record, marker)
    }

    /// The record named in the path, once the viewer's role may ever take `action` (so a role that may not is told
    /// so, never whether the record exists); the caller then asks for the record's person.
    static func load(_ req: Request, for action: Action) async throws -> ProtectionRecord {
        try req.requireEver(action)
        guard let id = req.parameters.get("protectionID", as: UUID.self) else { throw Abort(.notFound) }
        let found = try await ProtectionRecord.query(on: req.db).filter(\.$id == id)
            .with(\.$socialWorker) { $0.with(\.$agency).with(\.$team) }.first()
        guard let r = found else { throw Abort(.notFound) }
        return r
    }

    /// The open record of `kind` for the person, if any.
    static func active(
        for personID: UUID, kind: ProtectionKind, on db: Database, today: SimpleDate
    ) async throws -> ProtectionRecord? {
        try await ProtectionRecord.query(on: db).filter(\.$person.$id == personID).filter(\.$kind == kind).all()
            .first { $0.endDate == nil || ($0.end.map { $0 > today } ?? true) }
    }

    /// Who can hold a child's case: active social workers and team managers in children's social care.
    static func socialWorkers(on db: Database) async throws -> [User] {
        try await User.query(on: db).filter(\.$role ~~ [Role.socialWorker.rawValue, Role.teamManager.rawValue]).filter(
            \.$active == true
        )
        .with(\.$agency).sort(\.$displayName).all().filter { $0.agency.kind == .childrensSocialCare }
    }
}
