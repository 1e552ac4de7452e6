import Foundation
import SafeguardCore

/// Hands out distinct fictional addresses. Streets are laid out once per seed; each address is
/// then a free slot on one of them, so no two households share a front door by accident.
struct DemoAddressBook: Sendable {
    private(set) var addresses: [DemoAddress] = []
    private var streets: [DemoStreet] = []
    private var streetsByDistrict: [[Int]]
    // Membership tests only; never iterated, so hashing order cannot reach the output.
    private var taken: Set<String> = []
    private var nextUPRN: Int64 = 100_061_000_000

    init(random: inout SeededRandom) {
        streetsByDistrict = Array(repeating: [], count: DemoDistrict.all.count)
        var postcodes: Set<String> = []
        for (d, district) in DemoDistrict.all.enumerated() {
            let outwards = DemoDistrict.outwardCodes(forDistrict: d)
            for (t, town) in district.towns.enumerated() {
                let count = t == 0 ? 16 : 9
                for (s, name) in Self.sample(DemoStreet.names, count: count, random: &random).enumerated() {
                    // The main town keeps the first outward code; smaller towns share the second,
                    // and a one-town district uses both.
                    let outward = district.towns.count == 1 ? outwards[s % 2] : outwards[t == 0 ? 0 : 1]
                    var inwards: [String] = []
                    for _ in 0..<random.int(in: 1...3) {
                        var inward: String
                        repeat {
                            inward =
                                "\(random.below(10))"
                                + String(random.pick(DemoStreet.inwardLetters))
                                + String(random.pick(DemoStreet.inwardLetters))
                        } while postcodes.contains("\(outward) \(inward)")
                        postcodes.insert("\(outward) \(inward)")
                        precondition((try? UKPostcode("\(outward) \(inward)"))?.text == "\(outward) \(inward)")
                        inwards.append(inward)
                    }
                    let hasBlock = random.chance(percent: t == 0 ? 35 : 10)
                    let street = DemoStreet(
                        name: name, town: town, district: d, outward: outward, inwards: inwards,
                        blockNumber: hasBlock ? random.int(in: 2...90) : nil,
                        blockName: hasBlock ? random.pick(DemoStreet.blockNames) : nil)
                    if let n = street.blockNumber { taken.insert("\(streets.count)#\(n)") }
                    streetsByDistrict[d].append(streets.count)
                    streets.append(street)
                }
            }
        }
    }

    /// A new address in district `d`; returns its index in ``addresses``.
    mutating func add(inDistrict d: Int, random: inout SeededRandom) -> Int {
        var attempts = 0
        while true {
            attempts += 1
            let s = random.pick(streetsByDistrict[d])
            let street = streets[s]
            // Streets lengthen once they fill up, so very large demos still find free numbers.
            var number = random.int(in: 1...max(96, attempts))
            let line1: String
            let line2: String?
            // Keys: "s#n" is a house number in use (a house, a conversion or a block);
            // "s#n#conv" marks a house split into flats, so more flats may join it.
            switch random.below(1000) {
            case ..<620:
                guard claim("\(s)#\(number)") else { continue }
                (line1, line2) = ("\(number) \(street.name)", nil)
            case ..<660:
                guard claim("\(s)#\(number)A") else { continue }
                (line1, line2) = ("\(number)A \(street.name)", nil)
            case ..<740:
                let house = random.pick(DemoStreet.houseNames)
                guard claim("\(s)#\(house)") else { continue }
                (line1, line2) = (house, street.name)
            case ..<920 where street.blockNumber != nil:
                number = street.blockNumber!
                let flat = random.int(in: 1...24)
                guard claim("\(s)#\(number)#\(flat)") else { continue }
                (line1, line2) = ("Flat \(flat), \(street.blockName!)", "\(number) \(street.name)")
            default:
                let flat = random.int(in: 1...3)
                guard taken.contains("\(s)#\(number)#conv") || !taken.contains("\(s)#\(number)"),
                    claim("\(s)#\(number)#\(flat)")
                else { continue }
                taken.insert("\(s)#\(number)")
                taken.insert("\(s)#\(number)#conv")
                (line1, line2) = ("Flat \(flat), \(number) \(street.name)", nil)
            }
            let inward = street.inwards[min(number / 32, street.inwards.count - 1)]
            var uprn: Int64?
            if random.chance(percent: 80) {
                nextUPRN += Int64(random.int(in: 1...40))
                uprn = nextUPRN
            }
            addresses.append(
                DemoAddress(
                    line1: line1, line2: line2, town: street.town,
                    district: DemoDistrict.all[d].name,
                    postcode: "\(street.outward) \(inward)", uprn: uprn))
            return addresses.count - 1
        }
    }

    private mutating func claim(_ key: String) -> Bool {
        taken.insert(key).inserted
    }

    /// `count` distinct items in a seeded order (a partial Fisher–Yates shuffle).
    static func sample<T>(_ items: [T], count: Int, random: inout SeededRandom) -> [T] {
        var pool = items
        for i in 0..<min(count, pool.count) {
            pool.swapAt(i, i + random.below(pool.count - i))
        }
        return Array(pool.prefix(count))
    }
}
