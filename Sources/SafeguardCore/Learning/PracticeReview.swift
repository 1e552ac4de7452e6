public enum PracticeReviewKind: String, CaseIterable, Codable, Sendable {
    case lcspr, sar

    public var displayName: String {
        switch self {
        case .lcspr: "Local child safeguarding practice review"
        case .sar: "Safeguarding Adults Review"
        }
    }
}

public struct ReviewMilestone: Codable, Sendable, Equatable {
    public let name: String
    public let dueOn: SimpleDate
    public var doneOn: SimpleDate?
}

/// A draft report, and who has seen it: the family, the agencies, the board.
public struct ReviewDraft: Codable, Sendable, Equatable {
    public let version: Int
    public let sharedOn: SimpleDate
    public let seenBy: [String]
}

/// A local child safeguarding practice review or a Safeguarding Adults Review, from commissioning to publication:
/// terms of reference, reviewer and family involvement, milestones, drafts with who has seen them, the board's
/// response, and publication (normally within a configurable number of months of the decision) or the recorded
/// reason for not publishing.
public struct PracticeReview: Sendable, Equatable {
    public enum Stage: String, Sendable {
        case commissioned, underway
        case boardResponded = "board-responded"
        case published
        case notPublished = "not-published"
    }

    public let kind: PracticeReviewKind
    public let decidedOn: SimpleDate
    public let publicationDue: SimpleDate
    public private(set) var termsOfReference = ""
    public private(set) var reviewer = ""
    public private(set) var familyInvolvement = ""
    public private(set) var milestones: [ReviewMilestone] = []
    public private(set) var drafts: [ReviewDraft] = []
    public private(set) var boardResponse = ""
    public private(set) var boardResponseOn: SimpleDate?
    public private(set) var publishedOn: SimpleDate?
    public private(set) var lateReason = ""
    public private(set) var notPublishingReason = ""

    public init(kind: PracticeReviewKind, decidedOn: SimpleDate, publicationMonths: Int) {
        self.init(
            kind: kind, decidedOn: decidedOn, publicationDue: Self.adding(months: publicationMonths, to: decidedOn))
    }

    init(kind: PracticeReviewKind, decidedOn: SimpleDate, publicationDue: SimpleDate) {
        self.kind = kind
        self.decidedOn = decidedOn
        self.publicationDue = publicationDue
    }

    /// Restores a stored review as it was.
    public static func stored(
        kind: PracticeReviewKind, decidedOn: SimpleDate, publicationDue: SimpleDate, terms: String, reviewer: String,
        family: String,
        milestones: [ReviewMilestone], drafts: [ReviewDraft], boardResponse: String, boardResponseOn: SimpleDate?,
        publishedOn: SimpleDate?, lateReason: String, notPublishingReason: String
    ) -> PracticeReview {
        var r = PracticeReview(kind: kind, decidedOn: decidedOn, publicationDue: publicationDue)
        r.termsOfReference = terms
        r.reviewer = reviewer
        r.familyInvolvement = family
        r.milestones = milestones
        r.drafts = drafts
        r.boardResponse = boardResponse
        r.boardResponseOn = boardResponseOn
        r.publishedOn = publishedOn
        r.lateReason = lateReason
        r.notPublishingReason = notPublishingReason
        return r
    }

    /// The same day `months` later; the month's last day when it has no such day (31 August + 6 → 28 February).
    public static func adding(months: Int, to day: SimpleDate) -> SimpleDate {
        let total = day.year * 12 + (day.month - 1) + months
        let year = total / 12
        let month = total % 12 + 1
        return SimpleDate(year: year, month: month, day: min(day.day, SimpleDate.daysIn(month: month, year: year)))!
    }

    public var stage: Stage {
        if publishedOn != nil { return .published }
        if !notPublishingReason.isEmpty { return .notPublished }
        if boardResponseOn != nil { return .boardResponded }
        return termsOfReference.isEmpty ? .commissioned : .underway
    }

    public var isClosed: Bool { stage == .published || stage == .notPublished }

    public mutating func setUp(terms: String, reviewer name: String, family: String) throws(FieldProblem) {
        guard !isClosed else { throw FieldProblem(field: "terms", message: "This review is closed") }
        let t = terms.trimmingCharacters(in: .whitespacesAndNewlines)
        let n = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let f = family.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.split(whereSeparator: \.isWhitespace).count < 10 {
            throw FieldProblem(field: "terms", message: "Set out the terms of reference, in at least 10 words")
        }
        if n.count < 3 { throw FieldProblem(field: "reviewer", message: "Name the reviewer") }
        if f.count < 10 {
            throw FieldProblem(
                field: "family", message: "Say how the family is involved, or why it is not, in at least 10 characters")
        }
        termsOfReference = t
        reviewer = n
        familyInvolvement = f
    }

    public mutating func addMilestone(_ name: String, due: SimpleDate?) throws(FieldProblem) {
        guard !isClosed else { throw FieldProblem(field: "milestone", message: "This review is closed") }
        let n = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard n.count >= 3 else {
            throw FieldProblem(field: "milestone", message: "Name the milestone, for example “Practitioner event”")
        }
        guard let due else {
            throw FieldProblem(field: "milestone-due-day", message: "Enter the milestone's date, like 31 3 2027")
        }
        milestones.append(ReviewMilestone(name: n, dueOn: due, doneOn: nil))
    }

    public mutating func completeMilestone(_ index: Int, on day: SimpleDate) throws(FieldProblem) {
        guard milestones.indices.contains(index), milestones[index].doneOn == nil else {
            throw FieldProblem(field: "milestone", message: "That milestone is done or does not exist")
        }
        milestones[index].doneOn = day
    }

    public mutating func addDraft(sharedOn day: SimpleDate, seenBy: [String]) throws(FieldProblem) {
        guard !isClosed, !termsOfReference.isEmpty else {
            throw FieldProblem(
                field: "seen-by", message: "Set up the review (terms of reference, reviewer) before sharing drafts")
        }
        let names = seenBy.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !names.isEmpty else {
            throw FieldProblem(
                field: "seen-by", message: "Say who has seen this draft, one per line: the family, agencies, the board")
        }
        drafts.append(ReviewDraft(version: drafts.count + 1, sharedOn: day, seenBy: names))
    }

    public mutating func recordBoardResponse(_ text: String, on day: SimpleDate) throws(FieldProblem) {
        guard !isClosed else { throw FieldProblem(field: "board-response", message: "This review is closed") }
        guard !drafts.isEmpty else {
            throw FieldProblem(
                field: "board-response", message: "The board responds to a draft: record the draft it saw first")
        }
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard t.split(whereSeparator: \.isWhitespace).count >= 10 else {
            throw FieldProblem(field: "board-response", message: "Record the board's response, in at least 10 words")
        }
        boardResponse = t
        boardResponseOn = day
    }

    /// Published once the board has responded; after the due date, only with the reason it is late.
    public mutating func publish(on day: SimpleDate, lateReason reason: String) throws(FieldProblem) {
        guard !isClosed else { throw FieldProblem(field: "published-day", message: "This review is closed") }
        guard boardResponseOn != nil else {
            throw FieldProblem(field: "published-day", message: "Record the board's response before publishing")
        }
        if let problem = SeriousIncidentClock.latenessProblem(due: publicationDue, doneOn: day, reason: reason) {
            throw FieldProblem(field: "publish-late-reason", message: problem)
        }
        publishedOn = day
        lateReason = day > publicationDue ? reason.trimmingCharacters(in: .whitespacesAndNewlines) : ""
    }

    public mutating func decideNotToPublish(_ reason: String) throws(FieldProblem) {
        guard !isClosed else { throw FieldProblem(field: "not-publishing-reason", message: "This review is closed") }
        let r = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard r.count >= 20 else {
            throw FieldProblem(
                field: "not-publishing-reason",
                message:
                    "Record why it will not be published, in at least 20 characters (for example, the family's safety)")
        }
        notPublishingReason = r
    }
}

extension PracticeReview {
    /// Who opens a practice review: those who open its kind of case (the case review sub-group and leads for an
    /// LCSPR, the SAR panel for a SAR, the business unit for both); once published, also those who read the
    /// partnership's learning figures, the board among them.
    public static func mayOpen(
        kind: PracticeReviewKind, published: Bool, opensChildReviews: Bool, opensSARs: Bool,
        readsPublishedLearning: Bool
    ) -> Bool {
        (kind == .lcspr ? opensChildReviews : opensSARs) || (published && readsPublishedLearning)
    }
}
