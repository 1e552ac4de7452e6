import Fluent
import Foundation
import SafeguardCore
import Vapor

/// A vulnerable person's home suspected or known to be taken over by others. While it is open,
/// its address carries a marker: police incidents there are matched and the lead is told.
package final class CuckooedHome: Model, @unchecked Sendable {
    package static let schema = "cuckooed_homes"
    @ID package var id: UUID?
    @Parent(key: "address_id") package var address: Address
    /// The vulnerable adult (or young person) whose home it is.
    @Parent(key: "person_id") package var person: Person
    /// ``CuckooingKind`` raw values, space-separated.
    @Field(key: "kinds") package var kinds: String
    @Field(key: "confidence") package var confidence: CuckooingConfidence
    /// What is known, briefly: who comes and goes, what was seen.
    @Field(key: "summary") package var summary: String
    /// Who is told of incidents there: the contact the police are given.
    @Parent(key: "lead_id") package var lead: User
    @Parent(key: "agency_id") package var agency: Agency
    @Parent(key: "recorded_by") package var recordedBy: User
    @Field(key: "recorded_at") package var recordedAt: Date
    @OptionalField(key: "ended_at") package var endedAt: Date?
    @OptionalField(key: "end_reason") package var endReason: String?

    package init() {}

    package var kindList: [CuckooingKind] {
        kinds.split(separator: " ").compactMap { CuckooingKind(rawValue: String($0)) }
    }
    package var isActive: Bool { endedAt == nil }

    /// The marker as ``CuckooingMarker`` decides it. A stored kind no version wrote is an error, not dropped.
    package var marker: CuckooingMarker {
        get throws {
            let names = kinds.split(separator: " ").map(String.init)
            let known = names.compactMap(CuckooingKind.init(rawValue:))
            guard known.count == names.count else {
                throw StoredValueError(table: Self.schema, column: "kinds", id: id)
            }
            return CuckooingMarker(
                kinds: known, confidence: confidence, summary: summary, isOpen: isActive, endReason: endReason)
        }
    }

    /// Stores a newly placed marker.
    package func set(_ m: CuckooingMarker) {
        kinds = m.kinds.map(\.rawValue).joined(separator: " ")
        confidence = m.confidence
        summary = m.summary
    }

    /// Stores an ended marker, dated now.
    package func set(_ m: CuckooingMarker, at now: Date) {
        set(m)
        if !m.isOpen, endedAt == nil {
            endedAt = now
            endReason = m.endReason
        }
    }
}

/// A confirmed police incident at a cuckooed home, sent to the home's lead professional.
final class CuckooingNotice: Model, @unchecked Sendable {
    static let schema = "cuckooing_notices"
    @ID var id: UUID?
    @Parent(key: "incident_id") var incident: PoliceIncident
    @Parent(key: "home_id") var home: CuckooedHome
    @Parent(key: "lead_id") var lead: User
    @Field(key: "forwarded_at") var forwardedAt: Date
    @OptionalField(key: "seen_at") var seenAt: Date?

    init() {}
}

extension CuckooingNotice {
    /// Tells a cuckooed home's lead of a confirmed incident there, and notes it on the person's chronology.
    static func send(
        _ incident: PoliceIncident, to home: CuckooedHome, by viewer: Viewer, now: Date, on db: Database,
        req: Request
    ) async throws -> [AuditEvent] {
        let notice = CuckooingNotice()
        notice.$incident.id = try incident.requireID()
        notice.$home.id = try home.requireID()
        notice.$lead.id = home.$lead.id
        notice.forwardedAt = now
        try await notice.create(on: db)
        try await ChronologyEntry(
            personID: home.$person.id, occurredAt: now, agencyID: viewer.agencyID, category: "Police incident",
            summary:
                "Police incident \(incident.reference) (\(incident.incidentType)) at the cuckooed home \(home.address.line1): "
                + "forwarded to \(home.lead.displayName)", recordedBy: viewer.userID, visibility: .safeguarding
        ).create(on: db)
        return [
            viewer.event(
                .change, "person", home.$person.id.uuidString,
                reason: "police incident \(incident.reference) forwarded (cuckooing)", on: req)
        ]
    }
}
