import Fluent
import SafeguardCore
import Vapor

/// The people pages: search, the person's record, and the forms that change it.
struct PeopleController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.people, for: [.searchPeople], use: search)
        routes.get(.personNew, for: [.createPerson], use: newPerson)
        routes.post(.people, for: [.createPerson], use: create)
        routes.post(.peopleSearch, for: [.searchPeople], use: find)
        routes.get(.peopleSearch, for: [.searchPeople]) { req in req.redirect(to: SiteURL.people.path) }
        routes.get(.person(.param("personID")), for: [.viewPerson], use: show)
        routes.get(.personEdit(.param("personID")), for: [.editPerson], use: edit)
        routes.post(.personEdit(.param("personID")), for: [.editPerson], use: update)
        routes.get(.personBreakGlass(.param("personID")), for: [.viewPerson], use: breakGlassForm)
        routes.post(.personBreakGlass(.param("personID")), for: [.viewPerson], use: breakGlass)
        routes.get(.personAccessLog(.param("personID")), for: [.viewAccessLog], use: accessLog)
        routes.get(.personChronology(.param("personID")), for: [.viewPerson], use: chronology)
        routes.get(.personMaleCarer(.param("personID"), .param("manID")), for: [.editPerson], use: maleCarerCheckForm)
        routes.post(
            .personMaleCarer(.param("personID"), .param("manID")), for: [.editPerson], use: recordMaleCarerCheck)
        routes.get(.personChronologyCSV(.param("personID")), for: [.exportPerson], use: chronologyCSV)
        routes.post(.personInvolvements(.param("personID")), for: [.recordInvolvement], use: recordInvolvement)
        routes.get(.personOtherNames(.param("personID")), for: [.editPerson], use: otherNameForm)
        routes.post(.personOtherNames(.param("personID")), for: [.editPerson], use: addOtherName)
        routes.get(.personAddresses(.param("personID")), for: [.editPerson], use: addressForm)
        routes.post(.personAddresses(.param("personID")), for: [.editPerson], use: addAddress)
        routes.get(.personRelationships(.param("personID")), for: [.editPerson], use: relationshipForm)
        routes.post(.personRelationships(.param("personID")), for: [.editPerson], use: addRelationship)
        routes.get(.personMerge(.param("personID")), for: [.mergePeople], use: mergeForm)
        routes.post(.personMerge(.param("personID")), for: [.mergePeople], use: merge)
        routes.get(.personMergeUndo(.param("mergeID")), for: [.mergePeople], use: undoMergeForm)
        routes.post(.personMergeUndo(.param("mergeID")), for: [.mergePeople], use: undoMerge)
    }

    func show(req: Request) async throws -> Response {
        let (viewer, person, relationship, sections) = try await PersonAccess.authoriseRecord(
            personID: req.personID(), on: req)
        let record = try await PersonRecord.load(
            person, viewer: viewer, relationship: relationship, sections: sections, on: req)
        var reason = ""
        if relationship == .glassBroken,
            let grant = try await PersonAccess.openGrant(for: viewer, personID: person.id!, on: req)
        {
            reason = AccessLogView.breakGlassPrefix + grant.reason
        }
        try await req.audit.record(
            viewer.event(.view, "person", person.id!.uuidString, reason: reason, on: req), on: req.db)
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
            AccessLogView.Row(
                when: Date(timeIntervalSince1970: Double(e.occurredAtMillis) / 1000),
                who: byID[e.userID]?.displayName ?? "Unknown user", agency: byID[e.userID]?.agency.name ?? "",
                action: AuditAction(rawValue: e.action)?.displayName ?? e.action, reason: e.reason)
        }
        return AccessLogView(personID: person.id!, personName: person.fullName, rows: rows).render(on: req)
    }
}
