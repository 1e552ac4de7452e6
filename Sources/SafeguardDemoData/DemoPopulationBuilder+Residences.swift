import Foundation
import SafeguardCore

/// Where people live and since when. Histories are short on purpose: one previous address for a
/// fifth of households is enough to exercise "lived at" searches without inventing biographies.
extension DemoPopulationBuilder {
    /// Moves the household into its address and records it. `late` lists residents who joined
    /// after the others (a new partner, a lodger), with the day they moved in.
    mutating func settle(_ h: DemoHousehold, late: [(Int, SimpleDate)] = []) {
        let adultAges = h.residents.map { ages[$0] }.filter { $0 >= 18 }
        let youngest = adultAges.min() ?? 18
        // Nobody signs for a home before turning 18, and few households have stayed put for 25 years.
        let longest = max(31, min(25 * 365, (youngest - 18) * 365 + 180))
        let moveIn = DemoCalendar.adding(days: -random.int(in: 30...longest), to: today)
        var previous: (address: Int, from: SimpleDate, to: SimpleDate)?
        if random.chance(percent: 20) {
            let district = random.chance(percent: 70) ? h.district : pickDistrict()
            let to = DemoCalendar.adding(days: -1, to: moveIn)
            let earliest = DemoCalendar.dayNumber(moveIn) - (youngest - 18) * 365
            let from = max(DemoCalendar.dayNumber(moveIn) - random.int(in: 365...(8 * 365)), earliest)
            if from < DemoCalendar.dayNumber(to) {
                previous = (book.add(inDistrict: district, random: &random), DemoCalendar.date(fromDayNumber: from), to)
            }
        }
        for p in h.residents {
            let dob = people[p].dateOfBirth!
            if let joined = late.first(where: { $0.0 == p })?.1 {
                residences.append(DemoResidence(person: p, address: h.address, from: max(joined, moveIn, dob), to: nil))
                continue
            }
            if let previous, dob <= previous.to {
                residences.append(
                    DemoResidence(
                        person: p, address: previous.address,
                        from: max(previous.from, dob), to: previous.to))
            }
            residences.append(DemoResidence(person: p, address: h.address, from: max(moveIn, dob), to: nil))
        }
        households.append(h)
    }

    /// Gives someone outside the household a home of their own, or none: for some absent fathers
    /// no agency has a current address, which is exactly the gap reviews describe.
    mutating func housePerhaps(_ person: Int, near district: Int, percent: Int) {
        guard random.chance(percent: percent) else { return }
        let d = random.chance(percent: 70) ? district : pickDistrict()
        let address = book.add(inDistrict: d, random: &random)
        let adultDays = max(31, (ages[person] - 18) * 365)
        let from = DemoCalendar.adding(days: -random.int(in: 30...min(adultDays, 12 * 365)), to: today)
        residences.append(DemoResidence(person: person, address: address, from: from, to: nil))
    }

    /// A day between 20 and `maxDays` days ago: when someone joined an existing household.
    mutating func daysAgo(upTo maxDays: Int) -> SimpleDate {
        DemoCalendar.adding(days: -random.int(in: 20...max(21, maxDays)), to: today)
    }

    mutating func pickDistrict() -> Int {
        random.pick(weighted: DemoDistrict.all.enumerated().map { ($0.offset, $0.element.populationWeight) })
    }
}
