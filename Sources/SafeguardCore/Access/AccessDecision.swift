/// The policy's answer. `breakGlassRequired` is a refusal that the user may overturn by giving
/// a reason, which is recorded and flagged for the partnership's audit review.
public enum AccessDecision: Equatable, Sendable {
    case permit
    case breakGlassRequired
    case deny(DenialReason)

    public var isPermitted: Bool { self == .permit }
}

/// Why a request was refused, in words a user can act on.
public enum DenialReason: String, Equatable, Sendable {
    case roleHasNoAccess = "role-has-no-access"
    case roleNotValidForAgency = "role-not-valid-for-agency"
    case readOnlyRole = "read-only-role"
    case needsAgencyInvolvement = "needs-agency-involvement"
    case breakGlassIsReadOnly = "break-glass-is-read-only"

    public var message: String {
        switch self {
        case .roleHasNoAccess: "Your role does not give access to this."
        case .roleNotValidForAgency:
            "Your account's role does not fit your agency. Ask your partnership administrator to correct it."
        case .readOnlyRole: "Your role is read-only."
        case .needsAgencyInvolvement:
            "Only an agency working with this person can do this. Record your agency's involvement first."
        case .breakGlassIsReadOnly:
            "Break-glass access is read-only. To record that your agency works with this person, ask a manager to approve it from the person's record."
        }
    }
}
