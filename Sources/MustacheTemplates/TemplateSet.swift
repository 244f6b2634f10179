/// A theme's templates by name; each can include the others as partials
/// (`{{>name}}`) or parents (`{{<name}}`).
public struct TemplateSet: Sendable {
    private var templates: [String: Template] = [:]

    public init() {}

    /// Parses `source` and adds it as `name`, replacing any template of that name.
    public mutating func add(_ source: String, named name: String) throws(TemplateSyntaxError) {
        templates[name] = try Template(source)
    }

    public func has(_ name: String) -> Bool { templates[name] != nil }

    /// The template `name` rendered with `context` as UTF-8 bytes; empty when
    /// there is no such template. A missing partial renders as nothing.
    public func render(_ name: String, context: TemplateValue) -> [UInt8] {
        var misses = Set<TemplateMiss>()
        return render(name, context: context, misses: &misses)
    }

    /// The same, also telling which names the context lacked and which
    /// partials the set lacked (each place once), for strict themes.
    public func render(_ name: String, context: TemplateValue, misses: inout Set<TemplateMiss>) -> [UInt8] {
        guard let template = templates[name] else { return [] }
        var renderer = TemplateRenderer(templates: templates, context: context, name: name, template: template)
        renderer.render(template.nodes)
        misses.formUnion(renderer.misses)
        return renderer.out
    }
}
