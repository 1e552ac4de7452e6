import Foundation
import Testing

@testable import SafeguardCore
@testable import SafeguardDemoData

/// The demo data is loaded into every demo instance and used in training, so it must be
/// reproducible, internally consistent and valid under the platform's own rules.
@Suite struct DemoPartnershipTests {
    // Generating is cheap, but sharing one default instance keeps the suite fast on small CI runners.
    static let standard = DemoPartnership.generate()

    /// Every field, in order: if two generations differ anywhere, the digests differ.
    static func digest(_ p: DemoPartnership) throws -> (Data, UInt64) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(p)
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return (data, hash)
    }

    @Test func sameSeedGivesIdenticalOutput() throws {
        let again = DemoPartnership.generate()
        let (a, ha) = try Self.digest(Self.standard)
        let (b, hb) = try Self.digest(again)
        #expect(ha == hb)
        #expect(a == b)
        #expect(Self.standard == again)
    }

    @Test func differentSeedGivesDifferentPeople() {
        let other = DemoPartnership.generate(seed: 7)
        #expect(other.people.map(\.fullName) != Self.standard.people.map(\.fullName))
        // Logins are published, so they must not move with the seed.
        #expect(other.users == Self.standard.users)
    }

    @Test func defaultHasAtLeastTwoThousandPeople() {
        #expect(Self.standard.people.count >= 2000)
    }

    @Test func tenDistrictsAndEveryAddressInOne() {
        let p = Self.standard
        #expect(p.districts.count == 10)
        #expect(Set(p.districts).count == 10)
        #expect(p.addresses.allSatisfy { p.districts.contains($0.district) })
        #expect(p.agencies.allSatisfy { $0.district.map(p.districts.contains) ?? true })
        #expect(p.teams.allSatisfy { $0.district.map(p.districts.contains) ?? true })
    }

    @Test func everyAgencyKindIsPresent() {
        let kinds = Set(Self.standard.agencies.map(\.kind))
        for kind in AgencyKind.allCases { #expect(kinds.contains(kind), "missing \(kind)") }
    }

    @Test func everyRoleHasAPermittedUserAndTheFirstIsTheDemoLogin() {
        let p = Self.standard
        for role in Role.allCases {
            let holders = p.users.filter { $0.role == role }
            #expect(!holders.isEmpty, "no user for \(role)")
            #expect(
                holders.first?.email == role.rawValue.replacingOccurrences(of: "-", with: ".") + "@demo.safeguard.test")
        }
        for user in p.users {
            #expect(user.role.isPermitted(in: p.agencies[user.agency].kind), "\(user.email) in wrong agency")
            if let team = user.team { #expect(p.teams[team].agency == user.agency) }
        }
        #expect(Set(p.users.map(\.email)).count == p.users.count)
    }

    @Test func demoPasswordsAreLongAndUnique() {
        let passwords = Self.standard.users.map(\.password)
        #expect(passwords.allSatisfy { $0.count >= 12 })
        #expect(Set(passwords).count == passwords.count)
    }

    @Test func nhsNumbersAreValidAndUnique() throws {
        let numbers = Self.standard.people.compactMap(\.nhsNumber)
        for number in numbers { #expect(try NHSNumber(number).digits == number) }
        #expect(Set(numbers).count == numbers.count)
        let share = Double(numbers.count) / Double(Self.standard.people.count)
        #expect(share > 0.6 && share < 0.85)
        #expect(Self.standard.people.filter { $0.expectedDateOfBirth != nil }.allSatisfy { $0.nhsNumber == nil })
    }

    @Test func postcodesNormaliseToThemselves() throws {
        for address in Self.standard.addresses {
            #expect(try UKPostcode(address.postcode).text == address.postcode)
            #expect(address.postcode.hasPrefix("NM"))
        }
        let uprns = Self.standard.addresses.compactMap(\.uprn)
        #expect(Set(uprns).count == uprns.count)
    }

    @Test func everyIndexIsInRange() {
        let p = Self.standard
        let people = p.people.indices
        let addresses = p.addresses.indices
        let agencies = p.agencies.indices
        #expect(p.teams.allSatisfy { agencies.contains($0.agency) })
        #expect(p.users.allSatisfy { agencies.contains($0.agency) && ($0.team.map(p.teams.indices.contains) ?? true) })
        #expect(p.relationships.allSatisfy { people.contains($0.from) && people.contains($0.to) && $0.from != $0.to })
        #expect(p.residences.allSatisfy { people.contains($0.person) && addresses.contains($0.address) })
        #expect(p.residences.allSatisfy { r in r.to.map { r.from <= $0 } ?? true })
        #expect(p.involvements.allSatisfy { people.contains($0.person) && agencies.contains($0.agency) })
    }

    @Test func everyChildHasSomeoneCaringForThem() {
        let p = Self.standard
        let today = SimpleDate(year: 2026, month: 1, day: 1)!
        var cared = Set<Int>()
        for r in p.relationships where r.kind.isCaringRole { cared.insert(r.to) }
        let children = p.people.indices.filter {
            PersonCategory.of(
                dateOfBirth: p.people[$0].dateOfBirth, expectedDate: p.people[$0].expectedDateOfBirth,
                on: today) != .adult
        }
        #expect(children.count > 400)
        let uncared = children.filter { !cared.contains($0) }.map { p.people[$0].fullName }
        #expect(uncared.isEmpty)
    }

    @Test func someChildHasAMaleMothersPartner() {
        let p = Self.standard
        #expect(p.relationships.contains { $0.kind == .mothersPartner && p.people[$0.from].gender == .male })
    }

    @Test func exactlyOneBirthDatePerPerson() {
        let today = SimpleDate(year: 2026, month: 1, day: 1)!
        for person in Self.standard.people {
            #expect((person.dateOfBirth == nil) != (person.expectedDateOfBirth == nil))
            if let due = person.expectedDateOfBirth {
                #expect(due > today && person.gender == .unknown)
            }
            if let dob = person.dateOfBirth { #expect(dob <= today && dob.age(on: today) <= 95) }
        }
    }

    @Test func ethnicitiesComeFromTheCensusList() {
        #expect(Ethnicity.categories.count == 21)
        #expect(Self.standard.people.allSatisfy { Ethnicity.categories.contains($0.ethnicity) })
    }

    @Test func symmetricRelationshipsAreStoredOncePerPair() {
        let symmetric = Self.standard.relationships.filter { $0.kind == .sibling }
        #expect(symmetric.allSatisfy { $0.from < $0.to })
        let pairs = symmetric.map { "\($0.from)-\($0.to)" }
        #expect(Set(pairs).count == pairs.count)
    }

    @Test func calendarArithmeticRoundTrips() {
        // Every birth date and residence depends on this; a slip would show as impossible ages.
        let start = DemoCalendar.dayNumber(SimpleDate(year: 1925, month: 1, day: 1)!)
        var previous: SimpleDate?
        for n in stride(from: start, through: start + 110 * 366, by: 1) {
            let date = DemoCalendar.date(fromDayNumber: n)
            #expect(DemoCalendar.dayNumber(date) == n)
            if let previous { #expect(previous < date) }
            previous = date
        }
        #expect(DemoCalendar.dayNumber(SimpleDate(year: 1970, month: 1, day: 1)!) == 0)
        #expect(
            DemoCalendar.subtracting(years: 1, from: SimpleDate(year: 2024, month: 2, day: 29)!)
                == SimpleDate(year: 2023, month: 2, day: 28)!)
    }

    @Test func largerPartnershipsStillGenerate() {
        let big = DemoPartnership.generate(seed: 3, households: 5000)
        #expect(big.people.count > 12_000)
        #expect(Set(big.addresses.map { "\($0.line1)|\($0.line2 ?? "")|\($0.postcode)" }).count == big.addresses.count)
    }

    @Test func generationIsFast() {
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = DemoPartnership.generate(seed: 99) }
        // Generous for debug builds on a shared runner; release takes a small fraction of this.
        #expect(elapsed < .seconds(10))
    }
}
