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

    struct Late: Sendable {
        var referralID: UUID
        var reference: String
        var referred: SimpleDate
        var held: SimpleDate
        var workingDays: Int
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
        var late: [Late] = []
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
                    Late(
                        referralID: try d.referral.requireID(), reference: d.referral.reference,
                        referred: item.referredOn, held: item.heldOn, workingDays: days))
            }
        }
        let rows = StrategyDiscussionTimeliness.report(items, targetWorkingDays: target, calendar: calendar)
        let districts = try await District.query(on: req.db).sort(\.$name).all()
        try await req.audit.record(
            viewer.event(.view, "strategy-discussion-report", districtFilter?.uuidString ?? "all", on: req), on: req.db)
        return req.page("Strategy discussion timeliness", section: .mash) {
            Components.backLink(.mash, "Back to the MASH queue")
            el("h1", .class("sg-heading-l")) { "Strategy discussion timeliness" }
            el("p", .class("sg-body")) {
                "Discussions held since \(since.longText), and how many working days after the referral arrived. "
                "The partnership's target is \(target == 1 ? "1 working day" : "\(target) working days")."
            }
            el("form", .getMethod, .action(.strategyDiscussionReport), .class("sg-!-margin-bottom-6")) {
                Components.select(
                    "district", label: "District",
                    options: [("", "All districts")] + districts.map { ($0.id!.uuidString, $0.name) },
                    selected: districtFilter?.uuidString ?? "", errors: FormErrors())
                Components.button("Filter", kind: "secondary")
            }
            Components.table(
                caption: "By month held",
                headers: [
                    "Month", "Held", "Within target", "Median working days",
                    "Police, health and social care all there", "Section 47 started",
                ],
                rows: rows.map { r in
                    [
                        .text(Self.monthName(r.period)), .text(String(r.held)),
                        .text(r.percentWithinTarget.map { "\(r.withinTarget) (\($0)%)" } ?? "–"),
                        .text(
                            r.medianWorkingDays.map {
                                $0 == $0.rounded() ? String(Int($0)) : String(format: "%.1f", $0)
                            } ?? "–"),
                        .text(String(r.allStatutoryPartners)), .text(String(r.section47)),
                    ]
                })
            if (rows.last?.held ?? 0) == 0 {
                el("p", .class("sg-body")) { "No strategy discussion was held in this period." }
            } else if late.isEmpty {
                el("p", .class("sg-body")) { "Every discussion in this period was held within the target." }
            } else {
                Components.table(
                    caption: "Held later than the target", headers: ["Referral", "Referred", "Held", "Working days"],
                    rows: late.map { l in
                        [
                            el("a", .href(.referral(l.referralID)), .class("sg-link")) { l.reference },
                            .text(l.referred.longText), .text(l.held.longText),
                            .text(String(l.workingDays)),
                        ]
                    })
            }
        }
    }

    static func monthName(_ period: String) -> String {
        guard period != "all" else { return "All months" }
        let parts = period.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, let first = SimpleDate(year: parts[0], month: parts[1], day: 1) else { return period }
        return first.longText.split(separator: " ").dropFirst().joined(separator: " ")
    }
}
