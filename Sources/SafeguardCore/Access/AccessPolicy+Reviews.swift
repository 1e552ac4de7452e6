extension AccessPolicy {
    /// Serious incidents and reviews. Any case worker who may see a child can raise a need-to-know about
    /// them; the notification and the review that follows are opened only by the business unit, the case
    /// review sub-group and the statutory partners' leads. The board sees published learning, never this.
    static func review(
        role: Role, relationship: Relationship, action: Action, memberships: Set<ReviewGroup>
    ) -> AccessDecision {
        switch action {
        case .referForSAR:
            return review(
                role: role, relationship: relationship, action: .raiseSeriousIncident, memberships: memberships)
        case .viewSARs, .decideSAR:
            if role == .businessUnitOfficer { return .permit }
            guard role.worksCases else { return .deny(.roleHasNoAccess) }
            return memberships.contains(.sarPanel) ? .permit : .deny(.roleHasNoAccess)
        case .raiseSeriousIncident:
            if role == .auditor { return .deny(.readOnlyRole) }
            guard role.worksCases else { return .deny(.roleHasNoAccess) }
            // The MASH sees everyone; others raise about a child they may open, under break-glass too:
            // a need-to-know tells the business unit, it changes nothing on the record.
            if role == .mashPractitioner || role == .mashManager { return .permit }
            return relationship == .none ? .breakGlassRequired : .permit
        case .viewSeriousIncidents:
            if role == .businessUnitOfficer { return .permit }
            guard role.worksCases else { return .deny(.roleHasNoAccess) }
            return memberships.isDisjoint(with: ReviewGroup.childReviewers) ? .deny(.roleHasNoAccess) : .permit
        case .manageSeriousIncidents, .manageAgencySummaries:
            return role == .businessUnitOfficer ? .permit : .deny(.roleHasNoAccess)
        case .writeAgencySummary:
            if role == .auditor { return .deny(.readOnlyRole) }
            guard AgencySummary.mayContribute(role: role) else { return .deny(.roleHasNoAccess) }
            return relationship == .agencyInvolved ? .permit : .deny(.needsAgencyInvolvement)
        case .raiseDisagreement:
            if role == .auditor { return .deny(.readOnlyRole) }
            return role.worksCases ? .permit : .deny(.roleHasNoAccess)
        case .handleDisagreement:
            // The business unit keeps the partnership's escalation going; the two agencies work it.
            if role == .businessUnitOfficer { return .permit }
            guard role.worksCases else { return role == .auditor ? .deny(.readOnlyRole) : .deny(.roleHasNoAccess) }
            return relationship == .agencyInvolved ? .permit : .deny(.needsAgencyInvolvement)
        default:
            preconditionFailure("\(action) is not a review action")
        }
    }
}
