import Foundation
import SafeguardCore

/// Builds people, their relationships and where they live, household by household. This file
/// holds the person-level pieces; the household shapes are in `DemoPopulationBuilder+Households`.
struct DemoPopulationBuilder: Sendable {
    let today: SimpleDate
    var random: SeededRandom
    var book: DemoAddressBook
    var people: [DemoPerson] = []
    /// Age in whole years on `today`; -1 for the unborn. Kept beside `people` to avoid
    /// recomputing it from dates in every rule.
    var ages: [Int] = []
    var origins: [DemoOrigin] = []
    var relationships: [DemoRelationship] = []
    var residences: [DemoResidence] = []
    var households: [DemoHousehold] = []
    private var nhsTaken: Set<String> = []

    init(today: SimpleDate, random: SeededRandom, book: DemoAddressBook) {
        self.today = today
        self.random = random
        self.book = book
    }

    // MARK: People

    /// Adds a born person. `surname` is the inherited or married surname; `maidenName` is recorded
    /// as a previous name some of the time, as agencies often fail to capture it.
    mutating func person(
        _ origin: DemoOrigin, _ gender: Gender, age: Int, surname: String? = nil,
        maidenName: String? = nil, nameOrigin: DemoOrigin? = nil, ethnicity: String? = nil,
        aliasProne: Bool = false, frail: Bool = false, dateOfBirth: SimpleDate? = nil
    ) -> Int {
        let dob = dateOfBirth ?? DemoCalendar.dateOfBirth(age: age, on: today, random: &random)
        let age = dob.age(on: today)
        let child = age < 18
        var recorded = gender
        if gender != .female && gender != .male { recorded = random.chance(percent: 50) ? .female : .male }
        let names = (nameOrigin ?? origin).firstNames(recorded, bornIn: dob.year)
        let first = random.pick(names)
        var middle = ""
        if random.chance(percent: origin.middleNamePercent) {
            repeat { middle = random.pick(names) } while middle == first
        }
        let last = origin.surname(surname ?? random.pick(origin.surnames), for: recorded)
        var others: [DemoOtherName] = []
        if let maidenName, origin.surname(maidenName, for: recorded) != last, random.chance(percent: 35) {
            others.append(
                DemoOtherName(
                    kind: .previousName,
                    name: "\(first) \(origin.surname(maidenName, for: recorded))"))
        }
        others += otherNames(first: first, last: last, adult: !child, aliasProne: aliasProne)
        let language = origin.language(child: child, random: &random)
        let disability = frail && random.chance(percent: 70) ? random.pick(Self.frailty) : disability(age: age)
        let signs = disability == "Deaf" && random.chance(percent: 60)
        people.append(
            DemoPerson(
                firstName: first, middleNames: middle, lastName: last, otherNames: others,
                dateOfBirth: dob, expectedDateOfBirth: nil, gender: gender,
                ethnicity: ethnicity ?? origin.ethnicity(random: &random),
                nhsNumber: random.chance(percent: 75) ? nhsNumber() : nil,
                language: signs ? "British Sign Language" : language, disability: disability))
        ages.append(age)
        origins.append(origin)
        return people.count - 1
    }

    /// An unborn child is recorded with the surname it is expected to take and a placeholder
    /// first name, as maternity and children's services do before birth.
    mutating func unborn(_ origin: DemoOrigin, surname: String, ethnicity: String) -> Int {
        let due = DemoCalendar.adding(days: random.int(in: 7...182), to: today)
        people.append(
            DemoPerson(
                firstName: "Unborn", middleNames: "", lastName: surname, otherNames: [],
                dateOfBirth: nil, expectedDateOfBirth: due, gender: .unknown, ethnicity: ethnicity,
                nhsNumber: nil, language: "English", disability: nil))
        ages.append(-1)
        origins.append(origin)
        return people.count - 1
    }

    /// A gender for someone whose household shape does not fix it; a few adults are recorded as
    /// non-binary or have declined to say.
    mutating func anyGender(adult: Bool) -> Gender {
        switch random.below(1000) {
        case ..<6 where adult: .nonBinary
        case ..<10 where adult: .notStated
        case ..<505: .female
        default: .male
        }
    }

    private mutating func otherNames(first: String, last: String, adult: Bool, aliasProne: Bool) -> [DemoOtherName] {
        var result: [DemoOtherName] = []
        if let nick = DemoNameVariants.nicknames[first], random.chance(percent: 20) {
            result.append(DemoOtherName(kind: .knownAs, name: "\(nick) \(last)"))
        }
        if let variant = DemoNameVariants.alternativeSpellings[first], random.chance(percent: 15) {
            result.append(DemoOtherName(kind: .alternativeSpelling, name: "\(variant) \(last)"))
        } else if let variant = DemoNameVariants.alternativeSpellings[last], random.chance(percent: 10) {
            result.append(DemoOtherName(kind: .alternativeSpelling, name: "\(first) \(variant)"))
        }
        let plain = "\(DemoNameVariants.withoutAccents(first)) \(DemoNameVariants.withoutAccents(last))"
        if plain != "\(first) \(last)", random.chance(percent: 30) {
            result.append(DemoOtherName(kind: .alternativeSpelling, name: plain))
        }
        if adult, random.chance(perThousand: aliasProne ? 150 : 4) {
            let alias = "\(random.pick(DemoBritishNames.male(bornIn: 1985))) \(random.pick(DemoBritishNames.surnames))"
            result.append(DemoOtherName(kind: .alias, name: alias))
        }
        return result
    }

    private static let frailty = [
        "Dementia", "Mobility impairment", "Visual impairment", "Physical disability",
        "Hearing impairment", "Learning disability",
    ]

    private mutating func disability(age: Int) -> String? {
        let (percent, kinds): (Int, [String]) =
            age >= 75
            ? (
                14,
                [
                    "Dementia", "Mobility impairment", "Visual impairment", "Hearing impairment",
                    "Physical disability",
                ]
            )
            : age >= 18
                ? (
                    7,
                    [
                        "Learning disability", "Autism", "Mental health condition", "Physical disability",
                        "Hearing impairment", "Visual impairment", "Acquired brain injury", "ADHD", "Deaf",
                    ]
                )
                : (
                    6,
                    [
                        "Autism", "ADHD", "Speech, language and communication needs", "Learning disability",
                        "Cerebral palsy", "Hearing impairment", "Deaf",
                    ]
                )
        return random.chance(percent: percent) ? random.pick(kinds) : nil
    }

    /// A number in the 999 range the NHS keeps for testing, so no demo record can be a patient.
    private mutating func nhsNumber() -> String {
        while true {
            let nine = [9, 9, 9] + (0..<6).map { _ in random.below(10) }
            guard let check = NHSNumber.checkDigit(for: nine) else { continue }
            let digits = (nine + [check]).map(String.init).joined()
            if nhsTaken.insert(digits).inserted { return digits }
        }
    }

    // MARK: Relationships

    mutating func relate(_ from: Int, _ kind: RelationshipKind, of to: Int) {
        // Symmetric kinds are stored once, from the lower index, so each pair appears once.
        if kind.isSymmetric {
            relationships.append(DemoRelationship(from: min(from, to), to: max(from, to), kind: kind))
        } else {
            relationships.append(DemoRelationship(from: from, to: to, kind: kind))
        }
    }

    mutating func relateSiblings(_ children: [Int]) {
        for (i, a) in children.enumerated() {
            for b in children[(i + 1)...] { relate(a, .sibling, of: b) }
        }
    }

    mutating func relateHousehold(_ members: [Int]) {
        for (i, a) in members.enumerated() {
            for b in members[(i + 1)...] { relate(a, .householdMember, of: b) }
        }
    }
}
