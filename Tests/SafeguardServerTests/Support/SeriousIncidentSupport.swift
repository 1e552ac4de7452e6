import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

extension ServerTestCase {
    /// A need-to-know about Kayla raised, completed and notified on Monday 2 March 2026: the rapid review is due
    /// Monday 23 March. Shared by the rapid review's and the agencies' summaries' tests.
    func notifiedIncident() async throws -> UUID {
        let sw = try await signedIn(fx[.socialWorker])
        _ = try await sw.post(
            .personSeriousIncidentNew(fx.kayla),
            [
                ("reason", "serious-harm"), ("incident-day", "28"), ("incident-month", "2"),
                ("incident-year", "2026"),
                ("what-happened", "Admitted with a skull fracture that the explanation does not fit"),
                ("abuse-or-neglect[]", "yes"),
            ])
        let id = try await SeriousIncidentRecord.query(on: app.db).first()!.id!
        let unit = try await signedIn(fx[.businessUnitOfficer])
        _ = try await unit.post(
            .seriousIncidentComplete(id),
            [("place", "At home"), ("police", "no"), ("aware-day", "2"), ("aware-month", "3"), ("aware-year", "2026")])
        let res = try await unit.post(
            .seriousIncidentNotified(id),
            [("notified-day", "2"), ("notified-month", "3"), ("notified-year", "2026")])
        XCTAssertEqual(res.location, SiteURL.seriousIncident(id).done("notified"), res.text)
        return id
    }
}
