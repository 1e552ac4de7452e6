import Testing

@testable import SafeguardCore

/// The matcher's decisions: messy variants that must match, neighbours that must not, close calls that go
/// to a person, an index that grows, and blocks that stay small.
struct AddressMatcherTests {
    static let known: [AddressRecord] = [
        AddressRecord(id: "h10", address: "10 HIGH STREET, LEEDS", postcode: "LS1 4AB"),
        AddressRecord(id: "h12", address: "12 HIGH STREET, LEEDS", postcode: "LS1 4AB"),
        AddressRecord(id: "h10a", address: "10A HIGH STREET, LEEDS", postcode: "LS1 4AB"),
        AddressRecord(id: "b14", address: "14 HIGH STREET, LEEDS", postcode: "LS1 4AD"),
        AddressRecord(id: "f14-1", address: "FLAT 1, 14 HIGH STREET, LEEDS", postcode: "LS1 4AD"),
        AddressRecord(id: "f14-2", address: "FLAT 2, 14 HIGH STREET, LEEDS", postcode: "LS1 4AD"),
        AddressRecord(id: "g16", address: "GROUND FLOOR FLAT, 16 HIGH STREET, LEEDS", postcode: "LS1 4AD"),
        AddressRecord(id: "u16", address: "FIRST FLOOR FLAT, 16 HIGH STREET, LEEDS", postcode: "LS1 4AD"),
        AddressRecord(id: "rose", address: "ROSE COTTAGE, MILL LANE, LEEDS", postcode: "LS2 7XY"),
        AddressRecord(id: "m3", address: "3 MILL LANE, LEEDS", postcode: "LS2 7XY"),
        AddressRecord(id: "y10", address: "10 HIGH STREET, YORK", postcode: "YO1 9ZZ"),
        AddressRecord(id: "s5", address: "5 STATION ROAD, YORK", postcode: "YO1 6AA"),
    ]

    static let matcher = AddressMatcher(index: AddressIndex(known))

    static func matchedID(_ address: String, _ postcode: String? = nil) -> String? {
        if case .match(let c) = matcher.decide(address: address, postcode: postcode) { return c.id }
        return nil
    }

    // MARK: Messy variants of a known address match it

    @Test(arguments: [
        ("10 High Street, Leeds", "LS1 4AB", "h10"), ("10 high st", "ls14ab", "h10"),
        ("10, High Stret, Leeds", "LS1 4AB", "h10"),
        ("10 High Street, Leeds", "LS1 4AV", "h10"), ("10 High Street, Leeds", nil, "h10"),
        ("10 High St Leeds LS1 4AB", nil, "h10"),
        ("10A High Street", "LS1 4AB", "h10a"), ("10 a High Street, Leeds", "LS1 4AB", "h10a"),
        ("Flat 2 14 high st", "LS1 4AD", "f14-2"), ("2/14 High Street", "LS1 4AD", "f14-2"),
        ("Apt 2, 14 High St, Leeds", nil, "f14-2"),
        ("Ground Floor Flat, 16 High St", "LS1 4AD", "g16"), ("1st floor flat 16 high street leeds", nil, "u16"),
        ("Rose Cottage, Mill Lane, Leeds", "LS2 7XY", "rose"), ("Rose Cotage, Leeds", "LS2 7XY", "rose"),
        ("3 Mill Ln, Leeds", "LS2 7XY", "m3"), ("5 Station Rd, York", "YO1 6AA", "s5"),
    ])
    func messyVariantsMatch(address: String, postcode: String?, id: String) {
        #expect(Self.matchedID(address, postcode) == id)
    }

    @Test func aMatchSaysWhy() throws {
        guard case .match(let c) = Self.matcher.decide(address: "10 High St, Leeds", postcode: "LS1 4AB") else {
            Issue.record("expected a match")
            return
        }
        #expect(c.reasons.contains("postcode: exact"))
        #expect(c.reasons.contains("house number: 10 = 10"))
        #expect(c.reasons.contains("street: HIGH STREET = HIGH STREET"))
        #expect(c.score >= AddressMatchThresholds.default.match)
    }

    // MARK: Precision rules: neighbours are never automatic matches

    @Test(arguments: [
        ("11 High Street, Leeds", "LS1 4AB"),  // a house number the street does not have
        ("10B High Street, Leeds", "LS1 4AB"),  // 10B is neither 10 nor 10A
        ("Flat 3, 14 High Street, Leeds", "LS1 4AD"),  // a flat the building does not have
        ("Second Floor Flat, 16 High Street", "LS1 4AD"),
        ("Ivy House, Mill Lane, Leeds", "LS2 7XY"),  // another name on the street
        ("7 Mill Lane, Leeds", "LS2 7XY"),
        ("10 Low Street, Leeds", nil),  // another street
    ])
    func neighboursAreNotMatched(address: String, postcode: String?) {
        #expect(Self.matchedID(address, postcode) == nil)
    }

    @Test func aDifferentFlatInTheSameBuildingIsNotAMatch() {
        #expect(Self.matchedID("Flat 1, 14 High Street, Leeds", "LS1 4AD") == "f14-1")
        let ranked = Self.matcher.candidates(address: "Flat 1, 14 High Street, Leeds", postcode: "LS1 4AD")
        let flat2 = ranked.first { $0.id == "f14-2" }
        #expect(flat2 != nil)
        #expect((flat2?.score ?? 1) < AddressMatchThresholds.default.match)
        #expect(flat2?.reasons.contains("flat: 1 ≠ 2") == true)
    }

    @Test func tenIsNotTenA() {
        #expect(Self.matchedID("10 High Street, Leeds", "LS1 4AB") == "h10")
        #expect(Self.matchedID("10A High Street, Leeds", "LS1 4AB") == "h10a")
        // With only 10A known, 10 is not matched, and the comparison says why.
        let index = AddressIndex([AddressRecord(id: "h10a", address: "10A HIGH STREET, LEEDS", postcode: "LS1 4AB")])
        #expect(AddressMatcher(index: index).decide(address: "10 High Street, Leeds", postcode: "LS1 4AB") == .noMatch)
        let c = Self.compare("10 High Street, Leeds", "LS1 4AB", with: index)
        #expect(c.vetoed)
        #expect(c.reasons.contains("house number: 10 ≠ 10A (suffix letter)"))
    }

    /// The full comparison of a query with the first address of an index, reasons included.
    static func compare(_ address: String, _ postcode: String?, with index: AddressIndex) -> AddressComparison {
        let query = ParsedAddress(address, postcode: postcode)
        let state = index.snapshot()
        var cache = AddressFieldCache()
        return AddressComparison(
            query: query, queryPostcode: query.postcodeKey.map(AddressPostcode.pack),
            words: AddressQueryWords(query.words), candidate: state.records[0], state: state,
            fieldCache: &cache, explain: true)
    }

    @Test func aNumberedQueryDoesNotMatchANamedHouse() {
        #expect(Self.matchedID("4 Mill Lane, Leeds", "LS2 7XY") == nil)
    }

    @Test func theBuildingWithoutAFlatGoesToReviewWhenItsFlatsAreKnown() {
        guard case .needsReview(let list) = Self.matcher.decide(address: "14 High Street, Leeds", postcode: "LS1 4AD")
        else {
            Issue.record("expected needs review")
            return
        }
        #expect(list.first?.id == "b14")
    }

    // MARK: Close calls go to a person

    @Test func twoCloseCandidatesNeedReview() {
        // Number and street, but no town or postcode: Leeds and York both have a 10 High Street.
        guard case .needsReview(let list) = Self.matcher.decide(address: "10 High Street", postcode: nil) else {
            Issue.record("expected needs review")
            return
        }
        #expect(Set(list.prefix(2).map(\.id)) == ["h10", "y10"])
    }

    @Test func nothingCloseIsNoMatch() {
        #expect(Self.matcher.decide(address: "99 Nowhere Road, Bristol", postcode: "BS1 1AA") == .noMatch)
    }

    @Test func stricterThresholdsSendTheSameQueryToReview() {
        let strict = AddressMatcher(index: AddressIndex(Self.known), thresholds: .init(match: 0.999, review: 0.2))
        guard case .needsReview = strict.decide(address: "10 High Street, Leeds", postcode: nil) else {
            Issue.record("expected needs review")
            return
        }
    }

    // MARK: The index grows one marker at a time

    @Test func addedAddressesAreFound() {
        let index = AddressIndex([])
        let matcher = AddressMatcher(index: index)
        #expect(index.count == 0)
        #expect(matcher.decide(address: "Flat 2, 10 High St", postcode: "LS1 4AB") == .noMatch)
        index.add(AddressRecord(id: "poi-1", address: "Flat 2, 10 High Street, Leeds", postcode: "LS1 4AB"))
        #expect(index.count == 1)
        #expect(Self.matched(matcher, "Flat 2 10 high st", "LS1 4AB") == "poi-1")
        index.add(AddressRecord(id: "poi-2", address: "Flat 3, 10 High Street, Leeds", postcode: "LS1 4AB"))
        #expect(index.count == 2)
        #expect(Self.matched(matcher, "Flat 3 10 high st", "LS1 4AB") == "poi-2")
        #expect(Self.matched(matcher, "Flat 2 10 high st", "LS1 4AB") == "poi-1")
    }

    static func matched(_ matcher: AddressMatcher, _ address: String, _ postcode: String?) -> String? {
        if case .match(let c) = matcher.decide(address: address, postcode: postcode) { return c.id }
        return nil
    }

    // MARK: Blocking

    @Test func aQueryComparesOnlyItsBlock() {
        // 2,000 addresses on other streets, in other postcodes and towns, plus the twelve above.
        var records = Self.known
        for s in 0..<100 {
            for n in 1...20 {
                records.append(
                    AddressRecord(
                        id: "x\(s)-\(n)", address: "\(n) STREET\(s) ROAD, TOWN\(s % 7)",
                        postcode: "ZZ\(s % 90 + 1) \(n % 9 + 1)QQ"))
            }
        }
        let matcher = AddressMatcher(index: AddressIndex(records))
        let (ranked, compared) = matcher.rank(address: "10 High St, Leeds", postcode: "LS1 4AB")
        #expect(ranked.first?.candidate.id == "h10")
        #expect(compared > 0)
        #expect(compared <= 12)  // the Leeds and York High Street addresses at most, never the 2,000 others
        #expect(ranked.allSatisfy { !$0.candidate.id.hasPrefix("x") })
    }
}
