import Fluent
import Vapor

/// Turns every error into something a user can act on: a page (or, under /api, a problem
/// document) that says what went wrong. An unexpected error shows only a reference number,
/// which is logged beside the error's type; never its internals, which may quote personal data.
struct ErrorPageMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            return render(error, for: req)
        }
    }

    func render(_ error: Error, for req: Request) -> Response {
        let isAPI = req.url.path.hasPrefix("/api/")
        if let abort = error as? AbortError, (300..<400).contains(abort.status.code) {
            return Response(status: abort.status, headers: abort.headers)
        }
        if let denied = error as? AccessDenied {
            return isAPI
                ? Problem(status: .forbidden, title: "Forbidden", detail: denied.message).response()
                : page(req, .forbidden, "You cannot see this page", denied.message)
        }
        if let problem = error as? Problem { return problem.response() }
        if let abort = error as? AbortError, abort.status.code < 500 {
            let (title, detail) = Self.words(for: abort)
            return isAPI
                ? Problem(status: abort.status, title: title, detail: detail).response()
                : page(req, abort.status, title, detail)
        }
        if RowLock.isRepeat(error) {
            req.logger.notice(
                "a repeated write was refused by a unique index", metadata: ["path": .string(req.url.path)])
            return isAPI
                ? Problem(status: .conflict, title: RowLock.repeatTitle, detail: RowLock.repeatDetail).response()
                : page(req, .conflict, RowLock.repeatTitle, RowLock.repeatDetail)
        }
        let reference = String(UUID().uuidString.prefix(8))
        var metadata: Logger.Metadata = [
            "reference": .string(reference), "type": .string(String(reflecting: type(of: error))),
            "path": .string(req.url.path),
        ]
        // A stored value a model cannot read (a status no version of Safeguard wrote): name the column, never the value.
        if let bad = Self.unreadableColumn(error) { metadata["column"] = .string(bad) }
        req.logger.error("unexpected error", metadata: metadata)
        let detail =
            "Something went wrong on our side. Nothing you entered was saved. Try again, and if it happens again tell the service desk reference \(reference)."
        return isAPI
            ? Problem(status: .internalServerError, title: "Internal error", detail: detail, reference: reference)
                .response()
            : page(req, .internalServerError, "Sorry, there is a problem with the service", detail)
    }

    /// The column a row failed to decode at, when that was the error.
    static func unreadableColumn(_ error: Error) -> String? {
        if case .invalidField(let name, _, _) = error as? FluentError { return name }
        if let stored = error as? StoredValueError {
            return "\(stored.table).\(stored.column) \(stored.row)"
        }
        guard let decoding = error as? DecodingError else { return nil }
        switch decoding {
        case .dataCorrupted(let c), .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c):
            return c.codingPath.map(\.stringValue).joined(separator: ".")
        @unknown default: return nil
        }
    }

    static func words(for abort: AbortError) -> (String, String) {
        switch abort.status {
        case .notFound:
            (
                "Page not found",
                "If you typed the web address, check it is correct. The record may also have been removed or merged."
            )
        case .forbidden where abort.reason == "csrf":
            ("This form has expired", "For your security, forms expire. Go back, reload the page and try again.")
        case .forbidden: ("You cannot see this page", abort.reason)
        case .unauthorized: ("Sign in required", abort.reason)
        // A refusal because the record moved or the step was done already: what matters is that nothing changed.
        case .conflict: ("Nothing was changed", abort.reason)
        case .payloadTooLarge:
            (
                "Too much data",
                abort is FormInput.TooManyFields ? abort.reason : "What you sent is larger than this service accepts."
            )
        default: (abort.status.reasonPhrase, abort.reason)
        }
    }

    private func page(_ req: Request, _ status: HTTPStatus, _ title: String, _ detail: String) -> Response {
        req.page(title, status: status) {
            el("h1", .class("sg-heading-l")) { title }
            el("p", .class("sg-body")) { detail }
            el("p", .class("sg-body")) { el("a", .href(.home), .class("sg-link")) { "Go to the start page" } }
        }
    }
}

/// An RFC 9457 problem document, the shape of every API error.
struct Problem: Error, Content {
    var type: String = "about:blank"
    var title: String
    var status: Int
    var detail: String
    var errors: [FieldError]?
    var reference: String?

    struct FieldError: Content {
        var field: String
        var message: String
    }

    init(status: HTTPStatus, title: String, detail: String, errors: [FieldError]? = nil, reference: String? = nil) {
        self.title = title
        self.status = Int(status.code)
        self.detail = detail
        self.errors = errors
        self.reference = reference
    }

    func response() -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(self)) ?? Data("{}".utf8)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/problem+json")
        return Response(status: HTTPStatus(statusCode: status), headers: headers, body: .init(data: body))
    }
}
