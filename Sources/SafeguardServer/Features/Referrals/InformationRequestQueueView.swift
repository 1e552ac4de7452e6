import SafeguardCore
import Vapor

/// A partner agency's MASH requests: those waiting, most urgent first, and those recently answered.
struct InformationRequestQueueView {
    /// One request, as `InformationRequestsController.queueRow(_:now:)` reads it.
    struct Row: Sendable {
        var id: UUID, reference: String, rag: RAGRating?, due: Date, overdue: Bool, chased: Bool, answeredAt: Date?
    }

    var agencyName: String
    var open: [Row]
    var done: [Row]

    func render(on req: Request) -> Response {
        req.page("Information requests", section: .requests) { body }
    }

    var body: Node {
        fragment {
            el("h1", .class("sg-heading-l")) { "MASH requests to \(agencyName)" }
            el("p", .class("sg-body")) {
                "Search your agency's records for the people named and say what you know, by the deadline."
            }
            Components.table(
                caption: "\(open.count) waiting for an answer, most urgent first",
                headers: ["Referral", "RAG", "Due", ""],
                rows: open.map { q in
                    [
                        el("a", .href(.informationRequest(q.id)), .class("sg-link sg-nowrap")) { q.reference },
                        MASHTags.rag(q.rag),
                        .text(SiteFormat.dateTime(q.due)),
                        q.overdue
                            ? Components.tag("Overdue", colour: "red")
                            : (q.chased ? Components.tag("Chased", colour: "orange") : .empty),
                    ]
                })
            if !done.isEmpty {
                Components.table(
                    caption: "Recently answered", headers: ["Referral", "Answered"],
                    rows: done.map { q in
                        [.text(q.reference), .text(q.answeredAt.map(SiteFormat.dateTime) ?? "")]
                    })
            }
        }
    }
}
