import Foundation

/// The person a casework page is about, as its back link and caption show them: plain values, so a
/// page can be rendered in a test without a database.
struct PersonHeading: Sendable, Equatable {
    var id: UUID
    /// "Kayla Marie Smith": the back link and the caption above the page's heading.
    var name: String
    /// "Kayla": how the page's text speaks of them.
    var firstName: String
}

extension PersonHeading {
    init(_ person: Person) throws {
        self.init(id: try person.requireID(), name: person.fullName, firstName: person.firstName)
    }
}
