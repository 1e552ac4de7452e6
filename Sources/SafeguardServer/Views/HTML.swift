/// A typed HTML tree. Every text node and every attribute value is escaped when rendered, so
/// nothing a user typed can become markup. (Plot, the obvious library, leaves attribute values
/// and `&…;` sequences in text unescaped; with user input in `value=""` that is a hole.)
public indirect enum Node: Sendable {
    case element(String, [Attr], [Node])
    /// Elements with no closing tag: input, meta, link, br, hr.
    case void(String, [Attr])
    case text(String)
    case fragment([Node])
    /// Markup we wrote ourselves (SVG icons, a doctype). Only string literals can reach it.
    case trusted(StaticString)

    public func render() -> String {
        var out = ""
        out.reserveCapacity(4096)
        render(into: &out)
        return out
    }

    func render(into out: inout String) {
        switch self {
        case .element(let name, let attrs, let children):
            out += "<" + name
            for a in attrs { a.render(into: &out) }
            out += ">"
            for c in children { c.render(into: &out) }
            out += "</" + name + ">"
        case .void(let name, let attrs):
            out += "<" + name
            for a in attrs { a.render(into: &out) }
            out += ">"
        case .text(let s):
            out += Node.escape(s)
        case .fragment(let nodes):
            for n in nodes { n.render(into: &out) }
        case .trusted(let s):
            out += s.description
        }
    }

    static func escape(_ s: String) -> String {
        // Most text has nothing to escape: handing it back as it is spares a copy per text on every page.
        guard
            s.utf8.contains(where: {
                $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                    || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
            })
        else { return s }
        var r = ""
        r.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "\"": r += "&quot;"
            case "'": r += "&#39;"
            default: r.unicodeScalars.append(ch)
            }
        }
        return r
    }

    public static let empty = Node.fragment([])
}

/// One attribute. A nil value renders as a bare boolean attribute (`checked`).
public struct Attr: Sendable {
    public let name: String
    public let value: String?

    public init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }

    func render(into out: inout String) {
        out += " " + name
        if let value { out += "=\"" + Node.escape(value) + "\"" }
    }

    public static func `class`(_ v: String) -> Attr { Attr("class", v) }
    public static func id(_ v: String) -> Attr { Attr("id", v) }
    public static func name(_ v: String) -> Attr { Attr("name", v) }
    public static func value(_ v: String) -> Attr { Attr("value", v) }
    public static func type(_ v: String) -> Attr { Attr("type", v) }
    public static func `for`(_ v: String) -> Attr { Attr("for", v) }
    public static func href(_ v: SiteURL) -> Attr { Attr("href", v.path) }
    public static func action(_ v: SiteURL) -> Attr { Attr("action", v.path) }
    public static func aria(_ name: String, _ v: String) -> Attr { Attr("aria-" + name, v) }
    public static func data(_ name: String, _ v: String) -> Attr { Attr("data-" + name, v) }
    public static func flag(_ name: String) -> Attr { Attr(name, nil) }
    public static let postMethod = Attr("method", "post")
    public static let getMethod = Attr("method", "get")
}

@resultBuilder
public enum NodeBuilder {
    public static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    public static func buildExpression(_ n: Node) -> [Node] { [n] }
    public static func buildExpression(_ ns: [Node]) -> [Node] { ns }
    public static func buildExpression(_ s: String) -> [Node] { [.text(s)] }
    public static func buildOptional(_ n: [Node]?) -> [Node] { n ?? [] }
    public static func buildEither(first n: [Node]) -> [Node] { n }
    public static func buildEither(second n: [Node]) -> [Node] { n }
    public static func buildArray(_ ns: [[Node]]) -> [Node] { ns.flatMap { $0 } }
}

/// An element with attributes and children: `el("p", .class("sg-body")) { "Hello" }`.
public func el(_ name: String, _ attrs: Attr..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
    .element(name, attrs, content())
}

/// The same, with attributes built at run time.
public func el(_ name: String, attrs: [Attr], @NodeBuilder content: () -> [Node] = { [] }) -> Node {
    .element(name, attrs, content())
}

/// An element with no closing tag.
public func void(_ name: String, _ attrs: Attr...) -> Node { .void(name, attrs) }
public func void(_ name: String, attrs: [Attr]) -> Node { .void(name, attrs) }

public func fragment(@NodeBuilder _ content: () -> [Node]) -> Node { .fragment(content()) }
