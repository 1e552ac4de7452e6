import Fluent
import Vapor
import SafeguardCore

extension MASHController {
    /// Open referrals, oldest first, with their RAG, overdue partner requests and decision
    /// clock; filters by district and status; counts at the top.
    func queue(req: Request) async throws -> Response {
        let viewer = try req.require(.viewReferral)
        let statusFilter = (try? req.query.get(String.self, at: "status")).flatMap(ReferralStatus.init(rawValue:))
        let districtFilter = (try? req.query.get(String.self, at: "district")).flatMap(UUID.init(uuidString:))
        let open: [String] = ReferralStatus.allCases.filter(\.isOpen).map(\.rawValue)
        let all = try await Referral.query(on: req.db).filter(\.$status ~~ open).with(\.$subjects).with(\.$district)
            .sort(\.$submittedAt).all()
        let shown = all.filter { r in
            (statusFilter == nil || r.referralStatus == statusFilter) && (districtFilter == nil || r.$district.id == districtFilter)
        }
        let now = req.now
        let requests = try await InformationRequest.query(on: req.db).filter(\.$referral.$id ~~ all.compactMap(\.id)).all()
        let overdue = Dictionary(grouping: requests.filter { $0.isOverdue(at: now) }, by: { $0.$referral.id }).mapValues(\.count)
        let districts = try await District.query(on: req.db).sort(\.$name).all()
        try await req.audit.record(viewer.event(.view, "mash-queue", "", on: req), on: req.db)
        let counts = [("New", all.filter { $0.referralStatus == .submitted }.count),
                      ("Gathering information", all.filter { $0.referralStatus == .gathering }.count),
                      ("Awaiting sign-off", all.filter { $0.referralStatus == .awaitingSignOff }.count),
                      ("Decisions overdue", all.filter { ($0.decisionDueAt.map { now > $0 } ?? false) }.count),
                      ("Partner requests overdue", overdue.values.reduce(0, +))]
        return req.page("MASH queue", section: .mash) {
            el("h1", .class("sg-heading-l")) { "MASH queue" }
            el("p", .class("sg-body")) { el("a", .href(.strategyDiscussionReport), .class("sg-link")) { "Strategy discussion timeliness" } }
            el("dl", .class("sg-key-facts")) {
                for (label, n) in counts {
                    el("div", .class("sg-key-facts__item")) {
                        el("dt", .class("sg-key-facts__label")) { label }
                        el("dd", .class("sg-key-facts__value")) { String(n) }
                    }
                }
            }
            el("form", .getMethod, .action(.mash), .class("sg-!-margin-bottom-6")) {
                Components.select("status", label: "Status", options: [("", "All open")] + ReferralStatus.allCases.filter(\.isOpen).map { ($0.rawValue, $0.displayName) },
                                  selected: statusFilter?.rawValue ?? "", errors: FormErrors())
                Components.select("district", label: "District", options: [("", "All districts")] + districts.map { ($0.id!.uuidString, $0.name) },
                                  selected: districtFilter?.uuidString ?? "", errors: FormErrors())
                Components.button("Filter", kind: "secondary")
            }
            Components.table(caption: "\(Words.count(shown.count, "open referral")), oldest first", headers: ["Reference", "About", "Received", "RAG", "Partners overdue", "Decision"], rows: shown.map { r in
                [el("a", .href(.referral(r.id!)), .class("sg-link")) { r.reference }, .text(r.subjects.map(\.fullName).joined(separator: ", ")),
                 .text(r.submittedAt.map { Self.age(from: $0, to: now) } ?? ""), MASHTags.rag(r.ragRating),
                 .text(String(overdue[r.id!] ?? 0)),
                 r.decisionDueAt != nil ? MASHTags.clock(due: r.decisionDueAt, open: true, now: now) : MASHTags.status(r.referralStatus)]
            })
        }
    }

    /// "3 hours ago", "2 days ago": how long a referral has waited.
    static func age(from: Date, to: Date) -> String {
        let minutes = Int(to.timeIntervalSince(from) / 60)
        if minutes < 60 { return minutes <= 1 ? "just now" : "\(minutes) minutes ago" }
        let hours = minutes / 60
        if hours < 48 { return hours == 1 ? "1 hour ago" : "\(hours) hours ago" }
        return "\(hours / 24) days ago"
    }
}
