/// How soon the referrer believes someone must act. Immediate danger is for 999, not a form:
/// the form says so, and records that the referrer was told.
public enum ReferralUrgency: String, CaseIterable, Codable, Sendable {
    case immediate, today, standard

    public var displayName: String {
        switch self {
        case .immediate: "Immediate risk of harm (police have been called on 999)"
        case .today: "Urgent: someone needs to act today"
        case .standard: "Not urgent: a response within the usual timescales"
        }
    }
}
