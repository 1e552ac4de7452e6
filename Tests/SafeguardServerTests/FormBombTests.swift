import Foundation
import XCTVapor

@testable import SafeguardServer

/// A form body that would make the parser work quadratically is refused before it is parsed:
/// without the CSRF cookie, on a path that does not exist, over the route's size, or with more
/// fields than any page sends. Each answer comes in milliseconds.
final class FormBombTests: ServerTestCase {
    /// 40,000 `a[]=x` pairs, 240 KB: 15.7 s of CPU each before the fix.
    let bomb = Array(repeating: "a[]=x", count: 40_000).joined(separator: "&")

    func post(_ path: String, body: String, cookie: String? = nil) async throws -> (XCTHTTPResponse, TimeInterval) {
        var h = HTTPHeaders()
        h.contentType = .urlEncodedForm
        if let cookie { h.replaceOrAdd(name: .cookie, value: cookie) }
        let start = Date()
        let res = try await app.sendRequest(.POST, path, headers: h, body: ByteBuffer(string: body))
        return (res, Date().timeIntervalSince(start))
    }

    func testABombWithoutTheCookieIsRefusedUnread() async throws {
        for path in [SiteURL.signIn.path, SiteURL.register.path, SiteURL.people.path] {
            let (res, seconds) = try await post(path, body: bomb)
            XCTAssertEqual(res.status, .forbidden, path)
            XCTAssertLessThan(seconds, 0.25, path)
        }
    }

    func testABombToAPathThatDoesNotExistIsNotRead() async throws {
        let b = browser()
        try await b.get(.signIn)
        let (res, seconds) = try await post("/no-such-page", body: bomb, cookie: b.cookieHeader)
        XCTAssertEqual(res.status, .notFound)
        XCTAssertLessThan(seconds, 0.25)
    }

    func testABombWithTheCookieIsOverTheDefaultLimit() async throws {
        let b = browser()
        try await b.get(.signIn)
        XCTAssertGreaterThan(bomb.utf8.count, FormInput.defaultBodyLimit)
        for path in [SiteURL.signIn.path, SiteURL.register.path] {
            let (res, seconds) = try await post(path, body: bomb, cookie: b.cookieHeader)
            XCTAssertEqual(res.status, .payloadTooLarge, path)
            XCTAssertLessThan(seconds, 0.25, path)
        }
    }

    func testASmallBodyWithTooManyFieldsIsRefusedBeforeParsing() async throws {
        let b = browser()
        try await b.get(.signIn)
        let token = SessionToken.csrf(for: b.cookies[CSRFMiddleware.cookieName]!, secret: app.safeguard.secret)
        // 10,000 one-letter fields fit in 40 KB, under the size limit.
        let body = "_csrf=\(token)&" + Array(repeating: "a[]=", count: 10_000).joined(separator: "&")
        XCTAssertLessThan(body.utf8.count, FormInput.defaultBodyLimit)
        let (res, seconds) = try await post(SiteURL.signIn.path, body: body, cookie: b.cookieHeader)
        XCTAssertEqual(res.status, .payloadTooLarge)
        XCTAssertTrue(res.text.contains("more than 500 answers"), res.text)
        XCTAssertLessThan(seconds, 0.25)
    }

    func testALongQueryStringIsRefused() async throws {
        let b = try await signedIn(fx[.mashPractitioner])
        let res = try await b.get("/people?" + Array(repeating: "q[]=x", count: 5_000).joined(separator: "&"))
        XCTAssertEqual(res.status, .badRequest)
    }

    /// The most a route accepts (500 fields) is parsed in milliseconds even in a debug build.
    func testTheLargestFormAllowedParsesQuickly() throws {
        let body = ByteBuffer(string: Array(repeating: "a[]=x", count: FormInput.maximumFields).joined(separator: "&"))
        struct Form: Decodable { var a: [String] }
        let start = Date()
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        let form = try CleanFormDecoder().decode(Form.self, from: body, headers: headers)
        XCTAssertEqual(form.a.count, FormInput.maximumFields)
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.1)
    }

    /// Routes that need more say so, and the CSRF check reads that much: an assessment's evidence.
    func testRoutesThatTakeLongTextStillDo() async throws {
        let routes = app.routes.all.filter { $0.method == .POST }
        let limits = Dictionary(
            routes.map { ($0.path.map(\.description).joined(separator: SiteURL.home.path), $0.bodyLimit) },
            uniquingKeysWith: max)
        XCTAssertEqual(limits["training/courses/:courseID/materials"], 20 << 20)
        XCTAssertEqual(limits["action-plan/actions/:actionID/evidence"], 20 << 20, "evidence files, up to 15 MB")
        XCTAssertEqual(limits["sign-in"], FormInput.defaultBodyLimit)
        XCTAssertEqual(limits.values.filter { $0 > FormInput.defaultBodyLimit }.count, 5)
    }
}
