import Fluent
import SafeguardCore
import Vapor

/// A recorded strategy discussion as the referral page shows it, with its timeliness: how
/// many working days after the referral arrived it was held.
struct StrategyDiscussionSummary: Sendable {
    var heldAt: Date
    var agencies: [String]
    var attendees: String
    var informationShared: String
    var section47: Bool
    var decisions: String
    var actions: String
    var conferenceDue: SimpleDate?
    var workingDaysAfterReferral: Int?

    static func load(for referral: Referral, on req: Request) async throws -> [StrategyDiscussionSummary] {
        let list = try await StrategyDiscussion.query(on: req.db).filter(\.$referral.$id == referral.requireID())
            .with(\.$agencies).sort(\.$heldAt).all()
        let calendar = req.safeguard.calendar
        return list.map { d in
            StrategyDiscussionSummary(
                heldAt: d.heldAt, agencies: d.agencies.map(\.name).sorted(), attendees: d.attendees,
                informationShared: d.informationShared,
                section47: d.section47, decisions: d.decisions, actions: d.actions,
                conferenceDue: d.conferenceDue.flatMap(SimpleDate.init(iso:)),
                workingDaysAfterReferral: referral.submittedAt.map {
                    calendar.workingDays(from: SimpleDate($0), to: SimpleDate(d.heldAt))
                })
        }
    }

    static func section(_ list: [StrategyDiscussionSummary], referralID: UUID, mayRecord: Bool) -> Node {
        fragment {
            el("h2", .class("sg-heading-m")) { "Strategy discussions" }
            if list.isEmpty { el("p", .class("sg-body")) { "None recorded." } }
            for d in list {
                Components.summaryList([
                    (
                        "Held",
                        .text(
                            SiteFormat.dateTime(d.heldAt)
                                + (d.workingDaysAfterReferral.map {
                                    $0 == 0
                                        ? " (the day the referral arrived)"
                                        : $0 == 1
                                            ? " (1 working day after the referral)"
                                            : " (\($0) working days after the referral)"
                                } ?? ""))
                    ),
                    ("Agencies", .text(d.agencies.joined(separator: ", "))),
                    ("Who took part", .text(d.attendees)),
                    ("Information shared", .text(d.informationShared)),
                    (
                        "Section 47 enquiry",
                        .text(
                            d.section47
                                ? "Yes"
                                    + (d.conferenceDue.map {
                                        ": initial child protection conference due by \($0.longText)"
                                    } ?? "") : "No")
                    ),
                    ("Decisions", .text(d.decisions)),
                    ("Actions", .text(d.actions.isEmpty ? "None recorded" : d.actions)),
                ])
            }
            if mayRecord {
                el("p", .class("sg-body")) {
                    el("a", .href(.referralStrategyDiscussion(referralID)), .class("sg-link")) {
                        "Record a strategy discussion"
                    }
                }
            }
        }
    }
}
