import Fluent
import SafeguardCore
import Vapor

/// Missing episodes: the police or social care record that a child went missing and came back;
/// the local authority records the return home interview, offered and done within 72 hours.
struct MissingEpisodesController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.personMissingNew(.param("personID")), for: [.recordMissingEpisode], use: newForm)
        routes.post(.personMissing(.param("personID")), for: [.recordMissingEpisode], use: create)
        routes.get(.missingEpisode(.param("episodeID")), for: [.viewPerson], use: show)
        routes.post(.missingEpisodeReturn(.param("episodeID")), for: [.recordMissingEpisode], use: recordReturn)
        routes.post(.missingEpisodeInterview(.param("episodeID")), for: [.recordMissingEpisode], use: recordInterview)
    }

    func newForm(req: Request) async throws -> Response {
        let (_, person, _) = try await PersonAccess.authorise(.recordMissingEpisode, personID: req.personID(), on: req)
        return try MissingEpisodeFormView(person: PersonHeading(person), fields: [:], errors: FormErrors())
            .render(on: req)
    }

    func create(req: Request) async throws -> Response {
        let (viewer, person, _) = try await PersonAccess.authorise(
            .recordMissingEpisode, personID: req.personID(), on: req)
        let fields = try FormBody.fields(req)
        var errors = FormErrors()
        let kind = fields["kind"].flatMap(MissingEpisodeKind.init(rawValue:))
        if kind == nil { errors.add("kind", "Say whether the child went missing from home or from care") }
        let started = MomentField.read(
            fields, "started", label: "time last seen", required: true, now: req.now, bornOn: person.dob,
            errors: &errors)
        let returned = MomentField.read(
            fields, "returned", label: "return", required: false, now: req.now, bornOn: person.dob, errors: &errors)
        if let started, let returned, returned < started {
            errors.add("returned-day", "The return cannot be before the child went missing")
        }
        let found = fields["where-found"].flatMap { $0.isEmpty ? nil : MissingWhereFound(rawValue: $0) }
        if returned != nil && found == nil { errors.add("where-found", "Say where the child was found or returned to") }
        let reference = fields["police-reference"] ?? ""
        if reference.count > 64 {
            errors.add("police-reference", "The police reference must be 64 characters or fewer")
        }
        guard errors.isEmpty, let kind, let started else {
            return try MissingEpisodeFormView(person: PersonHeading(person), fields: fields, errors: errors).render(
                on: req, status: .unprocessableEntity)
        }
        let episode = MissingEpisodeRecord()
        episode.$person.id = try person.requireID()
        episode.kind = kind
        episode.startedAt = started
        episode.returnedAt = returned
        episode.whereFound = returned == nil ? nil : found?.rawValue
        episode.whereFoundDetail =
            returned == nil ? nil : fields["where-found-detail"].flatMap { $0.isEmpty ? nil : $0 }
        episode.policeReference = reference.isEmpty ? nil : reference
        episode.$agency.id = viewer.agencyID
        episode.$recordedBy.id = viewer.userID
        episode.recordedAt = req.now
        episode.interviewDeclined = false
        let id = try await req.audit.write(on: req.db) { db in
            try await episode.create(on: db)
            let id = try episode.requireID()
            try await ChronologyEntry(
                personID: episode.$person.id, occurredAt: started, agencyID: viewer.agencyID, category: "Missing",
                summary: "\(kind.displayName)"
                    + (returned.map { ", returned \(SiteFormat.dateTime($0))" } ?? ": still missing"),
                recordedBy: viewer.userID, visibility: .safeguarding, recordedAt: req.now
            ).create(on: db)
            return (id, [viewer.event(.create, "missing-episode", id.uuidString, reason: kind.rawValue, on: req)])
        }
        return req.redirect(to: SiteURL.missingEpisode(id).path, redirectType: .normal)
    }

    func show(req: Request) async throws -> Response {
        let (viewer, episode, relationship) = try await Self.load(req, for: .viewPerson)
        try await req.audit.record(
            viewer.event(.view, "missing-episode", try episode.requireID().uuidString, on: req), on: req.db)
        return try await Self.episodeView(
            episode, history: Self.history(of: episode.$person.id, on: req.db), now: req.now,
            mayChange: viewer.may(.recordMissingEpisode, relationship: relationship),
            fields: [:], errors: FormErrors()
        ).render(on: req)
    }

    /// The child is back: when, and where they were found.
    func recordReturn(req: Request) async throws -> Response {
        let (viewer, episode, relationship) = try await Self.load(req, for: .recordMissingEpisode)
        let fields = try FormBody.fields(req)
        var errors = FormErrors()
        let returned = MomentField.read(
            fields, "returned", label: "return", required: true, now: req.now, errors: &errors)
        if let returned, returned < episode.startedAt {
            errors.add("returned-day", "The return cannot be before the child went missing")
        }
        let found = fields["where-found"].flatMap(MissingWhereFound.init(rawValue:))
        if found == nil { errors.add("where-found", "Say where the child was found or returned to") }
        if episode.returnedAt != nil { errors.add("returned-day", "The return has already been recorded") }
        guard errors.isEmpty, let returned, let found else {
            return try await Self.episodeView(
                episode, history: Self.history(of: episode.$person.id, on: req.db), now: req.now,
                mayChange: viewer.may(.recordMissingEpisode, relationship: relationship), fields: fields, errors: errors
            )
            .render(on: req, status: .unprocessableEntity)
        }
        let id = try episode.requireID()
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(episode) { $0.returnedAt == nil }
            episode.returnedAt = returned
            episode.whereFound = found.rawValue
            episode.whereFoundDetail = fields["where-found-detail"].flatMap { $0.isEmpty ? nil : $0 }
            try await episode.update(on: db)
            try await ChronologyEntry(
                personID: episode.$person.id, occurredAt: returned, agencyID: viewer.agencyID, category: "Missing",
                summary: "Returned from missing episode: \(found.displayName)"
                    + (episode.whereFoundDetail.map { ", \($0)" } ?? "")
                    + ". Return home interview due by \(SiteFormat.dateTime(ReturnHomeInterview.dueBy(returnedAt: returned)))",
                recordedBy: viewer.userID, visibility: .safeguarding, recordedAt: req.now
            ).create(on: db)
            return ((), [viewer.event(.change, "missing-episode", id.uuidString, reason: "returned", on: req)])
        }
        return req.redirect(to: SiteURL.missingEpisode(id).path, redirectType: .normal)
    }
}
