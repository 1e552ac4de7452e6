import Fluent
import SafeguardCore
import SafeguardDemoData
import SafeguardServer
import Vapor

/// Live front-line work in the demo, so each role's first screen has something real on it: referrals in
/// every MASH state (new, gathering with a partner overdue, awaiting sign-off, a section 47 waiting for its
/// strategy discussion), a child protection plan with its markers, police incidents waiting for the
/// information management team, and an emergency department's look-up the social worker has not yet seen.
extension DemoLoader {
    private struct Cast {
        var referrer: User, practitioner: User, manager: User, socialWorker: User, police: User, health: User
        var hospital: Agency, policeForce: Agency
    }

    /// `signIns` are the printed demo sign-ins by role: the work goes to the people a visitor signs in as.
    static func loadFrontLine(
        on db: Database, now: Date, calendar: WorkingCalendar, signIns: [Role: String]
    ) async throws {
        guard let cast = try await cast(signIns, on: db) else { return }
        let today = SimpleDate(now)
        let children = try await children(on: db, today: today)
        guard children.count >= 5 else { return }
        let hour: TimeInterval = 3600

        // 1. New: sent an hour ago, not yet rated; the subject is not linked, so the matcher has work to show.
        _ = try await referral(
            children[0], linked: false, sentAt: now - hour, urgency: .today, cast: cast, calendar: calendar, on: db,
            concern: "Says she is scared to go home because of shouting at night; no coat in the cold again today.")
        // 2. Gathering: rated amber yesterday; police answered, the hospital is overdue, the GP's trust is waiting.
        let gathering = try await referral(
            children[1], linked: true, sentAt: now - 26 * hour, urgency: .standard, cast: cast, calendar: calendar,
            on: db, concern: "Attendance has dropped to 71% and he has bruises on his arm he will not explain.")
        gathering.rag = RAGRating.amber.rawValue
        try gathering.move(.triage)
        gathering.$triagedBy.id = try cast.manager.requireID()
        gathering.triagedAt = now - 25 * hour
        gathering.$allocatedTo.id = try cast.practitioner.requireID()
        gathering.$allocatedBy.id = try cast.manager.requireID()
        gathering.allocatedAt = now - 25 * hour
        try await gathering.update(on: db)
        try await request(
            gathering, to: cast.hospital, raisedAt: now - 25 * hour, dueAt: now - 1 * hour, answered: false, cast: cast,
            on: db)
        try await request(
            gathering, to: cast.policeForce, raisedAt: now - 25 * hour, dueAt: now + 3 * hour, answered: false,
            cast: cast, on: db)
        // 3. Awaiting sign-off: the practitioner has decided; the manager has not yet signed it off.
        let decided = try await referral(
            children[2], linked: true, sentAt: now - 30 * hour, urgency: .standard, cast: cast, calendar: calendar,
            on: db, concern: "Mum has told the health visitor she is not coping and the baby is losing weight.")
        decided.rag = RAGRating.green.rawValue
        try decided.move(.recordDecision)
        decided.$allocatedTo.id = try cast.practitioner.requireID()
        decided.$allocatedBy.id = try cast.manager.requireID()
        decided.allocatedAt = now - 29 * hour
        try await decided.update(on: db)
        try await decision(
            for: decided, outcome: .childInNeedAssessment, level: 4, signedOff: nil, cast: cast, at: now - 3 * hour,
            on: db)
        // 4. Decided yesterday as section 47: the strategy discussion is still to be held.
        let s47 = try await referral(
            children[3], linked: true, sentAt: now - 28 * hour, urgency: .today, cast: cast, calendar: calendar,
            on: db, concern: "Told her teacher that mum's partner hit her with a belt; a mark on her leg was seen.")
        s47.rag = RAGRating.red.rawValue
        try s47.move(.recordDecision)
        try s47.move(.signOff)
        try await s47.update(on: db)
        try await decision(
            for: s47, outcome: .strategyDiscussion, level: 4, signedOff: now - 20 * hour, cast: cast,
            at: now - 22 * hour, on: db)
        try await request(
            s47, to: cast.policeForce, raisedAt: now - 27 * hour, dueAt: now - 24 * hour, answered: true, cast: cast,
            on: db)
        // The referrer has been told, as the sign-off tells them.
        let notice = ReferralOutcomeNotice(
            reference: s47.reference, children: [children[3].0.fullName], outcome: .strategyDiscussion,
            decidedOn: SimpleDate(now - 20 * hour))
        try await UserNotification(
            userID: try cast.referrer.requireID(), subject: notice.subject, body: notice.body,
            link: SiteURL.referralOutcome(try s47.requireID()).path, at: now - 20 * hour, emailConfigured: false
        ).create(on: db)

        // 5. A child on a plan, her home marked, an incident there waiting for the information management
        // team, and an emergency department's look-up the social worker has not yet seen.
        try await planWithIncidentAndLookUp(children[4], cast: cast, now: now, on: db)
    }

    private static func cast(_ signIns: [Role: String], on db: Database) async throws -> Cast? {
        func user(_ role: Role) async throws -> User? {
            guard let email = signIns[role] else { return nil }
            return try await User.query(on: db).filter(\.$email == email).with(\.$agency).first()
        }
        guard let referrer = try await user(.schoolDesignatedSafeguardingLead),
            let practitioner = try await user(.mashPractitioner),
            let manager = try await user(.mashManager), let socialWorker = try await user(.socialWorker),
            let police = try await user(.policeOfficer), let health = try await user(.healthPractitioner)
        else { return nil }
        return Cast(
            referrer: referrer, practitioner: practitioner, manager: manager, socialWorker: socialWorker,
            police: police,
            health: health, hospital: health.agency, policeForce: police.agency)
    }

    /// Children of primary-school age with a home, the same ones every run; teenagers are the missing
    /// episodes' (``loadVulnerability``).
    private static func children(on db: Database, today: SimpleDate) async throws -> [(Person, Address)] {
        let people = try await Person.query(on: db).filter(\.$mergedInto.$id == nil).sort(\.$lastNameKey).sort(
            \.$firstNameKey
        ).all()
            .filter { ($0.dob?.age(on: today)).map { (4...11).contains($0) } ?? false }
        var out: [(Person, Address)] = []
        var homes = Set<UUID>()
        for p in people where out.count < 5 {
            guard
                let home = try await Residence.query(on: db).filter(\.$person.$id == p.requireID()).filter(
                    \.$toDate == nil
                )
                .with(\.$address).first(), homes.insert(home.$address.id).inserted
            else { continue }
            out.append((p, home.address))
        }
        return out
    }

    private static func referral(
        _ child: (Person, Address), linked: Bool, sentAt: Date, urgency: ReferralUrgency, cast: Cast,
        calendar: WorkingCalendar, on db: Database, concern: String
    ) async throws -> Referral {
        let (person, home) = child
        let r = Referral.newDraft()
        r.reference = ""
        r.$referrer.id = try cast.referrer.requireID()
        r.$referrerAgency.id = cast.referrer.$agency.id
        r.referrerPhone = "01632 960 014"
        r.addressLine1 = home.line1
        r.addressTown = home.town
        r.addressPostcode = home.postcode
        r.$district.id = home.$district.id
        r.concerns = [ConcernCategory.neglect, .physicalAbuse].map(\.rawValue).joined(separator: " ")
        r.whatHappened = concern
        r.familyAwareness = FamilyAwareness.notToldWouldIncreaseRisk.rawValue
        r.lawfulBasis = LawfulBasis.publicTask.rawValue
        r.urgency = urgency.rawValue
        let subject = ReferralSubject()
        subject.firstName = person.firstName
        subject.lastName = person.lastName
        subject.dateOfBirth = person.dateOfBirth
        subject.gender = person.gender
        try await ReferralSubmission.markSent(
            r, subjects: [subject], now: sentAt, today: SimpleDate(sentAt), calendar: calendar, on: db)
        try await r.create(on: db)
        subject.$referral.id = try r.requireID()
        if linked { subject.$person.id = try person.requireID() }
        try await subject.create(on: db)
        return r
    }

    private static func request(
        _ r: Referral, to agency: Agency, raisedAt: Date, dueAt: Date, answered: Bool, cast: Cast, on db: Database
    ) async throws {
        let q = InformationRequest()
        q.$referral.id = try r.requireID()
        q.$agency.id = try agency.requireID()
        q.rag = r.rag ?? RAGRating.amber.rawValue
        q.raisedAt = raisedAt
        q.dueAt = dueAt
        q.$raisedBy.id = try cast.manager.requireID()
        if answered {
            q.answer =
                "Two domestic incidents at the address this year (January and March); no arrests. Officer in the case: PC 2231."
            q.answeredAt = dueAt - 3 * 3600
            q.$answeredBy.id = try cast.police.requireID()
        }
        try await q.create(on: db)
    }

    private static func decision(
        for r: Referral, outcome: ReferralOutcome, level: Int, signedOff: Date?, cast: Cast, at: Date,
        on db: Database
    ) async throws {
        let d = ThresholdDecisionRecord()
        d.$referral.id = try r.requireID()
        d.level = level
        d.outcome = outcome.rawValue
        d.rationale =
            "Partners' information together with the school's account meets the threshold for a statutory response."
        d.$decidedBy.id = try cast.practitioner.requireID()
        d.decidedAt = at
        if let signedOff {
            d.$signedOffBy.id = try cast.manager.requireID()
            d.signedOffAt = signedOff
        }
        try await d.create(on: db)
    }

    private static func planWithIncidentAndLookUp(
        _ child: (Person, Address), cast: Cast, now: Date, on db: Database
    ) async throws {
        let (person, home) = child
        let personID = try person.requireID()
        let today = SimpleDate(now)
        if try await AgencyInvolvement.query(on: db).filter(\.$person.$id == personID).filter(
            \.$agency.$id == cast.socialWorker.$agency.id
        ).count() == 0 {
            try await AgencyInvolvement(
                personID: personID, agencyID: cast.socialWorker.$agency.id, startedOn: today.adding(days: -60).iso
            ).create(on: db)
        }
        let plan = ProtectionRecord()
        plan.$person.id = personID
        plan.kind = .childProtectionPlan
        plan.categories = ProtectionCategory.neglect.rawValue
        plan.startDate = today.adding(days: -20).iso
        plan.$socialWorker.id = try cast.socialWorker.requireID()
        plan.strategyDiscussionDate = today.adding(days: -41).iso
        plan.initialConferenceDate = today.adding(days: -20).iso
        plan.$recordedBy.id = try cast.socialWorker.requireID()
        plan.recordedAt = now - 19 * 24 * 3600
        try await plan.create(on: db)
        try await ProtectionMarkers.place(for: plan, now: plan.recordedAt, on: db)
        try await ChronologyEntry.onDay(
            today.adding(days: -20), personID: personID, agencyID: cast.socialWorker.$agency.id,
            category: "Child protection",
            summary: "Child protection plan started \(today.adding(days: -20).longText): Neglect",
            recordedBy: try cast.socialWorker.requireID(), recordedAt: plan.recordedAt, visibility: .safeguarding
        ).create(on: db)

        // The police typed the address their own way; the matcher still finds the marked home.
        let typed = home.line1.replacingOccurrences(of: "Road", with: "Rd").replacingOccurrences(
            of: "Street", with: "St")
        let (match, candidate) = try await IncidentIntake.match(
            address: "\(typed), \(home.town)", postcode: nil, today: today,
            markers: MarkerIndexHolder(), on: db)  // its own: mid-transaction
        let incident = PoliceIncident()
        incident.$agency.id = try cast.policeForce.requireID()
        incident.reference = "NP-\(today.year)-\(String(format: "%05d", 40_000 + today.dayNumber % 9_000))"
        incident.occurredAt = now - 9 * 3600
        incident.incidentType = "Domestic"
        incident.addressText = "\(typed), \(home.town)"
        incident.postcode = nil
        incident.summary =
            "Neighbour reported shouting and a child crying at 11pm. Officers attended; adults spoken to; no arrests."
        incident.receivedAt = now - 8 * 3600
        incident.matchOutcome = match
        incident.$matchedAddress.id = candidate.flatMap { UUID(uuidString: $0.id) }
        incident.matchScore = candidate?.score
        incident.matchReasons = candidate?.reasons.joined(separator: "\n") ?? ""
        incident.reviewStatus = IncidentReview(received: match).status
        try await incident.create(on: db)

        let check = ProtectionStatusCheck()
        check.$person.id = personID
        check.$checkedBy.id = try cast.health.requireID()
        check.$agency.id = try cast.hospital.requireID()
        check.setting = CareSetting.emergencyDepartment.rawValue
        check.checkedAt = now - 5 * 3600
        check.$protection.id = try plan.requireID()
        check.$socialWorker.id = plan.$socialWorker.id
        try await check.create(on: db)
        try await ChronologyEntry(
            personID: personID, occurredAt: check.checkedAt, agencyID: try cast.hospital.requireID(),
            category: "Health attendance",
            summary:
                "\(person.fullName) seen at \(cast.hospital.name) (\(CareSetting.emergencyDepartment.displayName)); status looked up by \(cast.health.displayName)",
            recordedBy: try cast.health.requireID(), visibility: .safeguarding
        ).create(on: db)
    }
}
