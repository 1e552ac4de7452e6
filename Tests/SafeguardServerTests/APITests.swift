import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

final class APITests: ServerTestCase {
    /// A partner system's search for everyone called Smith.
    let smiths = SiteURL.api(.people).with(query: [("q", "smith")])

    /// Issues a token through the admin page, as an administrator would, and returns it.
    func issueToken(agency: UUID, permissions: [String]) async throws -> String {
        try await Self.issue(in: self, agency: agency, permissions: permissions)
    }

    static func issue(in test: ServerTestCase, agency: UUID, permissions: [String]) async throws -> String {
        let fx = test.fx!
        let admin = try await test.signedIn(fx[.partnershipAdmin])
        let res = try await admin.post(
            .adminTokens,
            [("name", "Case system"), ("agency", agency.uuidString)] + permissions.map { ("permissions[]", $0) })
        XCTAssertEqual(res.status, .ok)
        let marker = "<code id=\"new-token\">"
        let start = try XCTUnwrap(res.text.range(of: marker)).upperBound
        let end = try XCTUnwrap(res.text[start...].range(of: "</code>")).lowerBound
        return String(res.text[start..<end])
    }

    func get(_ path: String, token: String?) async throws -> XCTHTTPResponse {
        var h = HTTPHeaders()
        if let token { h.bearerAuthorization = .init(token: token) }
        return try await app.sendRequest(.GET, path, headers: h)
    }

    func post(_ path: String, token: String, json: String) async throws -> XCTHTTPResponse {
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: token)
        h.contentType = .json
        return try await app.sendRequest(.POST, path, headers: h, body: ByteBuffer(string: json))
    }

    func testNoTokenIsAProblemDocument() async throws {
        let res = try await get(smiths, token: nil)
        XCTAssertEqual(res.status, .unauthorized)
        XCTAssertEqual(res.headers.first(name: .contentType), "application/problem+json")
        XCTAssertTrue(res.text.contains("\"status\":401"))
    }

    func testATokenSeesOnlyPeopleItsAgencyIsInvolvedWith() async throws {
        let token = try await issueToken(agency: fx.school, permissions: ["people:read"])
        let list = try await get(smiths, token: token)
        XCTAssertEqual(list.status, .ok)
        let body = try JSONDecoder().decode(PersonListDTO.self, from: Data(list.text.utf8))
        XCTAssertEqual(body.people.map(\.firstName), ["Kayla"], "the school is involved with Kayla, not her mother")
        XCTAssertEqual(body.people.first?.currentPostcode, "NM4 2AB")
        assertEqual(try await get(SiteURL.api(.person(fx.kayla)).path, token: token).status, .ok)
        let hidden = try await get(SiteURL.api(.person(fx.shannon)).path, token: token)
        XCTAssertEqual(hidden.status, .notFound, "the same answer as an id that does not exist")
        assertTrue(try await auditEntries().contains { $0.action == "export" && $0.userID.hasPrefix("api-token:") })
    }

    func testAnInactiveAgencysTokensStopWorking() async throws {
        let token = try await issueToken(agency: fx.school, permissions: ["people:read"])
        let school = try await Agency.find(fx.school, on: app.db)!
        school.active = false
        try await school.save(on: app.db)
        assertEqual(try await get(smiths, token: token).status, .unauthorized)
    }

    func testARevokedTokenStopsWorking() async throws {
        let token = try await issueToken(agency: fx.school, permissions: ["people:read"])
        let admin = try await signedIn(fx[.partnershipAdmin])
        let stored = try await APIToken.query(on: app.db).first()!
        XCTAssertNotEqual(stored.tokenHash, token, "only a hash is stored")
        _ = try await admin.post(.adminTokenRevoke(stored.id!), [])
        assertEqual(try await get(smiths, token: token).status, .unauthorized)
    }

    func testPermissionsAreEnforced() async throws {
        let token = try await issueToken(agency: fx.school, permissions: ["people:read"])
        let res = try await post(SiteURL.api(.people).path, token: token, json: "{}")
        XCTAssertEqual(res.status, .forbidden)
        XCTAssertTrue(res.text.contains("people:write"))
    }

    func testCreatingAPersonValidatesEveryField() async throws {
        let token = try await issueToken(agency: fx.hospital, permissions: ["people:read", "people:write"])
        let bad = try await post(
            SiteURL.api(.people).path, token: token,
            json:
                #"{"firstName":"Ben","lastName":"","dateOfBirth":"2019-02-30","gender":"male","ethnicity":"Not known","nhsNumber":"1234567890"}"#
        )
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertEqual(bad.headers.first(name: .contentType), "application/problem+json")
        let problem = try JSONDecoder().decode(Problem.self, from: Data(bad.text.utf8))
        XCTAssertEqual(Set(problem.errors?.map(\.field) ?? []), ["lastName", "dateOfBirth", "nhsNumber"])
        let good = try await post(
            SiteURL.api(.people).path, token: token,
            json:
                #"{"firstName":"Ben","lastName":"Carter","dateOfBirth":"2019-02-28","gender":"male","ethnicity":"Not known","address":{"line1":"3 Rowan Close","town":"Calder Vale","postcode":"nm4 2ab"}}"#
        )
        XCTAssertEqual(good.status, .created)
        let created = try JSONDecoder().decode(PersonDTO.self, from: Data(good.text.utf8))
        XCTAssertEqual(good.headers.first(name: .location), SiteURL.api(.person(created.id)).path)
        XCTAssertEqual(created.currentPostcode, "NM4 2AB")
        assertEqual(
            try await get(SiteURL.api(.person(created.id)).path, token: token).status, .ok,
            "the creating agency is involved")
    }

    func testMalformedJSONIsABadRequest() async throws {
        let token = try await issueToken(agency: fx.hospital, permissions: ["people:write"])
        let res = try await post(SiteURL.api(.people).path, token: token, json: "{not json")
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertEqual(res.headers.first(name: .contentType), "application/problem+json")
    }

    func testTheOpenAPIDocumentDescribesExactlyTheRoutesServed() async throws {
        let res = try await get(SiteURL.api(.openAPI).path, token: nil)
        XCTAssertEqual(res.status, .ok)
        let doc = try JSONSerialization.jsonObject(with: Data(res.text.utf8)) as! [String: Any]
        let paths = doc["paths"] as! [String: [String: Any]]
        var documented = Set<String>()
        for (path, ops) in paths {
            for method in ops.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                documented.insert("\(method.uppercased()) /api/v1\(path)")
            }
        }
        var served = Set<String>()
        for route in app.routes.all {
            let path =
                SiteURL.home.path
                + route.path.map { c -> String in
                    if case .parameter(let name) = c { return name == "personID" ? "{id}" : "{\(name)}" }
                    return c.description
                }.joined(separator: SiteURL.home.path)
            // Every route under the API's prefix, as the route table spells it, whatever SiteURL calls it.
            if path.hasPrefix("/api/v1") && path != SiteURL.api(.openAPI).path {
                served.insert("\(route.method.rawValue) \(path)")
            }
        }
        XCTAssertEqual(documented, served)
    }
}
