/// What produced a recommendation: a review today; audits and child death reviews use the same tracker later.
public enum LearningSourceKind: String, CaseIterable, Codable, Sendable {
    case review, audit
    case childDeathReview = "child-death-review"

    public var displayName: String {
        switch self {
        case .review: "Review"
        case .audit: "Audit"
        case .childDeathReview: "Child death review"
        }
    }
}

public enum RecommendationStatus: String, CaseIterable, Codable, Sendable {
    case open, implemented
    case notImplemented = "not-implemented"

    public var displayName: String {
        switch self {
        case .open: "Open"
        case .implemented: "Implemented"
        case .notImplemented: "Not implemented"
        }
    }
}

/// A finding and the recommendation made on it. It closes as implemented once every action under it is signed
/// off, or as not implemented with the reason (the Care Act requires the annual report to give it).
public struct Recommendation: Sendable, Equatable {
    public var finding: String
    public var text: String
    public private(set) var status: RecommendationStatus
    public private(set) var notImplementedReason: String

    public init(finding: String, text: String, status: RecommendationStatus = .open, notImplementedReason: String = "")
    {
        self.finding = finding
        self.text = text
        self.status = status
        self.notImplementedReason = notImplementedReason
    }

    public static func problems(finding: String, text: String, sourceChosen: Bool) -> [FieldProblem] {
        var p: [FieldProblem] = []
        if !sourceChosen {
            p.append(FieldProblem(field: "source", message: "Choose the review the recommendation comes from"))
        }
        if finding.split(whereSeparator: \.isWhitespace).count < 5 {
            p.append(FieldProblem(field: "finding", message: "Give the finding, in at least 5 words"))
        }
        if text.split(whereSeparator: \.isWhitespace).count < 5 {
            p.append(FieldProblem(field: "recommendation", message: "Give the recommendation, in at least 5 words"))
        }
        return p
    }

    public mutating func close(implemented: Bool, reason: String, actions: [PlanAction]) throws(FieldProblem) {
        guard status == .open else {
            throw FieldProblem(field: "close", message: "This recommendation is already closed")
        }
        if implemented {
            guard !actions.isEmpty, actions.allSatisfy({ $0.status == .signedOff }) else {
                throw FieldProblem(
                    field: "close", message: "Every action must be signed off before the recommendation is implemented")
            }
            status = .implemented
        } else {
            let r = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard r.count >= 20 else {
                throw FieldProblem(
                    field: "reason",
                    message:
                        "Say why it was not implemented, in at least 20 characters: the annual report must give the reason"
                )
            }
            status = .notImplemented
            notImplementedReason = r
        }
    }
}
