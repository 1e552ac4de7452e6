import Foundation

/// Finding people the way the MASH does: the words typed are read as an NHS number, a record or referral
/// reference, or names; names are ranked by the same Fellegi–Sunter weights as the referral matcher, with
/// its reasons, so "Thomas Michalsky" finds Thomas Michalski and says why.
public enum PeopleSearch {
    /// What the search box holds.
    public enum Terms: Sendable, Equatable {
        case nhsNumber(String)
        /// A person record's reference: the id at the end of its web address.
        case recordReference(String)
        /// A MASH referral's reference, like MASH-2026-000002: finds its linked subjects.
        case referralReference(String)
        /// First name then surname, as typed; a single word is taken as a surname or first name.
        case names([String])
        case nothing
    }

    public static func terms(_ text: String) -> Terms {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { return .nothing }
        let compact = t.filter { !$0.isWhitespace && $0 != "-" }
        if compact.count == 10, compact.allSatisfy(\.isNumber) { return .nhsNumber(compact) }
        let lastPart = t.split(separator: "/").last.map(String.init) ?? t
        if let id = UUID(uuidString: lastPart) { return .recordReference(id.uuidString) }
        if t.uppercased().range(of: #"^[A-Z]{2,8}-\d{4}-\d{3,8}$"#, options: .regularExpression) != nil {
            return .referralReference(t.uppercased())
        }
        let words = t.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        return words.isEmpty ? .nothing : .names(words)
    }

    /// The matcher's view of a name search: the first word as first name, the last as surname, words between as
    /// middle names; one word is tried as a surname. Date of birth and postcode, when given, count as evidence.
    public static func query(words: [String], dateOfBirth: SimpleDate?, postcode: String?) -> PersonRecordForMatching {
        var q = PersonRecordForMatching(id: "search", dateOfBirth: dateOfBirth, postcode: postcode)
        if words.count == 1 {
            q.lastName = words[0]
        } else if let first = words.first, let last = words.last {
            q.firstName = first
            q.lastName = last
            q.middleNames = words.dropFirst().dropLast().joined(separator: " ")
        }
        return q
    }

    /// Below this weight a record is less likely to be the person than not: it is not shown.
    public static let minimumWeight = 0.0

    /// `found` (records the database found by name, other name, date of birth or postcode) and the matcher's own
    /// candidates, each compared with the query and ranked by weight, best first, with reasons. A record found by
    /// the database is kept even at a low weight, because it matched what was typed; a matcher candidate must
    /// reach `minimumWeight`.
    public static func rank(
        _ query: PersonRecordForMatching, found: [String], in index: PersonIndex,
        model: MatchModel = .default
    ) -> [MatchCandidate] {
        let snapshot = index.snapshot()
        let comparator = RecordComparator(
            query: PreparedPerson(query), model: model, frequencies: snapshot.frequencies,
            indexSize: snapshot.count)
        let matcher = PersonMatcher(index: index, model: model)
        var positions: [Int32: Bool] = [:]  // position → found by the database
        for p in matcher.blockedPositions(for: comparator.query, in: snapshot) { positions[p] = false }
        let wanted = Set(found)
        if !wanted.isEmpty {
            for (i, id) in snapshot.ids.enumerated() where wanted.contains(id) { positions[Int32(i)] = true }
        }
        let scored = positions.map { position, fromDatabase in
            (position, fromDatabase, comparator.compare(snapshot.records[Int(position)]))
        }
        .filter { $0.1 || $0.2.weight >= minimumWeight }
        let total = scored.reduce(0.0) { $0 + exp2($1.2.weight) }
        return scored.sorted { ($0.2.weight, snapshot.ids[Int($1.0)]) > ($1.2.weight, snapshot.ids[Int($0.0)]) }.map {
            position, _, vector in
            MatchCandidate(
                id: snapshot.ids[Int(position)], score: vector.weight,
                probability: model.posterior(
                    bayesFactor: exp2(vector.weight), totalBayesFactor: total, indexSize: snapshot.count),
                reasons: comparator.reasons(snapshot.records[Int(position)], vector))
        }
    }
}

/// One page of a longer list, and what the page says about where it is: "1 to 50 of 212".
public struct ResultPage: Sendable, Equatable {
    public static let size = 50
    public let number: Int
    public let total: Int

    /// `requested` is clamped to the pages there are, so an old link never shows an empty page.
    public init(requested: Int, total: Int) {
        self.total = max(0, total)
        let last = max(1, (self.total + Self.size - 1) / Self.size)
        number = min(max(1, requested), last)
    }

    public var range: Range<Int> { min(total, (number - 1) * Self.size)..<min(total, number * Self.size) }
    public var hasPrevious: Bool { number > 1 }
    public var hasNext: Bool { number * Self.size < total }
    public var summary: String {
        total == 0 ? "No results" : "Showing \(range.lowerBound + 1) to \(range.upperBound) of \(total)"
    }
}
