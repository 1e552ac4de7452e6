import Foundation
import NIOCore
import NIOHTTP1
import SafeguardDemo
import SafeguardDemoData
import SafeguardServer
import Vapor

/// One signed-in user of the load benchmark, as a browser would be: its own cookies, the form token of the last
/// page it read, redirects not followed (a form's 303 is its success).
final class LoadSession: @unchecked Sendable {
    struct Reply {
        var status: UInt
        var body: String
        var location: String?
    }

    let base: String
    let client: HTTPClient
    private var cookies: [String: String] = [:]
    private(set) var csrf: String?

    init(base: String, client: HTTPClient) {
        self.base = base
        self.client = client
    }

    /// Another tab of the same signed-in browser: the same session and form token, sent independently.
    /// (Signing in every virtual user would trip the sign-in throttle for 127.0.0.1, as it should.)
    func tab() -> LoadSession {
        let copy = LoadSession(base: base, client: client)
        copy.cookies = cookies
        copy.csrf = csrf
        return copy
    }

    func get(_ path: String) async throws -> Reply { try await send(.GET, path) }

    /// Posts a form with this session's CSRF token (read from the sign-in page first if none yet).
    func post(_ path: String, _ fields: [(String, String)]) async throws -> Reply {
        if csrf == nil { _ = try await get("/sign-in") }
        let body = (fields + [("_csrf", csrf ?? "")]).map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(
            separator: "&")
        return try await send(.POST, path, body: body, contentType: "application/x-www-form-urlencoded")
    }

    func postJSON(_ path: String, _ json: String, bearer: String) async throws -> Reply {
        try await send(.POST, path, body: json, contentType: "application/json", bearer: bearer)
    }

    func signIn(email: String, password: String) async throws {
        let reply = try await post("/sign-in", [("email", email), ("password", password)])
        guard reply.status == 303 else {
            throw Spawn.Failed(description: "signing in as \(email) at \(base) failed: \(reply.status)")
        }
    }

    private func send(
        _ method: NIOHTTP1.HTTPMethod, _ path: String, body: String? = nil, contentType: String? = nil,
        bearer: String? = nil
    ) async throws -> Reply {
        var headers = HTTPHeaders()
        if !cookies.isEmpty {
            headers.add(name: "Cookie", value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if let contentType { headers.add(name: "Content-Type", value: contentType) }
        if let bearer { headers.add(name: "Authorization", value: "Bearer \(bearer)") }
        let request = try HTTPClient.Request(
            url: base + path, method: method, headers: headers, body: body.map { .string($0) })
        let response = try await client.execute(request: request).get()
        var newFormCookie = false
        for line in response.headers["Set-Cookie"] {
            let pair = line.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { cookies[pair[0]] = pair[1] }
            if pair.first == CSRFMiddleware.cookieName { newFormCookie = true }
        }
        let text = response.body.map { String(buffer: $0) } ?? ""
        // The form token stays the same for a browser's form cookie: looked for once, not in every page read, so
        // the driver spends its share of the processors on sending rather than searching.
        if csrf == nil || newFormCookie,
            let range = text.range(of: #"name="_csrf" value="([^"]+)""#, options: .regularExpression)
        {
            let found = text[range]
            if let start = found.range(of: "value=\"")?.upperBound { csrf = String(found[start...].dropLast()) }
        }
        return Reply(status: response.status.code, body: text, location: response.headers.first(name: "Location"))
    }

    private static func escape(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return (s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s).replacingOccurrences(of: "%20", with: "+")
    }
}

/// What one setup measured: every request's time, by kind, and the failures.
struct LoadTally: Sendable {
    var millis: [String: [Double]] = [:]
    var errors = 0
    var seconds: Double = 0

    mutating func add(_ kind: String, _ ms: Double, ok: Bool) {
        millis[kind, default: []].append(ms)
        if !ok { errors += 1 }
    }

    mutating func merge(_ other: LoadTally) {
        for (k, v) in other.millis { millis[k, default: []] += v }
        errors += other.errors
    }

    var all: [Double] { millis.values.flatMap { $0 } }
    var count: Int { all.count }
    var perSecond: Double { seconds > 0 ? Double(count) / seconds : 0 }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((p / 100) * Double(sorted.count - 1)))]
    }

    func line(_ setup: String) -> String {
        let a = all
        return
            "load-\(setup): per_second=\(Int(perSecond.rounded())) p50_ms=\(String(format: "%.1f", Self.percentile(a, 50))) "
            + "p95_ms=\(String(format: "%.1f", Self.percentile(a, 95))) p99_ms=\(String(format: "%.1f", Self.percentile(a, 99))) errors=\(errors)"
    }

    /// Each kind's own figures, for standard error.
    func kinds() -> String {
        millis.keys.sorted().map { k in
            let v = millis[k]!
            return
                "\(k) n=\(v.count) p50=\(String(format: "%.1f", Self.percentile(v, 50))) p95=\(String(format: "%.1f", Self.percentile(v, 95))) p99=\(String(format: "%.1f", Self.percentile(v, 99)))"
        }.joined(separator: "; ")
    }
}
