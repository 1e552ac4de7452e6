import Fluent
import SafeguardCore

extension YearlyReference {
    /// The next reference of `year` for a model whose `reference` column holds these: one more than this year's
    /// count. Call it inside the audited write that saves the record, so counting and saving are one transaction.
    func next<M: Model>(_ model: M.Type, _ reference: KeyPath<M, FieldProperty<M, String>>, year: Int, on db: Database) async throws -> String {
        let count = try await M.query(on: db).filter(reference, .custom("LIKE"), likePattern(year: year)).count()
        return make(year: year, number: count + 1)
    }
}
