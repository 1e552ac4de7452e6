/// One name normalised once, with everything comparisons and blocking need precomputed, so the hot loop
/// never touches `String`.
struct PreparedName: Sendable, Hashable {
    /// Lower-case a-z.
    let text: [UInt8]
    /// `NameNormalizer.phonetic(text)`.
    let phonetic: [UInt8]
    /// Nickname and transliteration groups (`NameVariants`).
    let groups: [Int32]
    /// Hash of `text`, checked before comparing bytes.
    let hash: UInt64
    let phoneticHash: UInt64

    init(_ text: [UInt8]) {
        self.text = text
        phonetic = NameNormalizer.phonetic(text)
        groups = NameVariants.groups(of: text)
        hash = NameNormalizer.hash(text)
        phoneticHash = NameNormalizer.hash(phonetic)
    }

    var string: String { String(decoding: text, as: UTF8.self) }

    /// Display form for reasons: "Kayleigh".
    var displayName: String { string.prefix(1).uppercased() + string.dropFirst() }

    @inline(__always)
    func sameText(_ other: PreparedName) -> Bool { hash == other.hash && text == other.text }

    /// Nickname or transliteration of each other, or spelled so that the phonetic key cannot tell them
    /// apart *and* listed together ("Mohamed"/"Muhammad" share a group; "Kay"/"Kayleigh" likewise).
    @inline(__always)
    func isVariant(of other: PreparedName) -> Bool {
        !groups.isEmpty && !other.groups.isEmpty && NameVariants.sharedGroup(groups, other.groups) != nil
    }

    static func == (a: PreparedName, b: PreparedName) -> Bool { a.sameText(b) }
    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
