/// Ending a plan, a looked-after status or one of its Place of Interest markers is deliberate:
/// police stop being told about the address at once, so the user reads what will happen and
/// types why. No reason is filled in for them.
public enum ProtectionEnding {
    public static let minimumReasonLength = 5
    public static let maximumReasonLength = 500

    /// What is wrong with the reason typed, if anything; `example` shows what a good one says.
    public static func reasonProblem(_ reason: String, example: String) -> String? {
        if reason.count < minimumReasonLength || !TypedText.hasVisibleCharacter(reason) { return "Say why, for example \"\(example)\"" }
        if reason.count > maximumReasonLength { return "The reason must be \(maximumReasonLength) characters or fewer" }
        return nil
    }
}
