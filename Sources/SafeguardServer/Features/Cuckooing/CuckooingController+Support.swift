import Fluent
import SafeguardCore
import Vapor

extension CuckooingController {
    /// The register: every open cuckooing marker this viewer may read, newest first.
    func register(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard viewer.mayEver(.recordCuckooing) else { throw AccessDenied(decision: .deny(.roleHasNoAccess)) }
        let visible = try await CuckooedHome.query(on: req.db).filter(\.$endedAt == nil).with(\.$address).with(
            \.$person
        ).with(\.$lead)
            .with(\.$agency).sort(\.$recordedAt, .descending).all().filter { Self.isVisible($0, to: viewer) }
        // The same relationship check as the home's own page: a row only where that page would open
        // without breaking the glass.
        let relationships = try await PersonAccess.relationships(of: viewer, to: visible.map(\.$person.id), on: req)
        let homes = visible.filter {
            viewer.decide(.viewPerson, relationship: relationships[$0.$person.id] ?? .none) == .permit
        }
        try await req.audit.record(
            viewer.event(.view, "cuckooing-register", "\(homes.count) homes", on: req), on: req.db)
        let rows = homes.map { h in
            CuckooingRegisterView.Row(
                id: h.id!, address: h.address.singleLine, whose: h.person.fullName,
                howUsed: h.kindList.map(\.displayName).joined(separator: "; "),
                lead: "\(h.lead.displayName), \(h.agency.name)",
                since: SiteFormat.dateTime(h.recordedAt))
        }
        return CuckooingRegisterView(rows: rows).render(on: req)
    }

    /// Loads the home, checks the policy on its person, and that this viewer may read it: the
    /// recording agency and the agencies that lead safeguarding.
    static func load(_ req: Request, for action: Action) async throws -> (Viewer, CuckooedHome, Relationship) {
        try req.requireEver(action)  // before the record is looked up: a role that may never is told so
        guard let id = req.parameters.get("homeID", as: UUID.self) else { throw Abort(.notFound) }
        let found = try await CuckooedHome.query(on: req.db).filter(\.$id == id).with(\.$address).with(\.$person)
            .with(\.$lead) { $0.with(\.$agency).with(\.$team) }.with(\.$agency).with(\.$recordedBy).first()
        guard let home = found else { throw Abort(.notFound) }
        let (viewer, _, relationship) = try await PersonAccess.authorise(
            action, personID: home.$person.id, on: req, offerBreakGlass: action == .viewPerson)
        guard isVisible(home, to: viewer) else { throw Abort(.notFound) }
        return (viewer, home, relationship)
    }

    static func isVisible(_ home: CuckooedHome, to viewer: Viewer) -> Bool {
        ChronologyVisibility.safeguarding.isVisible(
            to: viewer.role, recordedByViewersAgency: home.$agency.id == viewer.agencyID)
    }

    /// The person's current homes: a cuckooed home is where they live now.
    static func homes(of person: Person, on req: Request) async throws -> [Address] {
        try await Residence.query(on: req.db).filter(\.$person.$id == person.requireID()).filter(\.$toDate == nil).with(
            \.$address
        ).all().map(\.address)
    }

    /// Who may be named as lead: active staff of the recording agency.
    static func leads(_ viewer: Viewer, on db: Database) async throws -> [User] {
        try await User.query(on: db).filter(\.$agency.$id == viewer.agencyID).filter(\.$active == true).sort(
            \.$displayName
        ).all()
    }

    /// Open cuckooing markers at an address: who to tell of an incident there.
    static func open(at addressID: UUID?, on db: Database) async throws -> [CuckooedHome] {
        guard let addressID else { return [] }
        return try await CuckooedHome.query(on: db).filter(\.$address.$id == addressID).filter(\.$endedAt == nil)
            .with(\.$address).with(\.$person).with(\.$lead).all()
    }
}

extension CuckooingController {
    /// Incidents at homes this user leads on, not yet read.
    static func myWork(_ viewer: Viewer, on req: Request) async throws -> [MyWorkController.Item] {
        try await CuckooingNotice.query(on: req.db).filter(\.$lead.$id == viewer.userID).filter(\.$seenAt == nil)
            .with(\.$incident).with(\.$home) { $0.with(\.$address) }.sort(\.$forwardedAt).all().map { n in
                MyWorkController.Item(
                    title: "Police incident \(n.incident.reference) at the cuckooed home \(n.home.address.line1)",
                    url: .cuckooedHome(n.$home.id), detail: "Forwarded \(SiteFormat.dateTime(n.forwardedAt))",
                    urgent: true)
            }
    }
}
