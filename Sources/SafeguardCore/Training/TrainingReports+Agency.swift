extension TrainingReports {
    /// Attendance by agency for a period.
    public struct AgencyAttendance: Sendable, Equatable, Codable {
        /// One row per agency with attendees, then the total row (``Row/agency`` nil), which is the
        /// sum of the agency rows only.
        public var rows: [Row]
        /// Attendees whose agency was not recorded: kept out of the rows, as annual reports do, but
        /// reported so the two tables can be reconciled (``allAttendees``).
        public var notRecorded: Int

        /// The agency rows' total plus those not recorded: equals the course report's total.
        public var allAttendees: Int { (rows.last?.attendees ?? 0) + notRecorded }

        /// One agency's count (or the total, when ``agency`` is nil).
        public struct Row: Sendable, Equatable, Codable {
            public var agency: String?
            public var attendees: Int

            public init(agency: String?, attendees: Int) {
                self.agency = agency
                self.attendees = attendees
            }

            public var displayName: String { agency ?? "Total" }
            public var isTotal: Bool { agency == nil }
        }
    }

    /// Attendance by agency: agencies named in `agencyOrder` first, in that order, then any others
    /// alphabetically (see ``agencySortKey(_:)``), each only if it had attendees. Names are compared after trimming spaces.
    public static func attendanceByAgency(
        _ records: [TrainingReportRecord], period: ClosedRange<SimpleDate>,
        agencyOrder: [String] = []
    ) -> AgencyAttendance {
        let attended = records.filter { $0.status.isAttendance && period.contains($0.date) }
        let notRecorded = attended.count(where: { $0.agencyName == nil })
        let counts = Dictionary(grouping: attended.compactMap(\.agencyName), by: { $0 }).mapValues(\.count)
        let listed = agencyOrder.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let others = counts.keys.filter { !listed.contains($0) }
            .sorted { (agencySortKey($0), $0) < (agencySortKey($1), $1) }
        var seen = Set<String>()
        let rows = (listed + others).compactMap { name -> AgencyAttendance.Row? in
            guard let count = counts[name], seen.insert(name).inserted else { return nil }
            return AgencyAttendance.Row(agency: name, attendees: count)
        }
        let total = AgencyAttendance.Row(agency: nil, attendees: rows.reduce(0) { $0 + $1.attendees })
        return AgencyAttendance(rows: rows + [total], notRecorded: notRecorded)
    }

    /// Alphabetical, ignoring case, except that a catch-all in a group ("Health - Other") comes after
    /// the group's named agencies, as annual reports list them.
    public static func agencySortKey(_ name: String) -> String {
        let lower = name.lowercased()
        guard lower.hasSuffix(" - other") else { return lower }
        return String(lower.dropLast("other".count)) + "\u{10FFFF}"
    }
}
