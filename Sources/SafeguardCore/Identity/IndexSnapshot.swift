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
    /// Person id → position in `records`, so one person's record can be replaced or withdrawn in place.
    var positions: [String: Int32] = [:]
    /// Positions withdrawn (a person merged into another): out of every block, their id emptied.
    var withdrawn = 0

    /// People in the index, not counting withdrawn records.
    var count: Int { records.count - withdrawn }

    mutating func intern(_ text: [UInt8]) -> PreparedName {
        if let known = names[text] { return known }
        let name = PreparedName(text)
        names[text] = name
        return name
    }

    /// Files `record`, or replaces the person's earlier record in place: its old blocking keys and name counts
    /// are taken out and the new ones put in, so a change to one person costs one record's work, not a rebuild.
    mutating func add(_ record: PersonRecordForMatching) {
        let prepared = PreparedPerson(record, intern: { self.intern($0) })
        let position: Int32
        if let known = positions[record.id] {
            takeOut(known)
            position = known
            records[Int(position)] = prepared
        } else {
            position = Int32(records.count)
            ids.append(record.id)
            records.append(prepared)
            positions[record.id] = position
        }
        frequencies.count(prepared)
        for key in Set(BlockingKeys.recordKeys(prepared)) { blocks[key, default: []].append(position) }
    }

    /// Withdraws a person (merged into another): no query finds them again. Their slot stays, empty, so every
    /// other position is unchanged.
    mutating func remove(id: String) {
        guard let position = positions.removeValue(forKey: id) else { return }
        takeOut(position)
        ids[Int(position)] = ""
        withdrawn += 1
    }

    private mutating func takeOut(_ position: Int32) {
        let old = records[Int(position)]
        frequencies.uncount(old)
        for key in Set(BlockingKeys.recordKeys(old)) {
            blocks[key]?.removeAll { $0 == position }
            if blocks[key]?.isEmpty == true { blocks[key] = nil }
        }
    }
}
