import Foundation

/// The urgency a MASH gives a partner information request: red, amber or green, each with a
/// deadline in working hours (see `RAGTimescales`). The raw value is what is stored and exchanged.
public enum RAGRating: String, CaseIterable, Codable, Sendable {
    case red
    case amber
    case green

    /// Capitalised for display ("Red"); colour alone must never carry the meaning on a page.
    public var label: String {
        switch self {
        case .red: "Red"
        case .amber: "Amber"
        case .green: "Green"
        }
    }
}
