import Mustache

/// A page context as the template engine reads it fastest. Mustache looks a
/// name up in every enclosing value, each time asking whether that value is
/// a dictionary — a slow dynamic cast for `[String: Any]` (a conditional
/// conformance). Converting the context once into final-class nodes makes
/// each lookup a cheap class cast and a dictionary read; the rendered text is
/// the same, since a node answers `child(named:)` exactly as the dictionary did.
final class RenderNode: MustacheParent {
    let values: [String: Any]
    init(_ values: [String: Any]) { self.values = values }
    func child(named name: String) -> Any? { values[name] }

    /// `card` turns a product card into a list item (with its partials rendered).
    static func tree(_ dictionary: [String: Any], card: ((ProductCard) -> CardNode)? = nil) -> RenderNode {
        RenderNode(dictionary.mapValues { convert($0, card) })
    }

    static func convert(_ value: Any, _ card: ((ProductCard) -> CardNode)?) -> Any {
        switch value {
        case let s as String: return RenderText(s)
        case let b as Bool: return b
        case let d as [String: Any]: return tree(d, card: card)
        // Exact element types first: a failed cast to another array type goes
        // through Foundation's bridging, element by element.
        case let a as [[String: Any]]: return a.map { tree($0, card: card) }
        case let a as [ProductCard]: return a.map { c -> Any in card?(c) ?? c.node }
        case let a as [SharedContext]: return a.map(\.node)
        case let a as [String]: return a.map(RenderText.init)
        case let a as [Any]: return a.map { convert($0, card) }
        case is Int: return value
        // Last: on Linux, casting a dictionary or array to a class bridges it to
        // NSDictionary or NSArray first, which costs more than rendering it.
        case let c as ProductCard: return card.map { $0(c) } as Any? ?? c.node
        case let m as MarkdownText: return RenderText(m.html)
        case let c as SharedContext: return c.node
        default: return value
        }
    }
}

/// A string in a page context. As a plain `String`, every `{{name}}` costs
/// Mustache several failed protocol casts and a `String(describing:)`, and a
/// section over a string (`{{#phone}}…{{/phone}}`) puts it on the stack, where
/// each later lookup reflects on it with `Mirror`. As a renderable parent the
/// same text comes out through one cast, and lookups pass it by at once.
final class RenderText: MustacheParent, MustacheCustomRenderable, CustomStringConvertible {
    let text: String
    init(_ text: String) { self.text = text }
    var renderText: String { text }
    var isNull: Bool { false }
    var description: String { text }
    func child(named name: String) -> Any? { nil }
}
