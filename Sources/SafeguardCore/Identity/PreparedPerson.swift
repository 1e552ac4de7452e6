/// A `PersonRecordForMatching` reduced to the compact, pre-normalised form that comparisons read.
/// Built once per index record (names interned so a million records share one copy of "Smith") and once
/// per query.
struct PreparedPerson: Sendable {
    var first: PreparedName?
    var middles: [PreparedName]
    var surname: PreparedName?
    var others: [PreparedName]
    /// yyyymmdd; 0 when missing.
    var dob: Int32
    /// 0 missing or not stated, 1 female, 2 male, 3 non-binary.
    var sex: Int8
    /// The 10 digits as a number; 0 when missing or not 10 digits.
    var nhs: UInt64
    /// Compact postcode packed big-endian, one byte a character; 0 when missing.
    var postcode: UInt64
    var postcodeLength: UInt8
    /// Hash of the address's numeric tokens ("12A", "3"), 0 when none.
    var addressNumber: UInt64
    /// Sorted, unique hashes of the address's words, abbreviations expanded; empty when missing.
    var addressTokens: [UInt32]

    init(_ record: PersonRecordForMatching) {
        self.init(record, intern: { PreparedName($0) })
    }

    /// `intern` returns the shared copy of a name, so index records reuse one allocation per distinct name.
    init(_ record: PersonRecordForMatching, intern make: ([UInt8]) -> PreparedName) {
        // A first-name field holding two names ("Mary Ann") keeps the first and treats the rest as middles.
        let firstTokens = NameNormalizer.tokens(record.firstName)
        first = firstTokens.first.map(make)
        middles = (firstTokens.dropFirst() + NameNormalizer.tokens(record.middleNames)).map(make)
        let surnameText = NameNormalizer.letters(record.lastName)
        surname = surnameText.isEmpty ? nil : make(surnameText)
        others = record.otherNames.flatMap { NameNormalizer.tokens($0) }.map(make)
        if let d = record.dateOfBirth {
            dob = Int32(d.year * 10_000 + d.month * 100 + d.day)
        } else if let typed = record.dateOfBirthAsEntered.map(NameNormalizer.digits), typed.count == 8,
            (1...12).contains(typed[4] * 10 + typed[5]) || (1...12).contains(typed[6] * 10 + typed[7])
        {
            dob = typed.reduce(Int32(0)) { $0 * 10 + Int32($1) }
        } else {
            dob = 0
        }
        switch record.sex {
        case .female: sex = 1
        case .male: sex = 2
        case .nonBinary: sex = 3
        default: sex = 0
        }
        let digits = NameNormalizer.digits(record.nhsNumber ?? "")
        nhs = digits.count == 10 ? digits.reduce(0) { $0 * 10 + UInt64($1) } : 0
        let pc = NameNormalizer.compactPostcode(record.postcode ?? "").prefix(8)
        postcode = pc.reduce(0) { $0 << 8 | UInt64($1) }
        postcodeLength = UInt8(pc.count)
        (addressNumber, addressTokens) = PreparedPerson.addressKey(record.address ?? "")
    }

    /// Street words agencies abbreviate; expanding them makes "12 Payne Rd" equal "12 Payne Road".
    static let abbreviations: [String: String] = [
        "rd": "road", "st": "street", "ave": "avenue", "av": "avenue", "ln": "lane", "dr": "drive",
        "cl": "close", "gr": "grove", "gro": "grove", "cres": "crescent", "cresc": "crescent",
        "gdns": "gardens", "ct": "court", "pl": "place", "sq": "square", "terr": "terrace", "ter": "terrace",
        "wy": "way", "pk": "park", "hse": "house", "apt": "flat",
    ]

    static func addressKey(_ address: String) -> (UInt64, [UInt32]) {
        var numbers: [UInt8] = []
        var tokens: [UInt32] = []
        let words = address.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        for word in words {
            let w = abbreviations[String(word)] ?? String(word)
            let bytes = Array(w.utf8)
            if bytes.contains(where: { $0 >= 48 && $0 <= 57 }) { numbers += bytes + [32] }
            tokens.append(UInt32(truncatingIfNeeded: NameNormalizer.hash(bytes)))
        }
        return (numbers.isEmpty ? 0 : NameNormalizer.hash(numbers), Array(Set(tokens)).sorted())
    }

    var year: Int32 { dob / 10_000 }
    var hasAddress: Bool { !addressTokens.isEmpty }
    var hasName: Bool { first != nil || surname != nil }
}
