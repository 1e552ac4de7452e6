import Fluent
import Vapor
import SafeguardCore

/// The people pages: search, the person's record, and the forms that change it.
struct PeopleController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let people = routes.grouped("people")
        people.get(use: search)
        people.get("new", use: newPerson)
        people.post(use: create)
        people.get(":personID", use: show)
        people.get(":personID", "edit", use: edit)
        people.post(":personID", "edit", use: update)
        people.get(":personID", "break-glass", use: breakGlassForm)
        people.post(":personID", "break-glass", use: breakGlass)
        people.get(":personID", "access-log", use: accessLog)
        people.post(":personID", "involvements", use: recordInvolvement)
        people.get(":personID", "other-names", use: otherNameForm)
        people.post(":personID", "other-names", use: addOtherName)
        people.get(":personID", "addresses", use: addressForm)
        people.post(":personID", "addresses", use: addAddress)
        people.get(":personID", "relationships", use: relationshipForm)
        people.post(":personID", "relationships", use: addRelationship)
        people.get(":personID", "merge", use: mergeForm)
        people.post(":personID", "merge", use: merge)
        people.get("merges", ":mergeID", "undo", use: undoMergeForm)
        people.post("merges", ":mergeID", "undo", use: undoMerge)
    }

    func search(req: Request) async throws -> Response {
        let viewer = try req.require(.searchPeople)
        let s = PersonSearch(text: (try? req.query.get(String.self, at: "q")) ?? "",
                             dateOfBirth: (try? req.query.get(String.self, at: "dob")) ?? "",
                             postcode: (try? req.query.get(String.self, at: "postcode")) ?? "")
        let asked = req.url.query?.isEmpty == false
        guard asked else { return PeopleSearchView(search: s, errors: FormErrors(), results: nil).render(on: req, viewer: viewer) }
        let errors = s.validate()
        guard errors.isEmpty else {
            return PeopleSearchView(search: s, errors: errors, results: nil).render(on: req, viewer: viewer, status: .unprocessableEntity)
        }
        let people = try await s.run(on: req.db)
        let ids = people.compactMap(\.id)
        let involved = Set(try await AgencyInvolvement.query(on: req.db).filter(\.$agency.$id == viewer.agencyID)
            .filter(\.$person.$id ~~ ids).filter(\.$endedOn == nil).all(\.$person.$id))
        let postcodes = try await CurrentAddresses.postcodes(for: ids, on: req.db)
        let today = req.today
        let alerts = Dictionary(grouping: try await ProtectionRecord.query(on: req.db).filter(\.$person.$id ~~ ids).all()
            .filter { $0.isActive(on: today) }, by: { $0.$person.id }).mapValues { $0.map(\.protectionKind) }
        try await req.audit.record(viewer.event(.search, "person-search", s.auditDescription, on: req), on: req.db)
        let rows = people.map { p in
            let id = p.id!
            let mayOpen = viewer.may(.viewPerson, relationship: involved.contains(id) ? .agencyInvolved : .none)
            return PeopleSearchView.Row(id: id, name: p.fullName, dateOfBirth: p.dob?.longText ?? p.expectedDob.map { "Due \($0.longText)" } ?? "Not known",
                                        category: p.category(on: req.today),
                                        postcode: mayOpen ? (postcodes[id] ?? "") : (postcodes[id].flatMap { try? UKPostcode($0).district } ?? ""),
                                        involved: involved.contains(id), mayOpen: mayOpen, alerts: alerts[id] ?? [])
        }
        return PeopleSearchView(search: s, errors: FormErrors(), results: rows).render(on: req, viewer: viewer)
    }

    func show(req: Request) async throws -> Response {
        let (viewer, person, relationship) = try await PersonAccess.authorise(.viewPerson, personID: req.personID(), on: req, offerBreakGlass: true)
        let record = try await PersonRecord.load(person, viewer: viewer, relationship: relationship, on: req)
        var reason = ""
        if relationship == .glassBroken, let grant = try await PersonAccess.openGrant(for: viewer, personID: person.id!, on: req) {
            reason = AccessLogView.breakGlassPrefix + grant.reason
        }
        try await req.audit.record(viewer.event(.view, "person", person.id!.uuidString, reason: reason, on: req), on: req.db)
        let flash = (try? req.query.get(String.self, at: "done")).flatMap(PersonRecordView.Flash.init(rawValue:))
        return PersonRecordView(record: record, flash: flash, csrf: req.csrfToken).render(on: req)
    }

    func accessLog(req: Request) async throws -> Response {
        let (viewer, person, _) = try await PersonAccess.authorise(.viewAccessLog, personID: req.personID(), on: req)
        let entries = try await AuditEntry.query(on: req.db)
            .filter(\.$recordType == "person").filter(\.$recordID == person.id!.uuidString)
            .sort(\.$sequence, .descending).limit(500).all()
        let userIDs = Set(entries.compactMap { UUID(uuidString: $0.userID) })
        let users = try await User.query(on: req.db).filter(\.$id ~~ userIDs).with(\.$agency).all()
        let byID = Dictionary(uniqueKeysWithValues: users.compactMap { u in u.id.map { ($0.uuidString, u) } })
        try await req.audit.record(viewer.event(.view, "person-access-log", person.id!.uuidString, on: req), on: req.db)
        let rows = entries.map { e in
            AccessLogView.Row(when: Date(timeIntervalSince1970: Double(e.occurredAtMillis) / 1000),
                              who: byID[e.userID]?.displayName ?? "Unknown user", agency: byID[e.userID]?.agency.name ?? "",
                              action: AuditAction(rawValue: e.action)?.displayName ?? e.action, reason: e.reason)
        }
        return AccessLogView(personID: person.id!, personName: person.fullName, rows: rows).render(on: req)
    }
}
