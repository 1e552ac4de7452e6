import SafeguardCore
import Vapor

extension MASHReferralSections {
    /// The partners to ask, grouped by kind with those already working with the child first. Nothing is
    /// ticked for the manager. A filter box (added by the script; every box shows without it) narrows the list.
    static func partnerChoice(_ r: MASHReferralRecord, errors: FormErrors) -> Node {
        el(
            "div", .class(errors["agencies"] != nil ? "sg-form-group sg-form-group--error" : "sg-form-group"),
            .id("partner-choice")
        ) {
            el("fieldset", .class("sg-fieldset")) {
                el("legend", .class("sg-fieldset__legend sg-fieldset__legend--s")) {
                    "Which partners should search their records?"
                }
                el("div", .class("sg-hint"), .id("agencies-hint")) {
                    "Select all that apply. Agencies already asked are not listed."
                }
                if let e = errors["agencies"] { Components.errorMessage("agencies", e) }
                el(
                    "div", .class("sg-form-group sg-filter"), Attr("data-filter-for", "partner-groups"),
                    Attr("hidden", nil)
                ) {
                    el("label", .class("sg-label"), .for("partner-filter")) { "Find an agency" }
                    void(
                        "input",
                        attrs: [
                            .class("sg-input sg-input--width-20"), .id("partner-filter"), .type("search"),
                            Attr("autocomplete", "off"),
                        ])
                }
                el("div", .id("partner-groups")) {
                    for (g, group) in r.partnerGroups.enumerated() {
                        el("div", .class("sg-checkbox-group"), Attr("data-filter-group", nil)) {
                            el("h3", .class("sg-heading-s sg-checkbox-group__title")) { group.title }
                            el("div", .class("sg-checkboxes")) {
                                for (i, agency) in group.agencies.enumerated() {
                                    let id = g == 0 && i == 0 ? "agencies" : "agency-\(agency.id)"
                                    el("div", .class("sg-checkboxes__item")) {
                                        void(
                                            "input", .class("sg-checkboxes__input"), .id(id), .name("agencies[]"),
                                            .type("checkbox"), .value(agency.id))
                                        el("label", .class("sg-label sg-checkboxes__label"), .for(id)) { agency.name }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
