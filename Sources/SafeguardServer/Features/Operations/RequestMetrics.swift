import Prometheus
import Vapor

/// Request counts and durations in Prometheus form. Labels are the route pattern, never the
/// concrete path, so no record identifier reaches the metrics.
struct RequestMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    func observe(method: String, route: String, status: UInt, duration: Duration) {
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(name: "safeguard_http_requests_total", labels: labels).increment()
        registry.makeDurationHistogram(
            name: "safeguard_http_request_duration_seconds", labels: [("method", method), ("route", route)],
            buckets: [
                .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(250),
                .milliseconds(1000), .seconds(5),
            ]
        )
        .record(duration)
    }

    /// One attempt to send an e-mail copy, by what came of it: `sent`, `retrying` (failed; tried again later) or
    /// `failed` (given up). A rising `retrying` count is the mail server down or misconfigured.
    func observeEmail(_ outcome: String) {
        registry.makeCounter(name: "safeguard_email_attempts_total", labels: [("outcome", outcome)]).increment()
    }
}

extension Application {
    private struct MetricsKey: StorageKey { typealias Value = RequestMetrics }

    var metrics: RequestMetrics {
        get { storage[MetricsKey.self] ?? RequestMetrics() }
        set { storage[MetricsKey.self] = newValue }
    }
}

struct RequestMetricsMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: req)
        let elapsed = ContinuousClock.now - start
        let route = req.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        req.application.metrics.observe(
            method: req.method.rawValue, route: route, status: response.status.code, duration: elapsed)
        return response
    }
}
