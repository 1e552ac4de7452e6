/// Walks the audit trail in sequence order and reports the first entry that was altered,
/// removed or inserted. Fed one entry at a time so a trail of millions never sits in memory.
public struct AuditChainVerifier: Sendable {
    public enum Failure: Equatable, Sendable, CustomStringConvertible {
        /// The entry's fields no longer give its stored hash: it was edited.
        case altered(sequence: Int64)
        /// The entry does not chain to the one before it: that one was edited, or entries between were removed.
        case brokenLink(sequence: Int64)
        /// Sequence numbers jump: the entries in between were removed.
        case missing(from: Int64, to: Int64)
        /// The trail ends before the head recorded at the last append: its tail was removed.
        case truncated(lastSeen: Int64, expected: Int64)
        /// The entry ends a sealed batch but its hash is not the one recorded at sealing: the trail was rewritten from here back.
        case unlikeSeal(sequence: Int64)

        public var description: String {
            switch self {
            case .altered(let s): "entry \(s) was altered: its contents do not match its hash"
            case .brokenLink(let s):
                "entry \(s) does not follow from entry \(s - 1): that entry was altered or replaced"
            case .missing(let from, let to):
                from == to ? "entry \(from) was removed" : "entries \(from) to \(to) were removed"
            case .truncated(let last, let expected):
                "the trail ends at entry \(last) but entry \(expected) was written: entries after \(last) were removed"
            case .unlikeSeal(let s):
                "entry \(s) does not match the hash recorded when its batch was sealed: the trail was rewritten"
            }
        }
    }

    private var previous: (sequence: Int64, hash: String)?
    public private(set) var checked: Int64 = 0

    public init() {}

    /// Checks the next entry; returns the first failure found, if any. `sealedHash` is the hash recorded for this
    /// entry when the batch it ends was sealed, if it ends one.
    public mutating func check(_ record: AuditRecord, sealedHash: String? = nil) -> Failure? {
        defer {
            previous = (record.sequence, record.hash)
            checked += 1
        }
        let expectedSequence = (previous?.sequence ?? 0) + 1
        if record.sequence > expectedSequence {
            return .missing(from: expectedSequence, to: record.sequence - 1)
        }
        if record.computedHash != record.hash { return .altered(sequence: record.sequence) }
        if record.previousHash != (previous?.hash ?? AuditRecord.genesisHash) {
            return .brokenLink(sequence: record.sequence)
        }
        if let sealedHash, sealedHash != record.hash { return .unlikeSeal(sequence: record.sequence) }
        return nil
    }

    /// Records an entry whose stored action is not one any version of Safeguard writes: it can only have been
    /// altered. The walk goes on from its stored hash, so the entries after it are checked as usual.
    public mutating func unreadable(sequence: Int64, hash: String) -> Failure {
        previous = (sequence, hash)
        checked += 1
        return .altered(sequence: sequence)
    }

    /// Compares where the walk ended with the head written beside the trail at each append.
    public func finish(headSequence: Int64, headHash: String) -> Failure? {
        let last = previous?.sequence ?? 0
        if last < headSequence { return .truncated(lastSeen: last, expected: headSequence) }
        if last == headSequence, let previous, previous.hash != headHash { return .altered(sequence: last) }
        return nil
    }
}
