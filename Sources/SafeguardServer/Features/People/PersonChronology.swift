import Fluent
import SafeguardCore
import Vapor

/// A person's multi-agency chronology as one viewer may read it: in the order things happened, with the
/// entries their role may not see counted rather than shown.
struct PersonChronology: Sendable {
    struct Event: Sendable {
        var when: Date
        var dateOnly: Bool
        var recordedAt: Date
        var category: String
        var summary: String
        var agency: String
        var by: String

        var rules: ChronologyRules.Entry {
            .init(occurredAt: when, recordedAt: recordedAt, category: category, agency: agency)
        }
        /// "20 November 2026", or "20 November 2026, 3:15pm".
        var whenText: String { dateOnly ? SimpleDate(when).longText : SiteFormat.dateTime(when) }
        /// Said when it was typed a day or more after it happened.
        var recordedLate: String? {
            ChronologyRules.recordedLate(rules) ? "recorded \(SiteFormat.dateTime(recordedAt))" : nil
        }
    }

    var events: [Event]
    /// Entries this viewer may not read (MASH work of other agencies), counted so the page can say so.
    var hidden: Int

    /// A person with no entries at all.
    static let none = PersonChronology(events: [], hidden: 0)

    static func load(personID: UUID, viewer: Viewer, on db: Database) async throws -> PersonChronology {
        // Filtered by the core rule itself, not a copy of it in SQL; a person's entries are hundreds at most.
        let all = try await PersonRecordReads.chronology(of: personID, on: db)
        let visible = all.filter { e in
            e.visibility.isVisible(to: viewer.role, recordedByViewersAgency: e.agencyID == viewer.agencyID)
        }
        let events = visible.map(\.event).sorted { ChronologyRules.newestFirst($0.rules, $1.rules) }
        return PersonChronology(events: events, hidden: all.count - visible.count)
    }

    func filtered(_ filter: ChronologyRules.Filter) -> [Event] { events.filter { filter.includes($0.rules) } }
    var categories: [String] { Array(Set(events.map(\.category))).sorted() }
    var agencies: [String] { Array(Set(events.map(\.agency).filter { !$0.isEmpty })).sorted() }
}
