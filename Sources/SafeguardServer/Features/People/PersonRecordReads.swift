import Fluent
import FluentSQL
import SQLKit
import SafeguardCore
import Vapor

/// The person page's reads, each one query where Fluent's eager loading took one per table: the page is the most
/// viewed in Safeguard, and its time went on the number of queries rather than on what they found (31 queries a
/// view before; see the README's "Load").
enum PersonRecordReads {
    /// How many rows each of the record's less common sections has, and whether the common ones have any, read in
    /// the same query as the person (`PersonAccess.authoriseRecord`): a section with nothing in it costs no query.
    /// (Nearly half the people in a partnership have no chronology and no agency working with them now.)
    struct Sections: Sendable {
        var otherNames = 0, maleCarerChecks = 0, merges = 0, protections = 0, assessments = 0, missingEpisodes = 0,
            panelCases = 0, cuckooedHomes = 0
        var anyHome = true, anyHomeNow = true, anyRelationship = true, anyInvolvement = true, anyChronology = true

        /// The columns that count them, for a query over `people p`.
        static let columns: SQLQueryString = """
            (SELECT COUNT(*) FROM \(ident: OtherName.schema) WHERE person_id = p.id) AS sg_other_names,
            (SELECT COUNT(*) FROM \(ident: MaleCarerCheckRecord.schema) WHERE child_id = p.id) AS sg_male_carer_checks,
            (SELECT COUNT(*) FROM \(ident: PersonMerge.schema) WHERE kept_person_id = p.id AND undone_at IS NULL) AS sg_merges,
            (SELECT COUNT(*) FROM \(ident: ProtectionRecord.schema) WHERE person_id = p.id) AS sg_protections,
            (SELECT COUNT(*) FROM \(ident: Assessment.schema) WHERE person_id = p.id) AS sg_assessments,
            (SELECT COUNT(*) FROM \(ident: MissingEpisodeRecord.schema) WHERE person_id = p.id) AS sg_missing_episodes,
            (SELECT COUNT(*) FROM \(ident: PanelCaseRecord.schema) WHERE person_id = p.id) AS sg_panel_cases,
            (SELECT COUNT(*) FROM \(ident: CuckooedHome.schema) WHERE person_id = p.id) AS sg_cuckooed_homes,
            EXISTS(SELECT 1 FROM \(ident: Residence.schema) WHERE person_id = p.id) AS sg_any_home,
            EXISTS(SELECT 1 FROM \(ident: Residence.schema) WHERE person_id = p.id AND to_date IS NULL) AS sg_any_home_now,
            EXISTS(SELECT 1 FROM \(ident: PersonRelationship.schema) WHERE from_person_id = p.id OR to_person_id = p.id) AS sg_any_relationship,
            EXISTS(SELECT 1 FROM \(ident: AgencyInvolvement.schema) WHERE person_id = p.id AND ended_on IS NULL) AS sg_any_involvement,
            EXISTS(SELECT 1 FROM \(ident: ChronologyEntry.schema) WHERE person_id = p.id) AS sg_any_chronology
            """

        init() {}

        /// From a row that has `columns`.
        init(_ row: any SQLRow) throws {
            func count(_ column: String) throws -> Int { try row.decode(column: "sg_" + column, as: Int.self) }
            func any(_ column: String) throws -> Bool { try row.decode(column: "sg_any_" + column, as: Bool.self) }
            otherNames = try count("other_names")
            maleCarerChecks = try count("male_carer_checks")
            merges = try count("merges")
            protections = try count("protections")
            assessments = try count("assessments")
            missingEpisodes = try count("missing_episodes")
            panelCases = try count("panel_cases")
            cuckooedHomes = try count("cuckooed_homes")
            anyHome = try any("home")
            anyHomeNow = try any("home_now")
            anyRelationship = try any("relationship")
            anyInvolvement = try any("involvement")
            anyChronology = try any("chronology")
        }
    }

    /// Every home the person has had, newest first, with the address and its district.
    static func residences(of id: UUID, on db: Database) async throws -> [PersonRecord.Residency] {
        let query: SQLQueryString = """
            SELECT a.*, r.from_date AS sg_from, r.to_date AS sg_to, d.name AS sg_district
            FROM \(ident: Residence.schema) r
            JOIN \(ident: Address.schema) a ON a.id = r.address_id
            LEFT JOIN \(ident: District.schema) d ON d.id = a.district_id
            WHERE r.person_id = \(bind: id)
            ORDER BY r.from_date DESC
            """
        return try await db.preparedRows(query).map { row in
            PersonRecord.Residency(
                address: try row.decode(fluentModel: Address.self).singleLine,
                from: try row.decode(column: "sg_from", as: String.self),
                to: try row.decode(column: "sg_to", as: String?.self),
                district: try row.decode(column: "sg_district", as: String?.self))
        }
    }

    /// Another person as the record lists them: name, gender and age group, not their whole row.
    struct Someone: Sendable {
        var id: UUID
        var fullName: String
        var gender: Gender
        var dateOfBirth: SimpleDate?
        var expectedDateOfBirth: SimpleDate?

        func category(on today: SimpleDate) -> PersonCategory {
            PersonCategory.of(dateOfBirth: dateOfBirth, expectedDate: expectedDateOfBirth, on: today)
        }

        static let columns: SQLQueryString =
            "p.id, p.first_name, p.middle_names, p.last_name, p.gender, p.date_of_birth, p.expected_date_of_birth"

        init(_ row: any SQLRow) throws {
            id = try row.decode(column: "id", as: UUID.self)
            fullName = Person.fullName(
                first: try row.decode(column: "first_name", as: String.self),
                middle: try row.decode(column: "middle_names", as: String.self),
                last: try row.decode(column: "last_name", as: String.self))
            gender = try Gender.stored(
                row.decode(column: "gender", as: String.self), table: Person.schema, column: "gender", id: id)
            dateOfBirth = try row.decode(column: "date_of_birth", as: String?.self).flatMap(SimpleDate.init(iso:))
            expectedDateOfBirth = try row.decode(column: "expected_date_of_birth", as: String?.self).flatMap(
                SimpleDate.init(iso:))
        }
    }

    /// The people around the person, in one query: everyone else living now where the person lives now (whatever
    /// relationships are recorded, merged duplicates left out), and the recorded relationships, each with the other
    /// person and which way it was recorded. A query skipped when its section is empty (see `Sections`).
    struct PeopleAround: Sendable {
        var housemates: [Someone] = []
        var relationships: [(kind: String, towardsThisPerson: Bool, other: Someone)] = []
    }

    static func peopleAround(
        of id: UUID, housemates: Bool, relationships: Bool, on db: Database
    ) async throws -> PeopleAround {
        var parts: [SQLQueryString] = []
        if housemates {
            parts.append(
                """
                SELECT 'housemate' AS sg_source, '' AS sg_kind, 0 AS sg_towards, \(Someone.columns)
                FROM \(ident: Residence.schema) r JOIN \(ident: Person.schema) p ON p.id = r.person_id
                WHERE r.to_date IS NULL AND r.person_id <> \(bind: id) AND p.merged_into_id IS NULL
                  AND r.address_id IN (SELECT address_id FROM \(ident: Residence.schema) WHERE person_id = \(bind: id) AND to_date IS NULL)
                """)
        }
        if relationships {
            parts.append(
                """
                SELECT 'relationship' AS sg_source, rel.kind AS sg_kind, 1 AS sg_towards, \(Someone.columns)
                FROM \(ident: PersonRelationship.schema) rel JOIN \(ident: Person.schema) p ON p.id = rel.from_person_id
                WHERE rel.to_person_id = \(bind: id)
                UNION ALL
                SELECT 'relationship' AS sg_source, rel.kind AS sg_kind, 0 AS sg_towards, \(Someone.columns)
                FROM \(ident: PersonRelationship.schema) rel JOIN \(ident: Person.schema) p ON p.id = rel.to_person_id
                WHERE rel.from_person_id = \(bind: id)
                """)
        }
        guard !parts.isEmpty else { return PeopleAround() }
        var around = PeopleAround()
        for row in try await db.preparedRows(parts.joined(separator: " UNION ALL ")) {
            let someone = try Someone(row)
            if try row.decode(column: "sg_source", as: String.self) == "housemate" {
                around.housemates.append(someone)
            } else {
                around.relationships.append(
                    (
                        try row.decode(column: "sg_kind", as: String.self),
                        try row.decode(column: "sg_towards", as: Int.self) == 1, someone
                    ))
            }
        }
        return around
    }

    /// The agencies working with the person now.
    static func involvements(of id: UUID, on db: Database) async throws -> [PersonRecord.Involvement] {
        let query: SQLQueryString = """
            SELECT a.name AS sg_agency, a.kind AS sg_kind, i.started_on FROM \(ident: AgencyInvolvement.schema) i
            JOIN \(ident: Agency.schema) a ON a.id = i.agency_id
            WHERE i.person_id = \(bind: id) AND i.ended_on IS NULL
            ORDER BY i.started_on, a.name
            """
        return try await db.preparedRows(query).map { row in
            PersonRecord.Involvement(
                agency: try row.decode(column: "sg_agency", as: String.self),
                kind: try row.decode(column: "sg_kind", as: AgencyKind.self).displayName,
                since: try row.decode(column: "started_on", as: String.self))
        }
    }

    /// One chronology entry with who recorded it, before the visibility rule is applied.
    struct ChronologyRow: Sendable {
        var event: PersonChronology.Event
        var visibility: ChronologyVisibility
        var agencyID: UUID?
    }

    static func chronology(of id: UUID, on db: Database) async throws -> [ChronologyRow] {
        let query: SQLQueryString = """
            SELECT c.occurred_at, c.date_only, c.recorded_at, c.category, c.summary, c.visibility, c.agency_id,
                   a.name AS sg_agency, u.display_name AS sg_by
            FROM \(ident: ChronologyEntry.schema) c
            LEFT JOIN \(ident: Agency.schema) a ON a.id = c.agency_id
            LEFT JOIN \(ident: User.schema) u ON u.id = c.recorded_by
            WHERE c.person_id = \(bind: id)
            """
        return try await db.preparedRows(query).map { row in
            let occurred = try row.decode(column: "occurred_at", as: Date.self)
            let event = PersonChronology.Event(
                when: occurred, dateOnly: try row.decode(column: "date_only", as: Bool.self),
                recordedAt: try row.decode(column: "recorded_at", as: Date?.self) ?? occurred,
                category: try row.decode(column: "category", as: String.self),
                summary: try row.decode(column: "summary", as: String.self),
                agency: try row.decode(column: "sg_agency", as: String?.self) ?? "",
                by: try row.decode(column: "sg_by", as: String?.self) ?? "")
            return ChronologyRow(
                event: event,
                visibility: ChronologyVisibility(rawValue: try row.decode(column: "visibility", as: String.self))
                    ?? .safeguarding,
                agencyID: try row.decode(column: "agency_id", as: UUID?.self))
        }
    }
}
