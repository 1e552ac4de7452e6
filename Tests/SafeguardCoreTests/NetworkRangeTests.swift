import Testing

@testable import SafeguardCore

/// Address ranges for `/metrics` and trusted proxies, and the client address behind a proxy.
struct NetworkRangeTests {
    @Test(arguments: [
        ("127.0.0.0/8", "127.0.0.1", true), ("127.0.0.0/8", "128.0.0.1", false), ("10.1.2.3", "10.1.2.3", true),
        ("10.1.2.3", "10.1.2.4", false), ("192.168.0.0/22", "192.168.3.255", true),
        ("192.168.0.0/22", "192.168.4.0", false),
        ("::1/128", "::1", true), ("::1", "::2", false), ("2001:db8::/32", "2001:db8:ffff::1", true),
        ("2001:db8::/32", "2001:db9::1", false),
        ("127.0.0.0/8", "::ffff:127.0.0.1", true), ("0.0.0.0/0", "8.8.8.8", true),
        ("10.0.0.0/8", "not-an-address", false),
        ("fe80::/10", "fe80::1%eth0", true),
    ])
    func rangesContainTheirAddresses(range: String, address: String, inside: Bool) {
        #expect(NetworkRange(range)?.contains(address) == inside)
    }

    @Test(arguments: [
        "10.0.0.0/33", "10.0.0/8", "300.1.1.1", "::1/129", "1:2:3:4:5:6:7:8:9", "1::2::3", "", "10.0.0.0/x",
        "localhost",
    ])
    func badRangesAreRefused(text: String) {
        #expect(NetworkRange(text) == nil)
    }

    @Test func aListNamesItsBadEntry() throws {
        #expect(try NetworkRange.list("10.0.0.0/8, ::1").get().count == 2)
        #expect(NetworkRange.list("10.0.0.0/8, nonsense") == .failure(NetworkRange.BadEntry(text: "nonsense")))
    }

    @Test func forwardedAddressesAreBelievedOnlyFromTrustedProxies() {
        let proxies = [NetworkRange("10.0.0.0/8")!]
        #expect(
            ClientAddress.resolve(peer: "203.0.113.5", forwardedFor: ["1.2.3.4"], trustedProxies: proxies)
                == "203.0.113.5")
        #expect(
            ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["198.51.100.7"], trustedProxies: proxies)
                == "198.51.100.7")
        // A client that writes its own header only adds hops to the left of what our proxy saw.
        #expect(
            ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["6.6.6.6, 198.51.100.7"], trustedProxies: proxies)
                == "198.51.100.7")
        #expect(
            ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["198.51.100.7, 10.0.0.9"], trustedProxies: proxies)
                == "198.51.100.7")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: [], trustedProxies: proxies) == "10.0.0.2")
        #expect(
            ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["garbage"], trustedProxies: proxies) == "10.0.0.2")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["6.6.6.6"], trustedProxies: []) == "10.0.0.2")
    }
}
