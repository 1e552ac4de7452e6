/// A cuckooing marker on a vulnerable person's home, from the form that places it to its ending. While it is open,
/// police incidents at the address are matched and its lead is told; one home has at most one open marker (a second
/// would alert twice for every incident there).
public struct CuckooingMarker: Sendable, Equatable {
    /// How the home is used, in the order the form lists them.
    public let kinds: [CuckooingKind]
    public let confidence: CuckooingConfidence
    public let summary: String
    public private(set) var endReason: String?
    public private(set) var isOpen: Bool

    public init(
        kinds: [CuckooingKind], confidence: CuckooingConfidence, summary: String, isOpen: Bool = true,
        endReason: String? = nil
    ) {
        self.kinds = CuckooingKind.allCases.filter(kinds.contains)
        self.confidence = confidence
        self.summary = summary
        self.isOpen = isOpen
        self.endReason = endReason
    }

    /// What the recording form sent, as the form names it.
    public struct Request: Sendable {
        /// Whether the chosen address is one of the person's current homes.
        public var addressChosen: Bool
        /// Whether that home already has an open marker.
        public var addressAlreadyMarked: Bool
        public var kinds: [String]
        public var confidence: String?
        public var summary: String
        /// Whether the chosen lead is active staff of the recording agency.
        public var leadChosen: Bool
        /// The person's first name, for the message about their addresses.
        public var firstName: String

        public init(
            addressChosen: Bool, addressAlreadyMarked: Bool, kinds: [String], confidence: String?, summary: String,
            leadChosen: Bool, firstName: String
        ) {
            self.addressChosen = addressChosen
            self.addressAlreadyMarked = addressAlreadyMarked
            self.kinds = kinds
            self.confidence = confidence
            self.summary = summary
            self.leadChosen = leadChosen
            self.firstName = firstName
        }
    }

    public static let alreadyMarked = "This home is already recorded as cuckooed: open that record instead"

    /// The marker the form asks for, or every problem with it, in the form's order.
    public static func place(_ r: Request) -> Result<CuckooingMarker, FieldProblems> {
        var problems: [FieldProblem] = []
        if !r.addressChosen {
            problems.append(
                FieldProblem(
                    field: "address",
                    message:
                        "Choose the home that has been taken over. If it is not listed, add it to \(r.firstName)'s addresses first"
                ))
        }
        let kinds = r.kinds.compactMap(CuckooingKind.init(rawValue:))
        if kinds.isEmpty { problems.append(FieldProblem(field: "kinds", message: "Select how the home is being used")) }
        let confidence = r.confidence.flatMap(CuckooingConfidence.init(rawValue:))
        if confidence == nil {
            problems.append(FieldProblem(field: "confidence", message: "Say whether it is suspected or confirmed"))
        }
        if r.summary.count < 10 {
            problems.append(
                FieldProblem(
                    field: "summary",
                    message: "Say briefly what is known, for example who comes and goes and what has been seen"))
        }
        if !r.leadChosen {
            problems.append(FieldProblem(field: "lead", message: "Choose who the police and partners should contact"))
        }
        if r.addressChosen && r.addressAlreadyMarked {
            problems.append(FieldProblem(field: "address", message: alreadyMarked))
        }
        guard problems.isEmpty, let confidence else { return .failure(FieldProblems(problems)) }
        return .success(CuckooingMarker(kinds: kinds, confidence: confidence, summary: r.summary))
    }

    /// Ends the marker: police are no longer told of incidents there. The reason is kept with it.
    public mutating func end(reason: String) throws(FieldProblem) {
        guard isOpen else { throw FieldProblem(field: "end-reason", message: "This marker has already ended") }
        let r = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard r.count >= 5 else {
            throw FieldProblem(
                field: "end-reason",
                message: "Say why the marker should end, for example \"Tenant moved; property secured by the landlord\""
            )
        }
        isOpen = false
        endReason = r
    }
}
