import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 18, item 6: every route says who it is for where it is registered (``RouteAccess``), and this walks them
/// all. For each route declared for some actions, every role the policy never permits any of them is sent there with
/// made-up record ids and must be refused, "you cannot see this", before any record is looked up. The declaration
/// lets no one in: the handlers decide, so a handler that forgets to ask the policy, or asks after looking its
/// record up, fails here for the first role it serves wrongly.
final class EveryRouteDeniedRoleTests: ServerTestCase {
    func testEveryRouteDeclaresWhoItIsFor() {
        let undeclared = app.routes.all.filter { $0.access == nil }.map(\.description)
        XCTAssertEqual(undeclared, [], "routes registered without saying who they are for")
        // Open to everyone only what the signed-out walk lists as public by design, each with its reason.
        let open = Set(app.routes.all.filter { $0.access == .everyone }.map(EveryRouteSignedOutTests.key))
        XCTAssertEqual(open, Set(EveryRouteSignedOutTests.publicRoutes.keys))
    }

    func testEveryRouteRefusesEachRoleThePolicyNeverPermitsItsActions() async throws {
        var kinds: [Role: AgencyKind] = [:]
        var browsers: [Role: Browser] = [:]
        for role in Role.allCases {
            let agency = try await Agency.find(fx[role].agencyID, on: app.db)
            kinds[role] = try XCTUnwrap(agency).kind
        }
        var served: [String] = []
        var refusals = 0
        for route in app.routes.all {
            guard case .anyOf(let actions)? = route.access else { continue }
            XCTAssertFalse(actions.isEmpty, "\(route.description) is declared for no action")
            let denied = Role.allCases.filter { role in
                !actions.contains { AccessPolicy.mayEver(role: role, agencyKind: kinds[role]!, action: $0) }
            }
            for role in denied {
                let b: Browser
                if let signedIn = browsers[role] {
                    b = signedIn
                } else {
                    b = try await signedIn(fx[role])
                    browsers[role] = b
                }
                let path = Route.madeUpPath(route)
                let res = route.method == .GET ? try await b.get(path) : try await b.post(path, [])
                if Self.isRefusal(res) {
                    refusals += 1
                } else {
                    served.append("\(EveryRouteSignedOutTests.key(route)) as \(role.rawValue) → \(res.status.code)")
                }
            }
        }
        XCTAssertGreaterThan(refusals, 1000)
        XCTAssertEqual(
            served, [], "routes that do not refuse a role the policy denies:\n" + served.joined(separator: "\n"))
    }

    func testEveryPartnerRouteRefusesATokenWithoutItsPermission() async throws {
        var served: [String] = []
        var checked = 0
        var tokens: [String: String] = [:]
        for route in app.routes.all {
            guard case .partnerToken(let permission)? = route.access else { continue }
            XCTAssertTrue(APIPrincipal.allPermissions.contains(permission), "\(route.description): \(permission)")
            let token: String
            if let issued = tokens[permission] {
                token = issued
            } else {
                let others = APIPrincipal.allPermissions.filter { $0 != permission }
                token = try await APITests.issue(in: self, agency: fx.police, permissions: others)
                tokens[permission] = token
            }
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: token)
            headers.contentType = .json
            let res = try await app.sendRequest(
                route.method, Route.madeUpPath(route), headers: headers, body: ByteBuffer(string: "{}"))
            checked += 1
            if res.status != .forbidden {
                served.append("\(EveryRouteSignedOutTests.key(route)) without \(permission) → \(res.status.code)")
            }
        }
        XCTAssertGreaterThan(checked, 8)
        XCTAssertEqual(
            served, [], "API routes that serve a token without their permission:\n" + served.joined(separator: "\n"))
    }

    /// Refused by the access policy, not by something else that also answers 403 (an expired form).
    static func isRefusal(_ res: XCTHTTPResponse) -> Bool {
        res.status == .forbidden && !res.body.string.contains("This form has expired")
    }
}
