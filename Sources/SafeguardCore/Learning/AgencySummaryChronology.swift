import Foundation

/// An agency's chronology as its contributor types it: one event a line, each starting with the day it
/// happened ("14/03/2026 Health visitor home visit; mother's partner present"). Blank lines are ignored.
/// Typed text is the simplest thing every agency's staff can paste from their own system's export.
public enum AgencySummaryChronology {
    public struct Line: Sendable, Equatable {
        public var day: SimpleDate
        public var text: String
    }

    public static func parse(_ text: String) -> Result<[Line], FieldProblem> {
        var lines: [Line] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            guard let (day, rest) = leadingDate(line) else {
                return .failure(
                    FieldProblem(
                        field: "chronology",
                        message:
                            "Line \(i + 1) must start with the day it happened, like 14/03/2026, then what happened"))
            }
            guard rest.count >= 2 else {
                return .failure(
                    FieldProblem(field: "chronology", message: "Line \(i + 1) has a date but not what happened"))
            }
            lines.append(Line(day: day, text: rest))
        }
        return .success(lines)
    }

    /// "14/03/2026", "14/3/2026", "14-03-2026" or "2026-03-14" at the start of the line, then a space, dash or colon.
    static func leadingDate(_ line: String) -> (SimpleDate, String)? {
        let token = line.prefix { !$0.isWhitespace && $0 != ":" }
        var dateToken = String(token)
        // "14/03/2026:" or "14/03/2026 -": the separator after the date is not part of the text.
        if dateToken.hasSuffix(",") { dateToken.removeLast() }
        let parts = dateToken.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3 else { return nil }
        let day: SimpleDate?
        if parts[0].count == 4 {
            day = SimpleDate(day: parts[2], month: parts[1], year: parts[0])
        } else if parts[2].count == 4 {
            day = SimpleDate(day: parts[0], month: parts[1], year: parts[2])
        } else {
            day = nil
        }
        guard let day else { return nil }
        let rest = line.dropFirst(token.count).drop { $0.isWhitespace || $0 == ":" || $0 == "-" || $0 == "–" }
        return (day, String(rest).trimmingCharacters(in: .whitespaces))
    }
}

/// A review's chronology: the child's or adult's own multi-agency chronology from the platform, merged with
/// the events each agency's summary adds, in day order; the platform's entries first on a shared day, as
/// they were recorded at the time.
public enum ReviewChronology {
    public struct Entry: Sendable, Equatable {
        public var day: SimpleDate
        public var agency: String
        /// "Platform record" for the person's own chronology; "Agency summary" for a contributor's line.
        public var source: Source
        public var text: String

        public init(day: SimpleDate, agency: String, source: Source, text: String) {
            self.day = day
            self.agency = agency
            self.source = source
            self.text = text
        }
    }

    public enum Source: String, Sendable, Equatable {
        case platform = "Platform record"
        case agencySummary = "Agency summary"
    }

    public static func merge(
        platform: [Entry], summaries: [(agency: String, lines: [AgencySummaryChronology.Line])]
    ) -> [Entry] {
        let added = summaries.flatMap { s in
            s.lines.map { Entry(day: $0.day, agency: s.agency, source: .agencySummary, text: $0.text) }
        }
        // A stable sort: the platform's own order within a day is kept, then each summary in the order given.
        return (platform + added).enumerated().sorted { a, b in
            if a.element.day != b.element.day { return a.element.day < b.element.day }
            if a.element.source != b.element.source { return a.element.source == .platform }
            return a.offset < b.offset
        }.map(\.element)
    }
}
