import SafeguardCore

/// "Is this a home already recorded?": asked on the address forms when the matcher is unsure. Nothing is
/// chosen for the user: filing a person at the wrong house would put them in a stranger's household.
struct KnownHomeQuestion {
    var offered: [PossibleHome]
    var chosen: String
    var errors: FormErrors

    var node: Node {
        el("div", .class("sg-inset-text"), .id("known-homes")) {
            el("p", .class("sg-body")) {
                "We have already recorded \(Words.count(offered.count, "home", "homes")) like this address. "
                "If it is one of them, choose it, so everyone living there shows in one household and the police get one marker for the door."
            }
            void("input", attrs: [.type("hidden"), .name("home-asked"), .value("yes")])
            Components.radios(
                "home", legend: "Is this one of these homes?",
                options: offered.map { ($0.home.id, "Yes: \($0.home.singleLine)") } + [
                    ("new", "No, it is a different address")
                ],
                selected: chosen, errors: errors)
        }
    }
}
