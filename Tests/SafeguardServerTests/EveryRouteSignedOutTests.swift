import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 18, item 6 (the signed-out half): every route the server registers refuses someone who is not signed in,
/// except the few that are public by design, each listed with why. A new route without protection fails here
/// without anyone having to remember to write its denial test.
final class EveryRouteSignedOutTests: ServerTestCase {
    /// Served to everyone, by design. A route is added here only with its reason.
    static let publicRoutes: [String: String] = [
        "GET /sign-in": "where signing in starts",
        "POST /sign-in": "signing in",
        "GET /health": "the load balancer's liveness check; says only 'ok'",
        "GET /ready": "the load balancer's readiness check; names only the database kind",
        "GET /metrics":
            "Prometheus; refused unless from SAFEGUARD_METRICS_ALLOW or with the metrics token (its own test)",
        "GET /api/v1/openapi.json": "the API's published description",
        "GET /register": "training self-registration with an agency's key, for people with no account yet",
        "POST /register": "the same, sent",
    ]

    func testEveryRouteRefusesTheSignedOutButThosePublicByDesign() async throws {
        var unprotected: [String] = []
        var checked = 0
        for route in app.routes.all {
            let key = Self.key(route)
            if Self.publicRoutes[key] != nil { continue }
            let path = Route.madeUpPath(route)
            let stranger = browser()
            let res: XCTHTTPResponse
            switch route.method {
            case .GET: res = try await stranger.get(path)
            case .POST: res = try await stranger.post(path, [])
            default: res = try await app.sendRequest(route.method, path)
            }
            checked += 1
            let toSignIn = res.status == .seeOther && (res.location ?? "").hasPrefix(SiteURL.signIn.path)
            if !(toSignIn || res.status == .unauthorized || res.status == .forbidden) {
                unprotected.append("\(key) → \(res.status.code) \(res.location ?? "")")
            }
        }
        XCTAssertGreaterThan(checked, 100)
        XCTAssertEqual(
            unprotected, [], "routes that answer someone not signed in:\n" + unprotected.joined(separator: "\n"))
    }

    /// "GET /sign-in": the route's method and pattern, as the public list spells them.
    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }
}

/// Issue 18, item 6 (a role the policy denies, in part): a practitioner with training only is refused everywhere
/// outside training, their messages and the published learning, before any record is looked up: a made-up id is
/// "you cannot see this", never "not found", so nothing tells them which records exist.
final class EveryRouteLearnerTests: ServerTestCase {
    /// What a learner may use (their own training, messages, kept forms, the published briefings), and the routes
    /// that are open or token-protected; everything else must answer 403.
    static let learnerMayUse: Set<String> = [
        "GET ", "GET session/keep-alive", "GET sign-in", "POST sign-in", "POST sign-out", "GET register",
        "POST register",
        "GET kept-forms/:keptID", "POST kept-forms/:keptID/send", "POST kept-forms/:keptID/discard",
        "GET notifications", "GET learning", "GET learning/briefings/:briefingID",
        "POST learning/briefings/:briefingID/read",
        "GET health", "GET ready", "GET metrics",
    ]

    func testALearnerIsRefusedEverywhereOutsideTheirOwnTrainingBeforeAnyRecordIsLookedUp() async throws {
        let learner = try await signedIn(fx[.learner])
        var answered: [String] = []
        var checked = 0
        for route in app.routes.all {
            let pattern = route.path.map(\.description).joined(separator: "/")
            let key = "\(route.method.rawValue) \(pattern)"
            if Self.learnerMayUse.contains(key) || pattern.hasPrefix("training") || pattern.hasPrefix("api/") {
                continue
            }
            let path = Route.madeUpPath(route)
            let res = route.method == .GET ? try await learner.get(path) : try await learner.post(path, [])
            checked += 1
            if res.status != .forbidden { answered.append("\(key) → \(res.status.code) \(res.location ?? "")") }
        }
        XCTAssertGreaterThan(checked, 150)
        XCTAssertEqual(answered, [], "routes that do not refuse a learner:\n" + answered.joined(separator: "\n"))
    }
}

extension Route {
    /// The route's address with a made-up id for each parameter: a record that does not exist, so a route that looked
    /// it up before asking who is there would say "not found", telling someone which records exist.
    static func madeUpPath(_ route: Route) -> String {
        "/"
            + route.path.map { c -> String in
                switch c {
                case .parameter: UUID().uuidString
                case .anything, .catchall: "x"
                case .constant(let text): text
                }
            }.joined(separator: "/")
    }
}
