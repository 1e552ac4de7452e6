/// How promptly strategy discussions are held after the referral arrives, month by month: what
/// the partnership's performance sub-group reads. The target is the partnership's own
/// (``PartnershipRules/strategyDiscussionWithinWorkingDays``): Working Together sets none.
public enum StrategyDiscussionTimeliness {
    public struct Discussion: Sendable, Equatable {
        public var referredOn: SimpleDate
        public var heldOn: SimpleDate
        /// Police, health or social care absent: ``StrategyDiscussionRules/missingPartners(attending:)``.
        public var missingPartners: Int
        public var section47: Bool

        public init(referredOn: SimpleDate, heldOn: SimpleDate, missingPartners: Int, section47: Bool) {
            self.referredOn = referredOn
            self.heldOn = heldOn
            self.missingPartners = missingPartners
            self.section47 = section47
        }
    }

    public struct Row: Sendable, Equatable {
        /// "2026-03" for a month; "all" for the total.
        public var period: String
        public var held: Int
        public var withinTarget: Int
        /// Working days from referral to discussion, the middle value (the mean of the middle two).
        public var medianWorkingDays: Double?
        public var allStatutoryPartners: Int
        public var section47: Int

        public var percentWithinTarget: Int? {
            held == 0 ? nil : Int((Double(withinTarget) * 100 / Double(held)).rounded())
        }
    }

    /// One row per month a discussion was held in, oldest first, then the total.
    public static func report(_ discussions: [Discussion], targetWorkingDays: Int, calendar: WorkingCalendar) -> [Row] {
        let byMonth = Dictionary(grouping: discussions) { d in
            "\(d.heldOn.year)-\(d.heldOn.month < 10 ? "0" : "")\(d.heldOn.month)"
        }
        var rows = byMonth.keys.sorted().map { row($0, byMonth[$0]!, target: targetWorkingDays, calendar: calendar) }
        rows.append(row("all", discussions, target: targetWorkingDays, calendar: calendar))
        return rows
    }

    public static func workingDays(_ d: Discussion, calendar: WorkingCalendar) -> Int {
        max(0, calendar.workingDays(from: d.referredOn, to: d.heldOn))
    }

    static func row(_ period: String, _ list: [Discussion], target: Int, calendar: WorkingCalendar) -> Row {
        let days = list.map { workingDays($0, calendar: calendar) }
        return Row(
            period: period, held: list.count, withinTarget: days.filter { $0 <= target }.count,
            medianWorkingDays: median(days.map(Double.init)),
            allStatutoryPartners: list.filter { $0.missingPartners == 0 }.count,
            section47: list.filter(\.section47).count)
    }
}
