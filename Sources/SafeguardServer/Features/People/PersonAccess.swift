import Fluent
import FluentSQL
import SQLKit
import SafeguardCore
import Vapor

/// Works out where the viewer's agency stands with a person, for the access policy.
enum PersonAccess {
    /// How long a broken glass stays open before the user must give a reason again.
    static let breakGlassDuration: TimeInterval = 4 * 60 * 60

    static func relationship(of viewer: Viewer, to personID: UUID, on req: Request) async throws -> Relationship {
        let involved =
            try await AgencyInvolvement.query(on: req.db)
            .filter(\.$person.$id == personID).filter(\.$agency.$id == viewer.agencyID)
            .filter(\.$endedOn == nil).count() > 0
        if involved { return .agencyInvolved }
        return relationship(
            involved: false, granted: try await openGrant(for: viewer, personID: personID, on: req) != nil)
    }

    /// An open involvement outranks an open break-glass grant.
    static func relationship(involved: Bool, granted: Bool) -> Relationship {
        involved ? .agencyInvolved : granted ? .glassBroken : .none
    }

    /// The person and where the viewer's agency stands with them, in one query: every person page starts here.
    static func person(_ personID: UUID, for viewer: Viewer, on req: Request) async throws -> (Person, Relationship)? {
        try await person(personID, for: viewer, alsoReading: nil, on: req).map { ($0.0, $0.1) }
    }

    /// As above, with `columns` (over `people p`) read in the same query and the row returned for them.
    private static func person(
        _ personID: UUID, for viewer: Viewer, alsoReading columns: SQLQueryString?,
        on req: Request
    ) async throws -> (Person, Relationship, any SQLRow)? {
        let query: SQLQueryString = """
            SELECT p.*,
              EXISTS(SELECT 1 FROM \(ident: AgencyInvolvement.schema) i WHERE i.person_id = p.id
                     AND i.agency_id = \(bind: viewer.agencyID) AND i.ended_on IS NULL) AS sg_involved,
              EXISTS(SELECT 1 FROM \(ident: BreakGlassGrant.schema) g WHERE g.person_id = p.id
                     AND g.user_id = \(bind: viewer.userID) AND g.expires_at > \(bind: req.now)) AS sg_granted
              \(columns.map { ", " + $0 } ?? "")
            FROM \(ident: Person.schema) p WHERE p.id = \(bind: personID)
            """
        guard let row = try await req.db.preparedRow(query) else { return nil }
        let relationship = relationship(
            involved: try row.decode(column: "sg_involved", as: Bool.self),
            granted: try row.decode(column: "sg_granted", as: Bool.self))
        return (try row.decode(fluentModel: Person.self), relationship, row)
    }

    /// The same answer for many people at once, in two queries: for lists that must show only
    /// the people whose records this viewer could open.
    static func relationships(
        of viewer: Viewer, to personIDs: [UUID], on req: Request
    ) async throws -> [UUID: Relationship] {
        guard !personIDs.isEmpty else { return [:] }
        let involved = Set(
            try await AgencyInvolvement.query(on: req.db)
                .filter(\.$person.$id ~~ personIDs).filter(\.$agency.$id == viewer.agencyID).filter(\.$endedOn == nil)
                .all().map(\.$person.id))
        let granted = Set(
            try await BreakGlassGrant.query(on: req.db)
                .filter(\.$user.$id == viewer.userID).filter(\.$person.$id ~~ personIDs).filter(\.$expiresAt > req.now)
                .all().map(\.$person.id))
        return Dictionary(
            personIDs.map { id in
                (id, relationship(involved: involved.contains(id), granted: granted.contains(id)))
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
    static func authorise(
        _ action: Action, personID: UUID?, on req: Request, offerBreakGlass: Bool = false
    ) async throws -> (Viewer, Person, Relationship) {
        let (viewer, person, relationship, _) = try await authorise(
            action, personID: personID, alsoReading: nil, on: req, offerBreakGlass: offerBreakGlass)
        return (viewer, person, relationship)
    }

    /// The record page's start: as `authorise(.viewPerson…)`, with what the record's sections hold read in the same
    /// query, so the page asks only for the sections that have something.
    static func authoriseRecord(
        personID: UUID?, on req: Request
    ) async throws -> (Viewer, Person, Relationship, PersonRecordReads.Sections) {
        let (viewer, person, relationship, row) = try await authorise(
            .viewPerson, personID: personID,
            alsoReading: PersonRecordReads.Sections.columns, on: req, offerBreakGlass: true)
        return (viewer, person, relationship, try PersonRecordReads.Sections(row))
    }

    private static func authorise(
        _ action: Action, personID: UUID?, alsoReading columns: SQLQueryString?, on req: Request,
        offerBreakGlass: Bool
    ) async throws -> (Viewer, Person, Relationship, any SQLRow) {
        let viewer = try req.requireEver(action)
        guard let personID,
            let (person, relationship, row) = try await person(personID, for: viewer, alsoReading: columns, on: req)
        else {
            throw Abort(.notFound)
        }
        if let kept = person.$mergedInto.id {
            throw Abort.redirect(to: SiteURL.person(kept).with(query: [("done", "redirected")]))
        }
        switch viewer.decide(action, relationship: relationship) {
        case .permit:
            return (viewer, person, relationship, row)
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
