import Fluent
import Foundation

/// A strategy discussion: social care, police and health share what they know and decide
/// whether to start a section 47 enquiry.
final class StrategyDiscussion: Model, @unchecked Sendable {
    static let schema = "strategy_discussions"
    @ID var id: UUID?
    @Parent(key: "referral_id") var referral: Referral
    @Field(key: "held_at") var heldAt: Date
    /// Names and roles of those who took part, as the chair recorded them.
    @Field(key: "attendees") var attendees: String
    @Field(key: "information_shared") var informationShared: String
    @Field(key: "section47") var section47: Bool
    @Field(key: "decisions") var decisions: String
    @Field(key: "actions") var actions: String
    /// ISO date the initial child protection conference is due, when a section 47 enquiry starts.
    @OptionalField(key: "conference_due") var conferenceDue: String?
    @Parent(key: "recorded_by") var recordedBy: User
    @Field(key: "recorded_at") var recordedAt: Date
    @Siblings(through: StrategyAttendance.self, from: \.$discussion, to: \.$agency) var agencies: [Agency]

    init() {}
}

final class StrategyAttendance: Model, @unchecked Sendable {
    static let schema = "strategy_attendance"
    @ID var id: UUID?
    @Parent(key: "discussion_id") var discussion: StrategyDiscussion
    @Parent(key: "agency_id") var agency: Agency

    init() {}
    init(discussionID: UUID, agencyID: UUID) {
        self.$discussion.id = discussionID
        self.$agency.id = agencyID
    }
}
