import Foundation

/// The MIME and RFC 5322 encodings `MailMessage` needs: quoted-printable bodies, RFC 2047
/// encoded-words, header folding and neutralising of header values.
enum MailEncoding {
    /// RFC 5322 asks for header lines of at most 78 characters.
    static let headerLineLimit = 78
    /// 39 bytes make 52 base64 characters, so "=?utf-8?B?" + 52 + "?=" is 64, and even "Subject: "
    /// plus the first encoded-word stays inside `headerLineLimit`. A multiple of 3 avoids padding.
    static let encodedWordBytes = 39

    // MARK: Header values

    /// Turns anything that could end a header line (CR, LF, other control characters, Unicode line
    /// separators) into a space, collapses runs of spaces and trims. This is what makes header
    /// injection impossible: the result is always one line.
    static func neutralised(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in value.unicodeScalars {
            let isSpace =
                scalar.value < 32 || scalar.value == 127 || scalar == " "
                || (0x80...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
            if isSpace {
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
            } else {
                scalars.append(scalar)
                lastWasSpace = false
            }
        }
        return String(scalars).trimmingCharacters(in: .whitespaces)
    }

    /// A Subject-style value: sent as is when it is short-worded ASCII, otherwise as encoded-words.
    static func unstructured(_ value: String) -> String {
        let text = neutralised(value)
        // "=?" in plain text would be mistaken for the start of an encoded-word by the reader.
        let needsEncoding =
            text.unicodeScalars.contains { $0.value > 126 } || text.contains("=?")
            || text.split(separator: " ").contains { $0.utf8.count > 60 }
        return needsEncoding ? encodedWords(text) : text
    }

    /// `Name <address>`, or the bare address when there is no name. `address` must already be checked.
    static func mailbox(name: String, address: String) -> String {
        let text = neutralised(name)
        guard !text.isEmpty else { return address }
        return "\(phrase(text)) <\(address)>"
    }

    /// A display name as RFC 5322 allows it: atoms, a quoted string, or encoded-words.
    static func phrase(_ text: String) -> String {
        if text.unicodeScalars.contains(where: { $0.value > 126 }) || text.contains("=?") {
            return encodedWords(text)
        }
        let atext = CharacterSet(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ")
        if text.unicodeScalars.allSatisfy(atext.contains) { return text }
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    /// RFC 2047 B-encoded words separated by spaces (which readers drop between encoded-words).
    /// Words break between Unicode scalars, never inside one, as RFC 2047 requires.
    static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > encodedWordBytes {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return words.joined(separator: " ")
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?utf-8?B?\(Data(bytes).base64EncodedString())?="
    }

    /// Message-IDs go inside angle brackets, so anything that could close them or the line is dropped.
    static func messageIDSafe(_ id: String) -> String {
        String(id.unicodeScalars.filter { $0.value > 32 && $0.value < 127 && $0 != "<" && $0 != ">" })
    }

    /// Breaks a header line at spaces so each piece fits `headerLineLimit`; a piece that cannot be
    /// broken (a long address) is left long, which RFC 5322 allows up to 998 characters.
    static func folded(_ line: String) -> String {
        guard line.utf8.count > headerLineLimit else { return line }
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.utf8.count + 1 + word.utf8.count > headerLineLimit {
                lines.append(current)
                current = " " + word
            } else {
                current += " " + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    /// RFC 5322 date-time in UTC, built by hand so no locale can change the day or month names.
    static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int?) -> String {
            let s = String(n ?? 0)
            return s.count < 2 ? "0" + s : s
        }
        return "\(days[(c.weekday ?? 1) - 1]), \(two(c.day)) \(months[(c.month ?? 1) - 1]) \(c.year ?? 1970) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }

    // MARK: Body

    /// RFC 2045 quoted-printable of UTF-8 text, with CRLF hard line breaks and "=" soft breaks so no
    /// encoded line is longer than 76 characters. The result has 7-bit characters only, so no
    /// 8BITMIME support is needed from the server.
    static func quotedPrintable(_ text: String) -> String {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return normalised.split(separator: "\n", omittingEmptySubsequences: false)
            .map { quotedPrintableLine(Array($0.utf8)) }
            .joined(separator: "\r\n")
    }

    private static func quotedPrintableLine(_ bytes: [UInt8]) -> String {
        let hex = Array("0123456789ABCDEF")
        var output: [String] = []
        var current = ""
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal =
                (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                // Whitespace at the end of a line may be stripped in transit, so only inner spaces stay literal.
                || (!isLast && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")))
            let token = literal ? String(UnicodeScalar(byte)) : "=\(hex[Int(byte >> 4)])\(hex[Int(byte & 0x0F)])"
            // Keep room for the "=" of a soft break unless nothing follows on this line.
            let limit = isLast ? 76 : 75
            if current.count + token.count > limit {
                output.append(current + "=")
                current = ""
            }
            current += token
        }
        output.append(current)
        return output.joined(separator: "\r\n")
    }
}
