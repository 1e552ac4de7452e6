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
    case manageAgencies = "manage-agencies"
    case manageUsers = "manage-users"
    case manageAPITokens = "manage-api-tokens"
    /// Read the audit trail across the partnership, including break-glass reviews.
    case reviewAuditTrail = "review-audit-trail"

    public var concernsPersonalData: Bool {
        switch self {
        case .searchPeople, .viewPerson, .createPerson, .editPerson, .exportPerson, .viewAccessLog, .recordInvolvement:
            true
        case .manageAgencies, .manageUsers, .manageAPITokens, .reviewAuditTrail:
            false
        }
    }
}
