import SafeguardCore
import Vapor

// How SafeguardCore's refusals are answered over HTTP. Core knows no HTTP, so the mapping lives here, beside the
// error page middleware that renders it; a new Core refusal joins this file rather than its controller.

/// A step the referral's state does not allow now: the page it was taken from is out of date, so nothing changed (409).
extension MASHStep.Refused: AbortError {
    public var status: HTTPResponseStatus { .conflict }
    public var reason: String { message }
}
