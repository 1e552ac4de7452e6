import Fluent
import Foundation
import SafeguardCore

/// One assessment of one person with one version of a tool: a draft while the practitioner works
/// on it, then submitted with its rating fixed, then (optionally) countersigned by a manager.
package final class Assessment: Model, @unchecked Sendable {
    package static let schema = "assessments"

    @ID package var id: UUID?
    @Parent(key: "person_id") package var person: Person
    @Parent(key: "tool_id") package var tool: AssessmentToolRecord
    /// The referral it was started from, if any.
    @OptionalParent(key: "referral_id") package var referral: Referral?
    /// The assessing agency: its staff may see the assessment, and its managers countersign it.
    @Parent(key: "agency_id") package var agency: Agency
    /// An ``AssessmentStatus`` raw value.
    @Field(key: "status") package var status: AssessmentStatus
    /// ``AssessmentAnswers`` as JSON.
    @Field(key: "answers") package var answersJSON: String
    @OptionalField(key: "override_level") package var overrideLevel: String?
    @OptionalField(key: "override_reason") package var overrideReason: String?
    // Fixed on submission, so a later revision of the tool never changes what was decided.
    @OptionalField(key: "calculated_level") package var calculatedLevel: String?
    @OptionalField(key: "final_level") package var finalLevel: String?
    @OptionalField(key: "score") package var score: Double?
    /// Keys of the prompts shown on submission, space-separated (e.g. "marac").
    @OptionalField(key: "prompts") package var prompts: String?
    /// The day the assessment was carried out (ISO), which may be before it was typed in.
    @OptionalField(key: "assessed_on") package var assessedOn: String?
    @OptionalField(key: "reassess_on") package var reassessOn: String?
    @Parent(key: "started_by") package var startedBy: User
    @Field(key: "started_at") package var startedAt: Date
    @Field(key: "updated_at") package var updatedAt: Date
    @OptionalParent(key: "submitted_by") package var submittedBy: User?
    @OptionalField(key: "submitted_at") package var submittedAt: Date?
    @OptionalParent(key: "countersigned_by") package var countersignedBy: User?
    @OptionalField(key: "countersigned_at") package var countersignedAt: Date?
    @OptionalField(key: "countersign_note") package var countersignNote: String?

    package init() {}

    package var answers: AssessmentAnswers {
        get { (try? JSONDecoder().decode(AssessmentAnswers.self, from: Data(answersJSON.utf8))) ?? AssessmentAnswers() }
        set {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            answersJSON = String(decoding: (try? encoder.encode(newValue)) ?? Data("{}".utf8), as: UTF8.self)
        }
    }

    package var levelOverride: LevelOverride? {
        guard let overrideLevel, let overrideReason else { return nil }
        return LevelOverride(level: overrideLevel, reason: overrideReason)
    }

    package var assessed: SimpleDate? { assessedOn.flatMap(SimpleDate.init(iso:)) }
    package var reassessDue: SimpleDate? { reassessOn.flatMap(SimpleDate.init(iso:)) }
}
