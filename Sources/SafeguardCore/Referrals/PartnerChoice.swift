/// The partners a MASH manager can ask about a referral, arranged as the manager thinks of them: first the
/// agencies already working with the child (suggested, never ticked for them), then every other agency by
/// kind, police and health before the rest, each list in name order. Agencies already asked are left out.
public enum PartnerChoice {
    public struct Agency: Sendable, Equatable {
        public var id: String
        public var name: String
        public var kind: AgencyKind

        public init(id: String, name: String, kind: AgencyKind) {
            self.id = id
            self.name = name
            self.kind = kind
        }
    }

    public struct Group: Sendable, Equatable {
        public var title: String
        public var agencies: [Agency]
    }

    /// Kinds in the order a MASH asks them: the statutory partners first.
    static let order: [AgencyKind] = [
        .police, .childrensSocialCare, .acuteTrust, .communityTrust, .mentalHealthTrust, .integratedCareBoard,
        .school, .adultSocialCare, .probation, .youthJustice, .housing, .districtCouncil, .fireAndRescue,
        .voluntarySector,
    ]

    public static func groups(
        _ agencies: [Agency], involved: Set<String>, asked: Set<String>,
        involvedTitle: String = "Already working with the people referred"
    ) -> [Group] {
        let open = agencies.filter { !asked.contains($0.id) }.sorted { $0.name < $1.name }
        var out: [Group] = []
        let suggested = open.filter { involved.contains($0.id) }
        if !suggested.isEmpty { out.append(Group(title: involvedTitle, agencies: suggested)) }
        let rest = open.filter { !involved.contains($0.id) }
        for kind in order + AgencyKind.allCases.filter({ !order.contains($0) }) {
            let members = rest.filter { $0.kind == kind }
            if !members.isEmpty { out.append(Group(title: kind.displayName, agencies: members)) }
        }
        return out
    }
}
