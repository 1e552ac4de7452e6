import Fluent
import SafeguardCore
import SafeguardDemoData
import SafeguardServer
import Vapor

/// Loads the fictional Northmere partnership into an empty database, in one transaction.
/// Loading into a database that already has agencies does nothing, so restarting the demo
/// keeps whatever the user did last time.
public enum DemoLoader {
    package struct Outcome: Sendable {
        package var loaded: Bool
        package var people: Int
        package var logins: [(role: Role, email: String, password: String, agency: String)]
        /// Review group members who are not their role's first login: the ICB's statutory partner lead and the
        /// mental health trust's SAR panel member, so every step of a review can be tried.
        package var reviewGroupLogins: [(label: String, email: String, password: String)] = []
        /// A training registration key to try "Create a training account" with.
        package var registrationKey: (agency: String, code: String)? = nil
    }

    /// Sendable carrier for the key out of the transaction.
    private struct Key: Sendable {
        var agency: String
        var code: String
    }

    package static func load(_ app: Application, seed: UInt64 = 2026) async throws -> Outcome {
        let demo = DemoPartnership.generate(seed: seed)
        var logins: [(Role, String, String, String)] = []
        var seenRoles = Set<Role>()
        for u in demo.users where seenRoles.insert(u.role).inserted {
            logins.append((u.role, u.email, u.password, demo.agencies[u.agency].name))
        }
        let firstLogins = Set(logins.map(\.1))
        let groupLogins = demo.users.filter { !$0.reviewGroups.isEmpty && !firstLogins.contains($0.email) }.map { u in
            ("\(u.displayName), \(demo.agencies[u.agency].kind.displayName)", u.email, u.password)
        }
        if try await Agency.query(on: app.db).count() > 0 {
            let key = try await RegistrationKeyRecord.query(on: app.db).filter(\.$revokedAt == nil).with(\.$agency)
                .sort(\.$code).all()
                .first { $0.agency.kind == .voluntarySector }
            return Outcome(
                loaded: false, people: try await Person.query(on: app.db).count(), logins: logins,
                reviewGroupLogins: groupLogins,
                registrationKey: key.map { ($0.agency.name, $0.code) })
        }
        let hashes = try demo.users.map { try app.password.hash($0.password) }
        let signIns = Dictionary(logins.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        let today = SimpleDate(app.safeguard.settings.clock.now())
        let registrationKey = try await app.safeguard.audit.write(on: app.db) { db in
            let districtIDs = demo.districts.map { _ in UUID() }
            let districtByName = Dictionary(uniqueKeysWithValues: zip(demo.districts, districtIDs))
            try await insert(zip(demo.districts, districtIDs).map { District(id: $1, name: $0) }, on: db)
            let agencyIDs = demo.agencies.map { _ in UUID() }
            try await insert(
                demo.agencies.enumerated().map { i, a in
                    Agency(
                        id: agencyIDs[i], name: a.name, kind: a.kind,
                        districtID: a.district.flatMap { districtByName[$0] })
                }, on: db)
            let teamIDs = demo.teams.map { _ in UUID() }
            try await insert(
                demo.teams.enumerated().map { i, t in
                    Team(
                        id: teamIDs[i], name: t.name, agencyID: agencyIDs[t.agency],
                        districtID: t.district.flatMap { districtByName[$0] })
                }, on: db)
            try await insert(
                demo.users.enumerated().map { i, u in
                    let user = User(
                        email: u.email, displayName: u.displayName, role: u.role, agencyID: agencyIDs[u.agency],
                        teamID: u.team.map { teamIDs[$0] }, passwordHash: hashes[i])
                    user.reviewGroups = ReviewGroup.text(u.reviewGroups)
                    return user
                }, on: db)
            let personIDs = demo.people.map { _ in UUID() }
            try await insert(demo.people.enumerated().map { i, p in person(p, id: personIDs[i]) }, on: db)
            try await insert(
                demo.people.enumerated().flatMap { i, p in
                    p.otherNames.map { OtherName(personID: personIDs[i], kind: $0.kind, name: $0.name) }
                }, on: db)
            let addressIDs = demo.addresses.map { _ in UUID() }
            try await insert(
                demo.addresses.enumerated().map { i, a in
                    let address = Address(
                        line1: a.line1, line2: a.line2, town: a.town, districtID: districtByName[a.district],
                        postcode: a.postcode, uprn: a.uprn)
                    address.id = addressIDs[i]
                    return address
                }, on: db)
            try await insert(
                demo.residences.map {
                    Residence(
                        personID: personIDs[$0.person], addressID: addressIDs[$0.address], from: $0.from.iso,
                        to: $0.to?.iso)
                }, on: db)
            try await insert(
                demo.relationships.map {
                    PersonRelationship(fromID: personIDs[$0.from], toID: personIDs[$0.to], kind: $0.kind.rawValue)
                }, on: db)
            let starts = demo.involvements.indices.map { involvementStart(index: $0, before: today) }
            try await insert(
                demo.involvements.enumerated().map { i, inv in
                    AgencyInvolvement(
                        personID: personIDs[inv.person], agencyID: agencyIDs[inv.agency], startedOn: starts[i].iso)
                }, on: db)
            // Give each record a chronology to show: when each agency began working with the person.
            try await insert(
                demo.involvements.enumerated().map { i, inv in
                    ChronologyEntry(
                        personID: personIDs[inv.person], occurredAt: starts[i].morning, agencyID: agencyIDs[inv.agency],
                        category: "Involvement",
                        summary:
                            "\(demo.agencies[inv.agency].name) started working with \(demo.people[inv.person].firstName)",
                        recordedBy: nil)
                }, on: db)
            try await loadVulnerability(on: db, now: app.safeguard.settings.clock.now())
            try await loadFrontLine(
                on: db, now: app.safeguard.settings.clock.now(), calendar: app.safeguard.calendar,
                signIns: signIns)
            let key = try await loadTraining(on: db, now: app.safeguard.settings.clock.now(), seed: seed)
            try await loadLearning(on: db, now: app.safeguard.settings.clock.now(), calendar: app.safeguard.calendar)
            let event = AuditEvent(
                userID: "system", agencyID: "", action: .create, recordType: "demo-partnership",
                recordID: "seed-\(seed)", reason: "\(demo.people.count) fictional people loaded", sourceAddress: "local"
            )
            return (key.map { Key(agency: $0.agency, code: $0.code) }, [event])
        }
        try await app.db.refreshPlannerStatistics()
        return Outcome(
            loaded: true, people: demo.people.count, logins: logins, reviewGroupLogins: groupLogins,
            registrationKey: registrationKey.map { ($0.agency, $0.code) })
    }

    /// Spreads involvement start dates over the four years before the demo was loaded, the
    /// same way on every run, so records do not all say "since today".
    static func involvementStart(index: Int, before today: SimpleDate) -> SimpleDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let base = calendar.date(from: DateComponents(year: today.year, month: today.month, day: today.day))!
        let daysBack = 14 + (index * 97) % (4 * 365)
        return SimpleDate(calendar.date(byAdding: .day, value: -daysBack, to: base)!, in: calendar.timeZone)
    }

    private static func person(_ p: DemoPerson, id: UUID) -> Person {
        let person = Person()
        person.id = id
        person.firstName = p.firstName
        person.middleNames = p.middleNames
        person.lastName = p.lastName
        person.firstNameKey = Person.key(p.firstName)
        person.lastNameKey = Person.key(p.lastName)
        person.dateOfBirth = p.dateOfBirth?.iso
        person.expectedDateOfBirth = p.expectedDateOfBirth?.iso
        person.gender = p.gender.rawValue
        person.ethnicity = p.ethnicity
        person.nhsNumber = p.nhsNumber
        person.language = p.language
        person.disability = p.disability
        return person
    }

    /// Inserts in batches: SQLite caps the number of bound values in one statement.
    private static func insert<M: Model>(_ models: [M], on db: Database) async throws {
        var start = 0
        while start < models.count {
            let end = min(start + 200, models.count)
            try await Array(models[start..<end]).create(on: db)
            start = end
        }
    }
}

extension SimpleDate {
    /// 9am UK time on the day, when an office opens a case.
    fileprivate var morning: Date { at(hour: 9) }
}
