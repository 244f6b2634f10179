import MustacheTemplates

/// A page context in template-ready form: the views build `[String: Any]`
/// (easy to write and to fingerprint); converting it once into typed values
/// makes every lookup while rendering a dictionary read, with no casts.
final class RenderNode: TemplateObject, @unchecked Sendable {
    /// Filled while a context is encoded, then only read.
    var values: [String: TemplateValue]
    init(_ values: [String: TemplateValue]) { self.values = values }
    func value(forKey key: String) -> TemplateValue? { values[key] }

    /// `card` turns a product card into a list item (with its partials rendered).
    static func tree(_ dictionary: [String: Any], card: ((ProductCard) -> CardNode)? = nil) -> RenderNode {
        RenderNode(dictionary.compactMapValues { convert($0, card) })
    }

    static func convert(_ value: Any, _ card: ((ProductCard) -> CardNode)?) -> TemplateValue? {
        switch ContextType(of: value) {
        case .string: return .text(value as! String)
        case .bool: return .bool(value as! Bool)
        case .int: return .text(String(value as! Int))
        case .dictionary: return .object(tree(value as! [String: Any], card: card))
        case .dictionaries: return .list((value as! [[String: Any]]).map { .object(tree($0, card: card)) })
        case .cards: return .list((value as! [ProductCard]).map { c in .object(card?(c) ?? c.node) })
        case .sharedContexts: return .list((value as! [SharedContext]).map { .object($0.node) })
        case .strings: return .list((value as! [String]).map(TemplateValue.text))
        case .anys: return .list((value as! [Any]).compactMap { convert($0, card) })
        case .card: let c = value as! ProductCard; return .object(card?(c) ?? c.node)
        case .markdown: return .text((value as! MarkdownText).html)
        case .sharedContext: return .object((value as! SharedContext).node)
        case .renderNode: return .object(value as! RenderNode)
        case .other: return nil
        }
    }
}
