import SafeguardCore
import Vapor

extension MASHReferralSections {
    /// Who works the referral, and the form to allocate or take it. The worker list starts on
    /// "Choose a worker": allocating is a choice, never a default.
    static func allocation(_ r: MASHReferralRecord, csrf: String, errors: FormErrors) -> Node {
        el("div", .class("sg-inset-text"), .id("allocation")) {
            el("p", .class("sg-body")) {
                el("strong") { "Allocated to: " }
                if let name = r.allocatedTo {
                    r.allocatedToViewer ? "you" : name
                    if let at = r.allocatedAt { " (since \(SiteFormat.dateTime(at)))" }
                } else {
                    "nobody yet"
                }
            }
            if r.mayAllocateToOthers {
                el("form", .postMethod, .action(.referralAllocation(r.id)), Attr("novalidate", nil)) {
                    Components.csrfField(csrf)
                    Components.select(
                        "worker", label: r.allocatedTo == nil ? "Allocate to" : "Move to",
                        options: [("", "Choose a worker")]
                            + r.workers.map { ($0.id.uuidString, $0.id == r.viewerID ? "\($0.name) (you)" : $0.name) },
                        selected: "", errors: errors)
                    Components.button("Allocate", kind: "secondary")
                }
            } else if r.mayTake {
                el("form", .postMethod, .action(.referralAllocation(r.id))) {
                    Components.csrfField(csrf)
                    if let error = errors["worker"] { Components.errorMessage("worker", error) }
                    void("input", attrs: [.type("hidden"), .name("worker"), .value(r.viewerID.uuidString)])
                    Components.button("Take this referral", kind: "secondary")
                }
            }
        }
    }
}
