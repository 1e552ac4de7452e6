import SafeguardCore
import Vapor

/// Bounds on what a request may ask the server to parse, checked in one linear pass before any
/// parser runs. Vapor's form parser slows quadratically with repeated keys (40,000 `a[]=x`
/// pairs once held an event loop for 15 seconds), so no form or query reaches it with more
/// fields than any of our pages sends.
enum FormInput {
    /// The largest form we serve (a register, an assessment, the triage partner list) sends a
    /// few hundred fields.
    static let maximumFields = 500
    /// A query string is a search or a filter: a few fields.
    static let maximumQueryFields = 50
    /// Forms hold typed text: 64 KB is about 10,000 words. Routes that take more say so with
    /// ``RoutesBuilder/post(_:bodyLimit:use:)``.
    static let defaultBodyLimit = 64 * 1024

    struct TooManyFields: AbortError {
        var status: HTTPResponseStatus { .payloadTooLarge }
        var reason: String {
            "The form sent more than \(FormInput.maximumFields) answers, more than any page here has. Reload the page and try again."
        }
    }

    struct QueryTooLong: AbortError {
        var status: HTTPResponseStatus { .badRequest }
        var reason: String {
            "The web address has more than \(FormInput.maximumQueryFields) search terms. Use the search form on the page."
        }
    }

    /// Installs the clean decoders below for every request of every application in this process.
    static func installCleanDecoders() {
        ContentConfiguration.global.use(decoder: CleanFormDecoder(), for: .urlEncodedForm)
        ContentConfiguration.global.use(urlDecoder: CleanQueryDecoder())
        ContentConfiguration.global.use(decoder: CleanJSONDecoder(), for: .json)
    }

    static func checkFieldCount(_ bytes: [UInt8]) throws {
        if FormEncodedText.fieldCount(bytes) > maximumFields { throw TooManyFields() }
    }

    static func checkQuery(_ url: URI) throws {
        if let q = url.query, FormEncodedText.fieldCount(q.utf8) > maximumQueryFields { throw QueryTooLong() }
    }
}

extension Route {
    private struct BodyLimitKey: Hashable, Sendable {}

    /// The most a form post to this route may send; the CSRF check reads no more than this.
    var bodyLimit: Int {
        get { userInfo[AnySendableHashable(BodyLimitKey())] as? Int ?? FormInput.defaultBodyLimit }
        set { userInfo[AnySendableHashable(BodyLimitKey())] = newValue }
    }
}

extension RoutesBuilder {
    /// A post route that takes more than the default 64 KB: long evidence, a YAML tool, an upload.
    @discardableResult
    func post<R: AsyncResponseEncodable>(
        _ path: PathComponent..., bodyLimit: ByteCount,
        use closure: @Sendable @escaping (Request) async throws -> R
    ) -> Route {
        let route = on(.POST, path, body: .collect(maxSize: bodyLimit), use: closure)
        route.bodyLimit = bodyLimit.value
        return route
    }
}

/// The decoders every route uses: forbidden characters (``TypedText``) removed first, and forms
/// and queries bounded before Vapor's parser sees them.
struct CleanFormDecoder: ContentDecoder {
    let inner = URLEncodedFormDecoder()

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(
        _ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders,
        userInfo: [CodingUserInfoKey: Sendable]
    ) throws -> D {
        let bytes = Array(body.readableBytesView)
        try FormInput.checkFieldCount(bytes)
        guard FormEncodedText.needsCleaning(bytes) else {
            return try inner.decode(D.self, from: body, headers: headers, userInfo: userInfo)
        }
        return try inner.decode(
            D.self, from: ByteBuffer(bytes: FormEncodedText.cleaned(bytes)), headers: headers, userInfo: userInfo)
    }
}

struct CleanQueryDecoder: URLQueryDecoder {
    let inner = URLEncodedFormDecoder()

    func decode<D: Decodable>(_ decodable: D.Type, from url: URI) throws -> D {
        try decode(D.self, from: url, userInfo: [:])
    }

    func decode<D: Decodable>(_ decodable: D.Type, from url: URI, userInfo: [CodingUserInfoKey: Sendable]) throws -> D {
        try FormInput.checkQuery(url)
        var clean = url
        if let q = url.query { clean.query = String(decoding: FormEncodedText.cleaned(Array(q.utf8)), as: UTF8.self) }
        return try inner.decode(D.self, from: clean, userInfo: userInfo)
    }
}

struct CleanJSONDecoder: ContentDecoder {
    let inner = JSONDecoder.custom(dates: .iso8601)

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(
        _ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders,
        userInfo: [CodingUserInfoKey: Sendable]
    ) throws -> D {
        try inner.decode(
            D.self, from: ByteBuffer(bytes: JSONText.cleaned(Array(body.readableBytesView))), headers: headers,
            userInfo: userInfo)
    }
}
