import Fluent
import SafeguardCore
import Vapor

/// `/api/v1/incidents` and `/api/v1/markers`: what police systems send and fetch. Police are told
/// whether an address carries a safeguarding marker and whom to contact, never a plan's details.
struct APIPoliceController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let police = routes.grouped(APITokenMiddleware())
        police.post(.api(.incidents), for: .partnerToken(APIPrincipal.incidentsWrite), use: receive)
        police.get(.api(.markers), for: .partnerToken(APIPrincipal.markersRead), use: markers)
        police.get(.api(.markersCSV), for: .partnerToken(APIPrincipal.markersRead), use: markersCSV)
    }

    struct IncidentDTO: Codable, Sendable {
        var reference: String?
        var occurredAt: String?
        var type: String?
        var address: String?
        var postcode: String?
        var summary: String?
    }

    struct IncidentAnswerDTO: Content {
        var reference: String
        /// yes, possible (an officer is checking the match) or no.
        var safeguardingMarker: String
        var contact: String?
    }

    func receive(req: Request) async throws -> Response {
        let p = try req.requirePrincipal(APIPrincipal.incidentsWrite)
        guard p.agencyKind == .police else {
            throw Problem(
                status: .forbidden, title: "Forbidden", detail: "Only a police force's token may send incidents.")
        }
        let dto: IncidentDTO
        do { dto = try req.content.decode(IncidentDTO.self) } catch {
            throw Problem(
                status: .badRequest, title: "Bad request",
                detail: "The body must be a JSON object as described in /api/v1/openapi.json.")
        }
        let input = IncidentIntake.Input(
            reference: dto.reference ?? "", occurredAt: dto.occurredAt ?? "", type: dto.type ?? "",
            address: dto.address ?? "", postcode: dto.postcode, summary: dto.summary ?? "")
        let (errors, when) = IncidentIntake.check(input, now: req.now)
        guard errors.isEmpty, let when else {
            throw Problem(
                status: .unprocessableEntity, title: "Invalid incident",
                detail: "Nothing was stored. Correct the fields listed in 'errors' and send it again.",
                errors: errors.all.map { .init(field: $0.field, message: $0.message) })
        }
        let outcome = try await IncidentIntake.receive(
            input, occurredAt: when, agencyID: p.agencyID,
            event: p.event(.create, "police-incident", "", on: req), on: req)
        let match = outcome.match
        let body = IncidentAnswerDTO(
            reference: outcome.incident.reference, safeguardingMarker: match.answer,
            contact: match == .none ? nil : req.safeguard.settings.rules.safeguardingContact)
        return try await body.encodeResponse(status: outcome.created ? .created : .ok, for: req)
    }

    struct MarkerDTO: Content {
        var markerID: UUID
        var line1: String
        var line2: String?
        var town: String
        var postcode: String
        var uprn: Int64?
        var since: Date
    }

    struct MarkerListDTO: Content {
        var contact: String
        var markers: [MarkerDTO]
    }

    /// The current markers: addresses only, with the partnership's contact.
    func markers(req: Request) async throws -> MarkerListDTO {
        let p = try Self.requirePolice(req)
        let list = try await Self.current(on: req)
        try await req.audit.record(
            p.event(.export, "place-of-interest-markers", "\(list.count) markers", on: req), on: req.db)
        return MarkerListDTO(contact: req.safeguard.settings.rules.safeguardingContact, markers: list)
    }

    func markersCSV(req: Request) async throws -> Response {
        let p = try Self.requirePolice(req)
        let list = try await Self.current(on: req)
        try await req.audit.record(
            p.event(.export, "place-of-interest-markers", "\(list.count) markers (CSV)", on: req), on: req.db)
        let iso = ISO8601DateFormatter()
        let csv = try CSVTable.document(
            header: ["marker_id", "line1", "line2", "town", "postcode", "uprn", "since", "contact"],
            rows: list.map { m in
                [
                    m.markerID.uuidString, m.line1, m.line2 ?? "", m.town, m.postcode, m.uprn.map(String.init) ?? "",
                    iso.string(from: m.since),
                    req.safeguard.settings.rules.safeguardingContact,
                ]
            })
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"place-of-interest-markers.csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: csv))
    }

    static func requirePolice(_ req: Request) throws -> APIPrincipal {
        let p = try req.requirePrincipal(APIPrincipal.markersRead)
        guard p.agencyKind == .police else {
            throw Problem(
                status: .forbidden, title: "Forbidden", detail: "Only a police force's token may fetch the markers.")
        }
        return p
    }

    /// One row per marked address (several children may share one), of active records only, then
    /// the open cuckooing markers.
    static func current(on req: Request) async throws -> [MarkerDTO] {
        let today = req.today
        let markers = try await PlaceOfInterestMarker.query(on: req.db).filter(\.$endedAt == nil).with(\.$address).with(
            \.$protection
        )
        .sort(\.$startedAt).all().filter { $0.protection.isActive(on: today) }
        // Cuckooed homes are listed the same way: the police are told where, never why.
        let cuckooed = try await CuckooedHome.query(on: req.db).filter(\.$endedAt == nil).with(\.$address).sort(
            \.$recordedAt
        ).all()
        var seen = Set<UUID>()
        return markers.filter { seen.insert($0.$address.id).inserted }.map { m in
            MarkerDTO(
                markerID: m.id!, line1: m.address.line1, line2: m.address.line2, town: m.address.town,
                postcode: m.address.postcode,
                uprn: m.address.uprn, since: m.startedAt)
        }
            + cuckooed.filter { seen.insert($0.$address.id).inserted }.map { h in
                MarkerDTO(
                    markerID: h.id!, line1: h.address.line1, line2: h.address.line2, town: h.address.town,
                    postcode: h.address.postcode,
                    uprn: h.address.uprn, since: h.recordedAt)
            }
    }
}
