import Fluent
import SafeguardCore
import Vapor

extension MyWorkController {
    /// The open referrals the viewer's team holds or nobody holds yet (a manager may widen this to the county),
    /// each saying what it needs next; red, overdue and sign-off items are urgent and come first.
    static func mashItems(_ viewer: Viewer, scope: MyWorkScope, on req: Request) async throws -> [Item] {
        let now = req.now
        let team = try await teamMembers(of: viewer, on: req.db)
        let open = ReferralStatus.allCases.filter(\.isOpen)
        let referrals = try await Referral.query(on: req.db).filter(\.$status ~~ open).with(\.$allocatedTo).sort(
            \.$decisionDueAt
        ).sort(\.$submittedAt).all()
        var items: [Item] = []
        for r in referrals where scope.includes(allocatedTo: r.$allocatedTo.id?.uuidString, team: team) {
            let queued = try r.queueItem(subjects: [], overdueRequests: 0)
            let holder =
                r.$allocatedTo.id == viewer.userID
                ? "yours" : r.allocatedTo.map { "with \($0.displayName)" } ?? "not allocated"
            let title: String
            switch r.status {
            case .submitted: title = viewer.may(.triageReferral) ? "Rate \(r.reference)" : "New referral \(r.reference)"
            case .awaitingSignOff:
                title =
                    viewer.may(.signOffDecision)
                    ? "Sign off the decision on \(r.reference)" : "\(r.reference) waits for sign-off"
            default: title = "Decide \(r.reference)"
            }
            let clock = r.decisionDueAt.map {
                (queued.decisionOverdue(at: now) ? "decision overdue since " : "decision due by ")
                    + SiteFormat.dateTime($0)
            }
            let detail = ([r.ragRating.map { "\($0.label)" }, clock, holder].compactMap { $0 }).joined(separator: "; ")
            items.append(
                Item(
                    title: title, url: .referral(r.id!), detail: detail.prefix(1).uppercased() + detail.dropFirst(),
                    urgent: queued.isUrgent(at: now)))
        }
        return items
    }

    /// A signed-off section 47 outcome needs a strategy discussion: the task stays until one is recorded.
    static func strategyDiscussionItems(_ viewer: Viewer, on req: Request) async throws -> [Item] {
        guard viewer.may(.recordStrategyDiscussion) else { return [] }
        let decided = try await ThresholdDecisionRecord.query(on: req.db).filter(
            \.$outcome == ReferralOutcome.strategyDiscussion.rawValue
        )
        .filter(\.$signedOffAt != nil).with(\.$referral).all()
        let held = Set(
            try await StrategyDiscussion.query(on: req.db).filter(\.$referral.$id ~~ decided.map { $0.$referral.id })
                .all(\.$referral.$id))
        let now = req.now
        return try decided.filter { !held.contains($0.$referral.id) }.map { d in
            let due = try req.safeguard.calendar.deadline(
                addingWorkingDays: req.safeguard.strategyDiscussionTarget, to: d.referral.submittedAt ?? d.signedOffAt!)
            return Item(
                title: "Hold the strategy discussion for \(d.referral.reference)",
                url: .referralStrategyDiscussion(d.$referral.id),
                detail: "Section 47 agreed \(SiteFormat.dateTime(d.signedOffAt!)); "
                    + (now > due ? "overdue since " : "due by ") + SiteFormat.dateTime(due),
                urgent: true)
        }
    }

    /// The viewer and everyone in their team; just the viewer when they have no team.
    static func teamMembers(of viewer: Viewer, on db: Database) async throws -> Set<String> {
        guard let team = try await User.find(viewer.userID, on: db)?.$team.id else { return [viewer.userID.uuidString] }
        return Set(
            try await User.query(on: db).filter(\.$team.$id == team).all(\.$id).map(\.uuidString) + [
                viewer.userID.uuidString
            ])
    }
}
