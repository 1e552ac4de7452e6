import Fluent
import SafeguardCore
import Vapor

/// Copies of one home, found by the address matcher, and merging them: the MASH resolves which rows
/// are one house, as it resolves which records are one person, so the police get one marker per door.
struct DuplicateHomesController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.duplicateHomes, for: [.mergePeople], use: list)
        routes.get(.homeMerge(.param("addressID")), for: [.mergePeople], use: mergeForm)
        routes.post(.homeMerge(.param("addressID")), for: [.mergePeople], use: merge)
    }

    struct MergeForm: Content {
        var keep: String?
        var reason: String?
    }

    func list(req: Request) async throws -> Response {
        let viewer = try req.require(.mergePeople)
        let homes = try await Address.query(on: req.db).filter(\.$mergedInto.$id == nil).all().map(\.knownHome)
        let sets = HomeLookup(homes: homes).duplicateSets()
        let rows = try await HomeRow.load(sets.flatMap { $0 }, on: req.db)
        try await req.audit.record(
            viewer.event(.search, "address-duplicates", "\(sets.count) sets", on: req), on: req.db)
        return DuplicateHomesView(sets: sets.map { $0.compactMap { rows[$0.id] } }).render(on: req)
    }

    func mergeForm(req: Request) async throws -> Response {
        let viewer = try req.require(.mergePeople)
        let set = try await Self.duplicateSet(of: req.addressID(), on: req.db)
        try await req.audit.record(
            viewer.event(.view, "address", try req.addressID().uuidString, reason: "duplicate homes", on: req),
            on: req.db)
        return try await HomeMergeView(homes: HomeRow.ordered(set, on: req.db), form: MergeForm(), errors: FormErrors())
            .render(on: req)
    }

    func merge(req: Request) async throws -> Response {
        let viewer = try req.require(.mergePeople)
        let form = try req.content.decode(MergeForm.self)
        let set = try await Self.duplicateSet(of: req.addressID(), on: req.db)
        let reason = (form.reason ?? "").trimmed
        var errors = FormErrors()
        for p in HomeMerge.problems(keep: form.keep, among: set.map(\.id), reason: reason) {
            errors.add(p.field, p.message)
        }
        guard errors.isEmpty, let keep = form.keep.flatMap(UUID.init(uuidString:)) else {
            return try await HomeMergeView(homes: HomeRow.ordered(set, on: req.db), form: form, errors: errors)
                .render(on: req, status: .unprocessableEntity)
        }
        let copies = set.compactMap { UUID(uuidString: $0.id) }.filter { $0 != keep }
        let now = req.now
        try await req.audit.write(on: req.db) { db in
            try await HomeMerger.merge(keep: keep, copies: copies, reason: reason, now: now, on: db)
            return (
                (),
                [
                    viewer.event(
                        .change, "address", keep.uuidString, reason: "kept; merged \(copies.count) copies: \(reason)",
                        on: req)
                ]
                    + copies.map {
                        viewer.event(
                            .change, "address", $0.uuidString, reason: "merged into \(keep): \(reason)", on: req)
                    }
            )
        }
        try await req.safeguard.personIndex.refreshResidents(of: [keep] + copies, on: req.db)
        return req.redirect(to: SiteURL.duplicateHomes.with(query: [("done", "merged")]), redirectType: .normal)
    }

    /// The set of copies the address belongs to, worked out afresh from the homes sharing its postcode or
    /// UPRN, so a page left open cannot merge what has since been merged or changed.
    static func duplicateSet(of id: UUID, on db: Database) async throws -> [KnownHome] {
        guard let address = try await Address.find(id, on: db) else { throw Abort(.notFound) }
        guard address.$mergedInto.id == nil else { return [] }
        let sets = HomeLookup(homes: try await KnownHomes.near(postcode: address.postcode, uprn: address.uprn, on: db))
            .duplicateSets()
        return sets.first { $0.contains { $0.id == id.uuidString } } ?? []
    }
}

extension Request {
    func addressID() throws -> UUID {
        guard let id = parameters.get("addressID").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        return id
    }
}
