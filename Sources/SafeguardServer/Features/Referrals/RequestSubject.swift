import Fluent
import Foundation
import SafeguardCore

/// A person named on a MASH request as the partner agency sees them: once the MASH has linked the referral's
/// subject to a record, the record's name, date of birth, NHS number, home and household, because partners
/// search their own systems with these and the referrer's spelling may be wrong.
struct RequestSubject: Sendable {
    struct Housemate: Sendable {
        var name: String
        var born: String
    }

    var name: String
    var born: String
    var nhsNumber: String?
    /// What the referrer wrote, when it differs from the linked record.
    var referredAs: String?
    var linked: Bool
    var address: String?
    var household: [Housemate]

    static func load(referralID: UUID, today: SimpleDate, on db: Database) async throws -> [RequestSubject] {
        let subjects = try await ReferralSubject.query(on: db).filter(\.$referral.$id == referralID).with(\.$person)
            .all()
        var out: [RequestSubject] = []
        for s in subjects {
            let asReferred = s.fullName + (s.dob.map { ", born \($0.longText)" } ?? "")
            guard let linked = s.person else {
                out.append(
                    RequestSubject(
                        name: s.fullName, born: s.dob?.longText ?? "Not known",
                        nhsNumber: s.nhsNumber.flatMap { try? NHSNumber($0).formatted }, referredAs: nil,
                        linked: false, address: nil, household: []))
                continue
            }
            let person = try await followMerges(linked, on: db)
            let id = try person.requireID()
            let home = try await Residence.query(on: db).filter(\.$person.$id == id).filter(\.$toDate == nil).with(
                \.$address
            ).first()
            var household: [Housemate] = []
            if let home {
                household = try await Residence.query(on: db).filter(\.$address.$id == home.$address.id).filter(
                    \.$toDate == nil
                )
                .filter(\.$person.$id != id).with(\.$person).all().map(\.person).filter { $0.$mergedInto.id == nil }
                .map {
                    Housemate(
                        name: $0.fullName,
                        born: $0.dob?.longText ?? $0.expectedDob.map { "due \($0.longText)" } ?? "not known")
                }
                .sorted { $0.name < $1.name }
            }
            let recorded = person.fullName + (person.dob.map { ", born \($0.longText)" } ?? "")
            out.append(
                RequestSubject(
                    name: person.fullName, born: person.dob?.longText ?? "Not known",
                    nhsNumber: person.nhsNumber.flatMap { try? NHSNumber($0).formatted },
                    referredAs: recorded == asReferred ? nil : asReferred, linked: true,
                    address: home?.address.singleLine, household: household))
        }
        return out
    }

    /// A subject linked to a record later merged into another: the partner sees the record kept.
    private static func followMerges(_ person: Person, on db: Database) async throws -> Person {
        var current = person
        for _ in 0..<5 {
            guard let next = current.$mergedInto.id, let kept = try await Person.find(next, on: db) else { break }
            current = kept
        }
        return current
    }
}
