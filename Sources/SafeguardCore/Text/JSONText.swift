/// Forbidden characters (see ``TypedText``) removed from a JSON document before it is decoded,
/// as `\u0000`-style escapes or raw bytes, inside strings only. One pass, no parsing.
public enum JSONText {
    public static func cleaned(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        var inString = false
        while i < b.count {
            let c = b[i]
            guard inString else {
                if c == UInt8(ascii: "\"") { inString = true }
                out.append(c)
                i += 1
                continue
            }
            if c == UInt8(ascii: "\"") {
                inString = false
                out.append(c)
                i += 1
                continue
            }
            if c == 0xE2, i + 2 < b.count, FormEncodedText.isBidi(b[i + 1], b[i + 2]) {
                i += 3
                continue
            }
            if c == UInt8(ascii: "\\"), i + 1 < b.count {
                if b[i + 1] == UInt8(ascii: "u"), let scalar = escapedScalar(b, at: i), TypedText.isForbidden(scalar) {
                    i += 6
                } else {
                    out.append(c)
                    out.append(b[i + 1])
                    i += 2
                }
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// The character `\uXXXX` at `i` stands for, if it is one.
    static func escapedScalar(_ b: [UInt8], at i: Int) -> Unicode.Scalar? {
        guard i + 5 < b.count else { return nil }
        var value: UInt32 = 0
        for k in 2...5 {
            guard let h = FormEncodedText.hexValue(b[i + k]) else { return nil }
            value = value << 4 | UInt32(h)
        }
        return Unicode.Scalar(value)
    }
}
