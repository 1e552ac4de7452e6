import Fluent
import SafeguardCore
import Vapor

/// Agencies' summaries for a rapid review or a SAR. The business unit asks one named contributor per agency,
/// chases late ones and returns a summary that needs more; the contributor reads only what they need to find
/// their records and writes their agency's summary; the review's readers read the summaries and the merged
/// chronology. ``AgencySummary`` decides each step; ``ReviewSubject`` is the review it belongs to.
struct AgencySummariesController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let incident = UUID.param("incidentID")
        let sar = UUID.param("sarID")
        // The review's readers (``ReviewSubject/readAction``) read its chronology.
        for (summariesPage, chronologyPage, csv, reader) in [
            (
                SiteURL.rapidReviewSummaries(incident), SiteURL.rapidReviewChronology(incident),
                SiteURL.rapidReviewChronologyCSV(incident), Action.viewSeriousIncidents
            ),
            (.sarSummaries(sar), .sarChronology(sar), .sarChronologyCSV(sar), .viewSARs),
        ] {
            routes.get(summariesPage, for: [.manageAgencySummaries], use: askForm)
            routes.post(summariesPage, for: [.manageAgencySummaries], use: ask)
            routes.get(chronologyPage, for: [reader], use: chronology)
            routes.get(csv, for: [reader], use: chronologyCSV)
        }
        routes.get(.agencySummaries, for: [.writeAgencySummary], use: mine)
        routes.get(
            .agencySummary(.param("summaryID")), for: [.viewSeriousIncidents, .viewSARs, .writeAgencySummary],
            use: show)
        routes.post(.agencySummary(.param("summaryID")), for: [.writeAgencySummary], use: write)
        routes.post(.agencySummaryChase(.param("summaryID")), for: [.manageAgencySummaries], use: chase)
        routes.post(.agencySummaryReturn(.param("summaryID")), for: [.manageAgencySummaries], use: returnForMore)
        routes.post(.agencySummaryContributor(.param("summaryID")), for: [.manageAgencySummaries], use: passOn)
    }

    // MARK: Asking

    /// Everyone who may write a summary, by agency, with the agencies already asked left out.
    private static func contributors(
        for subject: ReviewSubject, on req: Request
    ) async throws -> (AgencySummaryAskView.Offer, [AgencySummaryRequests.Contributor]) {
        let asked = Set(try await subject.summaries(on: req.db).map { $0.$agency.id.uuidString })
        let agencies = try await Agency.query(on: req.db).filter(\.$active == true).all()
        let users = try await User.query(on: req.db).filter(\.$active == true).sort(\.$displayName).all()
            .filter { $0.userRole.map(AgencySummary.mayContribute(role:)) ?? false }
        let involved = Set(agencies.filter { subject.person.agencies.contains($0.name) }.map { $0.id!.uuidString })
        let groups = PartnerChoice.groups(
            agencies.map { .init(id: $0.id!.uuidString, name: $0.name, kind: $0.kind) }, involved: involved,
            asked: asked,
            involvedTitle: "Already working with \(subject.person.name)")
        let byAgency = Dictionary(grouping: users, by: { $0.$agency.id.uuidString })
        let names = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!.uuidString, $0.name) })
        let offer = groups.map { g in
            (
                title: g.title,
                agencies: g.agencies.compactMap { a -> AgencySummaryAskView.AgencyOffer? in
                    guard let people = byAgency[a.id], !people.isEmpty else { return nil }
                    return .init(
                        name: a.name,
                        people: people.map {
                            ($0.id!.uuidString, "\($0.displayName), \($0.userRole?.displayName ?? $0.role)")
                        })
                }
            )
        }.filter { !$0.agencies.isEmpty }
        let offered = users.compactMap { u in
            names[u.$agency.id.uuidString].map {
                AgencySummaryRequests.Contributor(
                    userID: u.id!.uuidString, agencyID: u.$agency.id.uuidString, agencyName: $0)
            }
        }
        return (offer, offered)
    }

    private static func gathering(_ req: Request) async throws -> ReviewSubject {
        let subject = try await ReviewSubject.fromRoute(req)
        guard subject.isGathering else {
            throw Abort(
                .conflict,
                reason:
                    "This \(subject.kindName) is not gathering agencies' summaries: a rapid review stops once submitted, and a SAR gathers only once the panel has decided to hold one"
            )
        }
        return subject
    }

    private static func dueDay(_ subject: ReviewSubject, on req: Request) throws -> SimpleDate {
        try AgencySummary.due(
            requestedOn: req.today, workingDays: req.safeguard.settings.rules.agencySummaryWorkingDays,
            reviewDue: subject.reviewDue,
            calendar: req.safeguard.calendar)
    }

    func askForm(req: Request) async throws -> Response {
        let viewer = try req.require(.manageAgencySummaries)
        let subject = try await Self.gathering(req)
        let (offer, _) = try await Self.contributors(for: subject, on: req)
        try await req.audit.record(
            viewer.event(.view, "agency-summary-requests", subject.reference, on: req), on: req.db)
        return AgencySummaryAskView(
            subject: subject, offer: offer, due: try Self.dueDay(subject, on: req), chosen: [], ask: "",
            errors: FormErrors()
        ).render(on: req)
    }

    func ask(req: Request) async throws -> Response {
        let viewer = try req.require(.manageAgencySummaries)
        let subject = try await Self.gathering(req)
        let (offer, offered) = try await Self.contributors(for: subject, on: req)
        let chosen = try FormBody.list(req, "contributors")
        let askText = TypedText.cleaned((try? req.content.get(String.self, at: "ask")) ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
        let due = try Self.dueDay(subject, on: req)
        var errors = FormErrors()
        var picked: [AgencySummaryRequests.Contributor] = []
        do throws(FieldProblem) {
            picked = try AgencySummaryRequests.choose(chosen, from: offered, alreadyAsked: [])
        } catch { errors.add(error.field, error.message) }
        if let problem = AgencySummaryRequests.askProblem(askText) { errors.add(problem.field, problem.message) }
        guard errors.isEmpty else {
            return AgencySummaryAskView(
                subject: subject, offer: offer, due: due, chosen: Set(chosen), ask: askText, errors: errors
            )
            .render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let today = req.today
        let emailConfigured = req.notifications.isConfigured
        let contributors = picked
        try await req.audit.write(on: req.db) { db in
            var events: [AuditEvent] = []
            for c in contributors {
                let r = AgencySummaryRecord()
                switch subject.key {
                case .rapidReview(let id): r.$incident.id = id
                case .sar(let id): r.$sar.id = id
                }
                r.$agency.id = UUID(uuidString: c.agencyID)!
                r.$contributor.id = UUID(uuidString: c.userID)!
                r.$requestedBy.id = viewer.userID
                r.set(AgencySummary(requestedOn: today, due: due, ask: askText), at: now)
                try await r.create(on: db)
                // The message names nobody: e-mail copies leave the platform.
                try await UserNotification(
                    userID: r.$contributor.id, subject: "A review needs your agency's summary",
                    body:
                        "The partnership business unit asks you to write \(c.agencyName)'s summary of its involvement for a \(subject.kindName), by \(due.longText).",
                    link: SiteURL.agencySummary(r.id!).path, at: now, emailConfigured: emailConfigured
                ).create(on: db)
                events.append(
                    viewer.event(
                        .create, "agency-summary", r.id!.uuidString,
                        reason: "asked \(c.agencyName) for \(subject.reference)", on: req))
            }
            return ((), events)
        }
        req.notifications.sendPending(app: req.application)
        return req.redirect(to: subject.page.with(query: [("done", "asked")]), redirectType: .normal)
    }

    // MARK: One summary

    /// The summary and what the viewer is to it: its contributor, or a reader of its review.
    private static func load(_ req: Request) async throws -> (AgencySummaryRecord, ReviewSubject) {
        guard let id = req.parameters.get("summaryID", as: UUID.self),
            let r = try await AgencySummaryRecord.query(on: req.db).filter(\.$id == id).with(\.$agency).with(
                \.$contributor
            ).first()
        else {
            throw Abort(.notFound)
        }
        return (r, try await ReviewSubject.load(r.review, on: req))
    }

    private static func page(
        _ r: AgencySummaryRecord, _ subject: ReviewSubject, viewer: Viewer, on req: Request,
        typed: AgencySummaryPage.Typed? = nil, errors: FormErrors = FormErrors()
    ) async throws -> AgencySummaryPage {
        let s = r.summary
        let isContributor = r.$contributor.id == viewer.userID
        // Whom the business unit can pass it to: the agency's other case workers.
        let others =
            viewer.may(.manageAgencySummaries) && s.mayWrite
            ? try await User.query(on: req.db).filter(\.$agency.$id == r.$agency.id).filter(\.$active == true).sort(
                \.$displayName
            ).all()
                .filter { $0.id != r.$contributor.id && ($0.userRole.map(AgencySummary.mayContribute(role:)) ?? false) }
                .map { ($0.id!.uuidString, "\($0.displayName), \($0.userRole?.displayName ?? $0.role)") }
            : []
        return AgencySummaryPage(
            id: r.id!, subject: subject, agency: r.agency.name, contributor: r.contributor.displayName, summary: s,
            standing: s.standing(today: req.today, calendar: req.safeguard.calendar),
            mayWrite: isContributor && s.mayWrite, mayManage: viewer.may(.manageAgencySummaries),
            typed: typed ?? .init(involvement: s.involvement, chronology: s.chronologyText, analysis: s.analysis),
            returnNote: "", errors: errors, today: req.today, others: others)
    }

    /// The contributor, or one who may read the review; anyone else is refused as the policy says.
    private static func authorise(_ r: AgencySummaryRecord, _ subject: ReviewSubject, on req: Request) throws -> Viewer
    {
        let viewer = try req.requireViewer()
        if viewer.may(subject.readAction) { return viewer }
        let decision = viewer.decide(
            .writeAgencySummary, relationship: r.$contributor.id == viewer.userID ? .agencyInvolved : .none)
        guard decision.isPermitted else { throw AccessDenied(decision: decision) }
        return viewer
    }

    func show(req: Request) async throws -> Response {
        let (r, subject) = try await Self.load(req)
        let viewer = try Self.authorise(r, subject, on: req)
        try await req.audit.record(viewer.event(.view, "agency-summary", r.id!.uuidString, on: req), on: req.db)
        return try await Self.page(r, subject, viewer: viewer, on: req).render(on: req)
    }

    /// The contributor saves a draft or sends it; what they typed comes back with any problem.
    func write(req: Request) async throws -> Response {
        try req.requireEver(.writeAgencySummary)
        let (r, subject) = try await Self.load(req)
        let me = try req.requireViewer()
        let viewer = try req.require(
            .writeAgencySummary, relationship: r.$contributor.id == me.userID ? .agencyInvolved : .none)
        let fields = try FormBody.fields(req)
        let typed = AgencySummaryPage.Typed(
            involvement: TypedText.cleaned(fields["involvement"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
            chronology: TypedText.cleaned(fields["chronology"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
            analysis: TypedText.cleaned(fields["analysis"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        let sending = fields["intent"] == "send"
        var s = r.summary
        do throws(FieldProblem) {
            if sending {
                try s.submit(
                    involvement: typed.involvement, chronology: typed.chronology, analysis: typed.analysis,
                    on: req.today)
            } else {
                try s.saveDraft(involvement: typed.involvement, chronology: typed.chronology, analysis: typed.analysis)
            }
        } catch {
            var errors = FormErrors()
            errors.add(error.field, error.message)
            return try await Self.page(r, subject, viewer: viewer, on: req, typed: typed, errors: errors).render(
                on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let changed = s
        let emailConfigured = req.notifications.isConfigured
        let readAs = r.summary
        try await req.audit.write(on: req.db) { db in
            // A chase or a return computed from the old summary must not write it back over what was just sent.
            try await db.holdUnchanged(r) { $0.summary == readAs }
            r.set(changed, at: now)
            try await r.update(on: db)
            if sending {
                try await UserNotification.tell(
                    try await UserNotification.businessUnit(on: db),
                    subject: "An agency's summary has arrived for \(subject.reference)",
                    body: "\(r.agency.name) has sent its summary for the \(subject.kindName).",
                    link: .agencySummary(r.id!), at: now, emailConfigured: emailConfigured, on: db)
            }
            return (
                (),
                [
                    viewer.event(
                        .change, "agency-summary", r.id!.uuidString, reason: sending ? "sent" : "draft saved", on: req)
                ]
            )
        }
        if sending { req.notifications.sendPending(app: req.application) }
        return req.redirect(
            to: SiteURL.agencySummary(r.id!).with(query: [("done", sending ? "sent" : "saved")]), redirectType: .normal)
    }

    /// The business unit reminds a contributor whose summary is late.
    func chase(req: Request) async throws -> Response {
        let viewer = try req.require(.manageAgencySummaries)
        let (r, subject) = try await Self.load(req)
        var s = r.summary
        do throws(FieldProblem) { try s.chase(on: req.today) } catch { throw Abort(.conflict, reason: error.message) }
        try await Self.save(
            r, s, by: viewer, reason: "chased", on: req,
            telling: "Reminder: your agency's summary for a review is late",
            "\(r.agency.name)'s summary for a \(subject.kindName) was due by \(s.due.longText). Please send it, or say what is holding it up."
        )
        return req.redirect(to: subject.page.with(query: [("done", "chased")]), redirectType: .normal)
    }

    /// The business unit sends a received summary back, saying what more the review needs.
    func returnForMore(req: Request) async throws -> Response {
        let viewer = try req.require(.manageAgencySummaries)
        let (r, subject) = try await Self.load(req)
        let note = TypedText.cleaned((try? req.content.get(String.self, at: "return-note")) ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
        var s = r.summary
        do throws(FieldProblem) { try s.returnForMore(note: note) } catch {
            var errors = FormErrors()
            errors.add(error.field, error.message)
            var page = try await Self.page(r, subject, viewer: viewer, on: req, errors: errors)
            page.returnNote = note
            return page.render(on: req, status: .unprocessableEntity)
        }
        try await Self.save(
            r, s, by: viewer, reason: "returned for more", on: req, telling: "Your agency's summary has been returned",
            "The business unit needs more in \(r.agency.name)'s summary for a \(subject.kindName). Its note says what.")
        return req.redirect(to: SiteURL.agencySummary(r.id!).with(query: [("done", "returned")]), redirectType: .normal)
    }

    /// The business unit passes a summary not yet sent to someone else in the agency; the new contributor is told
    /// and takes over what was drafted, and the one before no longer sees it.
    func passOn(req: Request) async throws -> Response {
        let viewer = try req.require(.manageAgencySummaries)
        let (r, subject) = try await Self.load(req)
        let chosen = (try? req.content.get(String.self, at: "contributor")).flatMap(UUID.init(uuidString:))
        var candidate: User? = nil
        if let chosen { candidate = try await User.find(chosen, on: req.db) }
        do throws(FieldProblem) {
            try r.summary.checkPassing(
                to: chosen?.uuidString, from: r.$contributor.id.uuidString,
                inSameAgency: candidate.map { $0.$agency.id == r.$agency.id && $0.active } ?? false,
                role: candidate?.userRole)
        } catch {
            var errors = FormErrors()
            errors.add(error.field, error.message)
            return try await Self.page(r, subject, viewer: viewer, on: req, errors: errors).render(
                on: req, status: .unprocessableEntity)
        }
        let before = r.contributor.displayName
        let after = candidate!
        r.$contributor.id = try after.requireID()
        try await Self.save(
            r, r.summary, by: viewer, reason: "passed from \(before) to \(after.displayName)", on: req,
            telling: "A review needs your agency's summary",
            "The partnership business unit has passed \(r.agency.name)'s summary for a \(subject.kindName) to you, due by \(r.summary.due.longText). Anything drafted is there."
        )
        return req.redirect(to: SiteURL.agencySummary(r.id!).with(query: [("done", "passed")]), redirectType: .normal)
    }

    /// Saves the business unit's change to a summary and tells its contributor, in one audited write. The message
    /// names no child: e-mail copies leave the platform.
    private static func save(
        _ r: AgencySummaryRecord, _ changed: AgencySummary, by viewer: Viewer, reason: String, on req: Request,
        telling subject: String, _ body: String
    ) async throws {
        let now = req.now
        let emailConfigured = req.notifications.isConfigured
        let readAs = r.summary
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(r) { $0.summary == readAs }
            r.set(changed, at: now)
            try await r.update(on: db)
            try await UserNotification(
                userID: r.$contributor.id, subject: subject, body: body, link: SiteURL.agencySummary(r.id!).path,
                at: now,
                emailConfigured: emailConfigured
            ).create(on: db)
            return ((), [viewer.event(.change, "agency-summary", r.id!.uuidString, reason: reason, on: req)])
        }
        req.notifications.sendPending(app: req.application)
    }

    // MARK: Lists

    /// The summaries the viewer has been asked to write, open ones first.
    func mine(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard viewer.mayEver(.writeAgencySummary) else {
            throw AccessDenied(decision: viewer.decide(.writeAgencySummary))
        }
        let rows = try await Self.rows(contributor: viewer.userID, on: req)
        try await req.audit.record(
            viewer.event(.view, "agency-summaries", viewer.userID.uuidString, on: req), on: req.db)
        return AgencySummaryListView(rows: rows).render(on: req)
    }

    static func rows(contributor: UUID, on req: Request) async throws -> [AgencySummaryListView.Row] {
        let records = try await AgencySummaryRecord.query(on: req.db).filter(\.$contributor.$id == contributor).with(
            \.$agency
        ).all()
        var rows: [AgencySummaryListView.Row] = []
        for r in records {
            let subject = try await ReviewSubject.load(r.review, on: req)
            let s = r.summary
            rows.append(
                .init(
                    id: r.id!, reference: subject.reference, kindName: subject.kindName, agency: r.agency.name,
                    summary: s,
                    standing: s.standing(today: req.today, calendar: req.safeguard.calendar)))
        }
        return rows.sorted {
            ($0.summary.mayWrite ? 0 : 1, $0.summary.due) < ($1.summary.mayWrite ? 0 : 1, $1.summary.due)
        }
    }

    /// The summaries section of a review's page: each agency asked, its clock, and who may chase.
    static func section(
        _ subject: ReviewSubject, viewer: Viewer, on req: Request
    ) async throws -> AgencySummariesSection {
        let records = try await subject.summaries(on: req.db)
        return AgencySummariesSection(
            subject: subject,
            rows: records.map { r in
                let s = r.summary
                return .init(
                    id: r.id!, agency: r.agency.name, contributor: r.contributor.displayName, summary: s,
                    standing: s.standing(today: req.today, calendar: req.safeguard.calendar))
            }, mayAsk: viewer.may(.manageAgencySummaries) && subject.isGathering,
            mayChase: viewer.may(.manageAgencySummaries), today: req.today)
    }

    // MARK: The review's chronology

    private static func merged(_ req: Request) async throws -> (Viewer, ReviewSubject, [ReviewChronology.Entry]) {
        let subject = try await ReviewSubject.fromRoute(req)
        let viewer = try req.require(subject.readAction)
        let platform = try await ChronologyEntry.query(on: req.db).filter(\.$person.$id == subject.personID).with(
            \.$agency
        ).sort(\.$occurredAt).all()
            .map {
                ReviewChronology.Entry(
                    day: SimpleDate($0.occurredAt), agency: $0.agency?.name ?? "Safeguard", source: .platform,
                    text: "\($0.category): \($0.summary)")
            }
        let received = try await subject.summaries(on: req.db).filter { $0.summary.stage == .submitted }
        let entries = ReviewChronology.merge(
            platform: platform, summaries: received.map { (agency: $0.agency.name, lines: $0.summary.chronology) })
        try await req.audit.record(viewer.event(.view, "review-chronology", subject.reference, on: req), on: req.db)
        return (viewer, subject, entries)
    }

    func chronology(req: Request) async throws -> Response {
        let (_, subject, entries) = try await Self.merged(req)
        return ReviewChronologyView(subject: subject, entries: entries).render(on: req)
    }

    func chronologyCSV(req: Request) async throws -> Response {
        let (_, subject, entries) = try await Self.merged(req)
        return try CSVDownload.response(
            [["Day", "Agency", "Source", "What happened"]]
                + entries.map { [$0.day.iso, $0.agency, $0.source.rawValue, $0.text] },
            filename: "\(subject.reference)-chronology.csv")
    }

    // MARK: My work

    /// A contributor's summaries still to send; for the business unit, summaries that are late.
    static func myWork(_ viewer: Viewer, on req: Request) async throws -> [MyWorkController.Item] {
        var items: [MyWorkController.Item] = []
        if viewer.mayEver(.writeAgencySummary) {
            for row in try await rows(contributor: viewer.userID, on: req) where row.summary.mayWrite {
                items.append(
                    .init(
                        title: "Write \(row.agency)'s summary for \(row.kindName) \(row.reference)",
                        url: .agencySummary(row.id),
                        detail: "Due by \(row.summary.due.longText) (\(SeriousIncidentListing.words(row.standing)))"
                            + (row.summary.stage == .returned ? "; returned for more" : ""),
                        urgent: row.standing.rag != .green))
            }
        }
        if viewer.may(.manageAgencySummaries) {
            let open = try await AgencySummaryRecord.query(on: req.db).filter(
                \.$stage != AgencySummary.Stage.submitted
            )
            .filter(\.$dueOn < req.today.iso).with(\.$agency).all()
            for r in open {
                let subject = try await ReviewSubject.load(r.review, on: req)
                guard subject.isGathering else { continue }
                let s = r.summary
                items.append(
                    .init(
                        title: "Late: \(r.agency.name)'s summary for \(subject.reference)", url: subject.page,
                        detail: "Was due by \(s.due.longText)"
                            + (s.chasedOn.last.map { "; last reminded \($0.longText)" } ?? "; not yet reminded"),
                        urgent: true))
            }
        }
        return items
    }
}
