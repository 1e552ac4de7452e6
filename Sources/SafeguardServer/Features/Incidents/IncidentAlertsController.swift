import Fluent
import SafeguardCore
import Vapor

/// The loop after a police incident matches a marked address: the information management team
/// checks the match and forwards it, or rejects it (recorded, and teaching nothing to anyone
/// else); the child's social worker decides whether it matters. Each step is timed and joins the
/// child's chronology.
struct IncidentAlertsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.incidentAlerts, for: [.reviewIncidentAlert], use: queue)
        routes.get(.incidentAlert(.param("incidentID")), for: [.reviewIncidentAlert], use: show)
        routes.post(.incidentAlertForward(.param("incidentID")), for: [.reviewIncidentAlert], use: forward)
        routes.post(.incidentAlertReject(.param("incidentID")), for: [.reviewIncidentAlert], use: reject)
        routes.get(.incidentAlertForSocialWorker(.param("alertID")), for: [.decideIncidentAlert], use: alert)
        routes.post(.incidentAlertForSocialWorker(.param("alertID")), for: [.decideIncidentAlert], use: decide)
        routes.post(.incidentAlertDetails(.param("alertID")), for: [.decideIncidentAlert], use: requestDetails)
    }

    func queue(req: Request) async throws -> Response {
        let viewer = try req.require(.reviewIncidentAlert)
        let waiting = try await PoliceIncident.query(on: req.db).filter(\.$reviewStatus == .waiting).with(\.$agency)
            .sort(\.$receivedAt).all()
        let done = try await PoliceIncident.query(on: req.db).filter(
            \.$reviewStatus ~~ [IncidentReviewStatus.forwarded, .rejected]
        )
        .with(\.$reviewedBy).sort(\.$reviewedAt, .descending).limit(50).all()
        try await req.audit.record(viewer.event(.view, "incident-alert-queue", "", on: req), on: req.db)
        let now = req.now
        let facts = try await Self.lastThirtyDays(now: now, on: req.db)
        let page = IncidentPages.Queue(
            facts: facts,
            waiting: waiting.map { i in
                .init(
                    id: i.id!, reference: i.reference, type: i.incidentType, address: i.addressText,
                    match: i.matchOutcome,
                    received: SiteFormat.age(from: i.receivedAt, to: now))
            },
            checked: done.map { i in
                .init(
                    id: i.id!, reference: i.reference,
                    outcome: i.reviewStatus == .forwarded ? "Forwarded" : "Rejected: \(i.reviewNote ?? "")",
                    by: i.reviewedBy?.displayName ?? "", when: i.reviewedAt.map(SiteFormat.dateTime) ?? "")
            })
        return IncidentQueueView(page: page).render(on: req)
    }

    /// Counts and timeliness for managers: received, matched, forwarded, rejected, found relevant, and
    /// the median hours from the incident to the social worker.
    static func lastThirtyDays(now: Date, on db: Database) async throws -> [(label: String, value: String)] {
        let since = now.addingTimeInterval(-30 * 24 * 3600)
        let incidents = try await PoliceIncident.query(on: db).filter(\.$receivedAt >= since).all()
        let ids = incidents.compactMap(\.id)
        let alerts = ids.isEmpty ? [] : try await IncidentAlert.query(on: db).filter(\.$incident.$id ~~ ids).all()
        let byID = Dictionary(uniqueKeysWithValues: incidents.map { ($0.id!, $0) })
        let hours = alerts.compactMap { a in
            byID[a.$incident.id].map { a.forwardedAt.timeIntervalSince($0.occurredAt) / 3600 }
        }
        let middle = median(hours).map { String(format: "%.1f", $0) } ?? "–"
        return [
            ("Received", String(incidents.count)),
            ("Matched a marker", String(incidents.filter { $0.reviewStatus != .unmatched }.count)),
            ("Forwarded", String(incidents.filter { $0.reviewStatus == .forwarded }.count)),
            ("Rejected", String(incidents.filter { $0.reviewStatus == .rejected }.count)),
            ("Found relevant", String(alerts.filter { $0.decision == .relevant }.count)),
            ("Median hours, incident to social worker", middle),
        ]
    }

    /// The children with an active record and an active marker at the incident's matched address.
    static func children(
        at addressID: UUID?, today: SimpleDate, on db: Database
    ) async throws -> [PlaceOfInterestMarker] {
        guard let addressID else { return [] }
        return try await PlaceOfInterestMarker.query(on: db).filter(\.$address.$id == addressID).filter(
            \.$endedAt == nil
        )
        .with(\.$address).with(\.$protection) { $0.with(\.$person).with(\.$socialWorker) }.all()
        .filter { $0.protection.isActive(on: today) }
    }

    func show(req: Request) async throws -> Response {
        let viewer = try req.require(.reviewIncidentAlert)
        let incident = try await Self.incident(req)
        let marked = try await Self.children(at: incident.$matchedAddress.id, today: req.today, on: req.db)
        let alerts = try await IncidentAlert.query(on: req.db).filter(\.$incident.$id == incident.requireID()).with(
            \.$person
        ).with(\.$socialWorker).all()
        try await req.audit.record(
            viewer.event(.view, "police-incident", try incident.requireID().uuidString, on: req), on: req.db)
        let cuckooed = try await CuckooingController.open(at: incident.$matchedAddress.id, on: req.db)
        return IncidentAlertView(
            page: .init(incident, marked: marked, alerts: alerts, cuckooed: cuckooed), errors: FormErrors()
        ).render(on: req)
    }

    func forward(req: Request) async throws -> Response {
        let viewer = try req.require(.reviewIncidentAlert)
        let incident = try await Self.incident(req)
        let marked = try await Self.children(at: incident.$matchedAddress.id, today: req.today, on: req.db)
        let cuckooed = try await CuckooingController.open(at: incident.$matchedAddress.id, on: req.db)
        var review = incident.review
        do throws(FieldProblem) {
            try review.forward(
                markedChildren: marked.count, cuckooedHomes: cuckooed.count,
                note: (try? req.content.get(String.self, at: "note")) ?? "")
        } catch {
            return IncidentAlertView(
                page: .init(incident, marked: marked, alerts: [], cuckooed: []), errors: FormErrors(error)
            )
            .render(on: req, status: .conflict)
        }
        let now = req.now
        let iid = try incident.requireID()
        let checked = review
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(incident) { $0.review.isWaiting }
            incident.set(checked, by: viewer.userID, at: now)
            try await incident.update(on: db)
            var events = [
                viewer.event(.change, "police-incident", iid.uuidString, reason: "match confirmed; forwarded", on: req)
            ]
            for m in marked {
                let alert = IncidentAlert()
                alert.$incident.id = iid
                alert.$protection.id = try m.protection.requireID()
                alert.$person.id = m.protection.$person.id
                alert.$socialWorker.id = m.protection.$socialWorker.id
                alert.forwardedAt = now
                try await alert.create(on: db)
                // Dated when the incident happened; the entry says when it was received and forwarded.
                try await ChronologyEntry(
                    personID: m.protection.$person.id, occurredAt: incident.occurredAt, agencyID: viewer.agencyID,
                    category: "Police incident",
                    summary:
                        "Police incident \(incident.reference) (\(incident.incidentType)) at \(m.address.line1): forwarded to \(m.protection.socialWorker.displayName)"
                        + " (incident \(SiteFormat.dateTime(incident.occurredAt)), received \(SiteFormat.dateTime(incident.receivedAt)))",
                    recordedBy: viewer.userID, visibility: .safeguarding, recordedAt: now
                ).create(on: db)
                events.append(
                    viewer.event(
                        .change, "person", m.protection.$person.id.uuidString,
                        reason: "police incident \(incident.reference) forwarded", on: req))
            }
            for home in cuckooed {
                events += try await CuckooingNotice.send(incident, to: home, by: viewer, now: now, on: db, req: req)
            }
            return ((), events)
        }
        return req.redirect(to: SiteURL.incidentAlert(iid).path, redirectType: .normal)
    }

    func reject(req: Request) async throws -> Response {
        let viewer = try req.require(.reviewIncidentAlert)
        let incident = try await Self.incident(req)
        var review = incident.review
        do throws(FieldProblem) {
            try review.reject(reason: (try? req.content.get(String.self, at: "reason")) ?? "")
        } catch {
            let marked = try await Self.children(at: incident.$matchedAddress.id, today: req.today, on: req.db)
            return IncidentAlertView(
                page: .init(incident, marked: marked, alerts: [], cuckooed: []), errors: FormErrors(error)
            )
            .render(on: req, status: .unprocessableEntity)
        }
        let now = req.now
        let iid = try incident.requireID()
        let checked = review
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(incident) { $0.review.isWaiting }
            incident.set(checked, by: viewer.userID, at: now)
            try await incident.update(on: db)
            return (
                (),
                [
                    viewer.event(
                        .change, "police-incident", iid.uuidString, reason: "match rejected: \(checked.note ?? "")",
                        on: req)
                ]
            )
        }
        return req.redirect(to: SiteURL.incidentAlerts.path, redirectType: .normal)
    }

    func alert(req: Request) async throws -> Response {
        let (viewer, alert) = try await Self.alert(req)
        try await req.audit.record(
            viewer.event(.view, "incident-alert", try alert.requireID().uuidString, on: req), on: req.db)
        return SocialWorkerAlertView(page: .init(alert), errors: FormErrors()).render(on: req)
    }

    func decide(req: Request) async throws -> Response {
        let (viewer, alert) = try await Self.alert(req)
        var decision = alert.decisionState
        do throws(FieldProblem) {
            try decision.decide(
                (try? req.content.get(String.self, at: "decision")) ?? "",
                note: (try? req.content.get(String.self, at: "note")) ?? "")
        } catch {
            return SocialWorkerAlertView(page: .init(alert), errors: FormErrors(error)).render(
                on: req, status: .unprocessableEntity)
        }
        guard let relevance = decision.relevance else { throw Abort(.internalServerError) }
        let now = req.now
        let aid = try alert.requireID()
        let decided = decision
        try await req.audit.write(on: req.db) { db in
            try await db.holdUnchanged(alert) { $0.decision == nil }
            alert.set(decided, by: viewer.userID, at: now)
            try await alert.update(on: db)
            try await ChronologyEntry(
                personID: alert.$person.id, occurredAt: now, agencyID: viewer.agencyID, category: "Police incident",
                summary: "Police incident \(alert.incident.reference): \(relevance.forThePlan)"
                    + (decided.note.map { " (\($0))" } ?? ""),
                recordedBy: viewer.userID, visibility: .safeguarding
            ).create(on: db)
            return ((), [viewer.event(.change, "incident-alert", aid.uuidString, reason: relevance.rawValue, on: req)])
        }
        return req.redirect(to: SiteURL.incidentAlertForSocialWorker(aid).path, redirectType: .normal)
    }

    static func incident(_ req: Request) async throws -> PoliceIncident {
        guard let id = req.parameters.get("incidentID", as: UUID.self),
            let i = try await PoliceIncident.query(on: req.db).filter(\.$id == id).with(\.$agency).with(
                \.$matchedAddress
            ).with(\.$reviewedBy).first(),
            i.reviewStatus != .unmatched
        else { throw Abort(.notFound) }
        return i
    }

    /// The alert, if the viewer may decide it: the child's social worker's agency, by the access policy.
    static func alert(_ req: Request) async throws -> (Viewer, IncidentAlert) {
        try req.requireEver(.decideIncidentAlert)
        guard let id = req.parameters.get("alertID", as: UUID.self),
            let a = try await IncidentAlert.query(on: req.db).filter(\.$id == id).with(\.$incident).with(\.$person)
                .with(\.$socialWorker)
                .with(\.$decidedBy).with(\.$detailsReferral).first()
        else { throw Abort(.notFound) }
        let (viewer, _, _) = try await PersonAccess.authorise(.decideIncidentAlert, personID: a.$person.id, on: req)
        return (viewer, a)
    }
}
