/// Bytes written as lower-case hexadecimal, as every hash and token in Safeguard is stored and compared.
/// By table: `String(format: "%02x")` for each byte cost more than the hashing itself (sealing, every request's
/// session and form tokens).
public enum HexText {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func lowercase<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
