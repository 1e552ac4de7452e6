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

    public var message: String {
        switch self {
        case .roleHasNoAccess: "Your role does not give access to this."
        case .roleNotValidForAgency: "Your account's role does not fit your agency. Ask your partnership administrator to correct it."
        case .readOnlyRole: "Your role is read-only."
        case .needsAgencyInvolvement: "Only an agency working with this person can do this. Record your agency's involvement first."
        }
    }
}
