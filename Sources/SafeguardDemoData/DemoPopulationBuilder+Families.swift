import Foundation
import SafeguardCore

/// Households built around parents and their children.
extension DemoPopulationBuilder {
    mutating func build(_ kind: DemoHouseholdKind, origin: DemoOrigin, district d: Int) {
        let h = DemoHousehold(kind: kind, address: book.add(inDistrict: d, random: &random), district: d)
        switch kind {
        case .singleAdult: singleAdult(h, origin)
        case .couple: couple(h, origin)
        case .twoParents: twoParents(h, origin)
        case .loneMother: loneMother(h, origin, withPartner: false)
        case .motherWithPartner: loneMother(h, origin, withPartner: true)
        case .loneFather: loneFather(h, origin)
        case .stepFamily: stepFamily(h, origin)
        case .threeGenerations: threeGenerations(h, origin)
        case .kinshipCare: kinshipCare(h, origin)
        case .adultCarer: adultCarer(h, origin)
        case .sharedHouse: sharedHouse(h)
        }
    }

    static let childCounts: [(Int, Int)] = [(1, 35), (2, 38), (3, 18), (4, 7), (5, 2)]

    /// A man and a woman; when married the wife usually takes his surname and her maiden name
    /// becomes a previous name. Returns (woman, man).
    mutating func marriedOrCohabiting(
        _ womanOrigin: DemoOrigin, womanAge: Int, _ manOrigin: DemoOrigin,
        manAge: Int, marriedPercent: Int
    ) -> (Int, Int) {
        let man = person(manOrigin, .male, age: manAge)
        let married = random.chance(percent: marriedPercent) && !womanOrigin.wifeKeepsSurname
        let woman = person(
            womanOrigin, .female, age: womanAge, surname: married ? people[man].lastName : nil,
            maidenName: married ? random.pick(womanOrigin.surnames) : nil)
        relate(woman, .householdMember, of: man)
        return (woman, man)
    }

    private mutating func twoParents(_ household: DemoHousehold, _ origin: DemoOrigin) {
        var h = household
        let mAge = age([(20...27, 20), (28...40, 55), (41...52, 25)])
        let (mother, father) = marriedOrCohabiting(
            origin, womanAge: mAge, partnerOrigin(for: origin),
            manAge: max(18, mAge + random.int(in: -3...8)), marriedPercent: 65)
        h.residents = [mother, father]
        h.carers = [mother, father]
        let surname = random.chance(percent: 85) ? people[father].lastName : people[mother].lastName
        var grownUp: [Int] = []
        if mAge >= 40, random.chance(percent: 25) {
            grownUp = children(
                1, mother: mother, father: father, motherAge: mAge, surname: surname,
                minAge: 18, maxAge: 24, into: &h)
        }
        let count = min(random.pick(weighted: Self.childCounts), 7 - h.residents.count)
        children(
            count, mother: mother, father: father, motherAge: mAge, surname: surname,
            maxAge: grownUp.isEmpty ? 17 : ages[grownUp[0]] - 1, into: &h)
        expectPerhaps(percent: 5, mother: mother, father: father, surname: surname, into: &h)
        relateSiblings(grownUp + h.children)
        settle(h)
    }

    /// A mother bringing up children whose father, or fathers, live elsewhere. With `withPartner`
    /// she has a new partner who is not their father: the "unseen man" of so many reviews, who
    /// may or may not live there and whom agencies often know nothing about.
    private mutating func loneMother(_ household: DemoHousehold, _ origin: DemoOrigin, withPartner: Bool) {
        var h = household
        let mAge = age([(17...22, 15), (23...35, 55), (36...50, 30)])
        let mother = person(origin, .female, age: mAge)
        h.residents = [mother]
        h.carers = [mother]
        if ages[mother] < 18 {
            // A mother who is herself a child is a safeguarding concern in her own right, and her
            // own mother is the first person a social worker would want to know about.
            let grandmother = absentParent(
                origin, .female, age: mAge + random.int(in: 17...30), district: h.district,
                housedPercent: 90, surname: people[mother].lastName, into: &h)
            relate(grandmother, .mother, of: mother)
        }
        let count = random.pick(weighted: [(1, 45), (2, 35), (3, 15), (4, 5)])
        let groups = count >= 2 && random.chance(percent: 30) ? [count / 2, count - count / 2] : [count]
        var father: Int?
        var maxAge = 17
        for group in groups {
            father =
                random.chance(percent: 80)
                ? absentParent(
                    partnerOrigin(for: origin), .male, age: mAge + random.int(in: -2...10),
                    district: h.district, housedPercent: 55, into: &h)
                : nil
            var surname = people[mother].lastName
            if let father, random.chance(percent: 50) { surname = people[father].lastName }
            let made = children(
                group, mother: mother, father: father, motherAge: mAge, surname: surname,
                maxAge: maxAge, into: &h)
            guard let youngest = made.last else { break }
            maxAge = ages[youngest] - 1
            if maxAge < 0 { break }
        }
        guard withPartner else {
            expectPerhaps(percent: 6, mother: mother, father: father, surname: people[mother].lastName, into: &h)
            relateSiblings(h.children)
            settle(h)
            return
        }
        let partner = person(
            partnerOrigin(for: origin), .male, age: max(18, mAge + random.int(in: -4...12)),
            aliasProne: true)
        for child in h.children { relate(partner, .mothersPartner, of: child) }
        var late: [(Int, SimpleDate)] = []
        if random.chance(percent: 60) {
            h.residents.append(partner)
            h.carers.append(partner)
            relate(partner, .householdMember, of: mother)
            for child in h.children { relate(partner, .householdMember, of: child) }
            late.append((partner, daysAgo(upTo: 3 * 365)))
        } else {
            h.linked.append(partner)
            housePerhaps(partner, near: h.district, percent: 70)
        }
        expectPerhaps(percent: 12, mother: mother, father: partner, surname: people[partner].lastName, into: &h)
        relateSiblings(h.children)
        settle(h, late: late)
    }

    private mutating func loneFather(_ household: DemoHousehold, _ origin: DemoOrigin) {
        var h = household
        let fAge = age([(24...35, 40), (36...58, 60)])
        let father = person(origin, .male, age: fAge)
        h.residents = [father]
        h.carers = [father]
        let mAge = max(18, fAge - random.int(in: -2...6))
        let mother: Int? =
            random.chance(percent: 70)
            ? absentParent(
                partnerOrigin(for: origin), .female, age: mAge, district: h.district,
                housedPercent: 60, into: &h)
            : nil
        children(
            random.pick(weighted: [(1, 45), (2, 40), (3, 15)]), mother: mother, father: father,
            motherAge: mAge, surname: people[father].lastName, into: &h)
        relateSiblings(h.children)
        settle(h)
    }

    /// A parent, children from an earlier relationship, a step-parent who moved in later and
    /// perhaps children of the new couple: half-siblings are recorded as siblings.
    private mutating func stepFamily(_ household: DemoHousehold, _ origin: DemoOrigin) {
        var h = household
        let motherLed = random.chance(percent: 75)
        let pAge = age([(24...34, 45), (35...50, 55)])
        let parent = person(origin, motherLed ? .female : .male, age: pAge)
        let exAge = max(18, pAge + random.int(in: motherLed ? -2...8 : -8...2))
        let ex: Int? =
            random.chance(percent: 70)
            ? absentParent(
                partnerOrigin(for: origin), motherLed ? .male : .female, age: exAge,
                district: h.district, housedPercent: 50, into: &h)
            : nil
        h.residents = [parent]
        let mAge = motherLed ? pAge : exAge
        var surname = people[parent].lastName
        if let ex, motherLed, random.chance(percent: 60) { surname = people[ex].lastName }
        let earlier = children(
            random.pick(weighted: [(1, 50), (2, 35), (3, 15)]),
            mother: motherLed ? parent : ex, father: motherLed ? ex : parent,
            motherAge: mAge, surname: surname,
            minAge: 2, into: &h)
        let youngestDays =
            earlier.last.map { DemoCalendar.dayNumber(today) - DemoCalendar.dayNumber(people[$0].dateOfBirth!) } ?? 730
        let joined = daysAgo(upTo: min(8 * 365, max(60, youngestDays - 30)))
        let stepAge = max(18, pAge + random.int(in: motherLed ? -3...8 : -8...3))
        let stepOrigin = partnerOrigin(for: origin)
        let step =
            motherLed
            ? person(stepOrigin, .male, age: stepAge)
            : person(stepOrigin, .female, age: stepAge)
        h.residents.append(step)
        h.carers = [parent, step]
        relate(step, .householdMember, of: parent)
        for child in h.children { relate(step, .stepParent, of: child) }
        let (mother, father) = motherLed ? (parent, step) : (step, parent)
        var last = joined
        for _ in 0..<random.pick(weighted: [(0, 50), (1, 35), (2, 15)]) where h.residents.count < 7 {
            let dob = DemoCalendar.adding(days: random.int(in: 280...1100), to: last)
            guard dob <= today, ages[mother] - dob.age(on: today) <= 44 else { break }
            child(born: dob, mother: mother, father: father, surname: people[father].lastName, into: &h)
            last = dob
        }
        relateSiblings(h.children)
        settle(h, late: [(step, joined)])
    }
}
