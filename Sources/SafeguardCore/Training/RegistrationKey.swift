import Foundation

/// A key a partnership admin gives an agency so its practitioners can create training accounts:
/// the key says which agency they belong to. Keys are revoked (never deleted) when they leak or an
/// agency leaves, so existing accounts keep the history of how they joined.
///
/// Codes look like `NMCS-7K3Q-9PXD`: a prefix from the agency's name, so the admin can tell keys
/// apart at a glance, then eight characters from an alphabet without 0, O, 1 or I, so a key read out
/// over the phone or copied from a letter cannot be mistyped into another one.
public struct RegistrationKey: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var agencyID: UUID
    /// As issued and shown: "NMCS-7K3Q-9PXD".
    public var code: String
    public var issuedAt: Date
    public var revokedAt: Date?

    public init(id: UUID = UUID(), agencyID: UUID, code: String, issuedAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.agencyID = agencyID
        self.code = code
        self.issuedAt = issuedAt
        self.revokedAt = revokedAt
    }

    /// 24 letters and 8 digits: 32 symbols, so each is exactly 5 random bits and no symbol is
    /// likelier than another.
    public static let alphabet: [Character] = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// A new key for an agency. `generator` is the random source: the server passes a
    /// `SystemRandomNumberGenerator`, tests a seeded one. The server should also keep a unique index
    /// on ``normalisedCode``; with 40 random bits a clash is vanishingly rare but must not pass silently.
    public static func issue(
        id: UUID = UUID(), agencyID: UUID, agencyName: String, at now: Date,
        using generator: inout some RandomNumberGenerator
    ) -> RegistrationKey {
        RegistrationKey(
            id: id, agencyID: agencyID, code: generateCode(agencyName: agencyName, using: &generator), issuedAt: now)
    }

    /// `PREFIX-XXXX-XXXX`, the prefix from ``prefix(forAgency:)``.
    public static func generateCode(agencyName: String, using generator: inout some RandomNumberGenerator) -> String {
        // Masking 5 bits (rather than `random(in:)`) keeps a seed's keys the same on every Swift release.
        let random = String((0..<8).map { _ in alphabet[Int(generator.next() & 31)] })
        return "\(prefix(forAgency: agencyName))-\(random.prefix(4))-\(random.suffix(4))"
    }

    /// Up to four capital letters from the agency's name: the initials of its words ("North
    /// Midlands Community Services" → NMCS), keeping acronyms whole ("NHS Hertfordshire" → NHSH), or
    /// the start of a one-word name ("Police" → POLI). "KEY" when the name has no letters.
    public static func prefix(forAgency name: String) -> String {
        let folded = name.folding(options: .diacriticInsensitive, locale: nil)
        let joined = folded.replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "’", with: "")
        let words = joined.split { !($0.isASCII && $0.isLetter) }.map(String.init)
            .filter { !stopWords.contains($0.lowercased()) }
        let letters: String
        switch words.count {
        case 0: return "KEY"
        case 1: letters = words[0]
        default: letters = words.map { isAcronym($0) ? $0 : String($0.prefix(1)) }.joined()
        }
        return String(letters.uppercased().prefix(4))
    }

    /// What a person typed, reduced to compare: capitals, no spaces, dashes or other punctuation,
    /// and 0 and 1 read as O and I (they can only have meant the letters, which appear in prefixes).
    public static func normalised(_ typed: String) -> String {
        let kept = typed.uppercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII }
        return String(String.UnicodeScalarView(kept)).replacingOccurrences(of: "0", with: "O")
            .replacingOccurrences(of: "1", with: "I")
    }

    /// The code as ``normalised(_:)`` reduces it: store and index this to look a typed key up.
    public var normalisedCode: String { Self.normalised(code) }

    /// Whether `typed` is this key, however it was spaced or capitalised; says nothing about revocation.
    public func matches(_ typed: String) -> Bool {
        let a = Array(Self.normalised(typed).utf8)
        let b = Array(normalisedCode.utf8)
        guard a.count == b.count, !b.isEmpty else { return false }
        // Compare every byte so the time taken does not hint at how much of a guess was right.
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    public var isRevoked: Bool { revokedAt != nil }

    /// Whether someone registering with `typed` should be let in: it matches and is not revoked.
    public func accepts(_ typed: String) -> Bool {
        !isRevoked && matches(typed)
    }

    /// Revokes the key; revoking again keeps the first date, so the record shows when it stopped working.
    public mutating func revoke(at now: Date) {
        if revokedAt == nil { revokedAt = now }
    }

    static let stopWords: Set<String> = ["and", "of", "the", "for", "in"]

    static func isAcronym(_ word: String) -> Bool {
        word.count >= 2 && word.allSatisfy(\.isUppercase)
    }
}
