/// Who may see and do what: the one place the rule lives. Every route asks it, with the
/// user's role and agency kind and where their agency stands with the person concerned.
///
/// Need to know: case-working staff see a person only where their agency is involved, or
/// after breaking the glass with a reason. MASH staff see everyone, because gathering what
/// every partner knows is their job. The auditor reads but never writes. Administrators,
/// trainers and board members run the partnership and never see personal records.
public enum AccessPolicy {
    public static func decide(
        role: Role, agencyKind: AgencyKind, relationship: Relationship, action: Action,
        memberships: Set<ReviewGroup> = []
    ) -> AccessDecision {
        guard role.isPermitted(in: agencyKind) else { return .deny(.roleNotValidForAgency) }
        if !action.concernsPersonalData {
            return administrative(role: role, action: action, memberships: memberships)
        }
        if action.concernsReferrals {
            return referral(role: role, relationship: relationship, action: action)
        }
        if action.concernsReviews {
            return review(role: role, relationship: relationship, action: action, memberships: memberships)
        }
        switch role {
        case .partnershipAdmin, .trainer, .boardMember, .agencyManager, .learner, .businessUnitOfficer:
            return .deny(.roleHasNoAccess)
        case .auditor:
            return auditorDecision(action: action)
        case .mashPractitioner, .mashManager:
            return mash(role: role, action: action)
        case .socialWorker, .teamManager, .policeOfficer, .policePublicProtection, .healthPractitioner,
            .schoolDesignatedSafeguardingLead, .informationManagementOfficer:
            return needToKnow(role: role, relationship: relationship, action: action)
        }
    }

    private static func administrative(role: Role, action: Action, memberships: Set<ReviewGroup>) -> AccessDecision {
        switch action {
        case .manageAgencies, .manageUsers, .manageAPITokens, .manageAssessmentTools, .manageRegistrationKeys:
            return role == .partnershipAdmin ? .permit : .deny(.roleHasNoAccess)
        case .reviewAuditTrail:
            return role == .partnershipAdmin || role == .auditor ? .permit : .deny(.roleHasNoAccess)
        case .bookTraining, .manageTraining, .viewTrainingReports, .viewAgencyTraining:
            return training(role: role, action: action)
        case .readLearning, .viewThematicAnalysis, .manageLearning, .viewDisagreementFigures:
            return learning(role: role, action: action)
        case .viewActionPlan, .manageActionPlan, .updatePlanAction, .signOffPlanAction:
            return actionPlan(role: role, action: action, memberships: memberships)
        default:
            preconditionFailure("\(action) concerns personal data")
        }
    }

    /// Training is open to everyone who works with children and adults; running it is the
    /// training team's (with the business unit), and the board reads its reports.
    private static func training(role: Role, action: Action) -> AccessDecision {
        let permitted: Bool =
            switch action {
            case .bookTraining: true
            case .manageTraining: role == .trainer || role == .partnershipAdmin
            case .viewTrainingReports: [.trainer, .partnershipAdmin, .boardMember, .auditor].contains(role)
            // Those who manage a team of practitioners: the agency manager role for agencies without
            // a case-working manager role (schools, districts, the voluntary sector), and the managers
            // and school safeguarding leads who already supervise staff.
            case .viewAgencyTraining:
                [.agencyManager, .teamManager, .mashManager, .schoolDesignatedSafeguardingLead].contains(role)
            default: false
            }
        return permitted ? .permit : .deny(.roleHasNoAccess)
    }

    /// Learning is for everyone; the aggregate figures are for those who plan the partnership's work
    /// (the business unit, the board, the training team, the auditor and the administrator); running it is
    /// the business unit's.
    private static func learning(role: Role, action: Action) -> AccessDecision {
        let permitted: Bool =
            switch action {
            case .readLearning: true
            case .viewThematicAnalysis:
                [.businessUnitOfficer, .boardMember, .trainer, .auditor, .partnershipAdmin].contains(role)
            case .manageLearning: role == .businessUnitOfficer
            case .viewDisagreementFigures:
                [.businessUnitOfficer, .boardMember, .auditor, .partnershipAdmin].contains(role)
            default: false
            }
        return permitted ? .permit : .deny(.roleHasNoAccess)
    }

    /// The action plan is read by those who oversee it and by every agency that owns actions; the business unit
    /// runs it; owners (case workers, or the business unit for them) record progress; the case review sub-group signs off.
    private static func actionPlan(role: Role, action: Action, memberships: Set<ReviewGroup>) -> AccessDecision {
        let overseers: Set<Role> = [.businessUnitOfficer, .boardMember, .auditor, .partnershipAdmin]
        let permitted: Bool =
            switch action {
            case .viewActionPlan: overseers.contains(role) || role.worksCases
            case .manageActionPlan: role == .businessUnitOfficer
            case .updatePlanAction: role.worksCases || role == .businessUnitOfficer
            case .signOffPlanAction: role.worksCases && memberships.contains(.caseReviewSubGroup)
            default: false
            }
        if !permitted && role == .auditor && action != .viewActionPlan { return .deny(.readOnlyRole) }
        return permitted ? .permit : .deny(.roleHasNoAccess)
    }

    /// Multi-agency audits read across agencies' records; nothing an auditor does may change them.
    private static func auditorDecision(action: Action) -> AccessDecision {
        switch action {
        case .searchPeople, .viewPerson, .viewAccessLog, .viewVulnerabilityDashboard, .viewProtectionDetails: .permit
        default: .deny(.readOnlyRole)
        }
    }

    private static func mash(role: Role, action: Action) -> AccessDecision {
        // Seeing who looked at a record is a supervisory check, so it stays with the manager.
        // Countersigning and deciding another agency's involvement are management oversight too.
        if action == .viewAccessLog || action == .countersignAssessment || action == .decideInvolvementRequest {
            return role == .mashManager ? .permit : .deny(.roleHasNoAccess)
        }
        return .permit
    }

    private static func needToKnow(role: Role, relationship: Relationship, action: Action) -> AccessDecision {
        switch action {
        case .searchPeople, .createPerson:
            // Search shows only enough to find the record; creating one records the agency's involvement.
            return .permit
        case .viewPerson:
            return relationship == .none ? .breakGlassRequired : .permit
        case .recordInvolvement:
            // A look under break-glass is for reading: it must never turn by itself into lasting,
            // editable access for a whole agency. The worker asks, and a manager decides.
            switch relationship {
            case .agencyInvolved: return .permit
            case .glassBroken: return .deny(.breakGlassIsReadOnly)
            case .none: return .breakGlassRequired
            }
        case .editPerson, .exportPerson:
            // A look under break-glass is for reading; changing or exporting needs real involvement.
            return relationship == .agencyInvolved ? .permit : .deny(.needsAgencyInvolvement)
        case .viewAccessLog:
            guard role == .teamManager else { return .deny(.roleHasNoAccess) }
            return relationship == .agencyInvolved ? .permit : .deny(.needsAgencyInvolvement)
        case .mergePeople:
            // Resolving identity is the MASH's job: it sees everyone, so it can tell two records apart.
            return .deny(.roleHasNoAccess)
        case .recordProtection:
            // Plans are children's social care's to record, for the children their agency works with.
            guard role == .socialWorker || role == .teamManager else { return .deny(.roleHasNoAccess) }
            return relationship == .agencyInvolved ? .permit : .deny(.needsAgencyInvolvement)
        case .requestInvolvement:
            // After breaking the glass: the worker asks, a manager decides.
            return relationship == .none ? .breakGlassRequired : .permit
        case .decideInvolvementRequest:
            // A team manager answers for their own agency's workers (the route checks the agency).
            return role == .teamManager ? .permit : .deny(.roleHasNoAccess)
        case .viewProtectionDetails:
            // A plan's details go where the chronology's safeguarding entries go: children's social
            // care and police public protection. A school, a response officer or a health
            // practitioner learns that a plan exists and whom to contact, as the health check says.
            guard ChronologyVisibility.safeguardingReaders.contains(role) else { return .deny(.roleHasNoAccess) }
            return relationship == .none ? .breakGlassRequired : .permit
        case .reviewIncidentAlert:
            // Checking every matched incident across the county is the information management team's job.
            return role == .informationManagementOfficer ? .permit : .deny(.roleHasNoAccess)
        case .checkProtectionStatus:
            // Emergency departments see children their trust has never met: that is the point of the check.
            return role == .healthPractitioner ? .permit : .deny(.roleHasNoAccess)
        case .decideIncidentAlert:
            guard role == .socialWorker || role == .teamManager else { return .deny(.roleHasNoAccess) }
            return relationship == .agencyInvolved ? .permit : .deny(.needsAgencyInvolvement)
        case .recordAssessment:
            // Assessing is casework: the information management team routes alerts, it does not assess.
            guard role != .informationManagementOfficer else { return .deny(.roleHasNoAccess) }
            return relationship == .agencyInvolved ? .permit : .deny(.needsAgencyInvolvement)
        case .recordCuckooing, .recordMissingEpisode, .referToExploitationPanel:
            // Casework about a person the agency knows; routing alerts is not casework.
            guard role != .informationManagementOfficer else { return .deny(.roleHasNoAccess) }
            return relationship == .agencyInvolved ? .permit : .deny(.needsAgencyInvolvement)
        case .viewVulnerabilityDashboard, .manageExploitationPanel:
            // The panel's core members: children's social care managers and police public protection.
            // The dashboard lists young people across the county, so it is theirs too.
            return role == .teamManager || role == .policePublicProtection ? .permit : .deny(.roleHasNoAccess)
        case .countersignAssessment:
            // Management oversight: a manager of the agency that assessed (the route checks the agency).
            guard role == .teamManager else { return .deny(.roleHasNoAccess) }
            return relationship == .agencyInvolved ? .permit : .deny(.needsAgencyInvolvement)
        default:
            preconditionFailure("\(action) is administrative")
        }
    }
}
