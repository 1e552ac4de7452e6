import Vapor

/// One detail where what a colleague saved meanwhile and what the form holds differ (``OpenedAs``).
struct EditDifference: Equatable {
    var field: String, savedNow: String, typed: String

    /// Where a record as saved now and as typed in its form differ, detail by detail. Each detail has the label the
    /// form gives it and how a form's values read as that detail, so formatting alone (spaces, a date's parts) is
    /// not shown as a difference and values are shown as the form shows them.
    static func between<Form>(
        saved: Form, typed: Form, _ details: [(label: String, reads: (Form) -> String)]
    ) -> [EditDifference] {
        details.compactMap { label, reads in
            let now = reads(saved)
            let mine = reads(typed)
            return now == mine ? nil : EditDifference(field: label, savedNow: now, typed: mine)
        }
    }
}

extension Components {
    /// Shown above a form, which keeps everything typed, when someone else saved the record after it was opened:
    /// nothing was saved, and here is where their version and the form differ. The form's next press saves it.
    static func changedMeanwhile(_ differences: [EditDifference], saved what: String) -> Node {
        el("div", .class("sg-notification-banner"), Attr("role", "alert"), .aria("labelledby", "meanwhile-title")) {
            el("div", .class("sg-notification-banner__header")) {
                el("h2", .class("sg-notification-banner__title"), .id("meanwhile-title")) { "Not saved yet" }
            }
            el("div", .class("sg-notification-banner__content")) {
                el("p", .class("sg-notification-banner__heading")) {
                    "Someone else saved changes to \(what) after you opened this form, so your changes have not been saved."
                }
                if differences.isEmpty {
                    el("p", .class("sg-body")) {
                        "What they saved is the same as what you typed. Save again to confirm it."
                    }
                } else {
                    table(
                        caption: "Where the saved version now differs from your form",
                        headers: ["Detail", "Saved now", "In your form"],
                        rows: differences.map {
                            [
                                .text($0.field), .text($0.savedNow.isEmpty ? "(empty)" : $0.savedNow),
                                .text($0.typed.isEmpty ? "(empty)" : $0.typed),
                            ]
                        })
                    el("p", .class("sg-body")) {
                        "Your form below still holds what you typed. Check it against what is saved now, change it if you need to, "
                        "then save: your version will replace theirs."
                    }
                }
            }
        }
    }

    /// The hidden field that carries a form's ``OpenedAs`` stamp back with it.
    static func openedAsField(_ stamp: String?) -> Node {
        void("input", .type("hidden"), .name("opened-as"), .value(stamp ?? ""))
    }
}
