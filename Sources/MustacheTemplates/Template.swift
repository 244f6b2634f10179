/// A parsed Mustache template: a tree of nodes, with every name split into
/// its dotted parts once, at parse time.
public struct Template: Sendable {
    let nodes: [Node]

    /// Parses `source`; a syntax error carries the line and column of the tag.
    public init(_ source: String) throws(TemplateSyntaxError) {
        nodes = try TemplateParser(source).parse()
    }
}

indirect enum Node: Sendable {
    case text([UInt8])
    case variable(Name, escaped: Bool)
    case section(Name, [Node], inverted: Bool)
    /// `indent` is the whitespace before a standalone `{{>name}}`; every line of
    /// the partial gets it.
    case partial(String, indent: [UInt8])
    /// `{{<name}}…{{/name}}`: the template `name`, with these blocks overridden.
    case parent(String, blocks: [String: [Node]], indent: [UInt8])
    /// `{{$name}}default{{/name}}`: the override of `name`, else the default;
    /// a standalone block's content is indented by `indent` where it is expanded.
    case block(String, [Node], indent: [UInt8])
}

/// A tag's name: `.` (the current item) or a dotted path such as `site.title`.
struct Name: Sendable {
    let parts: [String]
    var isCurrentItem: Bool { parts.isEmpty }

    init(_ text: String) {
        parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}

/// Where and why a template does not parse.
public struct TemplateSyntaxError: Error, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    /// In Chinese, with the English in brackets.
    public let message: String
    public var description: String { "\(line):\(column): \(message)" }
}
