import Fluent
import Foundation
import SafeguardCore

/// A child's missing episode as stored: the police's report, the return, and the return home
/// interview the local authority must offer within 72 hours of the return.
package final class MissingEpisodeRecord: Model, @unchecked Sendable {
    package static let schema = "missing_episodes"
    @ID package var id: UUID?
    @Parent(key: "person_id") package var person: Person
    /// A ``MissingEpisodeKind`` raw value.
    @Field(key: "kind") package var kind: MissingEpisodeKind
    @Field(key: "started_at") package var startedAt: Date
    @OptionalField(key: "returned_at") package var returnedAt: Date?
    /// A ``MissingWhereFound`` raw value.
    @OptionalField(key: "where_found") package var whereFound: String?
    /// Where exactly, in words: "Northgate Park", "an address in Ashby".
    @OptionalField(key: "where_found_detail") package var whereFoundDetail: String?
    @OptionalField(key: "police_reference") package var policeReference: String?
    @Parent(key: "agency_id") package var agency: Agency
    @Parent(key: "recorded_by") package var recordedBy: User
    @Field(key: "recorded_at") package var recordedAt: Date
    @OptionalField(key: "interview_offered_at") package var interviewOfferedAt: Date?
    @OptionalField(key: "interview_completed_at") package var interviewCompletedAt: Date?
    @Field(key: "interview_declined") package var interviewDeclined: Bool
    @OptionalField(key: "interview_notes") package var interviewNotes: String?
    @OptionalParent(key: "interview_by") package var interviewBy: User?

    package init() {}

    /// The episode as the domain's rules see it.
    package var episode: MissingEpisode {
        MissingEpisode(
            id: id ?? UUID(), kind: kind, startedAt: startedAt,
            returnedAt: returnedAt, whereFound: whereFound.flatMap(MissingWhereFound.init(rawValue:)),
            returnInterview: ReturnHomeInterview(
                offeredAt: interviewOfferedAt, completedAt: interviewCompletedAt,
                declined: interviewDeclined))
    }
}
