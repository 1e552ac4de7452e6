import Fluent
import Foundation
import SafeguardCore

/// A child's missing episode as stored: the police's report, the return, and the return home
/// interview the local authority must offer within 72 hours of the return.
final class MissingEpisodeRecord: Model, @unchecked Sendable {
    static let schema = "missing_episodes"
    @ID var id: UUID?
    @Parent(key: "person_id") var person: Person
    /// A ``MissingEpisodeKind`` raw value.
    @Field(key: "kind") var kind: MissingEpisodeKind
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "returned_at") var returnedAt: Date?
    /// A ``MissingWhereFound`` raw value.
    @OptionalField(key: "where_found") var whereFound: String?
    /// Where exactly, in words: "Northgate Park", "an address in Ashby".
    @OptionalField(key: "where_found_detail") var whereFoundDetail: String?
    @OptionalField(key: "police_reference") var policeReference: String?
    @Parent(key: "agency_id") var agency: Agency
    @Parent(key: "recorded_by") var recordedBy: User
    @Field(key: "recorded_at") var recordedAt: Date
    @OptionalField(key: "interview_offered_at") var interviewOfferedAt: Date?
    @OptionalField(key: "interview_completed_at") var interviewCompletedAt: Date?
    @Field(key: "interview_declined") var interviewDeclined: Bool
    @OptionalField(key: "interview_notes") var interviewNotes: String?
    @OptionalParent(key: "interview_by") var interviewBy: User?

    init() {}

    /// The episode as the domain's rules see it.
    var episode: MissingEpisode {
        MissingEpisode(
            id: id ?? UUID(), kind: kind, startedAt: startedAt,
            returnedAt: returnedAt, whereFound: whereFound.flatMap(MissingWhereFound.init(rawValue:)),
            returnInterview: ReturnHomeInterview(
                offeredAt: interviewOfferedAt, completedAt: interviewCompletedAt,
                declined: interviewDeclined))
    }
}
