import Foundation
import Vapor

/// Reads an `application/x-www-form-urlencoded` body as ordered pairs. Forms that mix single
/// fields with checkbox lists do not decode into one Swift type, so pages read the pairs.
enum FormBody {
    static func pairs(_ req: Request) -> [(String, String)] {
        guard let body = req.body.string else { return [] }
        return body.split(separator: "&").compactMap { part in
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = decode(kv[0]) else { return nil }
            return (key, kv.count > 1 ? decode(kv[1]) ?? "" : "")
        }
    }

    private static func decode(_ s: Substring) -> String? {
        s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// The posted form as single values, trimmed (checkbox lists are read with `list`).
    static func fields(_ req: Request) throws -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in pairs(req) where !k.hasSuffix("[]") { out[k] = v.trimmingCharacters(in: .whitespacesAndNewlines) }
        return out
    }

    /// Every value posted under `name[]`, as checkboxes send them.
    static func list(_ req: Request, _ name: String) throws -> [String] {
        pairs(req).filter { $0.0 == name + "[]" }.map(\.1)
    }
}
