import Foundation

/// An IPv4 or IPv6 address range in CIDR form ("10.0.0.0/8", "::1/128", or one address), for
/// the settings that say which addresses may read `/metrics` and which proxies are trusted.
public struct NetworkRange: Equatable, Sendable, CustomStringConvertible {
    let network: [UInt8]
    let prefixLength: Int
    public let description: String

    /// Parses CIDR text; nil when it is not an address or the prefix does not fit it.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let bytes = NetworkRange.bytes(of: String(parts[0])) else { return nil }
        let bits = bytes.count * 8
        let length: Int
        if parts.count == 2 {
            guard let n = Int(parts[1]), (0...bits).contains(n), parts[1].allSatisfy(\.isNumber) else { return nil }
            length = n
        } else {
            length = bits
        }
        network = NetworkRange.masked(bytes, to: length)
        prefixLength = length
        description = trimmed
    }

    /// A comma-separated list; nil names the first entry that is not a range.
    public static func list(_ text: String) -> Result<[NetworkRange], BadEntry> {
        var ranges: [NetworkRange] = []
        for entry in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            guard let r = NetworkRange(entry) else { return .failure(BadEntry(text: entry)) }
            ranges.append(r)
        }
        return .success(ranges)
    }

    public struct BadEntry: Error, Equatable {
        public let text: String
    }

    /// Loopback only: the default for `/metrics`.
    public static let loopback = [NetworkRange("127.0.0.0/8")!, NetworkRange("::1/128")!]

    public func contains(_ address: String) -> Bool {
        guard var bytes = NetworkRange.bytes(of: address) else { return false }
        // An IPv4 address written as IPv6 (::ffff:a.b.c.d) is the IPv4 address.
        if bytes.count == 16, network.count == 4, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF,
            bytes[11] == 0xFF
        {
            bytes = Array(bytes[12...])
        }
        guard bytes.count == network.count else { return false }
        return NetworkRange.masked(bytes, to: prefixLength) == network
    }

    static func masked(_ bytes: [UInt8], to length: Int) -> [UInt8] {
        bytes.enumerated().map { i, b in
            let keep = max(0, min(8, length - i * 8))
            return keep == 8 ? b : b & UInt8(truncatingIfNeeded: 0xFF << (8 - keep))
        }
    }

    /// The 4 or 16 bytes of an address in text form, or nil.
    public static func bytes(of text: String) -> [UInt8]? {
        if text.contains(":") { return ipv6(text) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out: [UInt8] = []
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy(\.isNumber), let v = UInt8(p) else { return nil }
            out.append(v)
        }
        return out
    }

    private static func ipv6(_ text: String) -> [UInt8]? {
        var text = Substring(text)
        if let zone = text.firstIndex(of: "%") { text = text[..<zone] }  // fe80::1%eth0
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ s: String) -> [UInt8]? {
            guard !s.isEmpty else { return [] }
            var out: [UInt8] = []
            let parts = s.split(separator: ":", omittingEmptySubsequences: false)
            for (i, p) in parts.enumerated() {
                if i == parts.count - 1, p.contains("."), let v4 = bytes(of: String(p)) {
                    out += v4
                    continue
                }
                guard !p.isEmpty, p.count <= 4, let v = UInt16(p, radix: 16) else { return nil }
                out += [UInt8(v >> 8), UInt8(v & 0xFF)]
            }
            return out
        }
        guard let head = groups(halves[0]) else { return nil }
        if halves.count == 1 { return head.count == 16 ? head : nil }
        guard let tail = groups(halves[1]), head.count + tail.count < 16 else { return nil }
        return head + Array(repeating: 0, count: 16 - head.count - tail.count) + tail
    }
}

/// The address a request came from. Behind a reverse proxy every connection comes from the proxy,
/// so the client's own address is read from `X-Forwarded-For`, but only when the connection comes
/// from a proxy the partnership has listed: anyone else could write the header to hide behind.
public enum ClientAddress {
    /// `peer` is the connection's address; `forwardedFor` the header's values, in order.
    public static func resolve(peer: String, forwardedFor: [String], trustedProxies: [NetworkRange]) -> String {
        guard trustedProxies.contains(where: { $0.contains(peer) }) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        // From the nearest hop outwards: the first address that is not one of our proxies is the client.
        for hop in hops.reversed() where !trustedProxies.contains(where: { $0.contains(hop) }) {
            return NetworkRange.bytes(of: hop) != nil ? hop : peer
        }
        return hops.first ?? peer
    }
}
