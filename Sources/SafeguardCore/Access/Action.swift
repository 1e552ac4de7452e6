/// Everything a route can ask permission for. Personal-data actions concern one person (or a
/// search across people); administrative actions concern the partnership's set-up.
public enum Action: String, CaseIterable, Codable, Sendable {
    case searchPeople = "search-people"
    case viewPerson = "view-person"
    case createPerson = "create-person"
    case editPerson = "edit-person"
    case exportPerson = "export-person"
    /// See who has looked at a record: the audit entries for that person.
    case viewAccessLog = "view-access-log"
    /// Declare that the user's agency is now working with the person.
    case recordInvolvement = "record-involvement"
    /// Ask a manager to record the user's agency as working with a person seen under break-glass.
    case requestInvolvement = "request-involvement"
    /// Approve or decline such a request (the route also checks ``InvolvementRequestRules/mayDecide(role:sameAgency:)``).
    case decideInvolvementRequest = "decide-involvement-request"
    /// Join two records of the same person into one, or undo such a merge; and merge copies of one home
    /// (`/addresses/duplicates`): resolving identity is the same job for people and for homes.
    case mergePeople = "merge-people"
    /// Start or end a child protection plan, unborn plan or looked-after status, and its markers.
    case recordProtection = "record-protection"
    /// Read a plan's details: categories, conference dates, the marked addresses, the social
    /// worker's record. Others who may see the child see only that a plan exists and whom to contact.
    case viewProtectionDetails = "view-protection-details"
    /// The information management team checks a police incident's address match and forwards it.
    case reviewIncidentAlert = "review-incident-alert"
    /// The child's social worker decides whether a forwarded incident matters, and asks for details.
    case decideIncidentAlert = "decide-incident-alert"
    /// CP-IS style: unscheduled-care health staff see whether a child has a plan or is looked after.
    case checkProtectionStatus = "check-protection-status"
    /// Complete a risk assessment about a person: start, save a draft, submit.
    case recordAssessment = "record-assessment"
    /// A manager checks and countersigns a submitted assessment made in their agency.
    case countersignAssessment = "countersign-assessment"
    /// Record a home taken over by others (cuckooing), with its marker, or end the marker.
    case recordCuckooing = "record-cuckooing"
    /// Record a child's missing episode and the return home interview.
    case recordMissingEpisode = "record-missing-episode"
    /// The vulnerable young people dashboard: missing episodes with exploitation risk, by district.
    case viewVulnerabilityDashboard = "view-vulnerability-dashboard"
    /// Refer a young person the agency works with to the exploitation panel.
    case referToExploitationPanel = "refer-to-exploitation-panel"
    /// Run the exploitation panel: screening, the cohort, meetings, actions, places and associates.
    case manageExploitationPanel = "manage-exploitation-panel"
    // The MASH front door. For these, "agency involved" means the user's agency made the
    // referral or has been asked for what it knows.
    case submitReferral = "submit-referral"
    /// Open the whole MASH record of a referral.
    case viewReferral = "view-referral"
    /// Give a RAG rating and choose which partners to ask.
    case triageReferral = "triage-referral"
    case recordDecision = "record-decision"
    case signOffDecision = "sign-off-decision"
    /// Allocate a referral to a MASH worker, or take it (the rule of who to whom is ``ReferralAllocation``).
    case allocateReferral = "allocate-referral"
    case answerInformationRequest = "answer-information-request"
    /// See a referral's outcome, and only that: what a referrer gets back.
    case viewReferralOutcome = "view-referral-outcome"
    case recordStrategyDiscussion = "record-strategy-discussion"
    case manageAgencies = "manage-agencies"
    case manageUsers = "manage-users"
    case manageAPITokens = "manage-api-tokens"
    /// Read the audit trail across the partnership, including break-glass reviews.
    case reviewAuditTrail = "review-audit-trail"
    /// Add or revise the partnership's assessment tool definitions.
    case manageAssessmentTools = "manage-assessment-tools"
    /// Find training events, book, cancel, evaluate, print certificates, keep a training log.
    case bookTraining = "book-training"
    /// Run the training programme: courses, events, materials, evaluation questions, registers.
    case manageTraining = "manage-training"
    /// Attendance, evaluation and no-show reports across the partnership, with CSV.
    case viewTrainingReports = "view-training-reports"
    /// Issue and revoke the keys agencies' practitioners register with.
    case manageRegistrationKeys = "manage-registration-keys"
    /// See who in one's own agency is booked on and has attended training.
    case viewAgencyTraining = "view-agency-training"
    /// The Learning page: published 7-minute briefings, for everyone who works with children and adults.
    case readLearning = "read-learning"
    /// The thematic analysis across reviews: how often each professional theme recurs. Aggregate figures only.
    case viewThematicAnalysis = "view-thematic-analysis"
    /// Run the learning: the theme vocabulary, historical reviews, writing and publishing briefings, who read them.
    case manageLearning = "manage-learning"
    // Serious incidents and the reviews that follow. Review content is among the most sensitive on the
    // platform: the policy reads the user's review groups (``ReviewGroup``) as well as their role.
    /// Tell the business unit a child has died or been seriously harmed where abuse or neglect is known or suspected.
    case raiseSeriousIncident = "raise-serious-incident"
    /// Open a serious incident notification and what follows it: the business unit, the case review
    /// sub-group and the statutory partners' leads.
    case viewSeriousIncidents = "view-serious-incidents"
    /// Complete a notification, record that the national panel was told, run the review: the business unit.
    case manageSeriousIncidents = "manage-serious-incidents"
    // Safeguarding Adults Reviews (Care Act s44).
    /// Refer an adult who died or was seriously harmed for a SAR: any case worker who may see them.
    case referForSAR = "refer-for-sar"
    /// Open SAR referrals: the business unit and the SAR panel's members.
    case viewSARs = "view-sars"
    /// Record the s44 test and the decision: the SAR panel's members, or the business unit for them.
    case decideSAR = "decide-sar"
    // Agencies' summaries of their involvement, for a rapid review or a SAR.
    /// Ask agencies for their summaries, chase them, return one for more: the business unit.
    case manageAgencySummaries = "manage-agency-summaries"
    /// Write and send the agency's summary: the named contributor alone (relationship `agencyInvolved` means the
    /// viewer is the contributor named on the request). Break-glass does not make anyone a contributor.
    case writeAgencySummary = "write-agency-summary"
    // Professional disagreements between agencies about a case.
    /// Record a disagreement with another agency: any case worker.
    case raiseDisagreement = "raise-disagreement"
    /// Open a disagreement and record a stage's outcome: the two agencies (relationship `agencyInvolved` means the
    /// viewer's agency is one of them) and the business unit. Which stage whose is ``ProfessionalDisagreement``'s rule.
    case handleDisagreement = "handle-disagreement"
    /// The counts by stage, agency pair and theme: aggregate figures, no case.
    case viewDisagreementFigures = "view-disagreement-figures"
    // The recommendation → action → evidence tracker, for reviews now and audits and child death reviews later.
    // Actions are about agencies' practice, not a child, so these concern no personal data.
    /// The composite action plan: the whole of it for those who oversee it, an agency's own for its staff (``ActionPlanScope``).
    case viewActionPlan = "view-action-plan"
    /// Add recommendations and actions, close recommendations, chase owners: the business unit.
    case manageActionPlan = "manage-action-plan"
    /// Record progress and evidence on an action: its owner (``PlanAction/mayUpdate(isOwner:role:)``).
    case updatePlanAction = "update-plan-action"
    /// Sign off a completed action, or return it: members of the case review sub-group.
    case signOffPlanAction = "sign-off-plan-action"

    public var concernsPersonalData: Bool {
        switch self {
        case .manageAgencies, .manageUsers, .manageAPITokens, .reviewAuditTrail, .manageAssessmentTools,
            .bookTraining, .manageTraining, .viewTrainingReports, .manageRegistrationKeys, .viewAgencyTraining,
            .readLearning, .viewThematicAnalysis, .manageLearning, .viewDisagreementFigures,
            .viewActionPlan, .manageActionPlan, .updatePlanAction, .signOffPlanAction:
            false
        default: true
        }
    }

    public var concernsReviews: Bool {
        self == .raiseSeriousIncident || self == .viewSeriousIncidents || self == .manageSeriousIncidents
            || self == .raiseDisagreement || self == .handleDisagreement || self == .referForSAR || self == .viewSARs
            || self == .decideSAR
            || self == .manageAgencySummaries || self == .writeAgencySummary
    }

    public var concernsReferrals: Bool {
        switch self {
        case .submitReferral, .viewReferral, .triageReferral, .recordDecision, .signOffDecision, .allocateReferral,
            .answerInformationRequest, .viewReferralOutcome, .recordStrategyDiscussion:
            true
        default:
            false
        }
    }
}
