import Fluent
import FluentSQL
import SQLKit
import Vapor
import SafeguardCore

/// The person page's reads, each one query where Fluent's eager loading took one per table: the page is the most
/// viewed in Safeguard, and its time went on the number of queries rather than on what they found (31 queries a
/// view before; see the README's "Load").
enum PersonRecordReads {
    /// How many rows each of the record's less common sections has, in one query, so that the sections most
    /// people do not have cost nothing.
    struct Sections: Sendable {
        var otherNames = 0, maleCarerChecks = 0, merges = 0, protections = 0, assessments = 0, missingEpisodes = 0,
            panelCases = 0, cuckooedHomes = 0
    }

    static func sections(of id: UUID, on db: Database) async throws -> Sections {
        let query: SQLQueryString = """
            SELECT
              (SELECT COUNT(*) FROM \(ident: OtherName.schema) WHERE person_id = \(bind: id)) AS other_names,
              (SELECT COUNT(*) FROM \(ident: MaleCarerCheckRecord.schema) WHERE child_id = \(bind: id)) AS male_carer_checks,
              (SELECT COUNT(*) FROM \(ident: PersonMerge.schema) WHERE kept_person_id = \(bind: id) AND undone_at IS NULL) AS merges,
              (SELECT COUNT(*) FROM \(ident: ProtectionRecord.schema) WHERE person_id = \(bind: id)) AS protections,
              (SELECT COUNT(*) FROM \(ident: Assessment.schema) WHERE person_id = \(bind: id)) AS assessments,
              (SELECT COUNT(*) FROM \(ident: MissingEpisodeRecord.schema) WHERE person_id = \(bind: id)) AS missing_episodes,
              (SELECT COUNT(*) FROM \(ident: PanelCaseRecord.schema) WHERE person_id = \(bind: id)) AS panel_cases,
              (SELECT COUNT(*) FROM \(ident: CuckooedHome.schema) WHERE person_id = \(bind: id)) AS cuckooed_homes
            """
        guard let row = try await db.preparedRow(query) else { return Sections() }
        func count(_ column: String) throws -> Int { try row.decode(column: column, as: Int.self) }
        return Sections(otherNames: try count("other_names"), maleCarerChecks: try count("male_carer_checks"), merges: try count("merges"),
                        protections: try count("protections"), assessments: try count("assessments"),
                        missingEpisodes: try count("missing_episodes"), panelCases: try count("panel_cases"),
                        cuckooedHomes: try count("cuckooed_homes"))
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
            PersonRecord.Residency(address: try row.decode(fluentModel: Address.self).singleLine,
                                   from: try row.decode(column: "sg_from", as: String.self), to: try row.decode(column: "sg_to", as: String?.self),
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

        static let columns: SQLQueryString = "p.id, p.first_name, p.middle_names, p.last_name, p.gender, p.date_of_birth, p.expected_date_of_birth"

        init(_ row: any SQLRow) throws {
            id = try row.decode(column: "id", as: UUID.self)
            fullName = Person.fullName(first: try row.decode(column: "first_name", as: String.self),
                                       middle: try row.decode(column: "middle_names", as: String.self),
                                       last: try row.decode(column: "last_name", as: String.self))
            gender = Gender(rawValue: try row.decode(column: "gender", as: String.self)) ?? .unknown
            dateOfBirth = try row.decode(column: "date_of_birth", as: String?.self).flatMap(SimpleDate.init(iso:))
            expectedDateOfBirth = try row.decode(column: "expected_date_of_birth", as: String?.self).flatMap(SimpleDate.init(iso:))
        }
    }

    /// Everyone else living now where the person lives now, whatever relationships are recorded; merged
    /// duplicates left out.
    static func housemates(of id: UUID, on db: Database) async throws -> [Someone] {
        let query: SQLQueryString = """
            SELECT \(Someone.columns) FROM \(ident: Residence.schema) r JOIN \(ident: Person.schema) p ON p.id = r.person_id
            WHERE r.to_date IS NULL AND r.person_id <> \(bind: id) AND p.merged_into_id IS NULL
              AND r.address_id IN (SELECT address_id FROM \(ident: Residence.schema) WHERE person_id = \(bind: id) AND to_date IS NULL)
            """
        return try await db.preparedRows(query).map(Someone.init)
    }

    /// The person's recorded relationships, each with the other person and which way it was recorded.
    static func relationships(of id: UUID, on db: Database) async throws -> [(kind: String, towardsThisPerson: Bool, other: Someone)] {
        let query: SQLQueryString = """
            SELECT rel.kind AS sg_kind, 1 AS sg_towards, \(Someone.columns) FROM \(ident: PersonRelationship.schema) rel
              JOIN \(ident: Person.schema) p ON p.id = rel.from_person_id WHERE rel.to_person_id = \(bind: id)
            UNION ALL
            SELECT rel.kind AS sg_kind, 0 AS sg_towards, \(Someone.columns) FROM \(ident: PersonRelationship.schema) rel
              JOIN \(ident: Person.schema) p ON p.id = rel.to_person_id WHERE rel.from_person_id = \(bind: id)
            """
        return try await db.preparedRows(query).map { row in
            (try row.decode(column: "sg_kind", as: String.self), try row.decode(column: "sg_towards", as: Int.self) == 1, try Someone(row))
        }
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
            PersonRecord.Involvement(agency: try row.decode(column: "sg_agency", as: String.self),
                                     kind: Agency.kind(try row.decode(column: "sg_kind", as: String.self)).displayName,
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
                category: try row.decode(column: "category", as: String.self), summary: try row.decode(column: "summary", as: String.self),
                agency: try row.decode(column: "sg_agency", as: String?.self) ?? "", by: try row.decode(column: "sg_by", as: String?.self) ?? "")
            return ChronologyRow(event: event, visibility: ChronologyVisibility(rawValue: try row.decode(column: "visibility", as: String.self)) ?? .safeguarding,
                                 agencyID: try row.decode(column: "agency_id", as: UUID?.self))
        }
    }
}
