import Fluent
import SafeguardCore
import Vapor

extension MissingEpisodesController {
    /// The return home interview: when it was offered, and when it was done or that the child declined.
    func recordInterview(req: Request) async throws -> Response {
        let (viewer, episode, relationship) = try await Self.load(req, for: .recordMissingEpisode)
        let fields = try FormBody.fields(req)
        var errors = FormErrors()
        let offered = MomentField.read(fields, "offered", label: "offer", required: true, now: req.now, errors: &errors)
        let declined = fields["outcome"] == "declined"
        let completed =
            fields["outcome"] == "completed"
            ? MomentField.read(fields, "completed", label: "interview", required: true, now: req.now, errors: &errors)
            : nil
        if fields["outcome"] != "declined" && fields["outcome"] != "completed" {
            errors.add("outcome", "Say whether the interview was done or declined")
        }
        if let returned = episode.returnedAt {
            if let offered, offered < returned {
                errors.add("offered-day", "The offer cannot be before the child returned")
            }
            if let completed, completed < returned {
                errors.add("completed-day", "The interview cannot be before the child returned")
            }
        } else {
            errors.add("offered-day", "Record the child's return first: the interview follows the return")
        }
        let notes = fields["interview-notes"] ?? ""
        if notes.count < 10 {
            errors.add("interview-notes", "Summarise what the child said or why they declined, in a sentence or two")
        }
        guard errors.isEmpty, let offered else {
            return try await Self.episodeView(
                episode, history: Self.history(of: episode.$person.id, on: req.db), now: req.now,
                mayChange: viewer.may(.recordMissingEpisode, relationship: relationship), fields: fields, errors: errors
            )
            .render(on: req, status: .unprocessableEntity)
        }
        let id = try episode.requireID()
        let status = ReturnHomeInterview(offeredAt: offered, completedAt: completed, declined: declined)
            .status(returnedAt: episode.returnedAt, now: req.now)
        try await req.audit.write(on: req.db) { db in
            episode.interviewOfferedAt = offered
            episode.interviewCompletedAt = completed
            episode.interviewDeclined = declined
            episode.interviewNotes = notes
            episode.$interviewBy.id = viewer.userID
            try await episode.update(on: db)
            try await ChronologyEntry(
                personID: episode.$person.id, occurredAt: completed ?? offered, agencyID: viewer.agencyID,
                category: "Missing",
                summary: "Return home interview: \(status.displayName.lowercased())", recordedBy: viewer.userID,
                visibility: .safeguarding, recordedAt: req.now
            ).create(on: db)
            return (
                (),
                [
                    viewer.event(
                        .change, "missing-episode", id.uuidString, reason: "return home interview: \(status.rawValue)",
                        on: req)
                ]
            )
        }
        return req.redirect(to: SiteURL.missingEpisode(id).path, redirectType: .normal)
    }

    /// Loads the episode and checks the policy on its child. Missing episodes are safeguarding
    /// information: the recording agency and the safeguarding leads read them.
    static func load(_ req: Request, for action: Action) async throws -> (Viewer, MissingEpisodeRecord, Relationship) {
        try req.requireEver(action)  // before the record is looked up: a role that may never is told so
        guard let id = req.parameters.get("episodeID", as: UUID.self),
            let episode = try await MissingEpisodeRecord.query(on: req.db).filter(\.$id == id).with(\.$person).with(
                \.$agency
            )
            .with(\.$recordedBy).with(\.$interviewBy).first()
        else { throw Abort(.notFound) }
        let (viewer, _, relationship) = try await PersonAccess.authorise(
            action, personID: episode.$person.id, on: req, offerBreakGlass: action == .viewPerson)
        guard isVisible(episode, to: viewer) else { throw Abort(.notFound) }
        return (viewer, episode, relationship)
    }

    static func isVisible(_ episode: MissingEpisodeRecord, to viewer: Viewer) -> Bool {
        ChronologyVisibility.safeguarding.isVisible(
            to: viewer.role, recordedByViewersAgency: episode.$agency.id == viewer.agencyID)
    }

    /// Every episode of the child, oldest first: the repeat-missing rule looks across them all.
    static func history(of personID: UUID, on db: Database) async throws -> [MissingEpisodeRecord] {
        try await MissingEpisodeRecord.query(on: db).filter(\.$person.$id == personID).sort(\.$startedAt).all()
    }

    /// Return home interviews due or overdue for children this children's social care agency works with.
    static func myWork(_ viewer: Viewer, on req: Request) async throws -> [MyWorkController.Item] {
        guard viewer.agencyKind == .childrensSocialCare, viewer.mayEver(.recordMissingEpisode) else { return [] }
        let involved = try await AgencyInvolvement.query(on: req.db).filter(\.$agency.$id == viewer.agencyID).filter(
            \.$endedOn == nil
        ).all()
            .map { $0.$person.id }
        guard !involved.isEmpty else { return [] }
        let now = req.now
        let open = try await MissingEpisodeRecord.query(on: req.db).filter(\.$person.$id ~~ involved).filter(
            \.$returnedAt != nil
        )
        .filter(\.$interviewCompletedAt == nil).filter(\.$interviewDeclined == false).with(\.$person).sort(
            \.$returnedAt
        ).all()
        return open.compactMap { e in
            let status = e.episode.interviewStatus(at: now)
            guard status == .due || status == .overdue, let due = e.episode.interviewDueBy else { return nil }
            return MyWorkController.Item(
                title: "Return home interview for \(e.person.fullName)", url: .missingEpisode(e.id!),
                detail: (status == .overdue ? "Overdue since " : "Due by ") + SiteFormat.dateTime(due),
                urgent: true)
        }
    }
}
