/// The contents of a `PersonIndex` at one moment: prepared records, blocking lists and term frequencies.
/// A value type, so a query works on a consistent snapshot while `add(_:)` carries on (copy-on-write).
struct IndexSnapshot: Sendable {
    var ids: [String] = []
    var records: [PreparedPerson] = []
    /// Blocking key → positions in `records`.
    var blocks: [UInt64: [Int32]] = [:]
    var frequencies = IndexFrequencies()
    /// One shared copy of each distinct name, so a million records do not hold a million "Smith"s.
    var names: [[UInt8]: PreparedName] = [:]

    var count: Int { records.count }

    mutating func intern(_ text: [UInt8]) -> PreparedName {
        if let known = names[text] { return known }
        let name = PreparedName(text)
        names[text] = name
        return name
    }

    mutating func add(_ record: PersonRecordForMatching) {
        let prepared = PreparedPerson(record, intern: { self.intern($0) })
        let position = Int32(records.count)
        ids.append(record.id)
        records.append(prepared)
        frequencies.count(prepared)
        for key in Set(BlockingKeys.recordKeys(prepared)) { blocks[key, default: []].append(position) }
    }
}
