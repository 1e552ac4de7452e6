import Foundation

/// A stored value no version of Safeguard wrote (a workflow state or a listed kind it does not know). It is a fault to
/// fix in the data, never read as some other value: the error page gives the user a reference and the log names the
/// table, column and row, never the value.
struct StoredValueError: Error, CustomStringConvertible {
    var table: String
    var column: String
    /// The row's id, or its sequence number in the audit trail.
    var row: String

    init(table: String, column: String, id: UUID?) {
        self.init(table: table, column: column, row: id?.uuidString ?? "?")
    }

    init(table: String, column: String, row: String) {
        self.table = table
        self.column = column
        self.row = row
    }

    var description: String { "\(table).\(column) of row \(row) holds a value Safeguard does not know" }
}

extension RawRepresentable where RawValue == String {
    /// A stored value as its enum. A value no version of Safeguard wrote is a ``StoredValueError`` naming where it
    /// was found, never read as some other value.
    static func stored(_ raw: String, table: String, column: String, id: UUID?) throws -> Self {
        guard let value = Self(rawValue: raw) else { throw StoredValueError(table: table, column: column, id: id) }
        return value
    }
}
