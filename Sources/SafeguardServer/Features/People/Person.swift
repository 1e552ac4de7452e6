import Fluent
import Foundation
import SafeguardCore

/// A child, adult or unborn child known to any agency in the partnership.
final class Person: Model, @unchecked Sendable {
    static let schema = "people"
    @ID var id: UUID?
    @Field(key: "first_name") var firstName: String
    @Field(key: "middle_names") var middleNames: String
    @Field(key: "last_name") var lastName: String
    /// Lower-cased copies for case-insensitive search that behaves the same on SQLite and PostgreSQL.
    @Field(key: "first_name_key") var firstNameKey: String
    @Field(key: "last_name_key") var lastNameKey: String
    @OptionalField(key: "date_of_birth") var dateOfBirth: String?
    @OptionalField(key: "expected_date_of_birth") var expectedDateOfBirth: String?
    @Field(key: "gender") var gender: String
    @Field(key: "ethnicity") var ethnicity: String
    @OptionalField(key: "nhs_number") var nhsNumber: String?
    @Field(key: "language") var language: String
    @OptionalField(key: "disability") var disability: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// Set when this record was found to duplicate another and merged into it: it then leaves
    /// search and matching, and its links lead to the record kept.
    @OptionalParent(key: "merged_into_id") var mergedInto: Person?

    @Children(for: \.$person) var otherNames: [OtherName]

    init() {}

    var fullName: String { Self.fullName(first: firstName, middle: middleNames, last: lastName) }

    static func fullName(first: String, middle: String, last: String) -> String {
        [first, middle, last].filter { !$0.isEmpty }.joined(separator: " ")
    }

    var dob: SimpleDate? { dateOfBirth.flatMap(SimpleDate.init(iso:)) }
    var expectedDob: SimpleDate? { expectedDateOfBirth.flatMap(SimpleDate.init(iso:)) }

    func category(on today: SimpleDate) -> PersonCategory {
        PersonCategory.of(dateOfBirth: dob, expectedDate: expectedDob, on: today)
    }

    static func key(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_GB"))
            .lowercased().trimmingCharacters(in: .whitespaces)
    }
}

/// Another name the person has used or is known by.
final class OtherName: Model, @unchecked Sendable {
    static let schema = "other_names"
    @ID var id: UUID?
    @Parent(key: "person_id") var person: Person
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    @Field(key: "name_key") var nameKey: String

    init() {}
    init(personID: UUID, kind: OtherNameKind, name: String) {
        self.$person.id = personID
        self.kind = kind.rawValue
        self.name = name
        self.nameKey = Person.key(name)
    }
}
