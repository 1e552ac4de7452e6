import Fluent
import SafeguardCore
import Vapor

/// Cuckooing: a vulnerable person's home taken over by others. Recording it puts a marker on the
/// address that police incidents are matched against, as Place of Interest markers are; the
/// information management team forwards a confirmed incident there to the home's lead.
struct CuckooingController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.cuckooing, for: [.recordCuckooing], use: register)
        routes.get(.personCuckooingNew(.param("personID")), for: [.recordCuckooing], use: newForm)
        routes.post(.personCuckooing(.param("personID")), for: [.recordCuckooing], use: create)
        routes.get(.cuckooedHome(.param("homeID")), for: [.viewPerson], use: show)
        routes.post(.cuckooedHomeEnd(.param("homeID")), for: [.recordCuckooing], use: end)
        routes.post(.cuckooingNoticeSeen(.param("noticeID")), for: .anyoneSignedIn, use: seen)
    }

    func newForm(req: Request) async throws -> Response {
        let (viewer, person, _) = try await PersonAccess.authorise(.recordCuckooing, personID: req.personID(), on: req)
        return try await Self.formView(
            person, homes: Self.homes(of: person, on: req), leads: Self.leads(viewer, on: req.db),
            fields: ["lead": viewer.userID.uuidString], kinds: [], errors: FormErrors()
        ).render(on: req)
    }

    func create(req: Request) async throws -> Response {
        let (viewer, person, _) = try await PersonAccess.authorise(.recordCuckooing, personID: req.personID(), on: req)
        let fields = try FormBody.fields(req)
        let kinds = try FormBody.list(req, "kinds")
        let homes = try await Self.homes(of: person, on: req)
        let leads = try await Self.leads(viewer, on: req.db)
        let address = homes.first { $0.id?.uuidString == fields["address"] }
        let lead = leads.first { $0.id?.uuidString == fields["lead"] }
        var alreadyMarked = false
        if let address {
            alreadyMarked =
                try await CuckooedHome.query(on: req.db).filter(\.$address.$id == address.requireID()).filter(
                    \.$endedAt == nil
                ).count() > 0
        }
        let placed = CuckooingMarker.place(
            .init(
                addressChosen: address != nil, addressAlreadyMarked: alreadyMarked, kinds: kinds,
                confidence: fields["confidence"], summary: fields["summary"] ?? "", leadChosen: lead != nil,
                firstName: person.firstName))
        guard case .success(let marker) = placed, let address, let lead else {
            let errors = if case .failure(let problems) = placed { FormErrors(problems) } else { FormErrors() }
            return try Self.formView(person, homes: homes, leads: leads, fields: fields, kinds: kinds, errors: errors)
                .render(on: req, status: .unprocessableEntity)
        }
        let home = CuckooedHome()
        home.$address.id = try address.requireID()
        home.$person.id = try person.requireID()
        home.set(marker)
        home.$lead.id = try lead.requireID()
        home.$agency.id = viewer.agencyID
        home.$recordedBy.id = viewer.userID
        home.recordedAt = req.now
        let now = req.now
        let id = try await req.audit.write(on: req.db) { db in
            // The address is held, so one home cannot get two open markers (every incident there would alert twice).
            _ = try await db.lockedForWrite(Address.self, home.$address.id)
            if try await CuckooedHome.query(on: db).filter(\.$address.$id == home.$address.id).filter(\.$endedAt == nil)
                .count() > 0
            {
                throw Abort(.conflict, reason: CuckooingMarker.alreadyMarked)
            }
            try await home.create(on: db)
            let id = try home.requireID()
            try await ChronologyEntry(
                personID: home.$person.id, occurredAt: now, agencyID: viewer.agencyID, category: "Cuckooing",
                summary:
                    "\(marker.confidence.displayName) cuckooing at \(address.line1): \(marker.kinds.map(\.displayName).joined(separator: "; "))",
                recordedBy: viewer.userID, visibility: .safeguarding
            ).create(on: db)
            return (id, [viewer.event(.create, "cuckooed-home", id.uuidString, reason: "marker placed", on: req)])
        }
        return req.redirect(to: SiteURL.cuckooedHome(id).path, redirectType: .normal)
    }

    func show(req: Request) async throws -> Response {
        let (viewer, home, relationship) = try await Self.load(req, for: .viewPerson)
        let notices = try await CuckooingNotice.query(on: req.db).filter(\.$home.$id == home.requireID()).with(
            \.$incident
        ).with(\.$lead)
            .sort(\.$forwardedAt, .descending).all()
        try await req.audit.record(
            viewer.event(.view, "cuckooed-home", try home.requireID().uuidString, on: req), on: req.db)
        return try Self.homeView(
            home, notices: notices, viewer: viewer,
            mayChange: viewer.may(.recordCuckooing, relationship: relationship), errors: FormErrors()
        ).render(on: req)
    }

    func end(req: Request) async throws -> Response {
        let (viewer, home, relationship) = try await Self.load(req, for: .recordCuckooing)
        var marker = try home.marker
        do throws(FieldProblem) {
            try marker.end(reason: (try? req.content.get(String.self, at: "end-reason")) ?? "")
        } catch {
            let notices = try await CuckooingNotice.query(on: req.db).filter(\.$home.$id == home.requireID()).with(
                \.$incident
            ).with(\.$lead).all()
            return try Self.homeView(
                home, notices: notices, viewer: viewer,
                mayChange: viewer.may(.recordCuckooing, relationship: relationship), errors: FormErrors(error)
            ).render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let id = try home.requireID()
        let ended = marker
        let reason = marker.endReason ?? ""
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(home) { $0.isActive }
            home.set(ended, at: now)
            try await home.update(on: db)
            try await ChronologyEntry(
                personID: home.$person.id, occurredAt: now, agencyID: viewer.agencyID, category: "Cuckooing",
                summary: "Cuckooing marker at \(home.address.line1) ended: \(reason)", recordedBy: viewer.userID,
                visibility: .safeguarding
            ).create(on: db)
            return (
                (), [viewer.event(.change, "cuckooed-home", id.uuidString, reason: "marker ended: \(reason)", on: req)]
            )
        }
        return req.redirect(to: SiteURL.cuckooedHome(id).path, redirectType: .normal)
    }

    /// The lead has read the incident: it leaves their My work.
    func seen(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard let id = req.parameters.get("noticeID", as: UUID.self),
            let notice = try await CuckooingNotice.find(id, on: req.db),
            notice.$lead.id == viewer.userID
        else { throw Abort(.notFound) }
        let now = req.now
        try await req.audit.write(on: req.db) { db in
            notice.seenAt = notice.seenAt ?? now
            try await notice.update(on: db)
            return ((), [viewer.event(.change, "cuckooing-notice", id.uuidString, reason: "seen", on: req)])
        }
        return req.redirect(to: SiteURL.cuckooedHome(notice.$home.id).path, redirectType: .normal)
    }
}
