import Fluent
import SafeguardCore
import Vapor

/// The composite action plan and its recommendations: the business unit records each review's recommendations
/// and the actions agencies owe; everyone who oversees the plan reads all of it, an agency its own actions.
struct ActionPlanController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.actionPlan, for: [.viewActionPlan], use: plan)
        routes.get(.actionPlanCSV, for: [.viewActionPlan], use: planCSV)
        routes.get(.recommendationNew, for: [.manageActionPlan], use: newRecommendation)
        routes.post(.recommendationNew, for: [.manageActionPlan], use: createRecommendation)
        routes.get(.recommendation(.param("recommendationID")), for: [.viewActionPlan], use: recommendation)
        routes.post(.recommendationActions(.param("recommendationID")), for: [.manageActionPlan], use: addAction)
        routes.post(.recommendationClose(.param("recommendationID")), for: [.manageActionPlan], use: close)
    }

    /// The plan's entries this viewer may see, filtered as the page's GET form asks.
    static func entries(_ req: Request, viewer: Viewer, filter: ActionPlanFilter) async throws -> [ActionPlanEntry] {
        var query = PlanActionRecord.query(on: req.db).with(\.$recommendation).with(\.$agency).with(\.$owner).sort(
            \.$dueOn)
        if ActionPlanScope.of(role: viewer.role, memberships: viewer.memberships) == .agency {
            query = query.filter(\.$agency.$id == viewer.agencyID)
        }
        return try await query.all().map { $0.entry() }.filter { filter.includes($0, today: req.today) }
    }

    static func filter(_ req: Request) -> ActionPlanFilter {
        // Read as plain pairs: the "Only overdue" checkbox sends overdue[]=yes, which links write as overdue=yes.
        let items = URLComponents(string: req.url.string)?.queryItems ?? []
        func q(_ name: String) -> String? {
            items.first { $0.name == name || $0.name == name + "[]" }.flatMap { ($0.value ?? "").trimmed.nilIfEmpty }
        }
        return ActionPlanFilter(
            agency: q("agency"), source: q("source"), status: q("status").flatMap(ActionStatus.init(rawValue:)),
            overdueOnly: q("overdue") == "yes")
    }

    func plan(req: Request) async throws -> Response {
        let viewer = try req.require(.viewActionPlan)
        let filter = Self.filter(req)
        let all = try await Self.entries(req, viewer: viewer, filter: ActionPlanFilter())
        let shown = all.filter { filter.includes($0, today: req.today) }
        try await req.audit.record(viewer.event(.view, "action-plan", "composite", on: req), on: req.db)
        return ActionPlanView(
            entries: shown, agencies: Array(Set(all.map(\.agency))).sorted(),
            sources: Dictionary(all.map { ($0.sourceReference, $0.source) }, uniquingKeysWith: { a, _ in a }).sorted {
                $0.key < $1.key
            },
            filter: filter, today: req.today, calendar: req.safeguard.calendar,
            mayManage: viewer.may(.manageActionPlan),
            wholePlan: ActionPlanScope.of(role: viewer.role, memberships: viewer.memberships) == .all
        ).render(on: req)
    }

    func planCSV(req: Request) async throws -> Response {
        let viewer = try req.require(.viewActionPlan)
        let entries = try await Self.entries(req, viewer: viewer, filter: Self.filter(req))
        try await req.audit.record(viewer.event(.export, "action-plan", "composite", on: req), on: req.db)
        return try CSVDownload.response(
            ActionPlanReport.csvLines(entries, today: req.today, calendar: req.safeguard.calendar),
            filename: "action-plan-\(req.today.iso).csv")
    }

    func newRecommendation(req: Request) async throws -> Response {
        try req.require(.manageActionPlan)
        return RecommendationFormView(sources: try await Self.sources(on: req.db), fields: [:], errors: FormErrors())
            .render(on: req)
    }

    func createRecommendation(req: Request) async throws -> Response {
        let viewer = try req.require(.manageActionPlan)
        let fields = try FormBody.fields(req)
        let sources = try await Self.sources(on: req.db)
        let source = sources.first { $0.reference == fields["source"] }
        let finding = TypedText.cleaned(fields["finding"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let text = TypedText.cleaned(fields["recommendation"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FormErrors()
        for p in Recommendation.problems(finding: finding, text: text, sourceChosen: source != nil) {
            errors.add(p.field, p.message)
        }
        guard errors.isEmpty, let source else {
            return RecommendationFormView(sources: sources, fields: fields, errors: errors).render(
                on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let id = try await req.audit.write(on: req.db) { db in
            let r = RecommendationRecord()
            r.sourceKind = LearningSourceKind.review.rawValue
            r.sourceReference = source.reference
            r.sourceTitle = source.title
            r.$createdBy.id = viewer.userID
            r.createdAt = now
            r.set(Recommendation(finding: finding, text: text), at: now)
            try await r.create(on: db)
            return (
                r.id!, [viewer.event(.create, "recommendation", r.id!.uuidString, reason: source.reference, on: req)]
            )
        }
        return req.redirect(to: SiteURL.recommendation(id).with(query: [("done", "added")]), redirectType: .normal)
    }

    func recommendation(req: Request) async throws -> Response {
        let viewer = try req.require(.viewActionPlan)
        guard ActionPlanScope.of(role: viewer.role, memberships: viewer.memberships) == .all else {
            throw AccessDenied(decision: .deny(.roleHasNoAccess))
        }
        let record = try await Self.recommendation(req)
        try await req.audit.record(viewer.event(.view, "recommendation", record.id!.uuidString, on: req), on: req.db)
        return try await Self.recommendationView(record, viewer: viewer, on: req, fields: [:], errors: FormErrors())
            .render(on: req)
    }

    func addAction(req: Request) async throws -> Response {
        let viewer = try req.require(.manageActionPlan)
        let record = try await Self.recommendation(req)
        let rid = record.id!
        let fields = try FormBody.fields(req)
        let owners = try await Self.owners(on: req.db)
        let owner = owners.first { $0.id?.uuidString == fields["owner"] }
        let description = TypedText.cleaned(fields["description"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let impact = TypedText.cleaned(fields["impact"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let due = SimpleDate(
            day: fields["due-day"] ?? "", month: fields["due-month"] ?? "", year: fields["due-year"] ?? "")
        var errors = FormErrors()
        if record.recommendation.status != .open { errors.add("description", "This recommendation is closed") }
        for p in PlanAction.problems(
            description: description, impactMeasure: impact, ownerChosen: owner != nil, dueOn: due, today: req.today)
        {
            errors.add(p.field, p.message)
        }
        guard errors.isEmpty, let owner, let due else {
            return try await Self.recommendationView(record, viewer: viewer, on: req, fields: fields, errors: errors)
                .render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let emailConfigured = req.notifications.isConfigured
        try await req.audit.write(on: req.db) { db in
            let a = PlanActionRecord()
            a.$recommendation.id = rid
            a.$agency.id = owner.$agency.id
            a.$owner.id = owner.id!
            a.chasedAt = nil
            a.set(PlanAction(description: description, impactMeasure: impact, dueOn: due), at: now)
            try await a.create(on: db)
            try await UserNotification(
                userID: owner.id!, subject: "An action from a review is yours",
                body: "The partnership's business unit has given you an action, due by \(due.longText): \(description)",
                link: SiteURL.planAction(a.id!).path, at: now, emailConfigured: emailConfigured
            ).create(on: db)
            return ((), [viewer.event(.create, "plan-action", a.id!.uuidString, reason: "owner \(owner.id!)", on: req)])
        }
        req.notifications.sendPending(app: req.application)
        return req.redirect(
            to: SiteURL.recommendation(rid).with(query: [("done", "action-added")]), redirectType: .normal)
    }

    func close(req: Request) async throws -> Response {
        let viewer = try req.require(.manageActionPlan)
        let record = try await Self.recommendation(req)
        let rid = record.id!
        let fields = try FormBody.fields(req)
        let actions = try await PlanActionRecord.query(on: req.db).filter(\.$recommendation.$id == rid).all().map(
            \.action)
        var r = record.recommendation
        var errors = FormErrors()
        let outcome = fields["close"]
        if outcome != "implemented" && outcome != "not-implemented" {
            errors.add("close", "Choose implemented or not implemented")
        } else {
            do throws(FieldProblem) {
                try r.close(
                    implemented: outcome == "implemented", reason: TypedText.cleaned(fields["reason"] ?? ""),
                    actions: actions)
            } catch { errors.add(error.field, error.message) }
        }
        guard errors.isEmpty else {
            return try await Self.recommendationView(record, viewer: viewer, on: req, fields: fields, errors: errors)
                .render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let closed = r
        try await req.audit.write(on: req.db) { db in
            record.set(closed, at: now)
            try await record.update(on: db)
            return (
                (), [viewer.event(.change, "recommendation", rid.uuidString, reason: closed.status.rawValue, on: req)]
            )
        }
        return req.redirect(to: SiteURL.recommendation(rid).with(query: [("done", "closed")]), redirectType: .normal)
    }

    static func recommendation(_ req: Request) async throws -> RecommendationRecord {
        guard let id = req.parameters.get("recommendationID", as: UUID.self),
            let r = try await RecommendationRecord.find(id, on: req.db)
        else { throw Abort(.notFound) }
        return r
    }

    /// The reviews a recommendation can come from: those already on the plan, then every review the platform holds.
    static func sources(on db: Database) async throws -> [(reference: String, title: String)] {
        var seen = Set<String>()
        let onPlan = try await RecommendationRecord.query(on: db).sort(\.$createdAt, .descending).all().map {
            ($0.sourceReference, $0.sourceTitle)
        }
        return (onPlan + (try await ReviewCatalogue.all(on: db))).filter { seen.insert($0.0).inserted }
    }

    /// Who can own an action: active case workers, in any agency.
    static func owners(on db: Database) async throws -> [User] {
        try await User.query(on: db).filter(\.$active == true).with(\.$agency).sort(\.$displayName).all().filter {
            $0.userRole?.worksCases == true
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
