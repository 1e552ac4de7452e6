import SafeguardCore
import Vapor

/// The signed-in user as every route sees them: enough to ask the access policy and to label
/// audit entries, loaded once per request by ``SessionMiddleware``.
package struct Viewer: Sendable {
    package let userID: UUID
    package let displayName: String
    package let email: String
    package let role: Role
    package let agencyID: UUID
    package let agencyName: String
    package let agencyKind: AgencyKind
    /// Review groups the user sits on: they open serious incidents and reviews to a case worker.
    package var memberships: Set<ReviewGroup> = []

    package func decide(_ action: Action, relationship: Relationship = .none) -> AccessDecision {
        AccessPolicy.decide(
            role: role, agencyKind: agencyKind, relationship: relationship, action: action, memberships: memberships)
    }

    package func may(_ action: Action, relationship: Relationship = .none) -> Bool {
        decide(action, relationship: relationship).isPermitted
    }

    package func mayEver(_ action: Action) -> Bool {
        AccessPolicy.mayEver(role: role, agencyKind: agencyKind, action: action, memberships: memberships)
    }

    package func event(
        _ action: AuditAction, _ recordType: String, _ recordID: String, reason: String = "", on req: Request
    ) -> AuditEvent {
        AuditEvent(
            userID: userID.uuidString, agencyID: agencyID.uuidString, action: action, recordType: recordType,
            recordID: recordID, reason: reason, sourceAddress: req.sourceAddress)
    }
}

extension Request {
    private struct ViewerKey: StorageKey { typealias Value = Viewer }

    var viewer: Viewer? {
        get { storage[ViewerKey.self] }
        set { storage[ViewerKey.self] = newValue }
    }

    /// The viewer, or a redirect to sign in for routes that need one.
    func requireViewer() throws -> Viewer {
        guard let v = viewer else { throw Abort.redirect(to: SiteURL.signIn.path) }
        return v
    }

    /// Refuses unless the policy permits; `breakGlassRequired` is a refusal here (routes that
    /// offer break-glass check for it themselves).
    @discardableResult
    func require(_ action: Action, relationship: Relationship = .none) throws -> Viewer {
        let v = try requireViewer()
        let decision = v.decide(action, relationship: relationship)
        guard decision.isPermitted else { throw AccessDenied(decision: decision) }
        return v
    }
}

extension Request {
    /// Refuses a signed-in user whose role may never do any of `actions`, for any record, with the policy's reason,
    /// before a route looks its record up: someone with no business there is told "you cannot see this", never
    /// "not found" or not. The route still decides for the record in hand.
    @discardableResult
    func requireEver(_ action: Action, _ more: Action...) throws -> Viewer {
        try requireEver(anyOf: [action] + more)
    }

    /// As `requireEver(_:_:)`, for a list: the feature middleware (`MayEver`) asks this too, so a route group and a
    /// record loader refuse a role with the same words.
    @discardableResult
    func requireEver(anyOf actions: [Action]) throws -> Viewer {
        let v = try requireViewer()
        // With no record for which the role may, every relationship is refused: `.none`'s answer carries the reason.
        guard actions.contains(where: v.mayEver) else {
            throw AccessDenied(decision: actions.first.map { v.decide($0) } ?? .deny(.roleHasNoAccess))
        }
        return v
    }
}

/// Thrown when the policy says no; rendered as a 403 page or problem document.
struct AccessDenied: Error {
    let decision: AccessDecision

    var message: String {
        switch decision {
        case .permit: ""
        case .breakGlassRequired: "Your agency is not recorded as working with this person."
        case .deny(let reason): reason.message
        }
    }
}
