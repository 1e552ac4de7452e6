import Vapor

/// The success message after a training action, carried as `?done=` on the redirect (as other
/// pages do) so a reload does not repeat the action and nothing is kept in the session.
enum TrainingFlash: String {
    case booked
    case waitingList = "waiting-list"
    case cancelled
    case lateCancellation = "late-cancellation"
    case completed
    case evaluated, registered
    case courseSaved = "course-saved"
    case eventSaved = "event-saved"
    case questionsSaved = "questions-saved"
    case materialAdded = "material-added"
    case materialRemoved = "material-removed"
    case registerSaved = "register-saved"
    case capacityChanged = "capacity-changed"
    case eventCalledOff = "event-called-off"
    case keyIssued = "key-issued"
    case keyRevoked = "key-revoked"

    init?(_ req: Request) {
        guard let raw = try? req.query.get(String.self, at: "done") else { return nil }
        self.init(rawValue: raw)
    }

    var message: String {
        switch self {
        case .booked: "Your place is booked. The confirmation is in your messages."
        case .waitingList:
            "The event is full, so you are on the waiting list. If a place comes free you will get it automatically and be told."
        case .cancelled: "Your booking is cancelled. You can book again at any time."
        case .lateCancellation:
            "Your place is cancelled. As the event starts soon, it is recorded as a late cancellation."
        case .completed: "Your completion is recorded. Complete the evaluation to print your certificate."
        case .evaluated: "Thank you for your evaluation. Your certificate and the course materials are ready."
        case .registered: "Your account is ready. You can now book training."
        case .courseSaved: "The course is saved."
        case .eventSaved: "The event is saved and open for booking."
        case .questionsSaved: "The evaluation questions are saved."
        case .materialAdded: "The material is added. Attendees can download it once they have evaluated the course."
        case .materialRemoved: "The material is removed."
        case .registerSaved: "The register is saved."
        case .capacityChanged: "The number of places is changed."
        case .eventCalledOff: "The event is cancelled. Everyone who was booked or waiting has been told."
        case .keyIssued: "The registration key is issued."
        case .keyRevoked:
            "The registration key is revoked. Nobody can register with it now; existing accounts are unaffected."
        }
    }

    static func redirect(_ req: Request, to url: SiteURL, _ flash: TrainingFlash) -> Response {
        req.redirect(to: url.with(query: [("done", flash.rawValue)]), redirectType: .normal)
    }
}
