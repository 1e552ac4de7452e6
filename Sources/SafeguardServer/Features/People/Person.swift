import Fluent
import Foundation
import SafeguardCore

/// A child, adult or unborn child known to any agency in the partnership.
package final class Person: Model, @unchecked Sendable {
    package static let schema = "people"
    @ID package var id: UUID?
    @Field(key: "first_name") package var firstName: String
    @Field(key: "middle_names") package var middleNames: String
    @Field(key: "last_name") package var lastName: String
    /// Lower-cased copies for case-insensitive search that behaves the same on SQLite and PostgreSQL.
    @Field(key: "first_name_key") package var firstNameKey: String
    @Field(key: "last_name_key") package var lastNameKey: String
    @OptionalField(key: "date_of_birth") package var dateOfBirth: String?
    @OptionalField(key: "expected_date_of_birth") package var expectedDateOfBirth: String?
    @Field(key: "gender") package var gender: String
    @Field(key: "ethnicity") package var ethnicity: String
    @OptionalField(key: "nhs_number") package var nhsNumber: String?
    @Field(key: "language") package var language: String
    @OptionalField(key: "disability") package var disability: String?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?
    /// Set when this record was found to duplicate another and merged into it: it then leaves
    /// search and matching, and its links lead to the record kept.
    @OptionalParent(key: "merged_into_id") package var mergedInto: Person?

    @Children(for: \.$person) package var otherNames: [OtherName]

    package init() {}

    package var fullName: String { Self.fullName(first: firstName, middle: middleNames, last: lastName) }

    package static func fullName(first: String, middle: String, last: String) -> String {
        [first, middle, last].filter { !$0.isEmpty }.joined(separator: " ")
    }

    package var dob: SimpleDate? { dateOfBirth.flatMap(SimpleDate.init(iso:)) }
    package var expectedDob: SimpleDate? { expectedDateOfBirth.flatMap(SimpleDate.init(iso:)) }

    package func category(on today: SimpleDate) -> PersonCategory {
        PersonCategory.of(dateOfBirth: dob, expectedDate: expectedDob, on: today)
    }

    package static func key(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_GB"))
            .lowercased().trimmingCharacters(in: .whitespaces)
    }
}

/// Another name the person has used or is known by.
package final class OtherName: Model, @unchecked Sendable {
    package static let schema = "other_names"
    @ID package var id: UUID?
    @Parent(key: "person_id") package var person: Person
    @Field(key: "kind") package var kind: String
    @Field(key: "name") package var name: String
    @Field(key: "name_key") package var nameKey: String

    package init() {}
    package init(personID: UUID, kind: OtherNameKind, name: String) {
        self.$person.id = personID
        self.kind = kind.rawValue
        self.name = name
        self.nameKey = Person.key(name)
    }
}
