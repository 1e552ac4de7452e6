import Fluent
import SafeguardCore
import Vapor

/// `/mash/strategy-discussions`: how promptly strategy discussions are held after referral, by
/// month, against the partnership's target, with the discussions that missed it listed so a
/// manager can look at why. Filters by district, like every partnership figure.
struct StrategyDiscussionReportController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.strategyDiscussionReport, for: [.viewReferral], use: report)
    }

    func report(req: Request) async throws -> Response {
        let viewer = try req.require(.viewReferral)
        let districtFilter = (try? req.query.get(String.self, at: "district")).flatMap(UUID.init(uuidString:))
        // The last twelve months, counted from the first of the month a year ago.
        let today = req.today
        let since = SimpleDate(year: today.year - 1, month: today.month, day: 1)!
        let discussions = try await StrategyDiscussion.query(on: req.db).with(\.$referral).with(\.$agencies)
            .filter(\.$heldAt >= req.safeguard.calendar.opening(on: since.adding(days: -1))).sort(\.$heldAt).all()
        let calendar = req.safeguard.calendar
        let target = req.safeguard.strategyDiscussionTarget
        var items: [StrategyDiscussionTimeliness.Discussion] = []
        var late: [StrategyDiscussionReportView.Late] = []
        for d in discussions
        where SimpleDate(d.heldAt) >= since && (districtFilter == nil || d.referral.$district.id == districtFilter) {
            guard let submitted = d.referral.submittedAt else { continue }
            let item = StrategyDiscussionTimeliness.Discussion(
                referredOn: SimpleDate(submitted), heldOn: SimpleDate(d.heldAt),
                missingPartners: StrategyDiscussionRules.missingPartners(attending: d.agencies.map(\.kind)).count,
                section47: d.section47)
            items.append(item)
            let days = StrategyDiscussionTimeliness.workingDays(item, calendar: calendar)
            if days > target {
                late.append(
                    .init(
                        referralID: try d.referral.requireID(), reference: d.referral.reference,
                        referred: item.referredOn.longText, held: item.heldOn.longText, workingDays: days))
            }
        }
        let rows = StrategyDiscussionTimeliness.report(items, targetWorkingDays: target, calendar: calendar)
        let districts = try await District.query(on: req.db).sort(\.$name).all()
        try await req.audit.record(
            viewer.event(.view, "strategy-discussion-report", districtFilter?.uuidString ?? "all", on: req), on: req.db)
        return StrategyDiscussionReportView(
            since: since.longText, targetWorkingDays: target,
            districts: try districts.map { .init(id: try $0.requireID(), name: $0.name) },
            selectedDistrict: districtFilter?.uuidString ?? "", rows: rows.map(Self.row), late: late
        ).render(on: req)
    }

    /// A month's figures as the table says them.
    static func row(_ r: StrategyDiscussionTimeliness.Row) -> StrategyDiscussionReportView.Row {
        StrategyDiscussionReportView.Row(
            month: monthName(r.period), held: r.held,
            withinTarget: r.percentWithinTarget.map { "\(r.withinTarget) (\($0)%)" } ?? "–",
            medianWorkingDays: r.medianWorkingDays.map {
                $0 == $0.rounded() ? String(Int($0)) : String(format: "%.1f", $0)
            } ?? "–",
            allStatutoryPartners: r.allStatutoryPartners, section47: r.section47)
    }

    static func monthName(_ period: String) -> String {
        guard period != "all" else { return "All months" }
        let parts = period.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, let first = SimpleDate(year: parts[0], month: parts[1], day: 1) else { return period }
        return first.longText.split(separator: " ").dropFirst().joined(separator: " ")
    }
}
