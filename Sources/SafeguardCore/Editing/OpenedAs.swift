import Crypto
import Foundation

/// What an edit form was opened on. The form carries a stamp of the stored values it was filled from, and saving
/// compares that with the values stored now: when a colleague saved the record in between, the save is not made over
/// theirs unseen. Its author is shown both versions with everything they typed kept, and the next press saves theirs
/// knowingly. (Without this the last form saved silently undid the other person's change.)
///
/// Only the values the form shows go into the stamp: a change to anything else cannot be undone by the form, so it
/// does not hold a save up.
public struct OpenedAs: Sendable, Equatable {
    /// 24 hexadecimal characters; what the form's hidden field holds.
    public let stamp: String

    /// `values`: the stored values the form shows, always in the same order; nil for one that is empty.
    public init(values: [String?]) {
        var bytes: [UInt8] = []
        for value in values {
            // Each value with its length, so no two lists of values run together into the same bytes.
            if let value {
                bytes += Array("\(value.utf8.count):".utf8) + Array(value.utf8)
            } else {
                bytes += Array("-".utf8)
            }
            bytes.append(0x1F)
        }
        stamp = SHA256.hash(data: bytes).prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    /// What a save does.
    public enum Save: Sendable, Equatable {
        /// Nobody changed the shown values since the form was opened: save.
        case save
        /// They changed (or the form carried no stamp, so it cannot be told): save nothing, show what is stored
        /// `now` beside what was typed, and give the form `now`'s stamp so the next press saves.
        case changedMeanwhile(now: OpenedAs)
    }

    /// `sent`: the stamp the form came back with; `storedNow`: the record's shown values as they are stored now,
    /// read while the record is held for the write.
    public static func decide(sent: String?, storedNow: OpenedAs) -> Save {
        sent == storedNow.stamp ? .save : .changedMeanwhile(now: storedNow)
    }
}
