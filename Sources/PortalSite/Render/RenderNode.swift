import MustacheTemplates

/// A page context in template-ready form, as `ContextEncoder` makes it:
/// every lookup while rendering is a dictionary read, with no casts.
final class RenderNode: TemplateObject, @unchecked Sendable {
    /// Filled while a context is encoded, then only read.
    var values: [String: TemplateValue]
    init(_ values: [String: TemplateValue]) { self.values = values }
    func value(forKey key: String) -> TemplateValue? { values[key] }
}
