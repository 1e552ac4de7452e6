/// Where one person's booking on one event stands.
///
/// booked ⇄ waiting-list (promotion when a place frees) → cancelled or late-cancellation before the
/// start; booked → attended or no-show on the register (scheduled events), or booked → completed
/// (e-learning). A cancelled booking may be re-booked, which puts it back in the queue.
public enum TrainingBookingStatus: String, CaseIterable, Codable, Sendable {
    case booked
    case waitingList = "waiting-list"
    case cancelled
    /// Cancelled within the late-cancellation notice before the start (48 hours unless configured):
    /// the place is freed but the partnership counts it alongside no-shows.
    case lateCancellation = "late-cancellation"
    case attended
    case noShow = "no-show"
    /// E-learning finished: the e-learning equivalent of attended.
    case completed

    public var displayName: String {
        switch self {
        case .booked: "Booked"
        case .waitingList: "On the waiting list"
        case .cancelled: "Cancelled"
        case .lateCancellation: "Late cancellation"
        case .attended: "Attended"
        case .noShow: "Did not attend"
        case .completed: "Completed"
        }
    }

    /// Booked or waiting: the person still expects to come, so they cannot book again.
    public var isActive: Bool { self == .booked || self == .waitingList }

    /// Counts as having done the training: attended, or completed e-learning.
    public var isAttendance: Bool { self == .attended || self == .completed }

    /// Takes one of the event's places.
    public var holdsPlace: Bool { self == .booked || self == .attended || self == .noShow || self == .completed }

    /// Cancelled, late or not: can be re-booked.
    public var isCancelled: Bool { self == .cancelled || self == .lateCancellation }
}
