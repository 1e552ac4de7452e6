import Foundation

/// What more than one administration page offers, as plain values: built from the records by ``AdminController``,
/// rendered by the views, and made by hand in `AdminPageViewTests` without a database.
enum AdminPages {
    /// An agency, district or team to choose in a form: its id and the words the list shows for it.
    struct Choice: Sendable {
        var id: UUID
        var label: String
    }
}
