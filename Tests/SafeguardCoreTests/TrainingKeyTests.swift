import Foundation
import Testing

@testable import SafeguardCore

struct TrainingKeyTests {
    /// SplitMix64, so a seed gives the same keys on every platform.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Always returns the same number: makes the mapping from random bits to symbols visible.
    struct FixedGenerator: RandomNumberGenerator {
        var value: UInt64
        mutating func next() -> UInt64 { value }
    }

    @Test(arguments: [
        ("North Midlands Community Services", "NMCS"),
        ("NHS Hertfordshire", "NHSH"),
        ("Herts Constabulary", "HC"),
        ("Children's Services", "CS"),
        ("Police", "POLI"),
        ("HSCB", "HSCB"),
        ("Drug and Alcohol Service", "DAS"),
        ("Health - East and North Herts NHS Trust", "HENH"),
        ("Société Générale Écoles", "SGE"),
        ("   ", "KEY"),
    ])
    func thePrefixComesFromTheAgencyName(name: String, prefix: String) {
        #expect(RegistrationKey.prefix(forAgency: name) == prefix)
    }

    @Test func generationIsDeterministicForASeedAndUsesTheUnambiguousAlphabet() throws {
        var a = SeededGenerator(state: 42)
        var b = SeededGenerator(state: 42)
        let first = (0..<20).map { _ in
            RegistrationKey.generateCode(agencyName: "North Midlands Community Services", using: &a)
        }
        let again = (0..<20).map { _ in
            RegistrationKey.generateCode(agencyName: "North Midlands Community Services", using: &b)
        }
        #expect(first == again)
        #expect(Set(first).count == 20)
        for code in first {
            let parts = code.split(separator: "-").map(String.init)
            #expect(parts.count == 3 && parts[0] == "NMCS" && parts[1].count == 4 && parts[2].count == 4)
            #expect((parts[1] + parts[2]).allSatisfy { RegistrationKey.alphabet.contains($0) })
            #expect(!(parts[1] + parts[2]).contains { "0O1I".contains($0) })
        }
        var zeros = FixedGenerator(value: 0)
        var ones = FixedGenerator(value: 31)
        #expect(RegistrationKey.generateCode(agencyName: "Police", using: &zeros) == "POLI-AAAA-AAAA")
        #expect(RegistrationKey.generateCode(agencyName: "Police", using: &ones) == "POLI-9999-9999")
        #expect(RegistrationKey.alphabet.count == 32 && Set(RegistrationKey.alphabet).count == 32)
    }

    @Test(arguments: [
        "NMCS-7K3Q-9PXD", "nmcs 7k3q 9pxd", "NMCS7K3Q9PXD", " nmcs-7K3Q - 9pxd ", "NMCS_7K3Q_9PXD", "nmcs–7k3q–9pxd",
    ])
    func whateverIsTypedMatches(typed: String) {
        let key = RegistrationKey(agencyID: UUID(), code: "NMCS-7K3Q-9PXD", issuedAt: Date())
        #expect(key.matches(typed))
        #expect(RegistrationKey.normalised(typed) == "NMCS7K3Q9PXD")
    }

    @Test(arguments: ["NMCS-7K3Q-9PXE", "NMCS-7K3Q-9PX", "NMCS-7K3Q-9PXDD", "", "----"])
    func otherKeysDoNotMatch(typed: String) {
        let key = RegistrationKey(agencyID: UUID(), code: "NMCS-7K3Q-9PXD", issuedAt: Date())
        #expect(!key.matches(typed))
    }

    @Test func zeroAndOneAreReadAsTheLetters() {
        let key = RegistrationKey(agencyID: UUID(), code: "HOSI-7K3Q-9PXD", issuedAt: Date())
        #expect(key.matches("h0s1 7k3q 9pxd"))
        #expect(key.normalisedCode == "HOSI7K3Q9PXD")
    }

    @Test func aRevokedKeyStillMatchesButIsNotAccepted() {
        var generator = SeededGenerator(state: 7)
        let issued = Date(timeIntervalSince1970: 1_700_000_000)
        var key = RegistrationKey.issue(
            agencyID: UUID(), agencyName: "Herts Constabulary", at: issued, using: &generator)
        #expect(key.code.hasPrefix("HC-") && key.issuedAt == issued)
        #expect(key.accepts(key.code.lowercased()))
        let revoked = issued.addingTimeInterval(86_400)
        key.revoke(at: revoked)
        key.revoke(at: revoked.addingTimeInterval(86_400))
        #expect(key.isRevoked && key.revokedAt == revoked)
        #expect(key.matches(key.code) && !key.accepts(key.code))
    }
}
