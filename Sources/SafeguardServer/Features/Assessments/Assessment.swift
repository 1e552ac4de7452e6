import Fluent
import Foundation
import SafeguardCore

/// One assessment of one person with one version of a tool: a draft while the practitioner works
/// on it, then submitted with its rating fixed, then (optionally) countersigned by a manager.
final class Assessment: Model, @unchecked Sendable {
    static let schema = "assessments"

    @ID var id: UUID?
    @Parent(key: "person_id") var person: Person
    @Parent(key: "tool_id") var tool: AssessmentToolRecord
    /// The referral it was started from, if any.
    @OptionalParent(key: "referral_id") var referral: Referral?
    /// The assessing agency: its staff may see the assessment, and its managers countersign it.
    @Parent(key: "agency_id") var agency: Agency
    /// An ``AssessmentStatus`` raw value.
    @Field(key: "status") var status: AssessmentStatus
    /// ``AssessmentAnswers`` as JSON.
    @Field(key: "answers") var answersJSON: String
    @OptionalField(key: "override_level") var overrideLevel: String?
    @OptionalField(key: "override_reason") var overrideReason: String?
    // Fixed on submission, so a later revision of the tool never changes what was decided.
    @OptionalField(key: "calculated_level") var calculatedLevel: String?
    @OptionalField(key: "final_level") var finalLevel: String?
    @OptionalField(key: "score") var score: Double?
    /// Keys of the prompts shown on submission, space-separated (e.g. "marac").
    @OptionalField(key: "prompts") var prompts: String?
    /// The day the assessment was carried out (ISO), which may be before it was typed in.
    @OptionalField(key: "assessed_on") var assessedOn: String?
    @OptionalField(key: "reassess_on") var reassessOn: String?
    @Parent(key: "started_by") var startedBy: User
    @Field(key: "started_at") var startedAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalParent(key: "submitted_by") var submittedBy: User?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalParent(key: "countersigned_by") var countersignedBy: User?
    @OptionalField(key: "countersigned_at") var countersignedAt: Date?
    @OptionalField(key: "countersign_note") var countersignNote: String?

    init() {}

    var answers: AssessmentAnswers {
        get { (try? JSONDecoder().decode(AssessmentAnswers.self, from: Data(answersJSON.utf8))) ?? AssessmentAnswers() }
        set {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            answersJSON = String(decoding: (try? encoder.encode(newValue)) ?? Data("{}".utf8), as: UTF8.self)
        }
    }

    var levelOverride: LevelOverride? {
        guard let overrideLevel, let overrideReason else { return nil }
        return LevelOverride(level: overrideLevel, reason: overrideReason)
    }

    var assessed: SimpleDate? { assessedOn.flatMap(SimpleDate.init(iso:)) }
    var reassessDue: SimpleDate? { reassessOn.flatMap(SimpleDate.init(iso:)) }
}
