import Fluent
import Foundation
import SafeguardCore

/// Finding the recorded home for an address someone has typed, and filing a residence there: the
/// web forms and the API all come here, so one home is one row whoever records it.
enum KnownHomes {
    /// The homes the new address could be: those sharing its postcode or its UPRN, never a merged copy.
    static func lookup(_ typed: KnownHome, on db: Database) async throws -> HomeLookupOutcome {
        HomeLookup(homes: try await near(postcode: typed.postcode, uprn: typed.uprn, on: db)).find(typed)
    }

    /// The recorded homes, never a merged copy, that share the postcode or the UPRN: all a lookup or a
    /// duplicate check needs to compare.
    static func near(postcode: String, uprn: Int64?, on db: Database) async throws -> [KnownHome] {
        let query = Address.query(on: db).filter(\.$mergedInto.$id == nil)
        if let uprn {
            query.group(.or) { $0.filter(\.$postcode == postcode).filter(\.$uprn == uprn) }
        } else {
            query.filter(\.$postcode == postcode)
        }
        return try await query.all().map(\.knownHome)
    }

    /// What the user answered when offered possible homes: an address id, or `new`.
    enum Choice: Equatable {
        case notAsked
        case new
        case existing(UUID)

        init(_ text: String?) {
            let t = (text ?? "").trimmed
            if t == "new" {
                self = .new
            } else if let id = UUID(uuidString: t) {
                self = .existing(id)
            } else {
                self = .notAsked
            }
        }
    }

    /// Where the residence goes: a recorded home, a new one, or first a question to the user.
    enum Placement {
        case reuse(UUID)
        case create
        case ask([PossibleHome])
    }

    static func placement(for outcome: HomeLookupOutcome, choice: Choice) -> Placement {
        switch (outcome, choice) {
        case (.same(let home, _), _): return UUID(uuidString: home.id).map { .reuse($0) } ?? .create
        case (.new, _): return .create
        case (.possible, .new): return .create
        // Only a home that was offered may be chosen: a forged id must not file someone at a stranger's address.
        case (.possible(let offered), .existing(let id)) where offered.contains { $0.home.id == id.uuidString }:
            return .reuse(id)
        case (.possible(let offered), _): return .ask(offered)
        }
    }

    /// The address row to file a residence at: the home reused, or a new row. Call inside a write.
    static func addressID(reusing existing: UUID?, typed: KnownHome, on db: Database) async throws -> UUID {
        if let existing { return existing }
        let postcode = try UKPostcode(typed.postcode)
        let district = try await DistrictLookup.district(for: postcode, on: db)
        let address = Address(
            line1: typed.line1, line2: typed.line2, town: typed.town, districtID: district, postcode: postcode.text,
            uprn: typed.uprn)
        try await address.create(on: db)
        return try address.requireID()
    }
}
