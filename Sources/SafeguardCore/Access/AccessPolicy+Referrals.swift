extension AccessPolicy {
    /// The MASH front door. Any case worker can refer; the MASH sees and decides; a partner
    /// agency sees only what it is asked and, if it referred, the outcome; a MASH manager rates
    /// referrals and signs decisions off.
    static func referral(role: Role, relationship: Relationship, action: Action) -> AccessDecision {
        if role == .auditor {
            return action == .viewReferral || action == .viewReferralOutcome ? .permit : .deny(.readOnlyRole)
        }
        // Only case-working roles take part, so a role added later is refused until decided here.
        guard role.worksCases else { return .deny(.roleHasNoAccess) }
        let isMASH = role == .mashPractitioner || role == .mashManager
        let involved = relationship == .agencyInvolved ? AccessDecision.permit : .deny(.needsAgencyInvolvement)
        switch action {
        case .submitReferral:
            return .permit
        case .viewReferral, .recordDecision, .allocateReferral:
            return isMASH ? .permit : .deny(.roleHasNoAccess)
        case .triageReferral, .signOffDecision:
            return role == .mashManager ? .permit : .deny(.roleHasNoAccess)
        case .answerInformationRequest:
            // MASH staff answer for the agency that seconded them, like everyone else.
            return involved
        case .viewReferralOutcome:
            return isMASH ? .permit : involved
        case .recordStrategyDiscussion:
            // Strategy discussions are led by social care with police and health.
            let leads: Set<Role> = [
                .mashPractitioner, .mashManager, .socialWorker, .teamManager, .policePublicProtection,
            ]
            return leads.contains(role) ? .permit : .deny(.roleHasNoAccess)
        default:
            preconditionFailure("\(action) is not a referral action")
        }
    }
}
