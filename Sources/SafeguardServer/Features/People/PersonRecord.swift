import Fluent
import SafeguardCore
import Vapor

/// Everything the person page shows, gathered from the database into plain values.
struct PersonRecord: Sendable {
    struct Residency: Sendable {
        var address: String
        var from: String
        var to: String?
        var district: String?
    }
    struct Relative: Sendable {
        var id: UUID
        var name: String
        var description: String
        var gender: Gender
        var category: PersonCategory
        var caresForThisPerson: Bool
    }
    /// Someone else living at this person's current home: the household, whatever relationships are recorded.
    struct Housemate: Sendable {
        var id: UUID
        var name: String
        var category: PersonCategory
    }
    struct Involvement: Sendable {
        var agency: String
        var kind: String
        var since: String
    }
    typealias Event = PersonChronology.Event
    /// The newest entries on the record's page; the chronology page has them all, with filters.
    static let chronologyShown = 20
    struct Merge: Sendable {
        var id: UUID
        var name: String
        var when: Date
        var by: String
        var reason: String
    }
    struct Protection: Sendable {
        var id: UUID
        var kind: ProtectionKind
        var active: Bool
        var started: String
        var ended: String?
        var contact: String
    }

    var id: UUID
    var fullName: String
    var firstName: String
    var category: PersonCategory
    var age: Int?
    var dateOfBirth: SimpleDate?
    var expectedDateOfBirth: SimpleDate?
    var gender: Gender
    var ethnicity: String
    var nhsNumber: String?
    var language: String
    var disability: String?
    var otherNames: [(kind: String, name: String)]
    var residences: [Residency]
    var relatives: [Relative]
    var household: [Housemate]
    var involvements: [Involvement]
    var chronology: [Event]
    var chronologyCount: Int
    /// Entries this viewer may not read (MASH work of other agencies), counted so the page can say so.
    var hiddenEntries: Int
    var relationship: Relationship
    var mayEdit: Bool
    var mayViewAccessLog: Bool
    var mayRecordInvolvement: Bool
    /// Under break-glass: the worker may ask a manager to record the involvement...
    var mayAskForInvolvement: Bool
    /// ...unless their agency's request is already waiting.
    var involvementRequestWaiting: Bool
    var mayMerge: Bool
    /// A child (or unborn): a need-to-know about serious harm or death goes to the business unit.
    var mayRaiseSeriousIncident: Bool
    /// An adult: a referral for a Safeguarding Adults Review goes to the SAR panel.
    var mayReferForSAR: Bool
    /// Child protection plans, unborn plans and looked-after status, newest first.
    var protections: [Protection]
    var mayRecordProtection: Bool
    /// Without it the card says only that a plan exists and whom to contact.
    var mayViewProtectionDetails: Bool
    /// Duplicate records merged into this one, still standing.
    var merges: [Merge]
    /// Risk assessments this viewer may read, with trends of repeated ones.
    var assessments: PersonAssessments
    /// Missing episodes, the exploitation panel and cuckooing.
    var exploitation: PersonExploitation

    /// Men who care for a child: reviews keep finding them "unseen" by agencies.
    var maleCarers: [Relative] { relatives.filter { $0.caresForThisPerson && $0.gender == .male } }
    /// For each man (by id), the latest of each check recorded: "2 March 2026, Northmere Children's Services (Jo Bloggs)".
    var maleCarerChecks: [UUID: [MaleCarerCheck: String]]

    static func load(
        _ p: Person, viewer: Viewer, relationship: Relationship, sections: PersonRecordReads.Sections,
        on req: Request
    ) async throws -> PersonRecord {
        let id = try p.requireID()
        let db = req.db
        let today = req.today
        // The reads that need only the person's id go out together, and only for sections with something in them:
        // the page waits for the slowest of them rather than for their sum.
        async let residencesRead = sections.anyHome ? PersonRecordReads.residences(of: id, on: db) : []
        async let aroundRead = PersonRecordReads.peopleAround(
            of: id, housemates: sections.anyHomeNow, relationships: sections.anyRelationship,
            on: db)
        async let involvementsRead = sections.anyInvolvement ? PersonRecordReads.involvements(of: id, on: db) : []
        async let chronologyRead =
            sections.anyChronology ? PersonChronology.load(personID: id, viewer: viewer, on: db) : .none
        let otherNames =
            sections.otherNames == 0 ? [] : try await OtherName.query(on: db).filter(\.$person.$id == id).all()
        let (residences, around, involvements, chronology) = try await (
            residencesRead, aroundRead, involvementsRead, chronologyRead
        )
        let waiting =
            relationship == .glassBroken
            ? try await InvolvementRequestsController.pending(person: id, agency: viewer.agencyID, on: db) != nil
            : false

        var relatives: [Relative] = []
        for r in around.relationships {
            guard let kind = RelationshipKind(rawValue: r.kind) else { continue }
            // Read from the other side: if this person is the mother of Sam, Sam is her child.
            relatives.append(
                Relative(
                    id: r.other.id, name: r.other.fullName,
                    description: r.towardsThisPerson ? kind.displayName : kind.inverseDisplayName,
                    gender: r.other.gender, category: r.other.category(on: today),
                    caresForThisPerson: r.towardsThisPerson && kind.isCaringRole))
        }
        var maleCarerChecks: [UUID: [MaleCarerCheck: String]] = [:]
        for c in sections.maleCarerChecks == 0
            ? []
            : try await MaleCarerCheckRecord.query(on: db).filter(\.$child.$id == id)
                .with(\.$agency).with(\.$recordedBy).sort(\.$doneOn).sort(\.$recordedAt).all()
        {
            guard let kind = c.check else { continue }
            maleCarerChecks[c.$man.id, default: [:]][kind] =
                "\(SimpleDate(iso: c.doneOn)?.longText ?? c.doneOn), \(c.agency.name) (\(c.recordedBy.displayName))"
                + (c.note.isEmpty ? "" : ": \(c.note)")
        }
        let merges =
            sections.merges == 0
            ? []
            : try await PersonMerge.query(on: db).filter(\.$kept.$id == id).filter(\.$undoneAt == nil)
                .with(\.$merged).with(\.$mergedBy).sort(\.$mergedAt, .descending).all()
        let protections =
            sections.protections == 0
            ? []
            : try await ProtectionRecord.query(on: db).filter(\.$person.$id == id)
                .with(\.$socialWorker) { $0.with(\.$agency).with(\.$team) }.sort(\.$startDate, .descending).all()
        let dob = p.dob
        let assessments = try await PersonAssessments.load(
            personID: id, viewer: viewer, relationship: relationship, today: today,
            any: sections.assessments > 0, on: db)
        let exploitation = try await PersonExploitation.load(
            personID: id, viewer: viewer, relationship: relationship,
            category: p.category(on: today), now: req.now, sections: sections, on: db)
        return PersonRecord(
            id: id, fullName: p.fullName, firstName: p.firstName, category: p.category(on: today),
            age: dob?.age(on: today),
            dateOfBirth: dob, expectedDateOfBirth: p.expectedDob,
            gender: try Gender.stored(p.gender, table: Person.schema, column: "gender", id: id),
            ethnicity: p.ethnicity, nhsNumber: p.nhsNumber.flatMap { try? NHSNumber($0).formatted },
            language: p.language,
            disability: p.disability,
            otherNames: otherNames.map { (OtherNameKind(rawValue: $0.kind)?.displayName ?? $0.kind, $0.name) },
            residences: residences,
            relatives: relatives.sorted {
                ($0.caresForThisPerson ? 0 : 1, $0.name) < ($1.caresForThisPerson ? 0 : 1, $1.name)
            },
            household: around.housemates.map {
                Housemate(id: $0.id, name: $0.fullName, category: $0.category(on: today))
            }
            .sorted { $0.name < $1.name },
            involvements: involvements,
            chronology: Array(chronology.events.prefix(Self.chronologyShown)), chronologyCount: chronology.events.count,
            hiddenEntries: chronology.hidden,
            relationship: relationship,
            mayEdit: viewer.may(.editPerson, relationship: relationship),
            mayViewAccessLog: viewer.may(.viewAccessLog, relationship: relationship),
            mayRecordInvolvement: relationship != .agencyInvolved
                && viewer.may(.recordInvolvement, relationship: relationship),
            mayAskForInvolvement: relationship == .glassBroken
                && !viewer.may(.recordInvolvement, relationship: relationship)
                && viewer.may(.requestInvolvement, relationship: relationship),
            involvementRequestWaiting: waiting,
            mayMerge: viewer.may(.mergePeople, relationship: relationship),
            mayRaiseSeriousIncident: p.category(on: today) != .adult
                && viewer.may(.raiseSeriousIncident, relationship: relationship),
            mayReferForSAR: p.category(on: today) == .adult && viewer.may(.referForSAR, relationship: relationship),
            protections: try protections.map { r in
                Protection(
                    id: try r.requireID(), kind: r.kind, active: r.isActive(on: today),
                    started: r.start?.longText ?? r.startDate, ended: r.end?.longText,
                    contact: r.socialWorker.contactLine)
            },
            mayRecordProtection: viewer.may(.recordProtection, relationship: relationship),
            mayViewProtectionDetails: viewer.may(.viewProtectionDetails, relationship: relationship),
            merges: try merges.map {
                Merge(
                    id: try $0.requireID(), name: $0.merged.fullName, when: $0.mergedAt, by: $0.mergedBy.displayName,
                    reason: $0.reason)
            },
            assessments: assessments, exploitation: exploitation, maleCarerChecks: maleCarerChecks)
    }
}
