/// The jobs people do on the platform. A user holds exactly one role; what a role may do is
/// decided only by ``AccessPolicy``.
public enum Role: String, CaseIterable, Codable, Sendable {
    case partnershipAdmin = "partnership-admin"
    case mashPractitioner = "mash-practitioner"
    case mashManager = "mash-manager"
    case socialWorker = "social-worker"
    case teamManager = "team-manager"
    case policeOfficer = "police-officer"
    case policePublicProtection = "police-public-protection"
    case healthPractitioner = "health-practitioner"
    case schoolDesignatedSafeguardingLead = "school-dsl"
    case informationManagementOfficer = "information-management-officer"
    case trainer = "trainer"
    case boardMember = "board-member"
    case auditor = "auditor"
    /// Someone in a partner agency who manages its staff's safeguarding training: sees who in their
    /// agency is booked and has attended, and nothing about cases.
    case agencyManager = "agency-manager"
    /// A practitioner who created their own account with their agency's registration key to book
    /// training. Self-registration must never open case records, so this role reaches training only;
    /// an administrator gives a case-working role to those who need one.
    case learner = "learner"
    /// The partnership's business unit: runs the learning from serious incidents (the themes reviews are
    /// coded with, the historical reviews, 7-minute briefings) for all the partners. Sees aggregate
    /// figures and publishes learning; a review's details will need membership of the review groups.
    case businessUnitOfficer = "business-unit-officer"

    public var displayName: String {
        switch self {
        case .partnershipAdmin: "Partnership administrator"
        case .mashPractitioner: "MASH practitioner"
        case .mashManager: "MASH manager"
        case .socialWorker: "Social worker"
        case .teamManager: "Team manager"
        case .policeOfficer: "Police officer"
        case .policePublicProtection: "Police public protection"
        case .healthPractitioner: "Health practitioner"
        case .schoolDesignatedSafeguardingLead: "School designated safeguarding lead"
        case .informationManagementOfficer: "Information management officer"
        case .trainer: "Trainer"
        case .boardMember: "Board member"
        case .auditor: "Auditor (read-only)"
        case .agencyManager: "Agency manager (training)"
        case .learner: "Practitioner (training only)"
        case .businessUnitOfficer: "Partnership business unit officer"
        }
    }

    /// Roles whose holders work cases and so may meet personal data at all.
    public var worksCases: Bool {
        switch self {
        case .mashPractitioner, .mashManager, .socialWorker, .teamManager, .policeOfficer,
            .policePublicProtection, .healthPractitioner, .schoolDesignatedSafeguardingLead,
            .informationManagementOfficer:
            true
        case .partnershipAdmin, .trainer, .boardMember, .auditor, .agencyManager, .learner, .businessUnitOfficer:
            false
        }
    }
}
