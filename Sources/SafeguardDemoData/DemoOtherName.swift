import Foundation
import SafeguardCore

/// A further full name a demo person is known by, so search and matching can be shown finding
/// someone referred under a maiden name, nickname or misspelling.
public struct DemoOtherName: Sendable, Equatable, Codable {
    public let kind: OtherNameKind
    public let name: String

    public init(kind: OtherNameKind, name: String) {
        self.kind = kind
        self.name = name
    }
}
