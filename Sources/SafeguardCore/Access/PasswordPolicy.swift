import Foundation

/// The rules a new password must meet: at least 12 characters and not on the list of
/// passwords that attackers try first. Length beats complexity rules (NCSC guidance), so
/// there are no "one capital, one symbol" demands.
public struct PasswordPolicy: Sendable {
    public static let minimumLength = 12
    public static let maximumLength = 128

    private let common: Set<String>

    public enum Problem: Error, Equatable, Sendable {
        case tooShort, tooLong, common, containsEmail

        public var message: String {
            switch self {
            case .tooShort: "Password must be \(PasswordPolicy.minimumLength) characters or more"
            case .tooLong: "Password must be \(PasswordPolicy.maximumLength) characters or fewer"
            case .common:
                "This password is too common and easy to guess: choose a different one, such as three random words"
            case .containsEmail: "Password must not contain your email address"
            }
        }
    }

    public init(commonPasswords: Set<String>) {
        common = commonPasswords
    }

    /// The policy with the shipped list (`Resources/common-passwords.txt`, one per line).
    public static let standard: PasswordPolicy = {
        guard
            let url = Bundle.module.url(
                forResource: "common-passwords", withExtension: "txt", subdirectory: "Resources"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            fatalError("Resources/common-passwords.txt is missing from the SafeguardCore bundle")
        }
        let words = text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }.map { $0.lowercased() }
        return PasswordPolicy(commonPasswords: Set(words))
    }()

    public func check(_ password: String, email: String? = nil) throws(Problem) {
        guard password.count >= PasswordPolicy.minimumLength else { throw .tooShort }
        guard password.count <= PasswordPolicy.maximumLength else { throw .tooLong }
        let lowered = password.lowercased()
        // Common passwords padded with digits or a symbol are still common ("password1234!").
        let stripped = String(
            lowered.reversed().drop(while: { $0.isNumber || $0.isPunctuation || $0.isSymbol }).reversed())
        if common.contains(lowered) || common.contains(stripped) || Self.isRepetitive(lowered) { throw .common }
        if let email, !email.isEmpty, lowered.contains(email.lowercased()) { throw .containsEmail }
    }

    /// "aaaaaaaaaaaa", "121212121212", "abcdefghijkl": long but guessed at once.
    static func isRepetitive(_ s: String) -> Bool {
        let chars = Array(s.unicodeScalars.map(\.value))
        if Set(chars).count <= 2 { return true }
        // One short chunk said again and again: "passwordpassword", "abc123abc123".
        for size in 1...max(1, chars.count / 2) where chars.count % size == 0 {
            let chunk = chars[0..<size]
            if stride(from: size, to: chars.count, by: size).allSatisfy({ chars[$0..<$0 + size] == chunk }) {
                return true
            }
        }
        let steps = zip(chars.dropFirst(), chars).map { Int($0) - Int($1) }
        return Set(steps).count == 1 && abs(steps[0]) == 1
    }
}
