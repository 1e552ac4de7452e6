/// Blocking keys: cheap exact keys that a true match almost always shares with its query, so that a query
/// is compared with a small block instead of the whole index.
///
/// Each key pairs two pieces of evidence, because typed addresses lose any one piece at a time:
/// - `P` the postcode, and `M` the postcode with one position masked (one mistyped character);
/// - `N` postcode district + house number, `B` district + a building-name word (a neighbouring or badly
///   mistyped postcode in the right district);
/// - `S` house number + street word, `V` house number + town word, `T` name word + street word, `U` name
///   word + town word (no postcode at all).
/// Words are cut to four letters so that a typo late in a word still finds its block. Stop words and
/// street types are left out: "ROAD" or "THE" would make blocks of half the index.
///
/// The keys come in two tiers. The first (P, M, S, T, B) finds almost every true match with small blocks of
/// one street. The second (N, V, U) catches a street left out or mistyped beyond recognition, at the cost of
/// blocks spanning a whole district or town, so it is only asked when the first tier gave no clear match.
enum AddressBlocking {
    /// A key as one 64-bit FNV-1a hash of its text: hashing a word costs less than building and hashing a
    /// string, and at 64 bits two keys of an index this size never collide in practice (a collision would
    /// only add an address to a block, never lose one).
    static func hash(_ key: String, from start: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var h = start
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    static func recordKeys(_ p: ParsedAddress) -> [String] {
        var keys: [String] = []
        let district = p.postcodeKey.map { String(AddressPostcode.outward($0)) }
        if let pc = p.postcodeKey {
            keys.append("P" + pc)
            keys += AddressPostcode.maskedKeys(pc).map { "M" + $0 }
        }
        let street = stems(p.street)
        let town = stems(p.town)
        let name = stems(p.buildingName)
        if let house = p.houseNumber {
            if let district { keys.append("N" + district + "|" + house) }
            keys += street.map { "S" + house + "|" + $0 }
            keys += town.map { "V" + house + "|" + $0 }
        }
        if let district { keys += name.map { "B" + district + "|" + $0 } }
        for n in name {
            keys += street.map { "T" + n + "|" + $0 }
            keys += town.map { "U" + n + "|" + $0 }
        }
        return Array(Set(keys))
    }

    /// The query side asks every key its pieces could form, since it cannot be sure which word is the
    /// street, the town or a building name.
    static func queryKeys(_ q: ParsedAddress, tier: Int) -> [UInt64] {
        var keys: [UInt64] = []
        let district = q.postcodeKey.map { String(AddressPostcode.outward($0)) }
        let words = stems(q.words)
        let numbers = Array(Set(q.numbers))
        // Hashed piece by piece: the same value as hashing the joined key, without building the string.
        func key(_ tag: String, _ a: String, _ b: String) -> UInt64 {
            hash(b, from: hash("|", from: hash(a, from: hash(tag))))
        }
        if tier == 1 {
            if let pc = q.postcodeKey {
                keys.append(hash("P" + pc))
                keys += AddressPostcode.maskedKeys(pc).map { hash("M" + $0) }
            }
            for n in numbers { keys += words.map { key("S", n, $0) } }
            if let district { keys += words.map { key("B", district, $0) } }
            for a in words { keys += words.filter { $0 != a }.map { key("T", a, $0) } }
        } else {
            for n in numbers {
                if let district { keys.append(key("N", district, n)) }
                keys += words.map { key("V", n, $0) }
            }
            for a in words { keys += words.filter { $0 != a }.map { key("U", a, $0) } }
        }
        return keys
    }

    static func stems(_ text: String?) -> [String] {
        guard let text else { return [] }
        return stems(text.split(separator: " ").map(String.init))
    }

    static func stems(_ words: [String]) -> [String] {
        var out: [String] = []
        for w in words
        where w.count >= 3 && !AddressVocabulary.stopWords.contains(w)
            && !AddressVocabulary.streetTypes.contains(w)
        {
            let s = String(w.prefix(4))
            if !out.contains(s) { out.append(s) }
        }
        return out
    }
}
