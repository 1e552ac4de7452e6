import SafeguardCore
import Vapor

/// The frame around every page: skip link, header with the signed-in user, service navigation
/// built from what the viewer's role may do, and the footer.
package struct Layout {
    package enum Section: Sendable {
        case myWork, people, referrals, mash, requests, incidentAlerts, protectionStatusCheck, cuckooing, exploitation,
            vulnerability, training, trainingManage, trainingReports, agencyTraining, learning, seriousIncidents,
            disagreements, actionPlan, sars, practiceReviews, admin, audit, none
    }

    package var title: String
    package var viewer: Viewer?
    package var csrf: String
    package var section: Section = .none
    /// A page with errors puts "Error: " before its title, so screen readers hear it first.
    package var hasErrors = false
    /// For a signed-in page: when the session ends if nothing happens, for the warning before it.
    package var session: SessionClock? = nil
    package var unreadMessages = 0

    package struct SessionClock {
        /// Seconds left, and until the warning shows (``KeptFormRules/warningDelay(remaining:)``).
        package var remaining: Int, warnAfter: Int
        /// "5 December 2026, 10:32am": said on the page, for when the script does not run.
        package var endsAt: String
    }

    package func render(_ main: Node) -> String {
        let doc = el("html", .class("sg-template"), Attr("lang", "en-GB")) {
            el("head") {
                void("meta", Attr("charset", "utf-8"))
                el("title") { (hasErrors ? "Error: " : "") + title + " – Safeguard" }
                void("meta", .name("viewport"), Attr("content", "width=device-width, initial-scale=1"))
                void("meta", .name("robots"), Attr("content", "noindex, nofollow"))
                void("link", Attr("rel", "icon"), .href(.favicon), .type("image/svg+xml"))
                void("link", Attr("rel", "stylesheet"), .href(.stylesheet))
                void("link", Attr("rel", "stylesheet"), .href(.printStylesheet), Attr("media", "print"))
            }
            el("body", attrs: [.class("sg-body")] + sessionAttributes) {
                el("a", Attr("href", "#main-content"), .class("sg-skip-link")) { "Skip to main content" }
                header
                navigation
                el("div", .class("sg-width-container")) {
                    el("main", .class("sg-main-wrapper"), .id("main-content"), Attr("tabindex", "-1")) { main }
                }
                footer
                timeoutWarning
                el("script", Attr("src", "/js/safeguard.js"), .flag("defer"))
            }
        }
        return "<!DOCTYPE html>" + doc.render()
    }

    private var header: Node {
        el("header", .class("sg-header")) {
            el("div", .class("sg-header__container sg-width-container")) {
                el("a", .href(.home), .class("sg-header__logo")) { "Safeguard" }
                if let viewer {
                    el("div", .class("sg-header__account")) {
                        if viewer.mayEver(.searchPeople) { headerSearch }
                        el("span", .class("sg-header__user")) { "\(viewer.displayName), \(viewer.agencyName)" }
                        el("a", .href(.notifications), .class("sg-header__link"), .id("header-messages")) {
                            unreadMessages > 0 ? "Messages (\(unreadMessages))" : "Messages"
                            if unreadMessages > 0 { el("span", .class("sg-visually-hidden")) { " unread" } }
                        }
                        el("form", .class("sg-header__signout"), .postMethod, .action(.signOut)) {
                            Components.csrfField(csrf)
                            el("button", .type("submit"), .class("sg-header__link")) { "Sign out" }
                        }
                    }
                }
            }
        }
    }

    /// People search from every page. It posts, so the names searched for stay out of web addresses and logs.
    private var headerSearch: Node {
        el("form", .class("sg-header__search"), .postMethod, .action(.peopleSearch), Attr("role", "search")) {
            Components.csrfField(csrf)
            el("label", .class("sg-visually-hidden"), .for("header-search")) {
                "Search for a person by name, NHS number or reference"
            }
            void(
                "input",
                attrs: [
                    .class("sg-header__search-input"), .id("header-search"), .name("q"), .type("search"),
                    Attr("autocomplete", "off"), Attr("placeholder", "Find a person"),
                ])
            el("button", .type("submit"), .class("sg-header__search-button")) { "Search" }
        }
    }

    private var navigation: Node {
        guard let viewer else { return .empty }
        var items: [(String, SiteURL, Section)] = []
        if viewer.role.worksCases || viewer.mayEver(.manageSeriousIncidents) {
            items.append(("My work", .myWork, .myWork))
        }
        if viewer.mayEver(.viewReferral) { items.append(("MASH queue", .mash, .mash)) }
        if viewer.mayEver(.searchPeople) { items.append(("People", .people, .people)) }
        if viewer.mayEver(.submitReferral) { items.append(("Referrals", .referrals, .referrals)) }
        if viewer.role.worksCases { items.append(("Information requests", .informationRequests, .requests)) }
        if viewer.mayEver(.checkProtectionStatus) {
            items.append(("Status check", .protectionStatusCheck, .protectionStatusCheck))
        }
        if viewer.mayEver(.reviewIncidentAlert) { items.append(("Incident alerts", .incidentAlerts, .incidentAlerts)) }
        if viewer.mayEver(.manageExploitationPanel) {
            items.append(("Exploitation panel", .exploitationPanel, .exploitation))
        }
        if viewer.mayEver(.viewVulnerabilityDashboard) {
            items.append(("Vulnerable young people", .vulnerabilityDashboard, .vulnerability))
        }
        // The register is for those who act on it: police and the exploitation panel's members.
        if viewer.mayEver(.recordCuckooing)
            && (viewer.agencyKind == .police || viewer.mayEver(.manageExploitationPanel))
        {
            items.append(("Cuckooing", .cuckooing, .cuckooing))
        }
        if viewer.mayEver(.viewSeriousIncidents) {
            items.append(("Serious incidents", .seriousIncidents, .seriousIncidents))
        }
        if viewer.mayEver(.viewSARs) { items.append(("Adults reviews", .sars, .sars)) }
        if viewer.mayEver(.readLearning) { items.append(("Learning", .learning, .learning)) }
        if viewer.mayEver(.viewSeriousIncidents) || viewer.mayEver(.viewSARs) || viewer.mayEver(.viewThematicAnalysis) {
            items.append(("Practice reviews", .practiceReviews, .practiceReviews))
        }
        if viewer.mayEver(.viewActionPlan) { items.append(("Action plan", .actionPlan, .actionPlan)) }
        if viewer.mayEver(.raiseDisagreement) || viewer.mayEver(.handleDisagreement) {
            items.append(("Disagreements", .disagreements, .disagreements))
        }
        if viewer.mayEver(.bookTraining) { items.append(("Training", .training, .training)) }
        if viewer.mayEver(.manageTraining) { items.append(("Manage training", .trainingManage, .trainingManage)) }
        if viewer.mayEver(.viewTrainingReports) {
            items.append(("Training reports", .trainingReports, .trainingReports))
        }
        if viewer.mayEver(.viewAgencyTraining) { items.append(("Agency training", .trainingAgency, .agencyTraining)) }
        if viewer.mayEver(.manageUsers) { items.append(("Administration", .admin, .admin)) }
        if viewer.mayEver(.reviewAuditTrail) { items.append(("Audit", .auditReview, .audit)) }
        guard !items.isEmpty else { return .empty }
        // The first few fit one row at desktop width; the rest sit under "More". On a phone the script folds
        // the whole list behind a "Menu" button; without the script the list simply shows.
        let primary = items.prefix(Self.primaryNavigationItems)
        let more = Array(items.dropFirst(Self.primaryNavigationItems))
        let current = more.first { $0.2 == section }
        return el("nav", .class("sg-service-navigation"), .aria("label", "Menu")) {
            el("div", .class("sg-width-container")) {
                el(
                    "button", .type("button"), .class("sg-service-navigation__toggle"),
                    Attr("aria-controls", "navigation-list"),
                    Attr("aria-expanded", "false")
                ) { "Menu" }
                el("ul", .class("sg-service-navigation__list"), .id("navigation-list")) {
                    for item in primary { navigationItem(item) }
                    if !more.isEmpty {
                        el(
                            "li",
                            .class(
                                current != nil
                                    ? "sg-service-navigation__item sg-service-navigation__more sg-service-navigation__item--active"
                                    : "sg-service-navigation__item sg-service-navigation__more")
                        ) {
                            el("details", .class("sg-service-navigation__details")) {
                                el("summary", .class("sg-service-navigation__link")) {
                                    "More"
                                    if let current {
                                        el("span", .class("sg-visually-hidden")) {
                                            ", including \(current.0), the current page"
                                        }
                                    }
                                }
                                el("ul", .class("sg-service-navigation__sublist")) {
                                    for item in more { navigationItem(item) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    package static let primaryNavigationItems = 6

    private func navigationItem(_ item: (String, SiteURL, Section)) -> Node {
        let (label, url, s) = item
        return el(
            "li",
            .class(
                s == section
                    ? "sg-service-navigation__item sg-service-navigation__item--active" : "sg-service-navigation__item")
        ) {
            el(
                "a",
                attrs: [.href(url), .class("sg-service-navigation__link")]
                    + (s == section ? [Attr("aria-current", "true")] : [])
            ) { label }
        }
    }

    private var sessionAttributes: [Attr] {
        guard let session else { return [] }
        return [
            Attr("data-session-seconds", String(session.remaining)),
            Attr("data-session-warning", String(session.warnAfter)),
            Attr("data-keep-alive", SiteURL.sessionKeepAlive.path),
        ]
    }

    /// The GOV.UK timeout warning: a dialog the script opens before the session ends. Without the
    /// script it never shows, and the footer says when the session ends instead.
    private var timeoutWarning: Node {
        guard session != nil else { return .empty }
        return el(
            "dialog", .class("sg-timeout-dialog"), .id("timeout-warning"), Attr("aria-labelledby", "timeout-title"),
            Attr("aria-describedby", "timeout-text")
        ) {
            el("h2", .class("sg-heading-m"), .id("timeout-title")) { "You will be signed out soon" }
            el("p", .class("sg-body"), .id("timeout-text")) {
                "To protect people's information, you will be signed out in "
                el("span", Attr("data-countdown", nil)) { "5 minutes" }
                " if you do nothing. Anything you have typed stays on this page."
            }
            el("p", .class("sg-body"), .id("timeout-ended"), Attr("hidden", nil)) {
                "What you typed is still on this page. When you send it, you will be asked to sign in, then shown what you typed to send again."
            }
            el("button", .type("button"), .class("sg-button"), Attr("data-action", "stay-signed-in")) {
                "Stay signed in"
            }
            el(
                "button", .type("button"), .class("sg-button sg-button--secondary"),
                Attr("data-action", "close-timeout")
            ) { "Close" }
        }
    }

    private var footer: Node {
        el("footer", .class("sg-footer")) {
            el("div", .class("sg-width-container")) {
                if let session {
                    el("p", .class("sg-footer__meta sg-body-s"), .id("session-notice")) {
                        "For your security you will be signed out at \(session.endsAt) if you do nothing before then. "
                        "Anything you send after that is kept, for you to check and send once you sign in again."
                    }
                }
                el("p", .class("sg-footer__meta sg-body-s")) {
                    "Safeguard is for authorised partnership staff. Every view of a person's record is recorded. Share only what is necessary, proportionate, relevant, accurate, timely and secure."
                }
            }
        }
    }
}

extension Request {
    /// Renders a page in the layout as an HTML response.
    func page(
        _ title: String, section: Layout.Section = .none, hasErrors: Bool = false, status: HTTPStatus = .ok,
        @NodeBuilder _ content: () -> [Node]
    ) -> Response {
        let remaining = sessionEndsAt.map { max(0, Int($0.timeIntervalSince(now))) }
        let clock = remaining.map { r in
            Layout.SessionClock(
                remaining: r, warnAfter: Int(KeptFormRules.warningDelay(remaining: TimeInterval(r))),
                endsAt: SiteFormat.dateTime(sessionEndsAt!))
        }
        let layout = Layout(
            title: title, viewer: viewer, csrf: csrfToken, section: section, hasErrors: hasErrors,
            session: viewer == nil ? nil : clock,
            unreadMessages: unreadMessages)
        let html = layout.render(.fragment(content()))
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html))
    }
}
