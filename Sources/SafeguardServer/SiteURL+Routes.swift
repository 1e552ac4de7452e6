import Foundation
import NIOConcurrencyHelpers
import SafeguardCore
import Vapor

/// Routes are registered from ``SiteURL``, so each path is spelt once and a link cannot point where no route
/// answers: `routes.get(.incidentAlert(.param("incidentID")), for: [.reviewIncidentAlert], use: show)` serves `/incident-alerts/:incidentID`,
/// the path every link to an incident alert is built from.
extension UUID {
    /// A stand-in for a route's path parameter `name` inside a ``SiteURL`` used as a route pattern. It is derived from
    /// the name, so the same name always gives the same stand-in; ``SiteURL/routePath`` turns it back into the name.
    static func param(_ name: String) -> UUID {
        // FNV-1a over the name, twice with different offsets: sixteen bytes no real record's id will have.
        func fnv(_ offset: UInt64) -> UInt64 { name.utf8.reduce(offset) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 } }
        let (a, b) = (fnv(0xcbf2_9ce4_8422_2325), fnv(0x8422_2325_cbf2_9ce4))
        let bytes =
            (0..<8).map { UInt8(truncatingIfNeeded: a >> ($0 * 8)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: b >> ($0 * 8)) }
        let id = UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
        RouteParameters.names.withLockedValue { $0[id.uuidString] = name }
        return id
    }
}

/// The stand-ins made so far, by the text they put in a path.
enum RouteParameters {
    static let names = NIOLockedValueBox<[String: String]>([:])
}

extension SiteURL {
    /// This address as a route pattern: constant segments, and a `:name` parameter where a stand-in from
    /// ``Foundation/UUID/param(_:)`` stands (or where a text argument was given as `":name"`).
    var routePath: [PathComponent] {
        let names = RouteParameters.names.withLockedValue { $0 }
        return path.split(separator: "/").map { segment in
            let s = String(segment)
            if let name = names[s] { return .parameter(name) }
            // ":file.csv" is the parameter "file": it takes the whole segment, which its handler checks.
            if s.hasPrefix(":") { return .parameter(String(s.dropFirst().prefix { $0 != "." })) }
            return .constant(s)
        }
    }
}

/// Who a route is for, declared where it is registered: `routes.get(.incidentAlerts, for: [.reviewIncidentAlert], use: queue)`.
///
/// The declaration does not itself let anyone in or keep anyone out: the handler asks the access policy for the record
/// in hand, as before. It says what the handler must refuse, and `EveryRouteDeniedRoleTests` holds every route to it:
/// each role the policy never permits any of the route's actions is sent there and must be refused, before any record
/// is looked up. A route cannot be registered without saying who it is for.
enum RouteAccess: Sendable, Hashable, ExpressibleByArrayLiteral {
    /// Anyone, signed in or not: signing in, registering with an agency's key, the load balancer's checks.
    case everyone
    /// Anyone signed in, whatever their role: their own work, messages, kept forms and the notices addressed to them
    /// (the handler finds only what is theirs, and says "not found" of anyone else's).
    case anyoneSignedIn
    /// A signed-in user whose role may do at least one of these actions, for some record.
    case anyOf(Set<Action>)
    /// A partner system's token carrying this permission (``APIPrincipal``).
    case partnerToken(String)

    init(arrayLiteral actions: Action...) { self = .anyOf(Set(actions)) }
}

extension Route {
    private struct SiteURLKey: Hashable, Sendable {}
    private struct AccessKey: Hashable, Sendable {}

    /// The ``SiteURL`` this route was registered from; nil for a route whose path was spelt some other way.
    var siteURL: SiteURL? {
        get { userInfo[AnySendableHashable(SiteURLKey())] as? SiteURL }
        set { userInfo[AnySendableHashable(SiteURLKey())] = newValue }
    }

    /// Who the route is for, as its registration declared; nil only for a route registered some other way.
    var access: RouteAccess? {
        get { userInfo[AnySendableHashable(AccessKey())] as? RouteAccess }
        set { userInfo[AnySendableHashable(AccessKey())] = newValue }
    }
}

extension RoutesBuilder {
    @discardableResult
    func get<R: AsyncResponseEncodable>(
        _ url: SiteURL, for access: RouteAccess, use closure: @Sendable @escaping (Request) async throws -> R
    ) -> Route {
        register(url, access, on(.GET, url.routePath, use: closure))
    }

    @discardableResult
    func post<R: AsyncResponseEncodable>(
        _ url: SiteURL, for access: RouteAccess, use closure: @Sendable @escaping (Request) async throws -> R
    ) -> Route {
        register(url, access, on(.POST, url.routePath, use: closure))
    }

    /// A post that takes more than the default 64 KB: long evidence, a YAML tool, an upload.
    @discardableResult
    func post<R: AsyncResponseEncodable>(
        _ url: SiteURL, bodyLimit: ByteCount, for access: RouteAccess,
        use closure: @Sendable @escaping (Request) async throws -> R
    ) -> Route {
        let route = on(.POST, url.routePath, body: .collect(maxSize: bodyLimit), use: closure)
        route.bodyLimit = bodyLimit.value
        return register(url, access, route)
    }

    private func register(_ url: SiteURL, _ access: RouteAccess, _ route: Route) -> Route {
        route.siteURL = url
        route.access = access
        return route
    }
}
