/// A parsed Mustache template: a tree of nodes, with every name split into
/// its dotted parts once, at parse time.
public struct Template: Sendable {
    let nodes: [Node]
    /// Where each line starts (byte offsets), to turn a tag's offset into a line and column.
    private let lineStarts: [Int]
    private let source: [UInt8]

    /// Parses `source`; a syntax error carries the line and column of the tag.
    public init(_ source: String) throws(TemplateSyntaxError) {
        nodes = try TemplateParser(source).parse()
        let bytes = Array(source.utf8)
        self.source = bytes
        lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
    }

    /// Line and column (in characters, from 1) of a byte offset.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let column = String(decoding: source[lineStarts[low]..<min(offset, source.count)], as: UTF8.self).count + 1
        return (low + 1, column)
    }
}

/// A name a template uses that the context does not have, or a partial the
/// theme does not have: silent in Mustache, a warning or (strict) an error here.
public struct TemplateMiss: Hashable, Sendable, Comparable {
    public enum Kind: Int, Sendable { case value, partial }
    public let template: String
    public let line: Int
    public let column: Int
    public let name: String
    public let kind: Kind

    public static func < (a: TemplateMiss, b: TemplateMiss) -> Bool {
        (a.template, a.line, a.column, a.name) < (b.template, b.line, b.column, b.name)
    }
}

indirect enum Node: Sendable {
    case text([UInt8])
    case variable(Name, escaped: Bool)
    case section(Name, [Node], inverted: Bool)
    /// `indent` is the whitespace before a standalone `{{>name}}`; every line of
    /// the partial gets it. `at` is the tag's byte offset.
    case partial(String, indent: [UInt8], at: Int)
    /// `{{<name}}…{{/name}}`: the template `name`, with these blocks overridden.
    case parent(String, blocks: [String: [Node]], indent: [UInt8], at: Int)
    /// `{{$name}}default{{/name}}`: the override of `name`, else the default;
    /// a standalone block's content is indented by `indent` where it is expanded.
    case block(String, [Node], indent: [UInt8])
}

/// A tag's name: `.` (the current item) or a dotted path such as `site.title`.
struct Name: Sendable {
    let parts: [String]
    /// The tag's byte offset in its template, for reporting a name the context lacks.
    let offset: Int
    var isCurrentItem: Bool { parts.isEmpty }
    var text: String { parts.isEmpty ? "." : parts.joined(separator: ".") }

    init(_ text: String, at offset: Int = 0) {
        parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        self.offset = offset
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
