import Fluent
import SafeguardCore
import Vapor

/// One action: its owner records progress and evidence (text and files) and says it is done; the case review
/// sub-group signs it off or returns it; the business unit chases an owner. ``PlanAction`` decides each move.
struct PlanActionsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.planAction(.param("actionID")), for: [.viewActionPlan], use: show)
        routes.post(.planActionProgress(.param("actionID")), for: [.updatePlanAction], use: progress)
        routes.post(.planActionEvidence(.param("actionID")), bodyLimit: "20mb", for: [.updatePlanAction], use: evidence)
        routes.post(.planActionComplete(.param("actionID")), for: [.updatePlanAction], use: complete)
        routes.post(.planActionSignOff(.param("actionID")), for: [.signOffPlanAction], use: signOff)
        routes.post(.planActionChase(.param("actionID")), for: [.manageActionPlan], use: chase)
        routes.get(.evidenceFile(.param("fileID")), for: [.viewActionPlan], use: file)
    }

    /// Loads the action if the viewer may see it: the whole plan's overseers, or the owning agency's staff.
    static func load(_ req: Request, _ action: Action = .viewActionPlan) async throws -> (Viewer, PlanActionRecord) {
        let viewer = try req.require(action)
        guard let id = req.parameters.get("actionID", as: UUID.self),
            let record = try await PlanActionRecord.query(on: req.db).filter(\.$id == id).with(\.$recommendation).with(
                \.$agency
            ).with(\.$owner).first()
        else {
            throw Abort(.notFound)
        }
        let whole = ActionPlanScope.of(role: viewer.role, memberships: viewer.memberships) == .all
        guard whole || record.$agency.id == viewer.agencyID else {
            throw AccessDenied(decision: .deny(.needsAgencyInvolvement))
        }
        return (viewer, record)
    }

    func show(req: Request) async throws -> Response {
        let (viewer, record) = try await Self.load(req)
        try await req.audit.record(viewer.event(.view, "plan-action", record.id!.uuidString, on: req), on: req.db)
        return try await Self.page(record, viewer: viewer, on: req, fields: [:], errors: FormErrors()).render(
            on: req)
    }

    /// Runs one of the owner's or sub-group's moves, saving on success and showing the page with the problem otherwise.
    private func move(
        _ req: Request, _ action: Action, audit: String, done: String, may: (Viewer, PlanActionRecord) -> Bool,
        _ change: (inout PlanAction, [String: String], Viewer) throws(FieldProblem) -> Void
    ) async throws -> Response {
        let (viewer, record) = try await Self.load(req, action)
        guard may(viewer, record) else { throw AccessDenied(decision: .deny(.roleHasNoAccess)) }
        let fields = try FormBody.fields(req)
        var a = record.action
        do throws(FieldProblem) { try change(&a, fields, viewer) } catch {
            var errors = FormErrors()
            errors.add(error.field, error.message)
            return try await Self.page(record, viewer: viewer, on: req, fields: fields, errors: errors)
                .render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let id = record.id!
        let changed = a
        let readAs = record.action
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(record) { $0.action == readAs }
            record.set(changed, at: now)
            try await record.update(on: db)
            return ((), [viewer.event(.change, "plan-action", id.uuidString, reason: audit, on: req)])
        }
        return req.redirect(to: SiteURL.planAction(id).with(query: [("done", done)]), redirectType: .normal)
    }

    private static func isOwner(_ v: Viewer, _ r: PlanActionRecord) -> Bool { r.$owner.id == v.userID }

    func progress(req: Request) async throws -> Response {
        try await move(
            req, .updatePlanAction, audit: "progress", done: "progress",
            may: { PlanAction.mayUpdate(isOwner: Self.isOwner($0, $1), role: $0.role) }
        ) {
            a, f, _ throws(FieldProblem) in
            guard let status = ActionStatus(rawValue: f["status"] ?? ""), ActionStatus.progress.contains(status) else {
                throw FieldProblem(field: "status", message: "Choose not started, on track or at risk")
            }
            try a.updateProgress(status, note: TypedText.cleaned(f["note"] ?? ""))
        }
    }

    func complete(req: Request) async throws -> Response {
        let today = req.today
        return try await move(
            req, .updatePlanAction, audit: "completed", done: "completed",
            may: { PlanAction.mayUpdate(isOwner: Self.isOwner($0, $1), role: $0.role) }
        ) {
            a, f, _ throws(FieldProblem) in
            try a.complete(on: today, impactAchieved: TypedText.cleaned(f["impact-achieved"] ?? ""))
        }
    }

    func signOff(req: Request) async throws -> Response {
        let today = req.today
        return try await move(
            req, .signOffPlanAction, audit: "sign-off", done: "signed-off",
            may: { PlanAction.maySignOff(memberships: $0.memberships, isOwner: Self.isOwner($0, $1)) }
        ) { a, f, v throws(FieldProblem) in
            switch f["decision"] {
            case "sign-off": try a.signOff(on: today, by: v.displayName)
            case "return": try a.returnToOwner(TypedText.cleaned(f["return-note"] ?? ""))
            default:
                throw FieldProblem(field: "decision", message: "Choose to sign it off or to return it to the owner")
            }
        }
    }

    /// Evidence: a description, with a file or without. Multipart, so the file's bytes stay as sent.
    func evidence(req: Request) async throws -> Response {
        struct Upload: Content {
            var evidence: String?
            var file: File?
        }
        let (viewer, record) = try await Self.load(req, .updatePlanAction)
        guard PlanAction.mayUpdate(isOwner: Self.isOwner(viewer, record), role: viewer.role) else {
            throw AccessDenied(decision: .deny(.roleHasNoAccess))
        }
        let upload = try? req.content.decode(Upload.self)
        let text = TypedText.cleaned(upload?.evidence ?? "")
        var errors = FormErrors()
        let file = upload?.file.flatMap { $0.data.readableBytes > 0 ? $0 : nil }
        if let file, file.data.readableBytes > 15 * 1024 * 1024 {
            errors.add("evidence-file", "The file must be smaller than 15 MB")
        }
        let fileID = UUID()
        var a = record.action
        if errors.isEmpty {
            do throws(FieldProblem) {
                try a.addEvidence(
                    text, on: req.today, by: viewer.displayName, files: file == nil ? [] : [fileID.uuidString])
            } catch { errors.add("evidence", error.message) }
        }
        guard errors.isEmpty else {
            return try await Self.page(
                record, viewer: viewer, on: req, fields: ["evidence": text], errors: errors
            ).render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let id = record.id!
        let changed = a
        let readAs = record.action
        let stored: EvidenceFileRecord? = file.map { f in
            let r = EvidenceFileRecord()
            r.id = fileID
            r.$action.id = id
            r.filename = TrainingAttendanceController.safeFilename(f.filename)
            r.contentType = f.contentType?.serialize() ?? "application/octet-stream"
            r.size = f.data.readableBytes
            r.content = Data(f.data.readableBytesView)
            r.$uploadedBy.id = viewer.userID
            r.uploadedAt = now
            return r
        }
        try await req.audit.write(on: req.db) { db in
            // Evidence added while a manager signed the action off (or another file went in) is refused, not lost.
            try await db.holdUnchanged(record) { $0.action == readAs }
            if let stored { try await stored.create(on: db) }
            record.set(changed, at: now)
            try await record.update(on: db)
            return (
                (),
                [
                    viewer.event(
                        .change, "plan-action", id.uuidString,
                        reason: stored == nil ? "evidence added" : "evidence added with a file", on: req)
                ]
            )
        }
        return req.redirect(to: SiteURL.planAction(id).with(query: [("done", "evidence")]), redirectType: .normal)
    }

    /// The business unit reminds an owner; the reminder is recorded on the action.
    func chase(req: Request) async throws -> Response {
        let (viewer, record) = try await Self.load(req, .manageActionPlan)
        guard !record.action.isFinished else { throw Abort(.conflict, reason: "This action is completed") }
        let now = req.now
        let id = record.id!
        let emailConfigured = req.notifications.isConfigured
        let owner = record.$owner.id
        let a = record.action
        try await req.audit.write(on: req.db) { db in
            record.chasedAt = now
            try await record.update(on: db)
            try await UserNotification(
                userID: owner,
                subject: a.isOverdue(today: SimpleDate(now))
                    ? "Your action from a review is overdue" : "A reminder about your action from a review",
                body: "Due \(a.dueOn.longText): \(a.description). Record progress and evidence on the action's page.",
                link: SiteURL.planAction(id).path, at: now, emailConfigured: emailConfigured
            ).create(on: db)
            return ((), [viewer.event(.change, "plan-action", id.uuidString, reason: "owner chased", on: req)])
        }
        req.notifications.sendPending(app: req.application)
        return req.redirect(to: SiteURL.planAction(id).with(query: [("done", "chased")]), redirectType: .normal)
    }

    func file(req: Request) async throws -> Response {
        let viewer = try req.require(.viewActionPlan)
        guard let id = req.parameters.get("fileID", as: UUID.self),
            let f = try await EvidenceFileRecord.query(on: req.db).filter(\.$id == id).with(\.$action).first()
        else { throw Abort(.notFound) }
        let whole = ActionPlanScope.of(role: viewer.role, memberships: viewer.memberships) == .all
        guard whole || f.action.$agency.id == viewer.agencyID else {
            throw AccessDenied(decision: .deny(.needsAgencyInvolvement))
        }
        try await req.audit.record(viewer.event(.export, "evidence-file", id.uuidString, on: req), on: req.db)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: f.contentType)
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(f.filename)\"")
        return Response(status: .ok, headers: headers, body: .init(data: f.content))
    }

    /// For My work: the viewer's own actions still open (overdue first), and for sub-group members, completed
    /// actions awaiting sign-off.
    static func myWork(_ viewer: Viewer, on req: Request) async throws -> [MyWorkController.Item] {
        var items: [MyWorkController.Item] = []
        let today = req.today
        if viewer.may(.updatePlanAction) {
            for r in try await PlanActionRecord.query(on: req.db).filter(\.$owner.$id == viewer.userID).sort(\.$dueOn)
                .all()
            {
                let a = r.action
                guard a.status != .signedOff && a.status != .completed else { continue }
                items.append(
                    .init(
                        title: "Action from a review: \(a.description)", url: .planAction(r.id!),
                        detail: (a.isOverdue(today: today) ? "Overdue since " : "Due by ") + a.dueOn.longText,
                        urgent: a.isOverdue(today: today)))
            }
        }
        if viewer.may(.signOffPlanAction) {
            for r in try await PlanActionRecord.query(on: req.db).filter(\.$status == ActionStatus.completed)
                .filter(\.$owner.$id != viewer.userID)
                .with(\.$agency).all()
            {
                items.append(
                    .init(
                        title: "Sign off an action: \(r.action.description)", url: .planAction(r.id!),
                        detail: "Completed by \(r.agency.name) on \(r.action.completedOn?.longText ?? "")",
                        urgent: false))
            }
        }
        return items
    }
}
