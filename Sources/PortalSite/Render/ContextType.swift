/// The kinds of value a page context holds, told apart by exact type.
enum ContextType {
    case string, bool, int, dictionary, dictionaries, cards, sharedContexts, strings, anys
    case card, markdown, sharedContext, renderNode, other

    init(of value: Any) {
        if let known = Self.byType[ObjectIdentifier(Swift.type(of: value))] {
            self = known
            return
        }
        // Other types by casting, as a collection cast allows: `[String: String]`
        // counts as `[String: Any]`, `[[String: String]]` as `[[String: Any]]`.
        switch value {
        case is [String: Any]: self = .dictionary
        case is [[String: Any]]: self = .dictionaries
        case is [String]: self = .strings
        case is [Any]: self = .anys
        default: self = .other
        }
    }

    private static let byType: [ObjectIdentifier: ContextType] = [
        ObjectIdentifier(String.self): .string, ObjectIdentifier(Bool.self): .bool, ObjectIdentifier(Int.self): .int,
        ObjectIdentifier([String: Any].self): .dictionary, ObjectIdentifier([[String: Any]].self): .dictionaries,
        ObjectIdentifier([ProductCard].self): .cards, ObjectIdentifier([SharedContext].self): .sharedContexts,
        ObjectIdentifier([String].self): .strings, ObjectIdentifier([Any].self): .anys,
        ObjectIdentifier(ProductCard.self): .card, ObjectIdentifier(MarkdownText.self): .markdown,
        ObjectIdentifier(SharedContext.self): .sharedContext, ObjectIdentifier(RenderNode.self): .renderNode,
    ]
}
