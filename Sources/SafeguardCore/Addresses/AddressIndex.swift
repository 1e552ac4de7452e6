import Foundation

/// Known addresses, parsed once and filed under blocking keys so that a query is compared only with the
/// few addresses that share something distinctive with it, never with the whole index.
///
/// In production the index holds the few hundred addresses with a "Place of Interest" marker, and markers
/// arrive one at a time through `add(_:)`. Safe to share between request handlers: queries read an immutable
/// snapshot taken under a short lock, so they never wait for each other and never see a half-added address.
public final class AddressIndex: Sendable {
    private let state: SnapshotBox<AddressIndexState>

    public init(_ records: [AddressRecord]) {
        var initial = AddressIndexState()
        initial.reserve(records.count)
        for record in records { initial.add(record) }
        state = SnapshotBox(initial)
    }

    /// Files one more known address; later queries see it.
    public func add(_ record: AddressRecord) {
        state.mutate { $0.add(record) }
    }

    /// Number of addresses in the index.
    public var count: Int { state.snapshot.records.count }

    /// A consistent view for one query.
    func snapshot() -> AddressIndexState { state.snapshot }
}

/// A known address ready for comparison: its parsed fields, with text fields interned so that a query
/// compares each distinct street or town once, however many addresses share it.
struct IndexedAddress {
    let id: String
    let flat: String?
    let floor: String?
    let house: String?
    let name: Int?
    let street: Int?
    let locality: Int?
    let town: Int?
    let postcode: String?
    let postcodePacked: UInt64?
    /// The building this address is in or is (number or name, street, town), to know whether the index holds
    /// flats in it: a query for "Flat 9" at a building whose flats are known is not the building itself.
    let building: Int
    let isUnit: Bool
}

/// The index proper: a value type, so that a snapshot is a cheap copy-on-write copy.
struct AddressIndexState {
    var records: [IndexedAddress] = []
    var fields: [AddressField] = []
    private var fieldIDs: [String: Int] = [:]
    private(set) var blocks: [UInt64: [Int32]] = [:]
    private var buildingIDs: [String: Int] = [:]
    private var unitsPerBuilding: [Int] = []

    mutating func reserve(_ n: Int) {
        records.reserveCapacity(n)
        blocks.reserveCapacity(n * 4)
    }

    func field(_ id: Int?) -> AddressField? { id.map { fields[$0] } }

    /// Whether the index holds flats in the building this address is in (or is).
    func buildingHasUnits(_ address: IndexedAddress) -> Bool { unitsPerBuilding[address.building] > 0 }

    mutating func add(_ record: AddressRecord) {
        let p = ParsedAddress(record.address, postcode: record.postcode)
        let buildingKey = [p.houseNumber ?? p.buildingName ?? "", p.street ?? "", p.town ?? ""].joined(separator: "|")
        let building = buildingIDs[buildingKey] ?? unitsPerBuilding.count
        if building == unitsPerBuilding.count {
            buildingIDs[buildingKey] = building
            unitsPerBuilding.append(0)
        }
        let isUnit = p.flat != nil || p.floor != nil || p.flatMentioned
        let entry = IndexedAddress(
            id: record.id, flat: p.flat, floor: p.floor, house: p.houseNumber,
            name: intern(p.buildingName), street: intern(p.street), locality: intern(p.locality), town: intern(p.town),
            postcode: p.postcodeKey, postcodePacked: p.postcodeKey.map(AddressPostcode.pack), building: building,
            isUnit: isUnit)
        let position = Int32(records.count)
        records.append(entry)
        if isUnit { unitsPerBuilding[building] += 1 }
        for key in AddressBlocking.recordKeys(p) {
            blocks[AddressBlocking.hash(key), default: []].append(position)
        }
    }

    private mutating func intern(_ text: String?) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        if let id = fieldIDs[text] { return id }
        fields.append(AddressField(text))
        fieldIDs[text] = fields.count - 1
        return fields.count - 1
    }

    /// Positions of the addresses sharing at least one blocking key of the given tier with the query, in
    /// index order, leaving out those in `excluding` (already compared).
    func block(for query: ParsedAddress, tier: Int, excluding: [Int] = []) -> [Int] {
        var found: [Int] = []
        for key in AddressBlocking.queryKeys(query, tier: tier) {
            if let list = blocks[key] { found += list.lazy.map(Int.init) }
        }
        found.sort()
        var out: [Int] = []
        out.reserveCapacity(found.count)
        var skip = excluding.makeIterator()
        var next = skip.next()
        for p in found where p != out.last {
            while let n = next, n < p { next = skip.next() }
            if next != p { out.append(p) }
        }
        return out
    }
}
