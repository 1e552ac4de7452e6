import Crypto
import Foundation
import SafeguardCore

/// Random secrets for cookies and API tokens, and the hashes we store instead of them.
enum SessionToken {
    static func random(bytes: Int = 32) -> String {
        var g = SystemRandomNumberGenerator()
        let raw = (0..<bytes).map { _ in UInt8.random(in: 0...255, using: &g) }
        return Data(raw).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> String {
        HexText.lowercase(SHA256.hash(data: Data(token.utf8)))
    }

    /// The CSRF token for a browser: an HMAC of its CSRF cookie under the server's secret,
    /// so a forged form cannot carry it without reading our cookie.
    static func csrf(for cookie: String, secret: [UInt8]) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(cookie.utf8), using: SymmetricKey(data: secret))
        return HexText.lowercase(Data(mac))
    }

    /// Compares without stopping at the first difference, so timing reveals nothing.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
