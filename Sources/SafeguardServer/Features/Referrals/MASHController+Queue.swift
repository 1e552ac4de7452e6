import Fluent
import SafeguardCore
import Vapor

extension MASHController {
    /// The filters and sort, from the web address (the counts' links) or a posted form (the free text may
    /// name a child, so the filter form posts and names never reach a web address).
    struct QueueForm: Content {
        var status: String?
        var district: String?
        var worker: String?
        var text: String?
        var sort: String?
        var overdue: String?

        var filter: MASHQueue.Filter {
            MASHQueue.Filter(
                status: status.flatMap(ReferralStatus.init(rawValue:)).flatMap { $0.isOpen ? $0 : nil },
                district: district.flatMap { $0.isEmpty ? nil : $0 }, worker: worker ?? "", text: text ?? "",
                decisionOverdue: overdue == "decision", requestsOverdue: overdue == "requests")
        }
        var sortOrder: MASHQueue.Sort { sort.flatMap(MASHQueue.Sort.init(rawValue:)) ?? .decisionClock }
    }

    /// Open referrals with their RAG, the referrer's urgency, who has them and the decision clock;
    /// sorted and narrowed as the user chooses, with counts that are links to what they count.
    func queue(req: Request) async throws -> Response {
        let viewer = try req.require(.viewReferral)
        let form = req.method == .POST ? try req.content.decode(QueueForm.self) : try req.query.decode(QueueForm.self)
        let open = ReferralStatus.allCases.filter(\.isOpen)
        let referrals = try await Referral.query(on: req.db).filter(\.$status ~~ open).with(\.$subjects).with(
            \.$allocatedTo
        ).all()
        let now = req.now
        let requests = try await InformationRequest.query(on: req.db).filter(
            \.$referral.$id ~~ referrals.compactMap(\.id)
        ).all()
        let overdue = Dictionary(grouping: requests.filter { $0.isOverdue(at: now) }, by: { $0.$referral.id })
            .mapValues(\.count)
        let items = try referrals.map { r in
            try r.queueItem(subjects: r.subjects.map(\.fullName), overdueRequests: overdue[r.id!] ?? 0)
        }
        let names = Dictionary(
            referrals.compactMap { r in r.allocatedTo.map { ($0.id!.uuidString, $0.displayName) } },
            uniquingKeysWith: { a, _ in a })
        let shown = MASHQueue.sorted(items.filter { form.filter.includes($0, now: now) }, by: form.sortOrder)
        try await req.audit.record(
            viewer.event(.view, "mash-queue", form.filter.text.isEmpty ? "" : "text=\(form.filter.text)", on: req),
            on: req.db)
        return MASHQueueView(
            items: shown, counts: MASHQueue.counts(items, now: now), form: form, allocatedNames: names,
            viewerID: viewer.userID,
            districts: try await District.query(on: req.db).sort(\.$name).all().map { ($0.id!.uuidString, $0.name) },
            workers: try await Self.workers(on: req.db), now: now
        ).render(on: req)
    }
}
