extension AccessPolicy {
    /// Whether the role could take the action for some person (given involvement or a broken
    /// glass): decides which links and buttons to show, never grants access itself.
    public static func mayEver(
        role: Role, agencyKind: AgencyKind, action: Action, memberships: Set<ReviewGroup> = []
    ) -> Bool {
        Relationship.allCases.contains { relationship in
            decide(
                role: role, agencyKind: agencyKind, relationship: relationship, action: action, memberships: memberships
            ).isPermitted
        }
    }
}
