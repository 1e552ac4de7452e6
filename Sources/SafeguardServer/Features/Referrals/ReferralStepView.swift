import SafeguardCore
import Vapor

/// The start page of the referral form.
struct ReferralStartView {
    func render(on req: Request) -> Response {
        req.page("Make a referral to the MASH", section: .referrals) { body(csrf: req.csrfToken) }
    }

    func body(csrf: String) -> Node {
        fragment {
            el("div", .class("sg-grid-row")) {
                el("div", .class("sg-grid-column-two-thirds")) {
                    el("h1", .class("sg-heading-xl")) { "Make a referral to the MASH" }
                    el("div", .class("sg-warning-text")) {
                        el("span", .class("sg-warning-text__icon"), .aria("hidden", "true")) { "!" }
                        el("strong", .class("sg-warning-text__text")) {
                            el("span", .class("sg-visually-hidden")) { "Warning" }
                            "If a child or adult is in immediate danger, call 999 now. Then make the referral."
                        }
                    }
                    el("p", .class("sg-body")) {
                        "Use this form when you are worried that a child or an adult with care and support needs is being, or is at risk of being, abused or neglected. You will need:"
                    }
                    el("ul", .class("sg-list sg-list--bullet")) {
                        el("li") { "names and dates of birth of the people concerned, if you know them" }
                        el("li") { "their address" }
                        el("li") { "what happened, what you saw or were told, and when" }
                        el("li") { "whether the family knows you are referring" }
                    }
                    el("p", .class("sg-body")) {
                        "You can leave and come back: your draft is saved after each page. You will get a reference, and you will be able to see the outcome."
                    }
                    el("form", .postMethod, .action(.referralNew)) {
                        Components.csrfField(csrf)
                        Components.button("Start now")
                    }
                }
            }
        }
    }
}

/// One question page of the referral form.
struct ReferralStepView {
    var step: SiteURL.ReferralStep
    var draft: ReferralDraft
    /// What was posted, shown again over the draft's answers when the page has problems.
    var form: [String: String]
    var errors: FormErrors
    /// Opened by a "Change" link on the check page: back and saving both return there.
    var fromCheck: Bool

    func value(_ key: String, _ stored: String) -> String { form[key] ?? stored }

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(step.title, section: .referrals, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        let id = draft.id
        let index = SiteURL.ReferralStep.allCases.firstIndex(of: step)! + 1
        // Back goes where the user came from: the check page, the question before, or the start page.
        let back: SiteURL =
            fromCheck
            ? .referralCheck(id)
            : index > 1 ? .referralStep(id, SiteURL.ReferralStep.allCases[index - 2]) : .referralNew
        return fragment {
            Components.backLink(back)
            el("div", .class("sg-grid-row")) {
                el("div", .class("sg-grid-column-two-thirds")) {
                    Components.errorSummary(errors)
                    el("span", .class("sg-caption-l")) {
                        "Referral, question \(index) of \(SiteURL.ReferralStep.allCases.count)"
                    }
                    el("h1", .class("sg-heading-l")) { step.title }
                    el("form", .postMethod, .action(.referralStep(id, step)), Attr("novalidate", nil)) {
                        Components.csrfField(csrf)
                        if fromCheck {
                            void("input", .type("hidden"), .name("return"), .value("check"))
                        }
                        fields
                    }
                }
            }
        }
    }

    @NodeBuilder
    var fields: [Node] {
        switch step {
        case .people: peopleFields
        case .address:
            Components.textInput(
                "address-line1", label: "Address line 1", value: value("address-line1", draft.addressLine1),
                errors: errors, autocomplete: "off")
            Components.textInput(
                "address-town", label: "Town or city", value: value("address-town", draft.addressTown),
                errors: errors, width: "20", autocomplete: "off")
            Components.textInput(
                "address-postcode", label: "Postcode (if known)",
                value: value("address-postcode", draft.addressPostcode), errors: errors, width: "10",
                autocomplete: "off")
            Components.button("Continue")
        case .concerns: concernFields
        case .sharing:
            Components.radios(
                "family-awareness", legend: "Does the family (or the adult) know?",
                options: FamilyAwareness.allCases.map { ($0.rawValue, $0.displayName) },
                selected: value("family-awareness", draft.familyAwareness?.rawValue ?? ""), errors: errors)
            Components.radios(
                "lawful-basis", legend: "On what basis are you sharing this information?",
                options: LawfulBasis.allCases.map { ($0.rawValue, $0.displayName) },
                selected: value("lawful-basis", draft.lawfulBasis?.rawValue ?? ""), errors: errors)
            el("div", .class("sg-inset-text")) {
                "You do not need consent to share information to protect a child or an adult at risk. Protecting them comes before privacy."
            }
            Components.button("Continue")
        case .contact:
            Components.radios(
                "urgency", legend: "How urgent is it?",
                options: ReferralUrgency.allCases.map { ($0.rawValue, $0.displayName) },
                selected: value("urgency", draft.urgency?.rawValue ?? ""), errors: errors)
            Components.textInput(
                "referrer-phone", label: "Your telephone number",
                value: value("referrer-phone", draft.referrerPhone), errors: errors,
                hint: "The MASH may call you to ask more", type: "tel", width: "20", autocomplete: "tel")
            Components.button("Continue")
        }
    }

    private var peopleFields: Node {
        fragment {
            if !draft.subjects.isEmpty {
                el("h2", .class("sg-heading-m")) { "People added" }
                Components.summaryList(
                    draft.subjects.map { s in
                        (s.name, .text(s.dob.map { "Born \($0.longText)" } ?? "Date of birth not known"))
                    })
                el("h2", .class("sg-heading-m")) { "Add another person (optional)" }
            }
            Components.textInput(
                "subject-first-name", label: "First name", value: form["subject-first-name"] ?? "", errors: errors,
                autocomplete: "off")
            Components.textInput(
                "subject-last-name", label: "Last name", value: form["subject-last-name"] ?? "", errors: errors,
                autocomplete: "off")
            Components.dateInput(
                "subject-dob", legend: "Date of birth (if known)", day: form["subject-dob-day"] ?? "",
                month: form["subject-dob-month"] ?? "",
                year: form["subject-dob-year"] ?? "", errors: errors, hint: "For example, 27 3 2015")
            Components.select(
                "subject-gender", label: "Gender",
                options: [("", "Select gender")] + Gender.allCases.map { ($0.rawValue, $0.displayName) },
                selected: form["subject-gender"] ?? "", errors: errors)
            Components.textInput(
                "subject-nhs-number", label: "NHS number (if known)", value: form["subject-nhs-number"] ?? "",
                errors: errors, width: "10", autocomplete: "off")
            el("div", .class("sg-button-group")) {
                el("button", .type("submit"), .name("action"), .value("continue"), .class("sg-button")) { "Continue" }
                el("button", .type("submit"), .name("action"), .value("add"), .class("sg-button sg-button--secondary"))
                { "Add this person and another" }
            }
        }
    }

    private var concernFields: Node {
        let chosen = Set(draft.concerns.map(\.rawValue))
        return fragment {
            el("div", .class(errors["concerns"] != nil ? "sg-form-group sg-form-group--error" : "sg-form-group")) {
                el("fieldset", .class("sg-fieldset"), .aria("describedby", "concerns-hint")) {
                    el("legend", .class("sg-fieldset__legend sg-fieldset__legend--s")) { "Kinds of concern" }
                    el("div", .class("sg-hint"), .id("concerns-hint")) { "Select all that apply" }
                    if let e = errors["concerns"] { Components.errorMessage("concerns", e) }
                    el("h3", .class("sg-heading-s")) { "About a child" }
                    checkboxes(ConcernCategory.forChildren, chosen: chosen, firstID: "concerns")
                    el("h3", .class("sg-heading-s")) { "About an adult" }
                    checkboxes(ConcernCategory.forAdults, chosen: chosen, firstID: nil)
                }
            }
            Components.textarea(
                "what-happened", label: "What happened?", value: form["what-happened"] ?? draft.whatHappened,
                errors: errors,
                hint:
                    "What you saw or were told, by whom and when; any injuries; who else was there. Facts first, then your view.",
                rows: 8)
            Components.button("Continue")
        }
    }

    private func checkboxes(_ list: [ConcernCategory], chosen: Set<String>, firstID: String?) -> Node {
        el("div", .class("sg-checkboxes")) {
            for (i, c) in list.enumerated() {
                let id = i == 0 && firstID != nil ? firstID! : "concern-\(c.rawValue)"
                el("div", .class("sg-checkboxes__item")) {
                    void(
                        "input",
                        attrs: [
                            .class("sg-checkboxes__input"), .id(id), .name("concerns[]"), .type("checkbox"),
                            .value(c.rawValue),
                        ]
                            + (chosen.contains(c.rawValue) ? [.flag("checked")] : []))
                    el("label", .class("sg-label sg-checkboxes__label"), .for(id)) { c.displayName }
                }
            }
        }
    }
}
