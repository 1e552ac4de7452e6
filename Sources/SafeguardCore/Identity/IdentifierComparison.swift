/// Comparison levels for date of birth, sex, NHS number and residence (postcode with address).
/// Each returns nil when either side is missing.
enum IdentifierComparison {
    static func dateOfBirth(_ q: Int32, _ r: Int32) -> ComparisonLevel? {
        guard q != 0, r != 0 else { return nil }
        if q == r { return .dobExact }
        let (qy, qm, qd) = (q / 10_000, q / 100 % 100, q % 100)
        let (ry, rm, rd) = (r / 10_000, r / 100 % 100, r % 100)
        // 03/04 typed as 04/03: the commonest date error between UK and US-style forms.
        if qy == ry && qm == rd && qd == rm { return .dobDayMonthSwapped }
        let differing = differingDigits(UInt64(q), UInt64(r), count: 8)
        if differing.count == 2 && differing[1] == differing[0] + 1
            && digit(UInt64(q), differing[0], 8) == digit(UInt64(r), differing[1], 8)
            && digit(UInt64(q), differing[1], 8) == digit(UInt64(r), differing[0], 8)
        {
            return .dobTransposed
        }
        if differing.count == 1 || abs(dayNumber(qy, qm, qd) - dayNumber(ry, rm, rd)) == 1 { return .dobOneOff }
        if qy == ry { return .dobSameYear }
        return .dobDisagrees
    }

    static func sex(_ q: Int8, _ r: Int8) -> ComparisonLevel? {
        guard q != 0, r != 0 else { return nil }
        return q == r ? .sexAgrees : .sexDisagrees
    }

    static func nhsNumber(_ q: UInt64, _ r: UInt64) -> ComparisonLevel? {
        guard q != 0, r != 0 else { return nil }
        if q == r { return .nhsExact }
        let differing = differingDigits(q, r, count: 10)
        if differing.count == 1 { return .nhsNear }
        if differing.count == 2 && differing[1] == differing[0] + 1
            && digit(q, differing[0], 10) == digit(r, differing[1], 10)
            && digit(q, differing[1], 10) == digit(r, differing[0], 10)
        {
            return .nhsNear
        }
        return .nhsDisagrees
    }

    /// Postcode and address together: the address separates households sharing a postcode, and confirms a
    /// postcode typed one character wrong.
    static func residence(_ q: PreparedPerson, _ r: PreparedPerson) -> ComparisonLevel? {
        let bothPostcodes = q.postcodeLength > 0 && r.postcodeLength > 0
        let bothAddresses = q.hasAddress && r.hasAddress
        guard bothPostcodes || bothAddresses else { return nil }
        let sameAddress =
            bothAddresses && q.addressNumber == r.addressNumber && tokenOverlap(q.addressTokens, r.addressTokens) >= 0.6
        if bothPostcodes && q.postcode == r.postcode {
            return sameAddress ? .residenceSameHome : .residencePostcode
        }
        let near = bothPostcodes && q.postcodeLength == r.postcodeLength && differingBytes(q.postcode, r.postcode) == 1
        if near && sameAddress { return .residenceNearPostcodeSameAddress }
        if sameAddress { return .residenceSameAddress }
        if near { return .residenceNearPostcode }
        if bothPostcodes && q.postcodeLength >= 5 && r.postcodeLength >= 5 && q.postcode >> 24 == r.postcode >> 24 {
            return .residenceDistrict
        }
        return .residenceDisagrees
    }

    /// Jaccard overlap of two sorted token sets.
    static func tokenOverlap(_ a: [UInt32], _ b: [UInt32]) -> Double {
        var i = 0
        var j = 0
        var shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    /// Positions (0 = leftmost) where two `count`-digit numbers differ.
    static func differingDigits(_ a: UInt64, _ b: UInt64, count: Int) -> [Int] {
        var result: [Int] = []
        var x = a
        var y = b
        for position in stride(from: count - 1, through: 0, by: -1) {
            if x % 10 != y % 10 {
                result.insert(position, at: 0)
                if result.count > 2 { return result }
            }
            x /= 10
            y /= 10
        }
        return result
    }

    static func digit(_ value: UInt64, _ position: Int, _ count: Int) -> UInt64 {
        var v = value
        for _ in 0..<(count - 1 - position) { v /= 10 }
        return v % 10
    }

    static func differingBytes(_ a: UInt64, _ b: UInt64) -> Int {
        var x = a ^ b
        var n = 0
        while x != 0 {
            if x & 0xff != 0 { n += 1 }
            x >>= 8
        }
        return n
    }

    /// Days since a fixed epoch (proleptic Gregorian), so that 31 Dec and 1 Jan are 1 day apart.
    static func dayNumber(_ y: Int32, _ m: Int32, _ d: Int32) -> Int {
        let a = (14 - Int(m)) / 12
        let yy = Int(y) + 4800 - a
        let mm = Int(m) + 12 * a - 3
        return Int(d) + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 + yy / 400 - 32045
    }
}
