import SafeguardServer
import Vapor

extension DemoLoader {
    /// Loads the demo partnership (once) and says what `serve --demo` prints: what was loaded, and the sign-ins for
    /// every role, the review group members and a training registration key.
    public static func loadAndDescribe(_ app: Application) async throws -> [String] {
        let outcome = try await load(app)
        var lines = [
            outcome.loaded
                ? "Loaded the demo partnership: \(outcome.people) fictional people."
                : "Demo data already present: \(outcome.people) people.",
            "",
            "Demo sign-ins (demo mode only; these passwords are public):",
        ]
        func line(_ label: String, _ email: String, _ password: String) -> String {
            "  \(label.padding(toLength: 38, withPad: " ", startingAt: 0)) "
                + "\(email.padding(toLength: 52, withPad: " ", startingAt: 0)) \(password)"
        }
        lines += outcome.logins.map { line($0.role.displayName, $0.email, $0.password) }
        if !outcome.reviewGroupLogins.isEmpty {
            lines += ["", "Review group members, to agree a rapid review for the ICB or sit on the SAR panel:"]
            lines += outcome.reviewGroupLogins.map { line($0.label, $0.email, $0.password) }
        }
        if let key = outcome.registrationKey {
            lines += ["", "Training registration key for \(key.agency): \(key.code)"]
        }
        return lines + [""]
    }
}
