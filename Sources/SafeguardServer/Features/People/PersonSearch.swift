import Fluent
import Foundation
import SafeguardCore

/// What a person search asks for. Names match the start of first, last or other names;
/// date of birth, NHS number and postcode match exactly after normalising.
struct PersonSearch: Sendable {
    var text = ""
    var dateOfBirth = ""
    var postcode = ""

    var isEmpty: Bool { text.trimmed.isEmpty && dateOfBirth.trimmed.isEmpty && postcode.trimmed.isEmpty }

    /// The terms as the audit trail records them.
    var auditDescription: String {
        [("name", text), ("dob", dateOfBirth), ("postcode", postcode)].filter { !$0.1.trimmed.isEmpty }
            .map { "\($0.0)=\($0.1.trimmed)" }.joined(separator: " ")
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        if isEmpty { errors.add("q", "Enter a name, NHS number, date of birth or postcode") }
        if !dateOfBirth.trimmed.isEmpty && SimpleDate(iso: dateOfBirth.trimmed) == nil {
            errors.add("dob", "Date of birth must be a real date in the form 2015-03-27")
        }
        if !postcode.trimmed.isEmpty, (try? UKPostcode(postcode)) == nil {
            errors.add("postcode", "Enter a real postcode, like SG13 8DQ")
        }
        return errors
    }

    /// Up to `limit` people in name order; with `agency`, only people that agency currently
    /// works with (partner systems have no break-glass).
    func run(on db: Database, limit: Int = 50, onlyInvolvedWith agency: UUID? = nil) async throws -> [Person] {
        let query = Person.query(on: db).filter(\.$mergedInto.$id == nil)
        if let agency {
            query.join(AgencyInvolvement.self, on: \Person.$id == \AgencyInvolvement.$person.$id)
                .filter(AgencyInvolvement.self, \.$agency.$id == agency)
                .filter(AgencyInvolvement.self, \.$endedOn == nil)
        }
        let trimmed = text.trimmed
        let digits = trimmed.filter(\.isNumber)
        if digits.count == 10, digits.count == trimmed.filter({ !$0.isWhitespace && $0 != "-" }).count {
            query.filter(\.$nhsNumber == digits)
        } else if !trimmed.isEmpty {
            let words = trimmed.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map { Person.key(String($0)) }
                .filter { !$0.isEmpty }
            let otherNameMatches = try await OtherName.query(on: db).group(.or) { g in
                for w in words { g.filter(\.$nameKey, .custom("LIKE"), "%\(Self.escapeLike(w))%") }
            }.all(\.$person.$id)
            // Every word must match some name, so "kayla smith" finds Kayla Smith, not every Smith.
            query.group(.or) { outer in
                outer.group(.and) { all in
                    for w in words {
                        all.group(.or) { g in
                            g.filter(\.$firstNameKey, .custom("LIKE"), "\(Self.escapeLike(w))%")
                            g.filter(\.$lastNameKey, .custom("LIKE"), "\(Self.escapeLike(w))%")
                        }
                    }
                }
                if !otherNameMatches.isEmpty { outer.filter(\.$id ~~ otherNameMatches) }
            }
        }
        if let dob = SimpleDate(iso: dateOfBirth.trimmed) { query.filter(\.$dateOfBirth == dob.iso) }
        if let pc = try? UKPostcode(postcode) {
            let addressIDs = try await Address.query(on: db).filter(\.$postcode == pc.text).all(\.$id)
            let personIDs = try await Residence.query(on: db).filter(\.$address.$id ~~ addressIDs).all(\.$person.$id)
            query.filter(\.$id ~~ personIDs)
        }
        return try await query.sort(\.$lastNameKey).sort(\.$firstNameKey).limit(limit).all()
    }

    /// LIKE treats % and _ as wildcards. No real name contains them, so they are dropped
    /// rather than escaped (escaping syntax differs between SQLite and PostgreSQL).
    static func escapeLike(_ s: String) -> String {
        s.filter { $0 != "%" && $0 != "_" && $0 != "\\" }
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
