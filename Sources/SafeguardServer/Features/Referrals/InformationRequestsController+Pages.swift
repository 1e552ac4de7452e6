import SafeguardCore
import Vapor

extension InformationRequestsController {
    /// One request on the partner's queue. Needs the request loaded with its referral.
    static func queueRow(_ q: InformationRequest, now: Date) throws -> InformationRequestQueueView.Row {
        InformationRequestQueueView.Row(
            id: try q.requireID(), reference: q.referral.reference, rag: try Self.rag(q), due: q.dueAt,
            overdue: q.isOverdue(at: now), chased: q.chasedAt != nil, answeredAt: q.answeredAt)
    }

    /// The request as its page shows it, with what the partner has typed so far.
    static func view(
        _ q: InformationRequest, subjects: [RequestSubject], answer: String, errors: FormErrors, now: Date
    ) throws -> InformationRequestView {
        InformationRequestView(
            id: q.id!, reference: q.referral.reference, rag: try rag(q),
            due: SiteFormat.dateTime(q.dueAt), overdue: q.isOverdue(at: now), subjects: subjects,
            address: [q.referral.addressLine1, q.referral.addressTown, q.referral.addressPostcode]
                .filter { !$0.isEmpty }.joined(separator: ", "),
            given: q.answer, answer: answer, errors: errors)
    }

    /// The request's RAG rating: always written from the list, so a value no version wrote is a fault, never "not rated".
    static func rag(_ q: InformationRequest) throws -> RAGRating {
        try RAGRating.stored(q.rag, table: InformationRequest.schema, column: "rag", id: q.id)
    }
}
