import Foundation

/// Where a day-only event sits in the chronology: at the start of its day in UK time, so it comes before
/// anything timed that day when read oldest first and after it when read newest first, never on another day.
public enum ChronologyDay {
    public static func instant(of day: SimpleDate) -> Date { day.at(hour: 0) }
}

/// The rules of a person's multi-agency chronology: event order, the filters a reader chooses, and when to
/// say that an entry was recorded late (a plan started on 20 November but typed on 5 December).
public enum ChronologyRules {
    /// One entry as the rules need it.
    public struct Entry: Sendable, Equatable {
        public var occurredAt: Date
        public var recordedAt: Date
        public var category: String
        public var agency: String

        public init(occurredAt: Date, recordedAt: Date, category: String, agency: String) {
            self.occurredAt = occurredAt
            self.recordedAt = recordedAt
            self.category = category
            self.agency = agency
        }
    }

    /// Newest first, by when it happened; things that happened together in the order they were recorded.
    public static func newestFirst(_ a: Entry, _ b: Entry) -> Bool {
        (a.occurredAt, a.recordedAt) > (b.occurredAt, b.recordedAt)
    }

    /// A day or more between happening and being recorded is worth saying: a reader weighing a chronology
    /// needs to know that an agency learned of something late.
    public static func recordedLate(_ e: Entry) -> Bool {
        e.recordedAt.timeIntervalSince(e.occurredAt) >= 24 * 3600
    }

    /// What the reader asked to see: kinds of entry and agencies, each empty for all.
    public struct Filter: Sendable, Equatable {
        public var categories: Set<String>
        public var agencies: Set<String>

        public init(categories: [String] = [], agencies: [String] = []) {
            self.categories = Set(categories.filter { !$0.isEmpty })
            self.agencies = Set(agencies.filter { !$0.isEmpty })
        }

        public var isEmpty: Bool { categories.isEmpty && agencies.isEmpty }

        public func includes(_ e: Entry) -> Bool {
            (categories.isEmpty || categories.contains(e.category)) && (agencies.isEmpty || agencies.contains(e.agency))
        }
    }
}
