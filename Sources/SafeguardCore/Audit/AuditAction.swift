/// What was done to personal data, as the audit trail records it.
public enum AuditAction: String, CaseIterable, Codable, Sendable {
    case view, search, create, change, export
    /// A user opened a record their agency is not involved with, giving a reason.
    case breakGlass = "break-glass"
    case signIn = "sign-in"
    case signInFailed = "sign-in-failed"
    case signOut = "sign-out"
    case administer

    public var displayName: String {
        switch self {
        case .view: "Viewed"
        case .search: "Searched"
        case .create: "Created"
        case .change: "Changed"
        case .export: "Exported"
        case .breakGlass: "Broke the glass"
        case .signIn: "Signed in"
        case .signInFailed: "Failed sign-in"
        case .signOut: "Signed out"
        case .administer: "Administered"
        }
    }
}
