import Foundation
import SafeguardCore

/// The fictional agencies, teams and logins of Northmere. These do not depend on the seed: the
/// demo login table is printed in the documentation and must work whatever seed built the people.
struct DemoOrganisation: Sendable {
    private(set) var agencies: [DemoAgency] = []
    private(set) var teams: [DemoTeam] = []
    private(set) var users: [DemoUser] = []

    static let countyWide: [DemoAgency] = [
        DemoAgency(name: "Northmere Constabulary", kind: .police),
        DemoAgency(name: "Northmere County Council Children's Services", kind: .childrensSocialCare),
        DemoAgency(name: "Northmere County Council Adult Care Services", kind: .adultSocialCare),
        DemoAgency(name: "Northmere Hospitals NHS Foundation Trust", kind: .acuteTrust),
        DemoAgency(name: "Northmere Community Health NHS Trust", kind: .communityTrust),
        DemoAgency(name: "Northmere Mental Health NHS Foundation Trust", kind: .mentalHealthTrust),
        DemoAgency(name: "NHS Northmere Integrated Care Board", kind: .integratedCareBoard),
        DemoAgency(name: "Probation Service – Northmere", kind: .probation),
        DemoAgency(name: "Northmere Youth Justice Service", kind: .youthJustice),
        DemoAgency(name: "Northmere Fire and Rescue Service", kind: .fireAndRescue),
        DemoAgency(name: "Meadowgate Housing Association", kind: .housing),
        DemoAgency(name: "Safe Harbour Northmere Domestic Abuse Service", kind: .voluntarySector),
    ]

    init() {
        agencies = Self.countyWide
        for district in DemoDistrict.all {
            agencies.append(DemoAgency(name: district.councilName, kind: .districtCouncil, district: district.name))
            agencies.append(DemoAgency(name: district.primarySchool, kind: .school, district: district.name))
            agencies.append(DemoAgency(name: district.secondarySchool, kind: .school, district: district.name))
        }
        addTeams()
        addUsers()
    }

    /// The first agency of a kind; the county-wide bodies come first, one of each.
    func agency(_ kind: AgencyKind) -> Int { agencies.firstIndex { $0.kind == kind }! }

    func council(district d: Int) -> Int { Self.countyWide.count + d * 3 }
    func primarySchool(district d: Int) -> Int { Self.countyWide.count + d * 3 + 1 }
    func secondarySchool(district d: Int) -> Int { Self.countyWide.count + d * 3 + 2 }

    func team(_ name: String, in kind: AgencyKind) -> Int {
        let a = agency(kind)
        return teams.firstIndex { $0.agency == a && $0.name == name }!
    }

    private mutating func addTeams() {
        let districts = DemoDistrict.all.map(\.name)
        func add(_ kind: AgencyKind, _ names: [String]) {
            for name in names { teams.append(DemoTeam(name: name, agency: agency(kind))) }
        }
        func perDistrict(_ kind: AgencyKind, _ prefix: String) {
            for d in districts { teams.append(DemoTeam(name: "\(prefix) – \(d)", agency: agency(kind), district: d)) }
        }
        // The business unit and training team are hosted by the county council on behalf of all
        // partners, as most partnerships arrange it.
        add(
            .childrensSocialCare,
            [
                "MASH", "Safeguarding Children Information Management Team",
                "Partnership Business Unit", "Learning and Development",
            ])
        perDistrict(.childrensSocialCare, "Assessment and Safeguarding")
        add(.adultSocialCare, ["Adult MASH"])
        perDistrict(.adultSocialCare, "Adult Safeguarding")
        add(.police, ["Public Protection Unit", "MASH Police Desk"])
        perDistrict(.police, "Response")
        add(.acuteTrust, ["Emergency Department", "Safeguarding team", "Maternity"])
        add(.communityTrust, ["Health Visiting", "School Nursing", "Safeguarding team"])
        add(.mentalHealthTrust, ["Crisis Resolution and Home Treatment", "Safeguarding team"])
        add(.integratedCareBoard, ["Designated Safeguarding Professionals"])
        add(.probation, ["Northmere Probation Delivery Unit"])
        add(.youthJustice, ["Youth Justice Team"])
        add(.fireAndRescue, ["Prevention and Protection"])
        add(.housing, ["Tenancy Sustainment"])
        add(.voluntarySector, ["Independent Domestic Violence Advisers"])
        for d in districts.indices {
            teams.append(DemoTeam(name: "Housing Options", agency: council(district: d), district: districts[d]))
        }
    }

    private mutating func addUsers() {
        let first = DemoDistrict.all[0].name
        let cs = AgencyKind.childrensSocialCare
        // One row per role in `Role.allCases` order: the first user of each role is its demo login.
        let logins: [(Role, String, Int, Int?)] = [
            (.partnershipAdmin, "Joanna Whitfield", agency(cs), team("Partnership Business Unit", in: cs)),
            (.mashPractitioner, "Priya Chandran", agency(cs), team("MASH", in: cs)),
            (.mashManager, "Gareth Pryce", agency(cs), team("MASH", in: cs)),
            (.socialWorker, "Aisha Okoro", agency(cs), team("Assessment and Safeguarding – \(first)", in: cs)),
            (.teamManager, "Rebecca Holt", agency(cs), team("Assessment and Safeguarding – \(first)", in: cs)),
            (.policeOfficer, "Daniel Frost", agency(.police), team("Response – \(first)", in: .police)),
            (.policePublicProtection, "Karen Lindqvist", agency(.police), team("Public Protection Unit", in: .police)),
            (.healthPractitioner, "Tomasz Wójcik", agency(.acuteTrust), team("Emergency Department", in: .acuteTrust)),
            (.schoolDesignatedSafeguardingLead, "Sarah Bloomfield", secondarySchool(district: 0), nil),
            (
                .informationManagementOfficer, "Imran Qureshi", agency(cs),
                team("Safeguarding Children Information Management Team", in: cs)
            ),
            (.trainer, "Fiona Gallagher", agency(cs), team("Learning and Development", in: cs)),
            (.boardMember, "Margaret Oduya", agency(.integratedCareBoard), nil),
            (.auditor, "Peter Lindsay", agency(cs), team("Partnership Business Unit", in: cs)),
            (.agencyManager, "Helen Marsh", agency(.voluntarySector), nil),
            (.learner, "Owen Pritchard", agency(.voluntarySector), nil),
            (.businessUnitOfficer, "Nadia Kowalczyk", agency(cs), team("Partnership Business Unit", in: cs)),
        ]
        precondition(logins.map(\.0) == Role.allCases, "one demo login per role, in Role.allCases order")
        let extras: [(Role, String, Int, Int?)] = [
            (
                .socialWorker, "Chloe Bennett", agency(cs),
                team("Assessment and Safeguarding – \(DemoDistrict.all[1].name)", in: cs)
            ),
            (
                .policeOfficer, "Ryan Osei", agency(.police),
                team("Response – \(DemoDistrict.all[2].name)", in: .police)
            ),
            (.schoolDesignatedSafeguardingLead, "Mark Ellison", primarySchool(district: 3), nil),
            (
                .healthPractitioner, "Nia Campbell", agency(.communityTrust),
                team("Health Visiting", in: .communityTrust)
            ),
            (.mashPractitioner, "Stuart Keane", agency(.police), team("MASH Police Desk", in: .police)),
            (
                .healthPractitioner, "Deepa Mistry", agency(.mentalHealthTrust),
                team("Crisis Resolution and Home Treatment", in: .mentalHealthTrust)
            ),
            (
                .healthPractitioner, "Ama Mensah", agency(.integratedCareBoard),
                team("Designated Safeguarding Professionals", in: .integratedCareBoard)
            ),
        ]
        let passwords = Self.passwords(count: logins.count + extras.count)
        for (i, (role, name, agency, team)) in (logins + extras).enumerated() {
            let email =
                i < logins.count
                ? role.rawValue.replacingOccurrences(of: "-", with: ".") + "@demo.safeguard.test"
                : DemoNameVariants.withoutAccents(name).lowercased().replacingOccurrences(of: " ", with: ".")
                    + "@demo.safeguard.test"
            precondition(role.isPermitted(in: agencies[agency].kind))
            var user = DemoUser(
                displayName: name, email: email, role: role, agency: agency, team: team, password: passwords[i])
            user.reviewGroups = Self.reviewGroups[name] ?? []
            users.append(user)
        }
    }

    /// The review groups: the three statutory partners' leads (the team manager for the council, public protection
    /// for the police, the designated nurse for the ICB) sit on the case review sub-group; the SAR panel adds mental health.
    static let reviewGroups: [String: Set<ReviewGroup>] = [
        "Rebecca Holt": [.caseReviewSubGroup, .statutoryPartnerLead],
        "Karen Lindqvist": [.caseReviewSubGroup, .statutoryPartnerLead, .sarPanel],
        "Ama Mensah": [.caseReviewSubGroup, .statutoryPartnerLead, .sarPanel],
        "Deepa Mistry": [.sarPanel],
    ]

    /// "Demo-Harbour-Lantern-41": long enough for any password rule, easy to type in a
    /// demonstration, and drawn from a fixed seed so the published table never changes.
    static func passwords(count: Int) -> [String] {
        let first = [
            "Harbour", "Copper", "Meadow", "Falcon", "Granite", "Willow", "Saffron", "Orchard", "Beacon",
            "Thistle", "Marble", "Juniper", "Quarry", "Heron", "Bramble", "Cobalt",
        ]
        let second = [
            "Lantern", "Compass", "Kettle", "Anchor", "Pebble", "Ribbon", "Tandem", "Whistle", "Parcel",
            "Saddle", "Pillar", "Button", "Ladder", "Candle", "Gazebo", "Trellis",
        ]
        var random = SeededRandom(seed: 0x5AFE_0D3E_0000_0001)
        var result: [String] = []
        while result.count < count {
            let candidate = "Demo-\(random.pick(first))-\(random.pick(second))-\(random.int(in: 10...99))"
            if !result.contains(candidate) { result.append(candidate) }
        }
        return result
    }
}
