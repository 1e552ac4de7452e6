extension Role {
    /// The kinds of agency in which a user may hold this role. A police officer works for the
    /// police; a MASH practitioner is seconded from one of the agencies co-located in the hub.
    /// User management refuses other pairings, and ``AccessPolicy`` denies everything to one
    /// that slipped through, so a mis-keyed agency never widens what someone can see.
    public var permittedAgencyKinds: Set<AgencyKind> {
        switch self {
        case .partnershipAdmin, .trainer, .boardMember, .auditor, .agencyManager, .learner:
            Set(AgencyKind.allCases)
        case .mashPractitioner, .mashManager:
            [
                .police, .childrensSocialCare, .adultSocialCare, .acuteTrust, .communityTrust,
                .mentalHealthTrust, .integratedCareBoard, .probation, .youthJustice,
            ]
        case .socialWorker, .teamManager, .informationManagementOfficer:
            [.childrensSocialCare, .adultSocialCare]
        case .policeOfficer, .policePublicProtection:
            [.police]
        case .healthPractitioner:
            [.acuteTrust, .communityTrust, .mentalHealthTrust, .integratedCareBoard]
        case .schoolDesignatedSafeguardingLead:
            [.school]
        case .businessUnitOfficer:
            // Hosted by one of the statutory partners on behalf of them all.
            [.childrensSocialCare, .adultSocialCare, .police, .integratedCareBoard]
        }
    }

    public func isPermitted(in kind: AgencyKind) -> Bool { permittedAgencyKinds.contains(kind) }
}
