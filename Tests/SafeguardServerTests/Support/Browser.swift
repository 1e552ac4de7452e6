import Foundation
import XCTVapor

@testable import SafeguardServer

/// Plays a browser against the application: keeps cookies, adds the CSRF token to forms,
/// and does not follow redirects, so tests can check where they point.
final class Browser {
    let app: Application
    var cookies: [String: String] = [:]

    init(app: Application) { self.app = app }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> XCTHTTPResponse {
        var h = headers
        if !cookies.isEmpty { h.replaceOrAdd(name: .cookie, value: cookieHeader) }
        let res = try await app.sendRequest(.GET, path, headers: h)
        keepCookies(res)
        return res
    }

    /// Pages are asked for by their ``SiteURL``, as the site's own links are built.
    @discardableResult
    func get(_ url: SiteURL, headers: HTTPHeaders = [:]) async throws -> XCTHTTPResponse {
        try await get(url.path, headers: headers)
    }

    /// A page asked for with a query, as a filter form or a link that carries a choice sends it.
    @discardableResult
    func get(_ url: SiteURL, query: [(String, String)], headers: HTTPHeaders = [:]) async throws -> XCTHTTPResponse {
        try await get(url.with(query: query), headers: headers)
    }

    @discardableResult
    func post(_ url: SiteURL, _ fields: [(String, String)], csrf: Bool = true) async throws -> XCTHTTPResponse {
        try await post(url.path, fields, csrf: csrf)
    }

    @discardableResult
    func upload(
        _ url: SiteURL, fields: [(String, String)], file: (field: String, name: String, type: String, content: String)
    ) async throws -> XCTHTTPResponse {
        try await upload(url.path, fields: fields, file: file)
    }

    /// The value of the hidden field `name` in a page's HTML, as a browser would send it back.
    static func hiddenValue(_ name: String, in html: String) -> String? {
        guard let start = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[start.upperBound...].prefix { $0 != "\"" })
    }

    /// Posts a form. The CSRF token is added unless `csrf` is false.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf: Bool = true) async throws -> XCTHTTPResponse {
        if cookies[CSRFMiddleware.cookieName] == nil { try await get(.signIn) }
        var all = fields
        if csrf, let cookie = cookies[CSRFMiddleware.cookieName] {
            all.append((CSRFMiddleware.fieldName, SessionToken.csrf(for: cookie, secret: app.safeguard.secret)))
        }
        var h = HTTPHeaders()
        h.contentType = .urlEncodedForm
        h.replaceOrAdd(name: .cookie, value: cookieHeader)
        let body = ByteBuffer(string: Self.encode(all))
        let res = try await app.sendRequest(.POST, path, headers: h, body: body)
        keepCookies(res)
        return res
    }

    /// Posts a multipart form with one file, as a browser sends an upload, with the CSRF token.
    @discardableResult
    func upload(
        _ path: String, fields: [(String, String)], file: (field: String, name: String, type: String, content: String)
    ) async throws -> XCTHTTPResponse {
        if cookies[CSRFMiddleware.cookieName] == nil { try await get(.signIn) }
        let boundary = "----sg\(UUID().uuidString.prefix(8))"
        let csrf = SessionToken.csrf(for: cookies[CSRFMiddleware.cookieName]!, secret: app.safeguard.secret)
        var body = ""
        for (name, value) in [(CSRFMiddleware.fieldName, csrf)] + fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body +=
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n"
        body += file.content + "\r\n--\(boundary)--\r\n"
        var h = HTTPHeaders()
        h.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        h.replaceOrAdd(name: .cookie, value: cookieHeader)
        let res = try await app.sendRequest(.POST, path, headers: h, body: ByteBuffer(string: body))
        keepCookies(res)
        return res
    }

    /// The people search, posted as the page and the header's box post it.
    @discardableResult
    func search(
        _ q: String, dob: (String, String, String)? = nil, address: String = "", page: Int? = nil
    ) async throws -> XCTHTTPResponse {
        var fields = [("q", q), ("address", address)]
        if let dob { fields += [("dob-day", dob.0), ("dob-month", dob.1), ("dob-year", dob.2)] }
        if let page { fields.append(("page", String(page))) }
        return try await post(.peopleSearch, fields)
    }

    func signIn(_ email: String, _ password: String) async throws -> XCTHTTPResponse {
        try await post(.signIn, [("email", email), ("password", password)])
    }

    var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

    private func keepCookies(_ res: XCTHTTPResponse) {
        for line in res.headers[.setCookie] {
            let first = line.split(separator: ";", maxSplits: 1)[0]
            let parts = first.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if parts[1].isEmpty || line.contains("1970") {
                cookies[parts[0]] = nil
            } else {
                cookies[parts[0]] = parts[1]
            }
        }
    }

    static func encode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return fields.map { k, v in
            let ek = k.addingPercentEncoding(withAllowedCharacters: allowed)!
            let ev = v.addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(of: "%20", with: "+")
            return "\(ek)=\(ev)"
        }.joined(separator: "&")
    }
}

extension SiteURL {
    /// Where a form sends the browser back once it is saved: this page, told what was done, as the controllers
    /// redirect.
    func done(_ what: String) -> String { with(query: [("done", what)]) }
}

/// The record an address names: the last id in its path, as in `/protection/<id>` or `/assessments/<id>?done=saved`.
/// A test takes it from the redirect that made the record and goes on by ``SiteURL``.
func recordID(in location: String?) throws -> UUID {
    let address = try XCTUnwrap(location, "no address")
    let path = address.split(separator: "?", maxSplits: 1).first ?? ""
    return try XCTUnwrap(path.split(separator: "/").compactMap { UUID(uuidString: String($0)) }.last, address)
}

extension XCTHTTPResponse {
    var location: String? { headers.first(name: .location) }
    /// The page as the tests read it: without the phone layout's per-cell column labels (`data-label`), so a
    /// row reads as its cells. `html` is the page exactly as sent.
    var text: String { html.replacingOccurrences(of: #" data-label="[^"]*""#, with: "", options: .regularExpression) }
    var html: String { body.string }
}
