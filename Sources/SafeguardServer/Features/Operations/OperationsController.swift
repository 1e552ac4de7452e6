import Fluent
import SQLKit
import Vapor

/// Liveness, readiness and metrics for whoever runs the service.
struct OperationsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.health, for: .everyone) { _ in Status(status: "ok") }
        routes.get(.ready, for: .everyone, use: ready)
        routes.get(.metrics, for: .everyone, use: metrics)
    }

    struct Status: Content {
        var status: String
        var database: String? = nil
    }

    func ready(req: Request) async throws -> Response {
        do {
            guard let sql = req.db as? SQLDatabase else { throw Abort(.serviceUnavailable) }
            try await sql.raw("SELECT 1").run()
            return try await Status(status: "ready", database: req.safeguard.settings.database.engineName)
                .encodeResponse(for: req)
        } catch {
            let r = try await Status(status: "database unreachable").encodeResponse(for: req)
            r.status = .serviceUnavailable
            return r
        }
    }

    /// Route templates and counts only, but still not for the world: served to the configured
    /// addresses (loopback by default) or to a scraper holding the metrics token.
    func metrics(req: Request) async throws -> Response {
        let settings = req.safeguard.settings
        let byAddress = settings.metricsNetworks.contains { $0.contains(req.sourceAddress) }
        let byToken =
            settings.metricsToken.map { token in
                SessionToken.constantTimeEqual(req.headers.bearerAuthorization?.token ?? "", token)
            } ?? false
        guard byAddress || byToken else {
            throw Abort(
                .forbidden,
                reason:
                    "Metrics are served only to the addresses in SAFEGUARD_METRICS_ALLOW, or with the SAFEGUARD_METRICS_TOKEN bearer token."
            )
        }
        var buffer: [UInt8] = []
        req.application.metrics.registry.emit(into: &buffer)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(data: Data(buffer)))
    }
}
