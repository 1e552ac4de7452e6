import Foundation
import SafeguardCore

/// A disagreement as lists and My work show it.
struct DisagreementListing: Sendable {
    var id: UUID
    var reference: String
    var agencies: String
    var caseReference: String
    var theme: DisagreementTheme
    var stage: String
    var due: String
    var rag: RAGRating?
    var resolved: Bool
}

// In an extension, so a test can build a listing from its parts too.
extension DisagreementListing {
    init(_ r: DisagreementRecord, ladder: EscalationLadder, today: SimpleDate, calendar: WorkingCalendar) {
        let d = r.disagreement(ladder)
        id = r.id!
        reference = r.reference
        agencies = "\(r.raisedAgency.name) with \(r.otherAgency.name)"
        caseReference = r.caseReference
        theme = r.theme
        stage = "Stage \(d.current.stage + 1) of \(ladder.stages.count), \(d.currentStage.name.lowercasedFirst)"
        let standing = d.standing(today: today, calendar: calendar)
        resolved = d.status == .resolved
        due =
            resolved
            ? "Resolved \(d.current.endedOn?.longText ?? "")"
            : "due by \(d.current.dueOn.longText) (\(SeriousIncidentListing.words(standing)))"
        rag = standing.rag
    }
}
