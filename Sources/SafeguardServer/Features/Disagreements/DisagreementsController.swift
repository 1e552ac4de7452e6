import Fluent
import SafeguardCore
import Vapor

/// Professional disagreements: a practitioner records one with another agency about a case; it climbs the
/// partnership's stages (``EscalationLadder``, from the rules file) until resolved, each stage's outcome recorded.
/// ``ProfessionalDisagreement`` decides the clocks, the moves and whose each stage is; this loads, saves, audits.
struct DisagreementsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.disagreements, for: [.raiseDisagreement, .handleDisagreement], use: list)
        routes.get(.disagreementNew, for: [.raiseDisagreement], use: new)
        routes.post(.disagreementNew, for: [.raiseDisagreement], use: create)
        routes.get(.disagreementFigures, for: [.viewDisagreementFigures], use: figures)
        routes.get(.disagreementFiguresCSV, for: [.viewDisagreementFigures], use: figuresCSV)
        routes.get(.disagreement(.param("disagreementID")), for: [.handleDisagreement], use: show)
        routes.post(.disagreementOutcome(.param("disagreementID")), for: [.handleDisagreement], use: outcome)
    }

    func list(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard viewer.may(.raiseDisagreement) || viewer.may(.handleDisagreement) else {
            throw AccessDenied(decision: viewer.decide(.raiseDisagreement))
        }
        var query = DisagreementRecord.query(on: req.db).with(\.$raisedAgency).with(\.$otherAgency).sort(
            \.$raisedAt, .descending)
        // The business unit sees every disagreement; an agency sees those it is a party to.
        if !viewer.may(.handleDisagreement) {
            query = query.group(.or) {
                $0.filter(\.$raisedAgency.$id == viewer.agencyID).filter(\.$otherAgency.$id == viewer.agencyID)
            }
        }
        let ladder = req.safeguard.settings.rules.escalation
        let rows = try await query.all().map {
            DisagreementListing($0, ladder: ladder, today: req.today, calendar: req.safeguard.calendar)
        }
        try await req.audit.record(viewer.event(.view, "disagreements", "list", on: req), on: req.db)
        return DisagreementListView(
            rows: rows, mayRaise: viewer.may(.raiseDisagreement), mayViewFigures: viewer.may(.viewDisagreementFigures)
        )
        .render(on: req)
    }

    func new(req: Request) async throws -> Response {
        let viewer = try req.require(.raiseDisagreement)
        return try await Self.formView(viewer, on: req, fields: [:], errors: FormErrors()).render(on: req)
    }

    func create(req: Request) async throws -> Response {
        let viewer = try req.require(.raiseDisagreement)
        let fields = try FormBody.fields(req)
        let agencies = try await Self.otherAgencies(viewer, on: req.db)
        let other = UUID(uuidString: fields["other-agency"] ?? "")
        let otherKnown = other.map { id in agencies.contains { $0.id == id } } ?? false
        let theme = DisagreementTheme(rawValue: fields["theme"] ?? "")
        let caseReference = TypedText.cleaned(fields["case-reference"] ?? "").trimmingCharacters(in: .whitespaces)
        let summary = TypedText.cleaned(fields["summary"] ?? "")
        let resolution = TypedText.cleaned(fields["resolution"] ?? "")
        var errors = FormErrors()
        for p in ProfessionalDisagreement.raiseProblems(
            otherAgencyChosen: otherKnown || other == viewer.agencyID, sameAgency: other == viewer.agencyID,
            caseReference: caseReference, theme: theme, summary: summary, resolution: resolution)
        {
            errors.add(p.field, p.message)
        }
        if summary.count > 4000 { errors.add("summary", "Keep it to 4,000 characters") }
        let ladder = req.safeguard.settings.rules.escalation
        let today = req.today
        let now = req.now
        guard errors.isEmpty, let other, let theme else {
            return DisagreementFormView(agencies: agencies, ladder: ladder, fields: fields, errors: errors).render(
                on: req, status: .unprocessableEntity)
        }
        let disagreement = try ProfessionalDisagreement(
            raisedOn: today, ladder: ladder, calendar: req.safeguard.calendar)
        let id = try await req.audit.write(on: req.db) { db in
            let r = DisagreementRecord()
            r.reference = try await YearlyReference.disagreement.next(
                DisagreementRecord.self, \.$reference, year: today.year, on: db)
            r.$raisedBy.id = viewer.userID
            r.$raisedAgency.id = viewer.agencyID
            r.$otherAgency.id = other
            r.caseReference = caseReference
            r.theme = theme
            r.summary = summary
            r.resolution = resolution
            r.raisedAt = now
            r.set(disagreement, at: now)
            try await r.create(on: db)
            return (
                r.id!,
                [viewer.event(.create, "disagreement", r.id!.uuidString, reason: "with agency \(other)", on: req)]
            )
        }
        return req.redirect(to: SiteURL.disagreement(id).with(query: [("done", "raised")]), redirectType: .normal)
    }

    func show(req: Request) async throws -> Response {
        let (viewer, record) = try await Self.authorise(req)
        try await req.audit.record(viewer.event(.view, "disagreement", record.id!.uuidString, on: req), on: req.db)
        return try await Self.page(record, viewer: viewer, on: req, fields: [:], errors: FormErrors()).render(on: req)
    }

    func outcome(req: Request) async throws -> Response {
        let (viewer, record) = try await Self.authorise(req)
        let fields = try FormBody.fields(req)
        let ladder = req.safeguard.settings.rules.escalation
        var d = record.disagreement(ladder)
        var errors = FormErrors()
        if !d.mayRecordOutcome(role: viewer.role, isParty: record.relationship(to: viewer) == .agencyInvolved) {
            throw AccessDenied(decision: .deny(.roleHasNoAccess))
        }
        let resolved = fields["resolved"]
        if resolved != "yes" && resolved != "no" { errors.add("resolved", "Say whether this stage resolved it") }
        if errors.isEmpty {
            do throws(FieldProblem) {
                try d.recordOutcome(
                    TypedText.cleaned(fields["outcome"] ?? ""), resolved: resolved == "yes", on: req.today,
                    by: viewer.displayName,
                    calendar: req.safeguard.calendar)
            } catch { errors.add("outcome", error.message) }
        } else if (fields["outcome"] ?? "").split(whereSeparator: \.isWhitespace).count < 5 {
            errors.add("outcome", "Record what was discussed and decided at this stage, in at least 5 words")
        }
        guard errors.isEmpty else {
            return try await Self.page(record, viewer: viewer, on: req, fields: fields, errors: errors)
                .render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let id = record.id!
        let moved = d
        let readAs = record.disagreement(ladder)
        try await req.audit.write(on: req.db) { db in
            // Both agencies recording this stage at once: the second is refused rather than written over the first.
            try await db.holdUnchanged(record) { $0.disagreement(ladder) == readAs }
            record.set(moved, at: now)
            try await record.update(on: db)
            let what =
                moved.status == .resolved
                ? "resolved at stage \(moved.current.stage + 1)" : "escalated to stage \(moved.current.stage + 1)"
            return ((), [viewer.event(.change, "disagreement", id.uuidString, reason: what, on: req)])
        }
        return req.redirect(
            to: SiteURL.disagreement(id).with(query: [("done", d.status == .resolved ? "resolved" : "escalated")]),
            redirectType: .normal)
    }

    func figures(req: Request) async throws -> Response {
        let viewer = try req.require(.viewDisagreementFigures)
        let figures = try await Self.figures(on: req)
        try await req.audit.record(viewer.event(.view, "disagreement-figures", "all", on: req), on: req.db)
        return DisagreementFiguresView(figures: figures).render(on: req)
    }

    func figuresCSV(req: Request) async throws -> Response {
        let viewer = try req.require(.viewDisagreementFigures)
        let figures = try await Self.figures(on: req)
        try await req.audit.record(viewer.event(.export, "disagreement-figures", "all", on: req), on: req.db)
        return try CSVDownload.response(figures.csvLines, filename: "professional-disagreements.csv")
    }

    static func figures(on req: Request) async throws -> DisagreementFigures {
        let ladder = req.safeguard.settings.rules.escalation
        let all = try await DisagreementRecord.query(on: req.db).with(\.$raisedAgency).with(\.$otherAgency).all()
        return DisagreementFigures(
            all.map { r in
                let d = r.disagreement(ladder)
                return .init(
                    raisingAgency: r.raisedAgency.name, otherAgency: r.otherAgency.name, theme: r.theme,
                    highestStage: d.highestStage, resolved: d.status == .resolved)
            }, ladder: ladder)
    }

    static func authorise(_ req: Request) async throws -> (Viewer, DisagreementRecord) {
        let viewer = try req.requireEver(.handleDisagreement)
        guard let id = req.parameters.get("disagreementID", as: UUID.self),
            let record = try await DisagreementRecord.query(on: req.db).filter(\.$id == id).with(\.$raisedAgency).with(
                \.$otherAgency
            ).first()
        else {
            throw Abort(.notFound)
        }
        let decision = viewer.decide(.handleDisagreement, relationship: record.relationship(to: viewer))
        guard decision.isPermitted else { throw AccessDenied(decision: decision) }
        return (viewer, record)
    }

    /// For My work: disagreements whose current stage this viewer may record, with the stage's clock.
    static func myWork(_ viewer: Viewer, on req: Request) async throws -> [MyWorkController.Item] {
        guard viewer.may(.raiseDisagreement) || viewer.may(.handleDisagreement) else { return [] }
        var query = DisagreementRecord.query(on: req.db).filter(
            \.$status == ProfessionalDisagreement.Status.open.rawValue
        )
        .with(\.$raisedAgency).with(\.$otherAgency).sort(\.$raisedAt)
        if !viewer.may(.handleDisagreement) {
            query = query.group(.or) {
                $0.filter(\.$raisedAgency.$id == viewer.agencyID).filter(\.$otherAgency.$id == viewer.agencyID)
            }
        }
        let ladder = req.safeguard.settings.rules.escalation
        return try await query.all().compactMap { r in
            let d = r.disagreement(ladder)
            guard
                d.awaits(
                    role: viewer.role, isParty: r.relationship(to: viewer) == .agencyInvolved,
                    isRaiser: r.$raisedBy.id == viewer.userID)
            else { return nil }
            let listing = DisagreementListing(r, ladder: ladder, today: req.today, calendar: req.safeguard.calendar)
            return MyWorkController.Item(
                title: "Disagreement \(r.reference): \(listing.agencies)", url: .disagreement(r.id!),
                detail: listing.stage + ": " + listing.due, urgent: listing.rag == .red)
        }
    }
}
