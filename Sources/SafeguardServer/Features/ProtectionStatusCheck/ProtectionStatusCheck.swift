import Fluent
import Foundation
import SafeguardCore

/// One look-up by health staff, and the notice it sends to the child's social worker.
package final class ProtectionStatusCheck: Model, @unchecked Sendable {
    package static let schema = "status_checks"
    @ID package var id: UUID?
    @Parent(key: "person_id") package var person: Person
    @Parent(key: "checked_by") package var checkedBy: User
    @Parent(key: "agency_id") package var agency: Agency
    /// A ``CareSetting`` raw value: where the child was seen.
    @Field(key: "setting") package var setting: String
    @Field(key: "checked_at") package var checkedAt: Date
    /// The record that made the notice, when there was one.
    @OptionalParent(key: "protection_id") package var protection: ProtectionRecord?
    @OptionalParent(key: "social_worker_id") package var socialWorker: User?
    /// When the social worker marked the notice as seen.
    @OptionalField(key: "seen_at") package var seenAt: Date?

    package init() {}
}

/// The unscheduled-care settings CP-IS serves.
package enum CareSetting: String, CaseIterable, Sendable {
    case emergencyDepartment = "emergency-department"
    case urgentCare = "urgent-care"
    case walkIn = "walk-in-centre"
    case outOfHoursGP = "out-of-hours-gp"
    case maternity

    package var displayName: String {
        switch self {
        case .emergencyDepartment: "Emergency department"
        case .urgentCare: "Urgent treatment centre"
        case .walkIn: "Walk-in centre"
        case .outOfHoursGP: "Out-of-hours GP"
        case .maternity: "Maternity"
        }
    }
}
