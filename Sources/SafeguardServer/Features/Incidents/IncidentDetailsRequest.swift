import Fluent
import SafeguardCore
import Vapor

/// A relevant incident's full details, asked of the police through the MASH: a referral from the
/// social worker about the child, already linked to the child's record, with an amber information
/// request to the force that reported the incident. The police answer in their own queue and the
/// answer joins the chronology, as with any MASH request.
extension IncidentAlertsController {
    func requestDetails(req: Request) async throws -> Response {
        let (viewer, alert) = try await Self.alert(req)
        let f = try FormBody.fields(req)
        var errors = FormErrors()
        let referral = Referral.newDraft()
        ReferralForm.sharing(f, into: referral, errors: &errors)
        // Asked today: the social worker gives only a number to call.
        let (urgency, phone, contactProblems) = ReferralAnswers.contact(
            urgency: ReferralUrgency.today.rawValue, phone: f["referrer-phone"] ?? "")
        errors.add(contactProblems)
        referral.setContact(urgency, phone: phone)
        if let refusal = alert.decisionState.detailsRefusal { errors.add(refusal.field, refusal.message) }
        guard errors.isEmpty else {
            return SocialWorkerAlertView(page: .init(alert), errors: errors, fields: f).render(
                on: req, status: .unprocessableEntity)
        }

        let incident = alert.incident
        let plan = try await ProtectionRecord.find(alert.$protection.id, on: req.db)
        let child = alert.person
        let address = try await incident.$matchedAddress.get(on: req.db)
        let concerns: [ConcernCategory] = (plan?.categoryList ?? []).map {
            switch $0 {
            case .physicalAbuse: .physicalAbuse
            case .emotionalAbuse: .emotionalAbuse
            case .sexualAbuse: .sexualAbuse
            case .neglect: .neglect
            }
        }
        referral.$referrer.id = viewer.userID
        referral.$referrerAgency.id = viewer.agencyID
        referral.addressLine1 = address?.line1 ?? incident.addressText
        referral.addressTown = address?.town ?? ""
        referral.addressPostcode = address?.postcode ?? (incident.postcode ?? "")
        referral.$district.id = address?.$district.id
        referral.concerns = (concerns.isEmpty ? [.neglect] : concerns).map(\.rawValue).joined(separator: " ")
        referral.whatHappened =
            "Full details requested of police incident \(incident.reference) (\(incident.incidentType), \(SiteFormat.dateTime(incident.occurredAt))) "
            + "at \(incident.addressText), which the social worker found relevant to \(child.firstName)'s \(plan?.kind.displayName.lowercased() ?? "plan")."
            + (alert.decisionNote.map { " \($0)" } ?? "")
        let now = req.now
        let today = req.today
        let calendar = req.safeguard.calendar
        let due = try req.safeguard.ragTimescales.deadline(for: .amber, raisedAt: now, on: calendar)
        let alertID = try alert.requireID()
        let policeID = incident.$agency.id
        let childID = try child.requireID()
        let subject = ReferralSubject()
        subject.firstName = child.firstName
        subject.lastName = child.lastName
        subject.dateOfBirth = child.dateOfBirth
        subject.gender = child.gender
        subject.nhsNumber = child.nhsNumber
        subject.$person.id = childID
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(alert) { $0.decisionState.mayAskForDetails }
            referral.reference = "SENDING-" + UUID().uuidString
            try await ReferralSubmission.markSent(
                referral, subjects: [subject], now: now, today: today, calendar: calendar, on: db)
            // Rated amber by the request itself: sent and triaged in one step, as the MASH would.
            try referral.move(.triage)
            referral.rag = RAGRating.amber.rawValue
            try await referral.create(on: db)
            let rid = try referral.requireID()
            subject.$referral.id = rid
            try await subject.create(on: db)
            let request = InformationRequest()
            request.$referral.id = rid
            request.$agency.id = policeID
            request.rag = RAGRating.amber.rawValue
            request.raisedAt = now
            request.dueAt = due
            request.$raisedBy.id = viewer.userID
            try await request.create(on: db)
            alert.$detailsReferral.id = rid
            try await alert.update(on: db)
            try await ChronologyEntry(
                personID: childID, occurredAt: now, agencyID: viewer.agencyID, category: "Referral",
                summary:
                    "Referral \(referral.reference) to the MASH from \(viewer.agencyName): full details of police incident \(incident.reference) requested",
                recordedBy: viewer.userID, visibility: .safeguarding
            ).create(on: db)
            return (
                (),
                [
                    viewer.event(
                        .create, "referral", rid.uuidString, reason: "details of police incident \(incident.reference)",
                        on: req),
                    viewer.event(.change, "incident-alert", alertID.uuidString, reason: "details requested", on: req),
                ]
            )
        }
        return req.redirect(to: SiteURL.incidentAlertForSocialWorker(alertID).path, redirectType: .normal)
    }
}
