/// How many index records hold each first name, surname and postcode: the term frequencies that make a
/// shared rare name strong evidence and a shared common one weak.
struct IndexFrequencies: Sendable {
    private(set) var firstNames: [UInt64: Int32] = [:]
    private(set) var surnames: [UInt64: Int32] = [:]
    private(set) var postcodes: [UInt64: Int32] = [:]

    mutating func count(_ p: PreparedPerson) {
        if let f = p.first { firstNames[f.hash, default: 0] += 1 }
        if let s = p.surname { surnames[s.hash, default: 0] += 1 }
        if p.postcodeLength > 0 { postcodes[p.postcode, default: 0] += 1 }
    }

    mutating func uncount(_ p: PreparedPerson) {
        if let f = p.first { firstNames[f.hash, default: 1] -= 1 }
        if let s = p.surname { surnames[s.hash, default: 1] -= 1 }
        if p.postcodeLength > 0 { postcodes[p.postcode, default: 1] -= 1 }
    }

    func firstName(_ name: PreparedName) -> Int32 { firstNames[name.hash] ?? 0 }
    func surname(_ name: PreparedName) -> Int32 { surnames[name.hash] ?? 0 }
    func postcode(_ packed: UInt64) -> Int32 { postcodes[packed] ?? 0 }
}
