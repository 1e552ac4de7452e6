import Testing

@testable import SafeguardCore

struct PasswordPolicyTests {
    let policy = PasswordPolicy.standard

    @Test(arguments: ["Harbour-Lantern-Velvet", "correct horse battery staple", "tT9#kq2!Lm0z"])
    func acceptsLongUncommonPasswords(_ pw: String) throws {
        try policy.check(pw)
    }

    @Test(arguments: [
        ("short-pass1", PasswordPolicy.Problem.tooShort),
        ("passwordpassword", .common),
        ("Password1234", .common),
        ("qwertyuiop123!", .common),
        ("aaaaaaaaaaaaaa", .common),
        ("abcdefghijklmn", .common),
        (String(repeating: "x7", count: 70), .tooLong),
    ])
    func refuses(_ pw: String, _ problem: PasswordPolicy.Problem) {
        #expect(throws: problem) { try policy.check(pw) }
    }

    @Test func refusesThePersonsOwnEmail() {
        #expect(throws: PasswordPolicy.Problem.containsEmail) {
            try policy.check("jo.bloggs@example.org!", email: "jo.bloggs@example.org")
        }
    }
}

struct AuditChainTests {
    func chain(_ n: Int) -> [AuditRecord] {
        var records: [AuditRecord] = []
        var last = AuditRecord(
            sequence: 1, occurredAtMillis: 1_700_000_000_000, userID: "u1", agencyID: "a1", action: .view,
            recordType: "person", recordID: "p1", reason: "", sourceAddress: "127.0.0.1",
            previousHash: AuditRecord.genesisHash)
        records.append(last)
        for i in 2...n {
            last = last.next(
                occurredAtMillis: 1_700_000_000_000 + Int64(i), userID: "u\(i % 3)", agencyID: "a1",
                action: .view, recordType: "person", recordID: "p\(i)", reason: "", sourceAddress: "10.0.0.\(i)")
            records.append(last)
        }
        return records
    }

    func verify(_ records: [AuditRecord], head: AuditRecord?) -> AuditChainVerifier.Failure? {
        var v = AuditChainVerifier()
        for r in records { if let f = v.check(r) { return f } }
        return v.finish(headSequence: head?.sequence ?? 0, headHash: head?.hash ?? AuditRecord.genesisHash)
    }

    @Test func anIntactChainVerifies() {
        let records = chain(50)
        #expect(verify(records, head: records.last) == nil)
    }

    @Test func anEditedEntryIsReportedByNumber() {
        var records = chain(50)
        records[19].reason = "changed afterwards"
        #expect(verify(records, head: records.last) == .altered(sequence: 20))
    }

    @Test func anEditThatRecomputesTheHashBreaksTheNextLink() {
        var records = chain(50)
        records[19].userID = "someone-else"
        records[19].hash = records[19].computedHash
        #expect(verify(records, head: records.last) == .brokenLink(sequence: 21))
    }

    @Test func aRemovedEntryIsReported() {
        var records = chain(50)
        records.remove(at: 9)
        #expect(verify(records, head: records.last) == .missing(from: 10, to: 10))
    }

    @Test func aRemovedTailIsReported() {
        let records = chain(50)
        #expect(verify(Array(records.prefix(45)), head: records.last) == .truncated(lastSeen: 45, expected: 50))
    }

    @Test func fieldsCannotBeShiftedBetweenColumns() {
        let a = AuditRecord(
            sequence: 1, occurredAtMillis: 1, userID: "ab", agencyID: "c", action: .view, recordType: "t",
            recordID: "r", reason: "", sourceAddress: "", previousHash: AuditRecord.genesisHash)
        let b = AuditRecord(
            sequence: 1, occurredAtMillis: 1, userID: "a", agencyID: "bc", action: .view, recordType: "t",
            recordID: "r", reason: "", sourceAddress: "", previousHash: AuditRecord.genesisHash)
        #expect(a.hash != b.hash)
    }
}
