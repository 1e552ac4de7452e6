import Crypto
import Foundation
import Testing

@testable import SafeguardCore

/// Hashes are stored as lower-case hex: the text must not change, or sealed trails would stop verifying.
struct HexTextTests {
    @Test func bytesAreWrittenAsLowerCaseHexTwoDigitsEach() {
        #expect(HexText.lowercase([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(HexText.lowercase([UInt8]()) == "")
        #expect(
            HexText.lowercase(SHA256.hash(data: Data("abc".utf8)))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    /// The expected value was computed outside Safeguard (Python's hashlib over the same length-prefixed fields).
    @Test func anAuditRecordsHashIsTheSameTextAsBefore() {
        let record = AuditRecord(
            sequence: 7, occurredAtMillis: 1_700_000_000_000, userID: "u1", agencyID: "a1", action: .view,
            recordType: "person", recordID: "p1", reason: "", sourceAddress: "127.0.0.1",
            previousHash: AuditRecord.genesisHash)
        #expect(record.hash == "8a3877215aaadd3e372c785f1c3c59e01f63ee93c5df938cdbe8727ad263fdd2")
    }
}
