import Fluent
import Vapor
import SafeguardCore

/// Works out where the viewer's agency stands with a person, for the access policy.
enum PersonAccess {
    /// How long a broken glass stays open before the user must give a reason again.
    static let breakGlassDuration: TimeInterval = 4 * 60 * 60

    static func relationship(of viewer: Viewer, to personID: UUID, on req: Request) async throws -> Relationship {
        let involved = try await AgencyInvolvement.query(on: req.db)
            .filter(\.$person.$id == personID).filter(\.$agency.$id == viewer.agencyID)
            .filter(\.$endedOn == nil).count() > 0
        if involved { return .agencyInvolved }
        if try await openGrant(for: viewer, personID: personID, on: req) != nil { return .glassBroken }
        return .none
    }

    /// The same answer for many people at once, in two queries: for lists that must show only
    /// the people whose records this viewer could open.
    static func relationships(of viewer: Viewer, to personIDs: [UUID], on req: Request) async throws -> [UUID: Relationship] {
        guard !personIDs.isEmpty else { return [:] }
        let involved = Set(try await AgencyInvolvement.query(on: req.db)
            .filter(\.$person.$id ~~ personIDs).filter(\.$agency.$id == viewer.agencyID).filter(\.$endedOn == nil)
            .all().map(\.$person.id))
        let granted = Set(try await BreakGlassGrant.query(on: req.db)
            .filter(\.$user.$id == viewer.userID).filter(\.$person.$id ~~ personIDs).filter(\.$expiresAt > req.now)
            .all().map(\.$person.id))
        return Dictionary(personIDs.map { id in
            (id, involved.contains(id) ? .agencyInvolved : granted.contains(id) ? .glassBroken : .none)
        }, uniquingKeysWith: { a, _ in a })
    }

    static func openGrant(for viewer: Viewer, personID: UUID, on req: Request) async throws -> BreakGlassGrant? {
        try await BreakGlassGrant.query(on: req.db)
            .filter(\.$user.$id == viewer.userID).filter(\.$person.$id == personID)
            .filter(\.$expiresAt > req.now)
            .sort(\.$grantedAt, .descending).first()
    }

    /// Loads the person and checks the policy for `action`. A `breakGlassRequired` answer
    /// becomes a redirect to the break-glass page when `offerBreakGlass` is set.
    static func authorise(_ action: Action, personID: UUID?, on req: Request, offerBreakGlass: Bool = false) async throws -> (Viewer, Person, Relationship) {
        let viewer = try req.requireViewer()
        guard let personID, let person = try await Person.find(personID, on: req.db) else { throw Abort(.notFound) }
        if let kept = person.$mergedInto.id {
            throw Abort.redirect(to: SiteURL.person(kept).with(query: [("done", "redirected")]))
        }
        let relationship = try await relationship(of: viewer, to: personID, on: req)
        switch viewer.decide(action, relationship: relationship) {
        case .permit:
            return (viewer, person, relationship)
        case .breakGlassRequired where offerBreakGlass:
            throw Abort.redirect(to: SiteURL.personBreakGlass(personID).path)
        case let decision:
            throw AccessDenied(decision: decision)
        }
    }
}

extension Request {
    func personID() -> UUID? { parameters.get("personID").flatMap(UUID.init(uuidString:)) }
}
