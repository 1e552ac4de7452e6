import Foundation
import SafeguardCore

/// Children, their birth dates and what they inherit from their parents.
extension DemoPopulationBuilder {
    /// An age drawn from weighted bands, so each household shape gets a believable age profile.
    mutating func age(_ bands: [(ClosedRange<Int>, Int)]) -> Int {
        random.int(in: random.pick(weighted: bands))
    }

    /// Most couples share an origin; some do not, which gives the demo its mixed-heritage children.
    mutating func partnerOrigin(for origin: DemoOrigin) -> DemoOrigin {
        guard random.chance(percent: 12) else { return origin }
        if origin != .british { return .british }
        var other: DemoOrigin
        repeat { other = random.pick(weighted: DemoOrigin.weights) } while other == .british
        return other
    }

    /// Birth dates for up to `count` siblings, eldest first, spaced as real births are (or twins),
    /// with the mother aged about 17–44 and the father at least 17 at each birth. Fewer come back
    /// when the range runs out.
    mutating func birthDates(
        count: Int, motherAge m: Int, fatherAge f: Int? = nil, minAge: Int = 0,
        maxAge: Int = 17
    ) -> [SimpleDate] {
        let lo = max(minAge, m - 44)
        let hi = min(maxAge, m - 17, (f ?? m) - 17)
        guard count > 0, lo <= hi else { return [] }
        // Often the larger of two draws: without it the eldest child sits mid-range and younger
        // siblings pile up in the early years, leaving too few teenagers.
        let range = min(hi, lo + 2 * (count - 1))...hi
        let first = random.int(in: range)
        let eldest = random.chance(percent: 50) ? max(first, random.int(in: range)) : first
        var dates = [DemoCalendar.dateOfBirth(age: eldest, on: today, random: &random)]
        while dates.count < count {
            let twins = random.chance(percent: 3)
            let next = DemoCalendar.adding(days: twins ? 0 : random.int(in: 320...1500), to: dates.last!)
            guard next <= today, next.age(on: today) >= lo else { break }
            dates.append(next)
        }
        return dates
    }

    /// A resident child of `mother` and/or `father`, recorded with both relationships.
    @discardableResult
    mutating func child(
        born dob: SimpleDate, mother: Int?, father: Int?, surname: String,
        into h: inout DemoHousehold
    ) -> Int {
        let surnameOrigin =
            father.flatMap { people[$0].lastName == surname ? origins[$0] : nil }
            ?? mother.map { origins[$0] } ?? .british
        let parentOrigins = [mother, father].compactMap { $0 }.map { origins[$0] }
        let nameOrigin = parentOrigins.isEmpty ? surnameOrigin : random.pick(parentOrigins)
        let c = person(
            surnameOrigin, anyGender(adult: false), age: dob.age(on: today), surname: surname,
            nameOrigin: nameOrigin, ethnicity: childEthnicity(mother: mother, father: father),
            dateOfBirth: dob)
        if let mother { relate(mother, .mother, of: c) }
        if let father { relate(father, .father, of: c) }
        h.residents.append(c)
        if ages[c] < 18 { h.children.append(c) }
        return c
    }

    /// Several children at once; returns them eldest first.
    @discardableResult
    mutating func children(
        _ count: Int, mother: Int?, father: Int?, motherAge: Int, surname: String,
        minAge: Int = 0, maxAge: Int = 17, into h: inout DemoHousehold
    ) -> [Int] {
        birthDates(
            count: count, motherAge: motherAge, fatherAge: father.map { ages[$0] }, minAge: minAge,
            maxAge: maxAge
        ).map {
            child(born: $0, mother: mother, father: father, surname: surname, into: &h)
        }
    }

    /// An expected baby, if the mother's age and the youngest child allow one.
    mutating func expectPerhaps(
        percent: Int, mother: Int, father: Int?, surname: String,
        into h: inout DemoHousehold
    ) {
        guard ages[mother] <= 43, h.residents.count < 7, h.children.allSatisfy({ ages[$0] >= 1 }),
            random.chance(percent: percent)
        else { return }
        let u = unborn(origins[mother], surname: surname, ethnicity: childEthnicity(mother: mother, father: father))
        relate(mother, .mother, of: u)
        if let father { relate(father, .father, of: u) }
        h.unborn.append(u)
        h.children.append(u)
    }

    /// Children usually share their parents' recorded ethnicity; parents of different heritage
    /// give a "Mixed" category unless both are White.
    mutating func childEthnicity(mother: Int?, father: Int?) -> String {
        let parents = [mother, father].compactMap { $0 }
        guard let first = parents.first else { return DemoOrigin.british.ethnicity(random: &random) }
        if parents.count == 2, origins[parents[0]] != origins[parents[1]] {
            let (a, b) = (origins[parents[0]], origins[parents[1]])
            if a.isWhiteEuropean && b.isWhiteEuropean { return people[random.pick(parents)].ethnicity }
            return DemoOrigin.mixedEthnicity(a, b)
        }
        let inherited = people[first].ethnicity
        if inherited == Ethnicity.notKnown || inherited == Ethnicity.notStated || random.chance(percent: 8) {
            return origins[first].ethnicity(random: &random)
        }
        return inherited
    }

    /// A parent who lives elsewhere: on record with the children's services, sometimes with an
    /// address, sometimes with an alias.
    mutating func absentParent(
        _ origin: DemoOrigin, _ gender: Gender, age: Int, district: Int,
        housedPercent: Int, surname: String? = nil, into h: inout DemoHousehold
    ) -> Int {
        let p = person(origin, gender, age: max(18, age), surname: surname, aliasProne: gender == .male)
        h.linked.append(p)
        housePerhaps(p, near: district, percent: housedPercent)
        return p
    }
}
