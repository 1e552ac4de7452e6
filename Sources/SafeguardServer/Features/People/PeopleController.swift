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
        people.post("search", use: find)
        people.get("search") { req in req.redirect(to: SiteURL.people.path) }
        people.get(":personID", use: show)
        people.get(":personID", "edit", use: edit)
        people.post(":personID", "edit", use: update)
        people.get(":personID", "break-glass", use: breakGlassForm)
        people.post(":personID", "break-glass", use: breakGlass)
        people.get(":personID", "access-log", use: accessLog)
        people.get(":personID", "chronology", use: chronology)
        people.get(":personID", "men", ":manID", use: maleCarerCheckForm)
        people.post(":personID", "men", ":manID", use: recordMaleCarerCheck)
        people.get(":personID", "chronology.csv", use: chronologyCSV)
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

    func show(req: Request) async throws -> Response {
        let (viewer, person, relationship, sections) = try await PersonAccess.authoriseRecord(personID: req.personID(), on: req)
        let record = try await PersonRecord.load(person, viewer: viewer, relationship: relationship, sections: sections, on: req)
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
        // Chained first, so the log shows everything done up to this moment, not only what the sealer has reached.
        try await req.audit.seal(on: req.db)
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
