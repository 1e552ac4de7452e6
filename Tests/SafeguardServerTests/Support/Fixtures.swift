import Fluent
import Vapor

@testable import SafeguardCore
@testable import SafeguardServer

/// A small partnership every server test starts with: four agencies, a user for each role,
/// and a family. Kayla (7) lives with her mother Shannon and Shannon's partner Dean; children's
/// social care and Kayla's school are involved with Kayla; the police are not.
struct Fixtures {
    static let password = "Correct-Horse-Battery-9"

    struct Account {
        let id: UUID
        let email: String
        let role: Role
        let agencyID: UUID
    }

    var district: UUID
    var police: UUID, socialCare: UUID, school: UUID, hospital: UUID
    var accounts: [Role: Account]
    var kayla: UUID, shannon: UUID, dean: UUID, address: UUID

    subscript(role: Role) -> Account { accounts[role]! }

    static func make(on app: Application) async throws -> Fixtures {
        let db = app.db
        let district = District(name: "Calder Vale")
        try await district.create(on: db)
        func agency(_ name: String, _ kind: AgencyKind) async throws -> UUID {
            let a = Agency(name: name, kind: kind, districtID: district.id)
            try await a.create(on: db)
            return a.id!
        }
        let police = try await agency("Northmere Constabulary", .police)
        let socialCare = try await agency("Northmere Children's Services", .childrensSocialCare)
        let school = try await agency("Calder Vale Primary School", .school)
        let hospital = try await agency("Northmere Hospitals NHS Trust", .acuteTrust)
        let hash = try Bcrypt.hash(password, cost: 4)
        var accounts: [Role: Account] = [:]
        for role in Role.allCases {
            let agencyID: UUID =
                switch role {
                case .policeOfficer, .policePublicProtection: police
                case .schoolDesignatedSafeguardingLead: school
                case .healthPractitioner: hospital
                default: socialCare
                }
            let email = "\(role.rawValue)@test.example"
            let u = User(
                email: email, displayName: "Test \(role.displayName)", role: role, agencyID: agencyID,
                passwordHash: hash)
            try await u.create(on: db)
            accounts[role] = Account(id: u.id!, email: email, role: role, agencyID: agencyID)
        }
        func person(_ first: String, _ last: String, _ dob: String, _ gender: Gender) async throws -> UUID {
            let p = Person()
            p.firstName = first
            p.middleNames = ""
            p.lastName = last
            p.firstNameKey = Person.key(first)
            p.lastNameKey = Person.key(last)
            p.dateOfBirth = dob
            p.gender = gender.rawValue
            p.ethnicity = "Not known"
            p.language = "English"
            try await p.create(on: db)
            return p.id!
        }
        let kayla = try await person("Kayla", "Smith", "2018-06-14", .female)
        let shannon = try await person("Shannon", "Smith", "1996-01-30", .female)
        let dean = try await person("Dean", "Walker", "1990-09-02", .male)
        let address = Address(
            line1: "14 Mill Lane", line2: nil, town: "Calder Vale", districtID: district.id, postcode: "NM4 2AB",
            uprn: nil)
        try await address.create(on: db)
        for p in [kayla, shannon, dean] {
            try await Residence(personID: p, addressID: address.id!, from: "2022-01-01", to: nil).create(on: db)
        }
        try await PersonRelationship(fromID: shannon, toID: kayla, kind: RelationshipKind.mother.rawValue).create(
            on: db)
        try await PersonRelationship(fromID: dean, toID: kayla, kind: RelationshipKind.mothersPartner.rawValue).create(
            on: db)
        for (p, a) in [(kayla, socialCare), (kayla, school), (shannon, socialCare)] {
            try await AgencyInvolvement(personID: p, agencyID: a, startedOn: "2025-09-01").create(on: db)
        }
        return Fixtures(
            district: district.id!, police: police, socialCare: socialCare, school: school, hospital: hospital,
            accounts: accounts, kayla: kayla, shannon: shannon, dean: dean, address: address.id!)
    }
}
