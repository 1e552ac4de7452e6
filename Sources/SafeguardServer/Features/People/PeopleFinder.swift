import Fluent
import SafeguardCore
import Vapor

/// The people search as a MASH practitioner uses it: names through the identity matcher, ranked with its
/// reasons; an NHS number, a record or referral reference exactly; date of birth and address as evidence
/// with a name, or as the search on their own.
struct PeopleFinder: Sendable {
    struct Hit: Sendable {
        var personID: UUID
        var reasons: [String]
    }

    var text: String
    var dateOfBirth: SimpleDate?
    /// A postcode, or an address as typed.
    var address: String

    /// Everyone found, best first; paging is the caller's.
    func find(on req: Request) async throws -> [Hit] {
        let db = req.db
        let postcode = try? UKPostcode(address)
        let addressText = postcode == nil ? address.trimmed : ""
        let atAddress: [UUID]? = try await residents(postcode: postcode, address: addressText, on: db)
        switch PeopleSearch.terms(text) {
        case .nhsNumber(let digits):
            return try await plain(Person.query(on: db).filter(\.$nhsNumber == digits), within: atAddress, on: db)
        case .recordReference(let id):
            guard let uuid = UUID(uuidString: id), let person = try await Person.find(uuid, on: db) else { return [] }
            return [Hit(personID: try person.$mergedInto.id ?? person.requireID(), reasons: ["record reference"])]
        case .referralReference(let reference):
            guard let referral = try await Referral.query(on: db).filter(\.$reference == reference).first() else {
                return []
            }
            let ids = try await ReferralSubject.query(on: db).filter(\.$referral.$id == referral.requireID()).all()
                .compactMap { $0.$person.id }
            return ids.map { Hit(personID: $0, reasons: ["linked to referral \(reference)"]) }
        case .nothing:
            let query = Person.query(on: db)
            if let dateOfBirth { query.filter(\.$dateOfBirth == dateOfBirth.iso) }
            return try await plain(query, within: atAddress, on: db)
        case .names(let words):
            // The database finds what was typed (a name's start, an alias); the matcher adds misspellings.
            let typed = try await PersonSearch(
                text: text, dateOfBirth: dateOfBirth?.iso ?? "", postcode: postcode?.text ?? ""
            )
            .run(on: db, limit: 500)
            let query = PeopleSearch.query(words: words, dateOfBirth: dateOfBirth, postcode: postcode?.text)
            var matching = query
            if !addressText.isEmpty { matching.address = addressText }
            let ranked = PeopleSearch.rank(
                matching, found: typed.compactMap { $0.id?.uuidString },
                in: try await req.safeguard.personIndex.index(on: db))
            let allowed = atAddress.map(Set.init)
            return ranked.compactMap { c in
                guard let id = UUID(uuidString: c.id), allowed?.contains(id) ?? true else { return nil }
                return Hit(
                    personID: id,
                    reasons: c.reasons.filter { $0.weight > 0 }.prefix(3).map { "\($0.field): \($0.outcome)" })
            }
        }
    }

    /// Exact searches come back in name order, limited to the people at the address when one was given.
    private func plain(_ query: QueryBuilder<Person>, within atAddress: [UUID]?, on db: Database) async throws -> [Hit]
    {
        if let atAddress { query.filter(\.$id ~~ atAddress) }
        let people = try await query.filter(\.$mergedInto.$id == nil).sort(\.$lastNameKey).sort(\.$firstNameKey).limit(
            1_000
        ).all()
        return try people.map { Hit(personID: try $0.requireID(), reasons: []) }
    }

    /// People who live or lived at the postcode, or at the homes the address matcher finds for the text;
    /// nil when no address was given.
    private func residents(postcode: UKPostcode?, address: String, on db: Database) async throws -> [UUID]? {
        var addressIDs: [UUID]
        if let postcode {
            addressIDs = try await Address.query(on: db).filter(\.$postcode == postcode.text).all(\.$id)
        } else if !address.isEmpty {
            // The longest word (usually the street name) narrows the homes the matcher compares.
            let word =
                address.split(whereSeparator: { !$0.isLetter }).map(String.init).max { $0.count < $1.count } ?? address
            // LIKE is case-sensitive on PostgreSQL: try the word as addresses are written and as typed.
            let forms = Set([
                word, word.lowercased(), word.uppercased(), word.prefix(1).uppercased() + word.dropFirst().lowercased(),
            ])
            let homes = try await Address.query(on: db).filter(\.$mergedInto.$id == nil).group(.or) { g in
                for form in forms { g.filter(\.$line1, .custom("LIKE"), "%\(PersonSearch.escapeLike(form))%") }
            }.limit(2_000).all()
            let index = AddressIndex(
                homes.map { AddressRecord(id: $0.id!.uuidString, address: $0.knownHome.singleLine, postcode: nil) })
            addressIDs = AddressMatcher(index: index).candidates(address: address, postcode: nil, limit: 20)
                .filter { $0.score >= AddressMatchThresholds.default.review }.compactMap { UUID(uuidString: $0.id) }
        } else {
            return nil
        }
        guard !addressIDs.isEmpty else { return [] }
        return Array(Set(try await Residence.query(on: db).filter(\.$address.$id ~~ addressIDs).all(\.$person.$id)))
    }
}
