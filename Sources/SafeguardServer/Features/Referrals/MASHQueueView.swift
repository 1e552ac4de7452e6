import SafeguardCore
import Vapor

/// The MASH queue page: counts that link to what they count, filters, and the referrals in the order chosen.
struct MASHQueueView {
    var items: [MASHQueue.Item]
    var counts: [MASHQueue.Count]
    var form: MASHController.QueueForm
    var allocatedNames: [String: String]
    var viewerID: UUID
    var districts: [(String, String)]
    var workers: [(id: UUID, name: String)]
    var now: Date

    func render(on req: Request) -> Response {
        req.page("MASH queue", section: .mash) {
            el("h1", .class("sg-heading-l")) { "MASH queue" }
            el("p", .class("sg-body")) {
                el("a", .href(.strategyDiscussionReport), .class("sg-link")) { "Strategy discussion timeliness" }
            }
            el("ul", .class("sg-key-facts"), .id("queue-counts")) {
                for c in counts {
                    el("li", .class("sg-key-facts__item")) {
                        el(
                            "a", Attr("href", SiteURL.mash.with(query: Self.query(for: c.filter))),
                            .class("sg-link sg-key-facts__link")
                        ) {
                            el("span", .class("sg-key-facts__value")) { String(c.number) }
                            el("span", .class("sg-key-facts__label")) { c.label }
                        }
                    }
                }
            }
            filters(csrf: req.csrfToken)
            Components.table(
                caption: "\(Words.count(items.count, "open referral")), \(form.sortOrder.displayName.lowercased())",
                headers: [
                    "Reference", "About", "Received", "Referrer's urgency", "RAG", "Allocated to", "Partners overdue",
                    "Decision",
                ],
                rows: items.map(row))
        }
    }

    private func row(_ r: MASHQueue.Item) -> [Node] {
        [
            fragment {
                el("a", .href(.referral(UUID(uuidString: r.id)!)), .class("sg-link sg-nowrap")) { r.reference }
                if r.isUrgent(at: now) {
                    " "
                    Components.tag("Urgent", colour: "red")
                }
            },
            .text(r.subjects.joined(separator: ", ")),
            .text(r.submittedAt.map { SiteFormat.age(from: $0, to: now) } ?? ""),
            urgencyTag(r.urgency),
            MASHTags.rag(r.rag),
            .text(
                r.allocatedTo.map { $0 == viewerID.uuidString ? "You" : (allocatedNames[$0] ?? "") } ?? "Not allocated"),
            .text(String(r.overdueRequests)),
            r.status == .awaitingSignOff
                ? MASHTags.status(r.status) : MASHTags.clock(due: r.decisionDueAt, open: true, now: now),
        ]
    }

    private func urgencyTag(_ u: ReferralUrgency) -> Node {
        switch u {
        case .immediate: Components.tag("Immediate", colour: "red")
        case .today: Components.tag("Today", colour: "orange")
        case .standard: Components.tag("Usual timescales", colour: "grey")
        }
    }

    private func filters(csrf: String) -> Node {
        el("form", .postMethod, .action(.mash), .class("sg-queue-filters"), Attr("novalidate", nil)) {
            Components.csrfField(csrf)
            el("div", .class("sg-queue-filters__row")) {
                Components.textInput(
                    "text", label: "Reference or name", value: form.text ?? "", errors: FormErrors(), width: "20",
                    autocomplete: "off")
                Components.select(
                    "status", label: "Status",
                    options: [("", "All open")]
                        + ReferralStatus.allCases.filter(\.isOpen).map { ($0.rawValue, $0.displayName) },
                    selected: form.status ?? "", errors: FormErrors())
                Components.select(
                    "worker", label: "Allocated to",
                    options: [("", "Anyone or nobody"), (MASHQueue.Filter.unallocated, "Not allocated")]
                        + workers.map { ($0.id.uuidString, $0.id == viewerID ? "Me (\($0.name))" : $0.name) },
                    selected: form.worker ?? "", errors: FormErrors())
                Components.select(
                    "district", label: "District", options: [("", "All districts")] + districts,
                    selected: form.district ?? "", errors: FormErrors())
                Components.select(
                    "sort", label: "Sort by", options: MASHQueue.Sort.allCases.map { ($0.rawValue, $0.displayName) },
                    selected: form.sortOrder.rawValue, errors: FormErrors())
            }
            if let overdue = form.overdue {
                void("input", attrs: [.type("hidden"), .name("overdue"), .value(overdue)])
            }
            el("div", .class("sg-button-group")) {
                Components.button("Apply", kind: "secondary")
                el("a", .href(.mash), .class("sg-link")) { "Clear filters" }
            }
        }
    }

    /// The web address of a count's filter: statuses, "unallocated" and overdue flags only, never a name.
    static func query(for f: MASHQueue.Filter) -> [(String, String)] {
        var q: [(String, String)] = []
        if let s = f.status { q.append(("status", s.rawValue)) }
        if !f.worker.isEmpty { q.append(("worker", f.worker)) }
        if f.decisionOverdue { q.append(("overdue", "decision")) }
        if f.requestsOverdue { q.append(("overdue", "requests")) }
        return q
    }
}
