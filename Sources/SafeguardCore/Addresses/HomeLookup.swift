/// A home already on record: an address row that residences, markers and cuckooing records point at.
public struct KnownHome: Sendable, Hashable {
    public var id: String
    public var line1: String
    public var line2: String?
    public var town: String
    public var postcode: String
    public var uprn: Int64?

    public init(id: String, line1: String, line2: String?, town: String, postcode: String, uprn: Int64?) {
        self.id = id
        self.line1 = line1
        self.line2 = line2
        self.town = town
        self.postcode = postcode
        self.uprn = uprn
    }

    /// The address without its postcode, which the matcher takes separately.
    var text: String { [line1, line2, town].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ") }

    public var singleLine: String { [text, postcode].filter { !$0.isEmpty }.joined(separator: ", ") }
}

/// A home that may be the one just typed, with the matcher's reasons for a person to check.
public struct PossibleHome: Sendable, Hashable {
    public let home: KnownHome
    public let score: Double
    public let reasons: [String]
}

/// What to do with an address someone has just typed for a person.
public enum HomeLookupOutcome: Sendable, Equatable {
    /// It is a home already recorded: reuse it, so the household is one household and the police get one marker.
    case same(KnownHome, because: String)
    /// It may be one of these: the user says which, or that it is a different home.
    case possible([PossibleHome])
    /// Nothing recorded is close: a new home.
    case new
}

/// One address per home. Typing "10 Wharf Road, NM2 0RP" again for a second person must find the first row,
/// or the household page misses a resident and the police get two markers for one door.
///
/// The rule: an equal UPRN is the same home and a different UPRN never is; otherwise the address matcher
/// decides among the homes given (the caller gives those sharing the postcode or the UPRN). An automatic
/// match is reused; near candidates that break no precision rule (another flat, another number) are offered.
public struct HomeLookup: Sendable {
    /// The lowest score at which a recorded home is offered as possibly the same.
    public static let offerScore = 0.6
    public let homes: [KnownHome]

    public init(homes: [KnownHome]) { self.homes = homes }

    public func find(_ typed: KnownHome) -> HomeLookupOutcome {
        if let uprn = typed.uprn, let home = homes.first(where: { $0.uprn == uprn }) {
            return .same(home, because: "the UPRN \(uprn) is already recorded")
        }
        // Two different UPRNs are two properties, however alike the words.
        let comparable = homes.filter { typed.uprn == nil || $0.uprn == nil }
        guard !comparable.isEmpty else { return .new }
        let byID = Dictionary(comparable.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let matcher = AddressMatcher(
            index: AddressIndex(comparable.map { AddressRecord(id: $0.id, address: $0.text, postcode: $0.postcode) }))
        let ranked = matcher.rank(address: typed.text, postcode: typed.postcode).ranked.filter { !$0.vetoed }
        guard let best = ranked.first, let bestHome = byID[best.candidate.id] else { return .new }
        let lead = ranked.count > 1 ? best.weight - ranked[1].weight : .infinity
        if best.candidate.score >= matcher.thresholds.match, lead >= matcher.thresholds.margin {
            return .same(bestHome, because: "the address matches \(bestHome.singleLine)")
        }
        let offered = ranked.prefix(5).filter { $0.candidate.score >= Self.offerScore }.compactMap { s in
            byID[s.candidate.id].map { PossibleHome(home: $0, score: s.candidate.score, reasons: s.candidate.reasons) }
        }
        return offered.isEmpty ? .new : .possible(offered)
    }

    /// Sets of recorded homes that are one home, to be merged: an equal UPRN, or an automatic-strength match
    /// breaking no precision rule, within one postcode. Each set lists its homes in the order given.
    public func duplicateSets() -> [[KnownHome]] {
        var parent = Array(homes.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        func join(_ a: Int, _ b: Int) {
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        let byPostcode = Dictionary(grouping: homes.indices, by: { UKPostcodeKey.of(homes[$0].postcode) })
        for (_, members) in byPostcode where members.count > 1 {
            let position = Dictionary(uniqueKeysWithValues: members.map { (homes[$0].id, $0) })
            let matcher = AddressMatcher(
                index: AddressIndex(
                    members.map {
                        AddressRecord(id: homes[$0].id, address: homes[$0].text, postcode: homes[$0].postcode)
                    }))
            for i in members {
                for s in matcher.rank(address: homes[i].text, postcode: homes[i].postcode, explained: 0).ranked {
                    guard let j = position[s.candidate.id], j != i, !s.vetoed,
                        s.candidate.score >= matcher.thresholds.match
                    else { continue }
                    if let a = homes[i].uprn, let b = homes[j].uprn, a != b { continue }
                    join(i, j)
                }
            }
        }
        var firstWithUPRN: [Int64: Int] = [:]
        for (i, home) in homes.enumerated() {
            guard let uprn = home.uprn else { continue }
            if let first = firstWithUPRN[uprn] { join(first, i) } else { firstWithUPRN[uprn] = i }
        }
        let sets = Dictionary(grouping: homes.indices, by: root).values.filter { $0.count > 1 }
        return sets.map { $0.sorted().map { homes[$0] } }.sorted {
            ($0.first?.singleLine ?? "") < ($1.first?.singleLine ?? "")
        }
    }
}

/// Postcodes compared without spaces or case, so "nm2 0rp" and "NM2 0RP" group together.
enum UKPostcodeKey {
    static func of(_ postcode: String) -> String { postcode.uppercased().filter { !$0.isWhitespace } }
}
