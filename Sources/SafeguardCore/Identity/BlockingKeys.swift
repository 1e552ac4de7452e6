/// Blocking: the keys under which a record is filed and the keys a query looks up, so a query is compared
/// only with records sharing at least one key, never with the whole index.
///
/// Each key is deliberately tolerant of one kind of error, and together they overlap so that a true match
/// is found unless several fields are wrong at once:
/// - NHS number exact;
/// - date of birth, looked up as typed, with day and month swapped, with each pair of adjacent digits
///   transposed and one day either side;
/// - postcode without its last character (absorbs a last-letter typo, and finds the household);
/// - sound-alike first (or middle, or other) name with sound-alike surname (or previous surname),
///   either way round;
/// - nickname group with sound-alike surname ("Bill Smith" finds "William Smith");
/// - sound-alike surname with year of birth, and sound-alike first name with year of birth;
/// - first initial with exact surname ("J Smith", or a first name too mistyped to sound alike).
enum BlockingKeys {
    enum Kind: UInt64 { case nhs = 1, dob, postcode, names, nicknameGroup, surnameYear, firstNameYear, initialSurname }

    @inline(__always)
    static func key(_ kind: Kind, _ a: UInt64, _ b: UInt64 = 0) -> UInt64 {
        // splitmix-style mixing: cheap, and different kinds never collide in practice.
        var x = a &+ kind.rawValue &* 0x9E37_79B9_7F4A_7C15
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ b &* 0x94D0_49BB_1331_11EB) &+ kind.rawValue
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    /// Keys a record is filed under.
    static func recordKeys(_ p: PreparedPerson) -> [UInt64] {
        var keys: [UInt64] = []
        keys.reserveCapacity(16)
        if p.nhs != 0 { keys.append(key(.nhs, p.nhs)) }
        if p.dob != 0 { keys.append(key(.dob, UInt64(p.dob))) }
        if p.postcodeLength >= 5 { keys.append(key(.postcode, p.postcode >> 8, UInt64(p.postcodeLength))) }
        let givens = ([p.first].compactMap { $0 } + p.middles + p.others).filter { $0.text.count > 1 }.prefix(5)
        let families = ([p.surname].compactMap { $0 } + p.others).prefix(4)
        for g in givens { for f in families where f != g { keys.append(key(.names, g.phoneticHash, f.phoneticHash)) } }
        if let first = p.first {
            for group in first.groups {
                for f in families { keys.append(key(.nicknameGroup, UInt64(group), f.phoneticHash)) }
            }
        }
        if p.dob != 0 {
            let year = UInt64(p.year)
            for f in families { keys.append(key(.surnameYear, f.phoneticHash, year)) }
            if let first = p.first { keys.append(key(.firstNameYear, first.phoneticHash, year)) }
        }
        if let first = p.first, let surname = p.surname {
            keys.append(key(.initialSurname, UInt64(first.text[0]), surname.hash))
        }
        return keys
    }

    /// Keys a query looks up, with the kind of each, so the matcher can cap fallback keys harder.
    static func queryKeys(_ q: PreparedPerson) -> [(key: UInt64, kind: Kind)] {
        var keys: [(key: UInt64, kind: Kind)] = []
        keys.reserveCapacity(32)
        if q.nhs != 0 { keys.append((key(.nhs, q.nhs), .nhs)) }
        for dob in dateVariants(q.dob) { keys.append((key(.dob, UInt64(dob)), .dob)) }
        if q.postcodeLength >= 5 { keys.append((key(.postcode, q.postcode >> 8, UInt64(q.postcodeLength)), .postcode)) }
        let firsts = ([q.first].compactMap { $0 } + q.middles.prefix(1)).filter { $0.text.count > 1 }
        let families = ([q.surname].compactMap { $0 } + q.others).prefix(4)
        for g in firsts {
            for f in families where f != g { keys.append((key(.names, g.phoneticHash, f.phoneticHash), .names)) }
        }
        if let first = q.first, let surname = q.surname {  // entered the wrong way round
            keys.append((key(.names, surname.phoneticHash, first.phoneticHash), .names))
        }
        if let first = q.first {
            for group in first.groups {
                for f in families { keys.append((key(.nicknameGroup, UInt64(group), f.phoneticHash), .nicknameGroup)) }
            }
        }
        if q.dob != 0 {
            let year = UInt64(q.year)
            for f in families { keys.append((key(.surnameYear, f.phoneticHash, year), .surnameYear)) }
            if let first = q.first {
                keys.append((key(.firstNameYear, first.phoneticHash, year), .firstNameYear))
                keys.append((key(.surnameYear, first.phoneticHash, year), .surnameYear))
            }
            if let surname = q.surname {
                keys.append((key(.firstNameYear, surname.phoneticHash, year), .firstNameYear))
            }
        }
        if let first = q.first, let surname = q.surname {
            keys.append((key(.initialSurname, UInt64(first.text[0]), surname.hash), .initialSurname))
        }
        return keys
    }

    /// The date as typed plus the dates it could have been mistyped from.
    static func dateVariants(_ dob: Int32) -> [Int32] {
        guard dob != 0 else { return [] }
        var out: [Int32] = [dob]
        let y = dob / 10_000
        let m = dob / 100 % 100
        let d = dob % 100
        if d <= 12 && d != m { out.append(y * 10_000 + d * 100 + m) }
        var divisor: Int32 = 10_000_000
        var digits: [Int32] = []
        for _ in 0..<8 {
            digits.append(dob / divisor % 10)
            divisor /= 10
        }
        for i in 0..<(digits.count - 1) where digits[i] != digits[i + 1] {
            digits.swapAt(i, i + 1)
            let v = digits.reduce(0) { $0 * 10 + $1 }
            if valid(v) { out.append(v) }
            digits.swapAt(i, i + 1)
        }
        if valid(dob) {
            let day = IdentifierComparison.dayNumber(y, m, d)
            for delta in [-1, 1] { out.append(fromDayNumber(day + delta)) }
        }
        return out
    }

    static func valid(_ v: Int32) -> Bool {
        SimpleDate(year: Int(v / 10_000), month: Int(v / 100 % 100), day: Int(v % 100)) != nil
    }

    /// Inverse of `IdentifierComparison.dayNumber` (Fliegel–Van Flandern).
    static func fromDayNumber(_ jd: Int) -> Int32 {
        var l = jd + 68569
        let n = 4 * l / 146097
        l -= (146097 * n + 3) / 4
        let i = 4000 * (l + 1) / 1_461_001
        l = l - 1461 * i / 4 + 31
        let j = 80 * l / 2447
        let d = l - 2447 * j / 80
        l = j / 11
        let m = j + 2 - 12 * l
        let y = 100 * (n - 49) + i + l
        return Int32(y * 10_000 + m * 100 + d)
    }
}
