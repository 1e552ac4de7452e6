/// What agencies have done about a man in a child's life. Serious case reviews keep finding that the men
/// who harmed babies were not invisible but unseen: nobody had met them, assessed them or asked the police.
/// The person record shows each of these for each father, step-father, partner or male carer.
public enum MaleCarerCheck: String, CaseIterable, Codable, Sendable {
    case seen
    case assessed
    case policeChecked = "police-checked"

    public var displayName: String {
        switch self {
        case .seen: "Seen"
        case .assessed: "Assessed"
        case .policeChecked: "Checked with police"
        }
    }

    /// What the user chooses in the form, in words.
    public var question: String {
        switch self {
        case .seen: "Seen in person by a practitioner"
        case .assessed: "Included in an assessment (his history, his care of the child, any risk)"
        case .policeChecked: "Checked with the police (records, intelligence, previous incidents)"
        }
    }

    /// The checks not yet recorded, in order, so the card can say what is missing.
    public static func outstanding(done: Set<MaleCarerCheck>) -> [MaleCarerCheck] {
        allCases.filter { !done.contains($0) }
    }
}
