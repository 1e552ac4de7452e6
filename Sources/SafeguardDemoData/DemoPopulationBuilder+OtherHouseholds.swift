import Foundation
import SafeguardCore

/// Households of adults, and those where someone other than a parent does the caring.
extension DemoPopulationBuilder {
    mutating func singleAdult(_ household: DemoHousehold, _ origin: DemoOrigin) {
        var h = household
        let a = age([(18...29, 15), (30...59, 40), (60...74, 20), (75...95, 25)])
        h.residents = [person(origin, anyGender(adult: true), age: a, frail: a >= 80 && random.chance(percent: 40))]
        settle(h)
    }

    /// Most couples are a man and a woman; some are two women or two men. A young couple may be
    /// expecting their first baby, which brings them to maternity and health visiting.
    mutating func couple(_ household: DemoHousehold, _ origin: DemoOrigin) {
        var h = household
        let a = age([(20...34, 30), (35...59, 35), (60...88, 35)])
        let otherAge = max(18, a + random.int(in: -4...6))
        if random.chance(percent: 6) {
            let g: Gender = random.chance(percent: 50) ? .female : .male
            h.residents = [person(origin, g, age: a), person(partnerOrigin(for: origin), g, age: otherAge)]
            relateHousehold(h.residents)
        } else {
            let (woman, man) = marriedOrCohabiting(
                origin, womanAge: a, partnerOrigin(for: origin),
                manAge: otherAge, marriedPercent: a >= 50 ? 85 : 50)
            h.residents = [woman, man]
            if a <= 40 {
                expectPerhaps(percent: 12, mother: woman, father: man, surname: people[man].lastName, into: &h)
                if !h.unborn.isEmpty { h.carers = [woman, man] }
            }
        }
        settle(h)
    }

    /// Grandparents, their son or daughter, and grandchildren under one roof. The grandparents
    /// sometimes do much of the caring, which the relationship records say.
    mutating func threeGenerations(_ household: DemoHousehold, _ origin: DemoOrigin) {
        var h = household
        let gmAge = random.int(in: 50...82)
        let grandmother: Int
        var grandfather: Int?
        if random.chance(percent: 55) {
            let (w, m) = marriedOrCohabiting(
                origin, womanAge: gmAge, origin,
                manAge: gmAge + random.int(in: 0...6), marriedPercent: 90)
            grandmother = w
            grandfather = m
        } else {
            grandmother = person(origin, .female, age: gmAge)
        }
        let family = people[grandfather ?? grandmother].lastName
        let daughter = random.chance(percent: 65)
        let pAge = max(18, min(50, gmAge - random.int(in: 20...36)))
        let parent: Int
        var mother: Int?
        var father: Int?
        var motherAge = pAge
        if daughter {
            parent = person(origin, .female, age: pAge, surname: family)
            mother = parent
            if random.chance(percent: 50) {
                let husband = person(partnerOrigin(for: origin), .male, age: max(18, pAge + random.int(in: -2...6)))
                relate(parent, .householdMember, of: husband)
                father = husband
            }
        } else {
            parent = person(origin, .male, age: pAge, surname: family)
            father = parent
            motherAge = max(18, pAge - random.int(in: 0...5))
            if random.chance(percent: 75) {
                let keeps = origin.wifeKeepsSurname
                let wife = person(
                    origin, .female, age: motherAge, surname: keeps ? nil : family,
                    maidenName: keeps ? nil : random.pick(origin.surnames))
                relate(wife, .householdMember, of: parent)
                mother = wife
            }
        }
        relate(grandmother, .mother, of: parent)
        if let grandfather { relate(grandfather, .father, of: parent) }
        h.residents = [grandmother, grandfather, mother, father].compactMap { $0 }
        h.carers = [mother, father].compactMap { $0 }
        let surname = people[father ?? parent].lastName
        children(
            min(random.pick(weighted: [(1, 40), (2, 40), (3, 20)]), 7 - h.residents.count),
            mother: mother, father: father, motherAge: motherAge, surname: surname, into: &h)
        let grandparentsCare = random.chance(percent: 35)
        for grandparent in [grandmother, grandfather].compactMap({ $0 }) {
            for child in h.children { relate(grandparent, grandparentsCare ? .carer : .householdMember, of: child) }
            if grandparentsCare { h.carers.append(grandparent) }
        }
        relateSiblings(h.children)
        settle(h)
    }

    /// Kinship care: grandparents bringing up grandchildren whose mother cannot, and who is still
    /// on record as their mother.
    mutating func kinshipCare(_ household: DemoHousehold, _ origin: DemoOrigin) {
        var h = household
        let gmAge = random.int(in: 48...75)
        let grandmother: Int
        var grandfather: Int?
        if random.chance(percent: 50) {
            let (w, m) = marriedOrCohabiting(
                origin, womanAge: gmAge, origin,
                manAge: gmAge + random.int(in: 0...6), marriedPercent: 85)
            grandmother = w
            grandfather = m
        } else {
            grandmother = person(origin, .female, age: gmAge)
        }
        h.residents = [grandmother, grandfather].compactMap { $0 }
        h.carers = h.residents
        let mAge = max(18, gmAge - random.int(in: 20...30))
        let mother = absentParent(
            origin, .female, age: mAge, district: h.district, housedPercent: 40,
            surname: people[grandfather ?? grandmother].lastName, into: &h)
        relate(grandmother, .mother, of: mother)
        if let grandfather { relate(grandfather, .father, of: mother) }
        let father: Int? =
            random.chance(percent: 40)
            ? absentParent(
                partnerOrigin(for: origin), .male, age: mAge + random.int(in: -2...8),
                district: h.district, housedPercent: 40, into: &h)
            : nil
        children(
            random.pick(weighted: [(1, 50), (2, 35), (3, 15)]), mother: mother, father: father,
            motherAge: mAge, surname: people[mother].lastName, minAge: 1, into: &h)
        for carer in h.carers {
            for child in h.children { relate(carer, .carer, of: child) }
        }
        relateSiblings(h.children)
        settle(h)
    }

    /// A son or daughter living with and caring for a frail parent.
    mutating func adultCarer(_ household: DemoHousehold, _ origin: DemoOrigin) {
        var h = household
        let pAge = random.int(in: 75...95)
        let parentGender: Gender = random.chance(percent: 65) ? .female : .male
        let parent = person(origin, parentGender, age: pAge, frail: true)
        let carer = person(
            origin, random.chance(percent: 60) ? .female : .male,
            age: random.int(in: 45...min(70, pAge - 18)), surname: people[parent].lastName)
        relate(parent, parentGender == .female ? .mother : .father, of: carer)
        relate(carer, .carer, of: parent)
        h.residents = [parent, carer]
        h.carers = [carer]
        settle(h)
    }

    /// Unrelated adults sharing a house, moving in and out at different times.
    mutating func sharedHouse(_ household: DemoHousehold) {
        var h = household
        var late: [(Int, SimpleDate)] = []
        for i in 0..<random.int(in: 2...4) {
            let p = person(
                random.pick(weighted: DemoOrigin.weights), anyGender(adult: true),
                age: random.int(in: 19...45))
            h.residents.append(p)
            if i > 0 { late.append((p, daysAgo(upTo: 4 * 365))) }
        }
        relateHousehold(h.residents)
        settle(h, late: late)
    }
}
