import Foundation

/// The MASH's open referrals as a work queue: what each item needs, how the queue can be sorted and
/// narrowed, what is urgent, and the counts at the top (each of which is a filter too).
public enum MASHQueue {
    public struct Item: Sendable, Equatable {
        public var id: String
        public var reference: String
        public var subjects: [String]
        public var status: ReferralStatus
        public var rag: RAGRating?
        public var urgency: ReferralUrgency
        public var submittedAt: Date?
        public var decisionDueAt: Date?
        /// The user id of the worker it is allocated to.
        public var allocatedTo: String?
        public var district: String?
        public var overdueRequests: Int

        public init(
            id: String, reference: String, subjects: [String], status: ReferralStatus, rag: RAGRating?,
            urgency: ReferralUrgency,
            submittedAt: Date?, decisionDueAt: Date?, allocatedTo: String?, district: String?, overdueRequests: Int
        ) {
            self.id = id
            self.reference = reference
            self.subjects = subjects
            self.status = status
            self.rag = rag
            self.urgency = urgency
            self.submittedAt = submittedAt
            self.decisionDueAt = decisionDueAt
            self.allocatedTo = allocatedTo
            self.district = district
            self.overdueRequests = overdueRequests
        }

        public func decisionOverdue(at now: Date) -> Bool {
            status != .awaitingSignOff && (decisionDueAt.map { now > $0 } ?? false)
        }

        /// Red, overdue, waiting for sign-off, or said by the referrer to need action today: first in anyone's list.
        public func isUrgent(at now: Date) -> Bool {
            rag == .red || status == .awaitingSignOff || decisionOverdue(at: now) || urgency != .standard && rag == nil
        }
    }

    public enum Sort: String, CaseIterable, Sendable {
        case decisionClock = "clock", rag, urgency, received

        public var displayName: String {
            switch self {
            case .decisionClock: "Decision due, soonest first"
            case .rag: "RAG rating, red first"
            case .urgency: "Referrer's urgency, most urgent first"
            case .received: "Received, oldest first"
            }
        }
    }

    /// Which items to show. `worker` is a user id, `unallocated`, or empty for everyone's.
    public struct Filter: Sendable, Equatable {
        public var status: ReferralStatus?
        public var district: String?
        public var worker: String
        public var text: String
        public var decisionOverdue: Bool
        public var requestsOverdue: Bool

        public static let unallocated = "unallocated"

        public init(
            status: ReferralStatus? = nil, district: String? = nil, worker: String = "", text: String = "",
            decisionOverdue: Bool = false, requestsOverdue: Bool = false
        ) {
            self.status = status
            self.district = district
            self.worker = worker
            self.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            self.decisionOverdue = decisionOverdue
            self.requestsOverdue = requestsOverdue
        }

        public func includes(_ item: Item, now: Date) -> Bool {
            if let status, item.status != status { return false }
            if let district, item.district != district { return false }
            if worker == Self.unallocated, item.allocatedTo != nil { return false }
            if !worker.isEmpty, worker != Self.unallocated, item.allocatedTo != worker { return false }
            if decisionOverdue, !item.decisionOverdue(at: now) { return false }
            if requestsOverdue, item.overdueRequests == 0 { return false }
            if !text.isEmpty {
                let needle = text.lowercased()
                let haystack = ([item.reference] + item.subjects).map { $0.lowercased() }
                if !haystack.contains(where: { $0.contains(needle) }) { return false }
            }
            return true
        }
    }

    public static func sorted(_ items: [Item], by sort: Sort) -> [Item] {
        let far = Date.distantFuture
        func ragRank(_ r: RAGRating?) -> Int {
            switch r {
            case .red: 0
            case .amber: 1
            case .green: 2
            case nil: 3
            }
        }
        func urgencyRank(_ u: ReferralUrgency) -> Int {
            switch u {
            case .immediate: 0
            case .today: 1
            case .standard: 2
            }
        }
        return items.sorted { a, b in
            let received = (a.submittedAt ?? far, a.reference) < (b.submittedAt ?? far, b.reference)
            switch sort {
            case .decisionClock:
                let (x, y) = (a.decisionDueAt ?? far, b.decisionDueAt ?? far)
                return x != y ? x < y : received
            case .rag:
                let (x, y) = (ragRank(a.rag), ragRank(b.rag))
                return x != y ? x < y : received
            case .urgency:
                let (x, y) = (urgencyRank(a.urgency), urgencyRank(b.urgency))
                return x != y ? x < y : received
            case .received:
                return received
            }
        }
    }

    /// The numbers at the top of the queue, each with the filter that lists them.
    public struct Count: Sendable, Equatable {
        public var label: String
        public var number: Int
        public var filter: Filter
    }

    public static func counts(_ items: [Item], now: Date) -> [Count] {
        let filters: [(String, Filter)] = [
            ("New", Filter(status: .submitted)),
            ("Gathering information", Filter(status: .gathering)),
            ("Awaiting sign-off", Filter(status: .awaitingSignOff)),
            ("Not allocated", Filter(worker: Filter.unallocated)),
            ("Decisions overdue", Filter(decisionOverdue: true)),
            ("With partner requests overdue", Filter(requestsOverdue: true)),
        ]
        return filters.map { label, f in
            Count(label: label, number: items.filter { f.includes($0, now: now) }.count, filter: f)
        }
    }
}
