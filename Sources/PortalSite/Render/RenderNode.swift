import MustacheTemplates

/// A page context in template-ready form: the views build `[String: Any]`
/// (easy to write and to fingerprint); converting it once into typed values
/// makes every lookup while rendering a dictionary read, with no casts.
final class RenderNode: TemplateObject {
    let values: [String: TemplateValue]
    init(_ values: [String: TemplateValue]) { self.values = values }
    func value(forKey key: String) -> TemplateValue? { values[key] }

    /// `card` turns a product card into a list item (with its partials rendered).
    static func tree(_ dictionary: [String: Any], card: ((ProductCard) -> CardNode)? = nil) -> RenderNode {
        RenderNode(dictionary.compactMapValues { convert($0, card) })
    }

    static func convert(_ value: Any, _ card: ((ProductCard) -> CardNode)?) -> TemplateValue? {
        switch value {
        case let s as String: return .text(s)
        case let b as Bool: return .bool(b)
        case let d as [String: Any]: return .object(tree(d, card: card))
        // Exact element types first: a failed cast to another array type goes
        // through Foundation's bridging, element by element.
        case let a as [[String: Any]]: return .list(a.map { .object(tree($0, card: card)) })
        case let a as [ProductCard]: return .list(a.map { c in .object(card?(c) ?? c.node) })
        case let a as [SharedContext]: return .list(a.map { .object($0.node) })
        case let a as [String]: return .list(a.map(TemplateValue.text))
        case let a as [Any]: return .list(a.compactMap { convert($0, card) })
        case let n as Int: return .text(String(n))
        // Last: on Linux, casting a dictionary or array to a class bridges it to
        // NSDictionary or NSArray first, which costs more than rendering it.
        case let c as ProductCard: return .object(card?(c) ?? c.node)
        case let m as MarkdownText: return .text(m.html)
        case let c as SharedContext: return .object(c.node)
        case let node as RenderNode: return .object(node)
        default: return nil
        }
    }
}
