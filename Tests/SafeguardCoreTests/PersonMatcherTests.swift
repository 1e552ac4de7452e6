import Foundation
import Testing

@testable import SafeguardCore
@testable import SafeguardDemoData

/// Identity resolution at the MASH front door: each comparison as a table, then ranking and decisions.
struct PersonMatcherTests {
    static func name(_ text: String) -> PreparedName { PreparedName(NameNormalizer.letters(text)) }
    static func date(_ iso: String) -> Int32 {
        guard let d = SimpleDate(iso: iso) else { return 0 }
        return Int32(d.year * 10_000 + d.month * 100 + d.day)
    }

    // MARK: Normalisation

    @Test(arguments: [
        ("O'Brien", "obrien"), ("ZOË", "zoe"), ("Łukasz", "lukasz"), (" Smith-Jones ", "smithjones"),
        ("Siân", "sian"), ("", ""),
    ])
    func lettersFoldCaseAccentsAndPunctuation(input: String, expected: String) {
        #expect(String(decoding: NameNormalizer.letters(input), as: UTF8.self) == expected)
    }

    @Test(arguments: [
        ("Mohammed", "Muhammad"), ("Mohamed", "Mohammad"), ("Aleksander", "Alexander"),
        ("Katherine", "Catherine"), ("Philip", "Filip"), ("Stephen", "Stefan"),
    ])
    func transliterationsShareAPhoneticKey(a: String, b: String) {
        #expect(Self.name(a).phoneticHash == Self.name(b).phoneticHash)
    }

    @Test(arguments: [
        ("smith", "smith", 0), ("smith", "smyth", 1), ("jonh", "john", 1), ("smith", "smiht", 1),
        ("smith", "smit", 1), ("smith", "jones", 3), ("ab", "abcde", 3),
    ])
    func optimalStringAlignment(a: String, b: String, expected: Int) {
        #expect(StringDistance.osa(Array(a.utf8), Array(b.utf8), limit: 2) == expected)
    }

    // MARK: Name comparisons

    @Test(arguments: [
        // query first, record first, record middles, record other names, expected level
        ("Sarah", "Sarah", "", "", ComparisonLevel.firstExact),
        ("SARAH", "sarah", "", "", .firstExact),
        ("Kay", "Kayleigh", "", "", .firstEquivalent),
        ("Bill", "William", "", "", .firstEquivalent),
        ("Peggy", "Margaret", "", "", .firstEquivalent),
        ("Muhammad", "Mohammed", "", "", .firstEquivalent),
        ("Kasia", "Katarzyna", "", "", .firstEquivalent),
        ("Jonh", "John", "", "", .firstTypo),
        ("Anne", "Mary", "Anne Louise", "", .firstMiddleOrAlias),
        ("Jade", "Kirsty", "", "Jade", .firstMiddleOrAlias),
        ("Cathryn", "Kathrine", "", "", .firstSimilar),
        ("J", "John", "", "", .firstInitial),
        ("Harriet", "Zed", "", "", .firstDisagrees),
    ])
    func firstNameLevels(query: String, record: String, middles: String, others: String, expected: ComparisonLevel) {
        let level = NameComparison.firstName(
            Self.name(query), qMiddles: [], qOthers: [],
            Self.name(record), rMiddles: NameNormalizer.tokens(middles).map(PreparedName.init),
            rOthers: NameNormalizer.tokens(others).map(PreparedName.init))?.0
        #expect(level == expected)
    }

    @Test func missingFirstNameHasNoLevel() {
        #expect(
            NameComparison.firstName(nil, qMiddles: [], qOthers: [], Self.name("Ann"), rMiddles: [], rOthers: []) == nil
        )
    }

    @Test(arguments: [
        // query surname, query other names, record surname, record other names, expected
        ("Okafor", "", "Okafor", "", ComparisonLevel.surnameExact),
        ("Okafro", "", "Okafor", "", .surnameTypo),
        ("Wilson", "", "Patel", "Wilson", .surnamePrevious),  // record holds the new surname's predecessor
        ("Patel", "Wilson", "Wilson", "", .surnamePrevious),  // married since; old surname given as other name
        ("Thompson", "", "Thomson", "", .surnameTypo),
        ("Mohamud", "", "Mahamoud", "", .surnameSimilar),
        ("Nowak", "", "Taylor", "", .surnameDisagrees),
    ])
    func surnameLevels(
        query: String, queryOthers: String, record: String, recordOthers: String, expected: ComparisonLevel
    ) {
        let level = NameComparison.surname(
            Self.name(query), qOthers: NameNormalizer.tokens(queryOthers).map(PreparedName.init),
            Self.name(record), rOthers: NameNormalizer.tokens(recordOthers).map(PreparedName.init))?.0
        #expect(level == expected)
    }

    @Test(arguments: [
        ("Anne Louise", "Anne Louise", ComparisonLevel?.some(.middleExact)),
        ("A L", "Anne Louise", .middleConsistent),
        ("Louise", "Anne Louise", .middleConsistent),
        ("Grace", "Anne", .middleDisagrees),
        ("", "Anne", nil),
    ])
    func middleNameLevels(query: String, record: String, expected: ComparisonLevel?) {
        let q = NameNormalizer.tokens(query).map(PreparedName.init)
        let r = NameNormalizer.tokens(record).map(PreparedName.init)
        #expect(NameComparison.middleNames(q, r) == expected)
    }

    // MARK: Identifier comparisons

    @Test(arguments: [
        ("2012-03-14", "2012-03-14", ComparisonLevel?.some(.dobExact)),
        ("2012-04-03", "2012-03-04", .dobDayMonthSwapped),
        ("2021-03-14", "2012-03-14", .dobTransposed),
        ("2012-03-15", "2012-03-14", .dobOneOff),
        ("2012-12-31", "2013-01-01", .dobOneOff),
        ("2012-07-01", "2012-03-14", .dobSameYear),
        ("1990-07-01", "2012-03-14", .dobDisagrees),
        ("", "2012-03-14", nil),
    ])
    func dateOfBirthLevels(query: String, record: String, expected: ComparisonLevel?) {
        #expect(IdentifierComparison.dateOfBirth(Self.date(query), Self.date(record)) == expected)
    }

    @Test(arguments: [
        ("943 476 5919", "9434765919", ComparisonLevel?.some(.nhsExact)),
        ("9434765991", "9434765919", .nhsNear),  // last two digits transposed
        ("9434765918", "9434765919", .nhsNear),  // one digit wrong
        ("4010232137", "9434765919", .nhsDisagrees),
        ("", "9434765919", nil),
    ])
    func nhsNumberLevels(query: String, record: String, expected: ComparisonLevel?) {
        let q = PreparedPerson(PersonRecordForMatching(id: "q", nhsNumber: query))
        let r = PreparedPerson(PersonRecordForMatching(id: "r", nhsNumber: record))
        #expect(IdentifierComparison.nhsNumber(q.nhs, r.nhs) == expected)
    }

    @Test(arguments: [
        // query postcode, query address, expected level against SG13 8DQ, "12 Payne Road, Hertford"
        ("sg13 8dq", "12 PAYNE RD, HERTFORD", ComparisonLevel?.some(.residenceSameHome)),
        ("SG13 8DQ", "40 Mill Lane, Hertford", .residencePostcode),
        ("SG13 8DZ", "12 Payne Road, Hertford", .residenceNearPostcodeSameAddress),
        ("", "12 Payne Road, Hertford", .residenceSameAddress),
        ("SG13 8DZ", "", .residenceNearPostcode),
        ("SG13 1AB", "3 Other Street, Ware", .residenceDistrict),
        ("M1 1AE", "3 Other Street, Manchester", .residenceDisagrees),
        ("", "", nil),
    ])
    func residenceLevels(postcode: String, address: String, expected: ComparisonLevel?) {
        let q = PreparedPerson(PersonRecordForMatching(id: "q", postcode: postcode, address: address))
        let r = PreparedPerson(
            PersonRecordForMatching(id: "r", postcode: "SG13 8DQ", address: "12 Payne Road, Hertford"))
        #expect(IdentifierComparison.residence(q, r) == expected)
    }

    @Test func dateVariantsCoverTheErrorsBlockingMustSurvive() {
        let variants = BlockingKeys.dateVariants(Self.date("2012-04-03"))
        for expected in ["2012-03-04", "2012-04-02", "2012-04-04", "2012-40-03"] where SimpleDate(iso: expected) != nil
        {
            #expect(variants.contains(Self.date(expected)), "\(expected)")
        }
        #expect(variants.contains(Self.date("2021-04-03")))  // year digits transposed
    }

    // MARK: Model

    @Test func defaultModelIsAProbabilityDistributionPerField() {
        let model = MatchModel.default
        for field in MatchField.allCases {
            let mTotal = ComparisonLevel.levels(of: field).reduce(0) { $0 + model.m[$1.rawValue] }
            #expect(abs(mTotal - 1) < 0.01, "\(field) m sums to \(mTotal)")
        }
        #expect(model.weight(.dobExact) > model.weight(.dobTransposed))
        #expect(model.weight(.nhsDisagrees) < 0 && model.weight(.firstDisagrees) < 0)
    }

    @Test func posteriorIsSharedBetweenNearIdenticalCandidates() {
        let model = MatchModel.default
        let alone = model.posterior(bayesFactor: 1e12, totalBayesFactor: 1e12, indexSize: 1_000_000)
        let twin = model.posterior(bayesFactor: 1e12, totalBayesFactor: 2e12, indexSize: 1_000_000)
        #expect(alone > 0.99)
        #expect(abs(twin - 0.5) < 0.01)
    }

    // MARK: Ranking and decisions

    static let household: [PersonRecordForMatching] = [
        PersonRecordForMatching(
            id: "kayleigh", firstName: "Kayleigh", middleNames: "Anne", lastName: "Brennan",
            dateOfBirth: SimpleDate(iso: "2014-03-07"), sex: .female, nhsNumber: "9434765919",
            postcode: "SG13 8DQ", address: "12 Payne Road, Hertford"),
        PersonRecordForMatching(
            id: "sister", firstName: "Chloe", middleNames: "Anne", lastName: "Brennan",
            dateOfBirth: SimpleDate(iso: "2016-09-21"), sex: .female,
            postcode: "SG13 8DQ", address: "12 Payne Road, Hertford"),
        PersonRecordForMatching(
            id: "mother", firstName: "Margaret", lastName: "Brennan", otherNames: ["Kowalski"],
            dateOfBirth: SimpleDate(iso: "1988-11-02"), sex: .female,
            postcode: "SG13 8DQ", address: "12 Payne Road, Hertford"),
        PersonRecordForMatching(
            id: "william", firstName: "William", middleNames: "James", lastName: "Okafor",
            dateOfBirth: SimpleDate(iso: "2010-05-30"), sex: .male, postcode: "M14 5RT",
            address: "3 Mill Lane, Manchester"),
        PersonRecordForMatching(
            id: "mohammed", firstName: "Mohammed", lastName: "Hussain",
            dateOfBirth: SimpleDate(iso: "2009-01-15"), sex: .male, postcode: "BD8 7QA",
            address: "41 Lumb Lane, Bradford"),
    ]

    static func matcher() -> PersonMatcher { PersonMatcher(index: PersonIndex(household)) }

    @Test(arguments: [
        // A referral as typed, and who it must be.
        (
            PersonRecordForMatching(
                id: "r1", firstName: "KAY", lastName: "BRENNAN", dateOfBirth: SimpleDate(iso: "2014-07-03"),
                postcode: "SG13 8DQ"), "kayleigh"
        ),
        (
            PersonRecordForMatching(
                id: "r2", firstName: "Brennan", lastName: "Kayleigh", dateOfBirth: SimpleDate(iso: "2014-03-07")),
            "kayleigh"
        ),
        (
            PersonRecordForMatching(
                id: "r3", firstName: "Anne", middleNames: "Kayleigh", lastName: "Brenan",
                dateOfBirth: SimpleDate(iso: "2014-03-07"), sex: .female), "kayleigh"
        ),
        (
            PersonRecordForMatching(
                id: "r4", firstName: "Peggy", lastName: "Smith", otherNames: ["Brennan"],
                dateOfBirth: SimpleDate(iso: "1988-11-02")), "mother"
        ),
        (
            PersonRecordForMatching(
                id: "r5", firstName: "Bill", lastName: "Okafor", dateOfBirth: SimpleDate(iso: "2010-05-03")), "william"
        ),
        (
            PersonRecordForMatching(
                id: "r6", firstName: "Muhammad", lastName: "Husain", dateOfBirth: SimpleDate(iso: "2009-01-15"),
                postcode: "BD8 7QB"), "mohammed"
        ),
        (PersonRecordForMatching(id: "r7", firstName: "Chloe", nhsNumber: "943 476 5919"), "kayleigh"),
    ])
    func ranksTheRightPersonFirst(query: PersonRecordForMatching, expected: String) {
        let found = Self.matcher().candidates(for: query, limit: 3)
        #expect(found.first?.id == expected, "\(query.id): \(found.map(\.id))")
    }

    @Test func aRecordLookingForItsDuplicatesDoesNotFindItself() {
        var duplicate = Self.household[0]
        duplicate.id = "kayleigh-duplicate"
        duplicate.lastName = "Brenan"
        let index = PersonIndex(Self.household + [duplicate])
        let matcher = PersonMatcher(index: index)
        let withSelf = matcher.candidates(for: duplicate, limit: 5)
        #expect(withSelf.contains { $0.id == "kayleigh-duplicate" }, "without exclusion the record finds itself")
        let found = matcher.candidates(for: duplicate, limit: 5, excluding: ["kayleigh-duplicate"])
        #expect(found.first?.id == "kayleigh")
        #expect(found.first.map { $0.probability > 0.9 } == true, "the probability is not spent on the record itself")
        #expect(!found.contains { $0.id == "kayleigh-duplicate" })
    }

    @Test func housemateDoesNotOutrankThePerson() {
        let query = PersonRecordForMatching(
            id: "q", firstName: "Kayleigh", lastName: "Brennan",
            dateOfBirth: SimpleDate(iso: "2014-03-07"), postcode: "SG13 8DQ")
        let found = Self.matcher().candidates(for: query)
        #expect(
            found.map(\.id).prefix(2) == ["kayleigh", "sister"] || found.map(\.id).prefix(2) == ["kayleigh", "mother"])
        #expect(found[0].score > found[1].score + 10)
    }

    @Test func reasonsExplainTheEvidence() throws {
        let query = PersonRecordForMatching(
            id: "q", firstName: "Kay", lastName: "Brennan",
            dateOfBirth: SimpleDate(iso: "2014-07-03"))
        let best = try #require(Self.matcher().candidates(for: query).first)
        let byField = Dictionary(uniqueKeysWithValues: best.reasons.map { ($0.field, $0) })
        #expect(byField["first name"]?.outcome == "nickname or other spelling (Kay → Kayleigh)")
        #expect(byField["date of birth"]?.outcome == "day and month swapped")
        #expect(byField["NHS number"]?.outcome == "missing")
        #expect(byField["NHS number"]?.weight == 0)
        #expect(abs(best.reasons.reduce(0) { $0 + $1.weight } - best.score) < 1e-9)
    }

    @Test func decisionBands() {
        let matcher = Self.matcher()
        let exact = PersonRecordForMatching(
            id: "q", firstName: "Kayleigh", lastName: "Brennan",
            dateOfBirth: SimpleDate(iso: "2014-03-07"), nhsNumber: "9434765919",
            postcode: "SG13 8DQ")
        guard case .match(let m) = matcher.decide(exact) else {
            Issue.record("expected a match")
            return
        }
        #expect(m.id == "kayleigh")

        // Same household, no date of birth, a first name nobody has: not enough for an automatic link.
        let vague = PersonRecordForMatching(id: "q", firstName: "K", lastName: "Brennan", postcode: "SG13 8DQ")
        if case .match = matcher.decide(vague) { Issue.record("vague referral must not auto-match") }

        let stranger = PersonRecordForMatching(
            id: "q", firstName: "Oliver", lastName: "Zielinski",
            dateOfBirth: SimpleDate(iso: "2001-06-06"), postcode: "NE1 4XF")
        if case .none = matcher.decide(stranger) {} else { Issue.record("stranger should have no candidates") }
    }

    @Test func addedPeopleAreFoundAtOnce() {
        let index = PersonIndex(Self.household)
        let matcher = PersonMatcher(index: index)
        let baby = PersonRecordForMatching(
            id: "baby", firstName: "Aleksander", lastName: "Nowak",
            dateOfBirth: SimpleDate(iso: "2024-02-29"), sex: .male)
        #expect(matcher.candidates(for: baby).first?.id != "baby")
        index.add(baby)
        let query = PersonRecordForMatching(
            id: "q", firstName: "Alexander", lastName: "NOWAK",
            dateOfBirth: SimpleDate(iso: "2024-02-29"))
        #expect(matcher.candidates(for: query).first?.id == "baby")
        #expect(index.count == Self.household.count + 1)
    }

    @Test func aChangedRecordIsFoundAsItIsNowAndAMergedOneNotAtAll() {
        let index = PersonIndex(Self.household)
        let matcher = PersonMatcher(index: index)
        let before = index.count
        let baby = PersonRecordForMatching(
            id: "baby", firstName: "Aleksander", lastName: "Nowak", dateOfBirth: SimpleDate(iso: "2024-02-29"),
            sex: .male)
        index.add(baby)
        // Renamed after adoption: found by the new name and no longer by the old, and still one person in the index.
        let renamed = PersonRecordForMatching(
            id: "baby", firstName: "Aleksander", lastName: "Kowalczyk", dateOfBirth: SimpleDate(iso: "2024-02-29"),
            sex: .male)
        index.add(renamed)
        #expect(index.count == before + 1)
        let byNew = PersonRecordForMatching(
            id: "q", firstName: "Alexander", lastName: "Kowalczyk", dateOfBirth: SimpleDate(iso: "2024-02-29"))
        #expect(matcher.candidates(for: byNew).first?.id == "baby")
        let byOld = PersonRecordForMatching(
            id: "q", firstName: "Zenon", lastName: "Nowak", dateOfBirth: SimpleDate(iso: "1950-01-01"))
        #expect(!matcher.candidates(for: byOld).contains { $0.id == "baby" })
        // Merged into another record: withdrawn, and the rest of the index unchanged.
        index.remove(id: "baby")
        #expect(index.count == before)
        #expect(!matcher.candidates(for: byNew).contains { $0.id == "baby" })
        #expect(
            PeopleSearch.rank(byNew, found: ["baby"], in: index).isEmpty
                || !PeopleSearch.rank(byNew, found: ["baby"], in: index).contains { $0.id == "baby" })
        let mother = Self.household[0]
        #expect(
            matcher.candidates(
                for: PersonRecordForMatching(
                    id: "q", firstName: mother.firstName, lastName: mother.lastName,
                    dateOfBirth: mother.dateOfBirth)
            ).first?.id == mother.id)
    }

    @Test func estimationRecoversThePrior() {
        // 300 people; 200 referrals are lightly corrupted copies, 100 are new people.
        var people: [PersonRecordForMatching] = []
        var queries: [PersonRecordForMatching] = []
        let firsts = [
            "Amelia", "Oliver", "Isla", "Jack", "Ava", "Noah", "Mia", "Leo", "Zara", "Yusuf", "Maja", "Oisin",
        ]
        let surnames = ["Smith", "Patel", "Nowak", "Murphy", "Khan", "Jones", "Evans", "Begum", "Walsh", "Ali"]
        var rng = SeededRandom(seed: 7)
        func pick<T>(_ a: [T]) -> T { rng.pick(a) }
        for i in 0..<400 {
            let person = PersonRecordForMatching(
                id: "p\(i)", firstName: pick(firsts), lastName: pick(surnames),
                dateOfBirth: SimpleDate(
                    year: rng.int(in: 1990...2019), month: rng.int(in: 1...12), day: rng.int(in: 1...28)),
                postcode: "AB\(rng.int(in: 1...20)) \(rng.below(10))XY")
            if i < 300 { people.append(person) }
            if i < 200 || i >= 300 {
                var q = person
                q.id = "q\(i)"
                if i % 5 == 0 { q.lastName = q.lastName.uppercased() + "E" }
                queries.append(q)
            }
        }
        let model = MatchModel.estimated(from: PersonIndex(people), queries: queries, randomPairs: 20_000)
        #expect(abs(model.inIndexProbability - 2.0 / 3.0) < 0.08, "π = \(model.inIndexProbability)")
    }
}

@Suite struct IndexChangesTests {
    @Test func onlyCreatesAndChangesOfPeopleAndHomesCount() {
        let person = UUID()
        let home = UUID()
        var changes = IndexChanges()
        changes.add(action: .view, recordType: "person", recordID: UUID().uuidString)
        changes.add(action: .search, recordType: "person", recordID: "")
        changes.add(action: .change, recordType: "referral", recordID: UUID().uuidString)
        #expect(changes.isEmpty)
        changes.add(action: .change, recordType: "person", recordID: person.uuidString)
        changes.add(action: .create, recordType: "person", recordID: person.uuidString)
        changes.add(action: .change, recordType: "address", recordID: home.uuidString)
        changes.add(action: .change, recordType: "person", recordID: "not an id")
        #expect(changes.people == [person])
        #expect(changes.addresses == [home])
    }
}
