import Foundation
import SafeguardCore

/// Decides which agencies know which people. Rates are rough but shaped like reality: every
/// child is known to health and school, a few families to children's social care, and those
/// families are far more likely also to be known to police, mental health and probation —
/// the overlap that makes a MASH worth having.
struct DemoInvolvementPlanner: Sendable {
    let organisation: DemoOrganisation
    private(set) var involvements: [DemoInvolvement] = []
    // Membership only (person * 1024 + agency); never iterated.
    private var recorded: Set<Int> = []

    init(organisation: DemoOrganisation) {
        self.organisation = organisation
    }

    mutating func plan(_ population: DemoPopulationBuilder, random: inout SeededRandom) {
        let org = organisation
        let ages = population.ages
        let people = population.people
        for h in population.households {
            let d = h.district
            let adults = h.residents.filter { ages[$0] >= 18 }
            let minors = h.residents.filter { ages[$0] < 18 }
            for c in minors {
                let a = ages[c]
                if (4...10).contains(a), random.chance(percent: 97) { add(c, org.primarySchool(district: d)) }
                if (11...15).contains(a), random.chance(percent: 97) { add(c, org.secondarySchool(district: d)) }
                if (16...17).contains(a), random.chance(percent: 60) { add(c, org.secondarySchool(district: d)) }
                if a <= 4 || random.chance(percent: 90) { add(c, org.agency(.communityTrust)) }
            }
            for u in h.unborn {
                add(u, org.agency(.acuteTrust))
                if let mother = population.relationships.last(where: { $0.to == u && $0.kind == .mother })?.from {
                    add(mother, org.agency(.acuteTrust))
                    add(mother, org.agency(.communityTrust))
                }
            }
            // Children's social care: about one family with children in eight, half of kinship carers.
            let social =
                !h.children.isEmpty
                && random.chance(percent: h.kind == .kinshipCare ? 50 : h.kind == .motherWithPartner ? 25 : 12)
            if social {
                for p in h.residents + h.unborn { add(p, org.agency(.childrensSocialCare)) }
                for p in h.linked where random.chance(percent: 55) { add(p, org.agency(.childrensSocialCare)) }
            }
            let police = random.chance(percent: social ? 50 : 3)
            if police {
                for p in adults { add(p, org.agency(.police)) }
                for p in h.linked where people[p].gender == .male && random.chance(percent: 70) {
                    add(p, org.agency(.police))
                }
                if social {
                    for p in h.carers where people[p].gender == .female && random.chance(percent: 40) {
                        add(p, org.agency(.voluntarySector))
                    }
                }
            }
            for c in minors where ages[c] >= 10 && random.chance(perThousand: social ? 100 : 15) {
                add(c, org.agency(.youthJustice))
                add(c, org.agency(.police))
            }
            for c in minors where ages[c] >= 14 && random.chance(percent: 2) { add(c, org.agency(.police)) }
            for p in adults {
                let person = people[p]
                let asc = ages[p] >= 75 ? 15 : 2
                let extra = person.disability != nil ? 25 : 0
                let carerRole = h.kind == .adultCarer && ages[p] >= 75 ? 60 : 0
                if random.chance(percent: max(asc, extra, carerRole)) { add(p, org.agency(.adultSocialCare)) }
                if random.chance(percent: social ? 12 : 3) { add(p, org.agency(.mentalHealthTrust)) }
                if person.gender == .male, ages[p] <= 55, random.chance(percent: social && police ? 15 : 1) {
                    add(p, org.agency(.probation))
                }
                if ages[p] >= 75, person.disability != nil, random.chance(percent: 60) {
                    add(p, org.agency(.communityTrust))
                }
                if ages[p] >= 75, random.chance(percent: 10) { add(p, org.agency(.fireAndRescue)) }
            }
            for p in h.linked where people[p].gender == .male && random.chance(percent: 8) {
                add(p, org.agency(.probation))
            }
            if random.chance(percent: social ? 30 : 12) {
                for p in adults { add(p, org.agency(.housing)) }
            } else if random.chance(percent: social ? 10 : 3) {
                for p in adults { add(p, org.council(district: d)) }
            }
            for p in h.residents where random.chance(percent: 4) { add(p, org.agency(.acuteTrust)) }
        }
    }

    private mutating func add(_ person: Int, _ agency: Int) {
        guard recorded.insert(person * 1024 + agency).inserted else { return }
        involvements.append(DemoInvolvement(person: person, agency: agency))
    }
}
