import Fluent
import SafeguardCore
import Vapor

/// Receiving a police incident, from the API or `safeguard import incidents`: check it, match its
/// address against the active Place of Interest markers, and store it once.
package enum IncidentIntake {
    package struct Input: Sendable {
        package var reference: String
        package var occurredAt: String
        package var type: String
        package var address: String
        package var postcode: String?
        package var summary: String
    }

    package struct Outcome: Sendable {
        package var incident: PoliceIncident
        /// False when the force had already sent this reference: nothing changed.
        package var created: Bool
        package var match: IncidentMatch { incident.matchOutcome }
    }

    /// Field errors, named as the API's JSON fields.
    package static func check(_ input: Input, now: Date) -> (FormErrors, Date?) {
        var errors = FormErrors()
        let reference = input.reference.trimmed
        if reference.isEmpty || reference.count > 64 {
            errors.add("reference", "Give the force's own incident reference, 1 to 64 characters")
        }
        let when = ISOTimestamp.parse(input.occurredAt.trimmed)
        if let when {
            if when > now.addingTimeInterval(300) {
                errors.add("occurredAt", "The incident cannot be in the future")
            } else if let problem = EventDate.problem(
                with: SimpleDate(when), label: "incident", bornOn: nil, today: SimpleDate(now))
            {
                errors.add("occurredAt", problem)
            }
        } else {
            errors.add(
                "occurredAt",
                "Give a real date and time as ISO 8601 with its offset, like 2026-03-02T21:40:00Z or 2026-03-02T22:40:00+01:00"
            )
        }
        if input.type.trimmed.isEmpty || input.type.count > 100 {
            errors.add("type", "Give the incident type, like \"Domestic\", up to 100 characters")
        }
        if input.address.trimmed.count < 3 || input.address.count > 300 {
            errors.add("address", "Give the address as typed, 3 to 300 characters")
        }
        if let pc = input.postcode?.trimmed, pc.count > 10 {
            errors.add("postcode", "A postcode is at most 10 characters: leave it out if not known")
        }
        if input.summary.trimmed.isEmpty || input.summary.count > 2_000 {
            errors.add("summary", "Give a brief summary, up to 2,000 characters")
        }
        return (errors, when)
    }

    /// Stores the incident (or finds the one already stored) and matches it. Call after `check`.
    package static func receive(
        _ input: Input, occurredAt: Date, agencyID: UUID, event: AuditEvent, on req: Request
    ) async throws -> Outcome {
        let reference = input.reference.trimmed
        // A force sends an incident again rarely: the unique index on (force, reference) finds those, so the usual
        // first delivery costs no lookup.
        let incident = try await Self.incident(
            input, occurredAt: occurredAt, agencyID: agencyID, receivedAt: req.now, today: req.today,
            markers: req.safeguard.markerIndex, on: req.db)
        let match = incident.matchOutcome
        do {
            try await req.audit.write(on: req.db) { db in
                try await incident.create(on: db)
                var logged = event
                logged.recordID = try incident.requireID().uuidString
                logged.reason = "incident \(reference): marker \(match.rawValue)"
                return ((), [logged])
            }
        } catch {
            // Sent before, or two deliveries of one incident at once: the unique index lets one in; answer with it.
            if let existing = try await PoliceIncident.query(on: req.db).filter(\.$agency.$id == agencyID).filter(
                \.$reference == reference
            ).first() {
                return Outcome(incident: existing, created: false)
            }
            throw error
        }
        return Outcome(incident: incident, created: true)
    }

    /// The incident as it will be stored, its address matched. Call after `check`.
    package static func incident(
        _ input: Input, occurredAt: Date, agencyID: UUID, receivedAt: Date, today: SimpleDate,
        markers: MarkerIndexHolder, on db: Database
    ) async throws -> PoliceIncident {
        let postcode = input.postcode?.trimmed.isEmpty == false ? input.postcode!.trimmed : nil
        let (match, candidate) = try await Self.match(
            address: input.address.trimmed, postcode: postcode, today: today, markers: markers, on: db)
        let incident = PoliceIncident()
        incident.$agency.id = agencyID
        incident.reference = input.reference.trimmed
        incident.occurredAt = occurredAt
        incident.incidentType = input.type.trimmed
        incident.addressText = input.address.trimmed
        incident.postcode = postcode
        incident.summary = input.summary.trimmed
        incident.receivedAt = receivedAt
        incident.matchOutcome = match
        incident.$matchedAddress.id = candidate.flatMap { UUID(uuidString: $0.id) }
        incident.matchScore = candidate?.score
        incident.matchReasons = candidate?.reasons.joined(separator: "\n") ?? ""
        incident.reviewStatus = IncidentReview(received: match).status
        return incident
    }

    /// Matches an address against the addresses carrying an active marker of an active record, and
    /// the homes with an open cuckooing marker (``MarkerIndexHolder``, kept in memory).
    package static func match(
        address: String, postcode: String?, today: SimpleDate, markers: MarkerIndexHolder,
        on db: Database
    ) async throws -> (IncidentMatch, AddressCandidate?) {
        let built = try await markers.index(on: db, today: today)
        guard built.index.count > 0 else { return (.none, nil) }
        switch AddressMatcher(index: built.index).decide(address: address, postcode: postcode) {
        case .match(let c): return (.match, c)
        case .needsReview(let list): return (.review, list.first)
        case .noMatch: return (.none, nil)
        }
    }
}
