/// What people and partner systems type, made safe to store, hash and show.
///
/// Control characters (U+0000–U+001F and U+007F, except tab, line feed and carriage return) are
/// never typed by a person: a NUL is cut short by SQLite, which once made the audit trail look
/// tampered with. Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) make text
/// display in a different order from the one stored, so a name or a note can be made to read as
/// something else. Both are removed at every input: web forms, query strings, the JSON API and
/// CSV imports.
public enum TypedText {
    /// True for a character that is removed from anything typed.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The text without forbidden characters (returns the same string when it has none).
    public static func cleaned(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !isForbidden($0) })
        return String(scalars)
    }

    /// True when the text shows at least one letter, digit or symbol, not only spaces and
    /// invisible marks: a name needs one.
    public static func hasVisibleCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            !isForbidden(s) && !s.properties.isWhitespace && !s.properties.isDefaultIgnorableCodePoint
                && s.properties.generalCategory != .control && s.properties.generalCategory != .format
        }
    }
}
