import Foundation

/// What happens to a form sent after the session ran out. Nothing typed is thrown away: the form
/// is kept for its author, who signs in again and sends it, checked, from a page that shows it.
/// It holds what they typed about people, so it is kept briefly and only for them.
public enum KeptFormRules {
    /// How long a kept form waits to be sent again.
    public static let lifetime: TimeInterval = 2 * 60 * 60
    /// When the warning appears before the session ends.
    public static let warningBefore: TimeInterval = 5 * 60

    /// Whether a post to `path` is kept when its session has run out: not signing in or out
    /// (nothing typed to keep), and only a path inside this site.
    public static func keeps(path: String) -> Bool {
        isSitePath(path) && !["/sign-in", "/sign-out", "/register"].contains(path)
    }

    /// A path on this site, never another host ("//evil.example") — the kept form is sent back to it.
    public static func isSitePath(_ path: String) -> Bool {
        path.hasPrefix("/") && !path.hasPrefix("//") && !path.contains("\\") && !path.contains("://")
    }

    /// Whether the kept form may still be offered to `user`.
    public static func isOffered(keptAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(keptAt) <= lifetime
    }

    /// Seconds from page load until the warning shows, for a session with `remaining` seconds left.
    public static func warningDelay(remaining: TimeInterval) -> TimeInterval {
        max(0, remaining - min(warningBefore, remaining / 2))
    }
}
