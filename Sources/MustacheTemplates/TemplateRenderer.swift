/// Renders nodes into a byte buffer. Names are looked up from the innermost
/// value in scope outwards; output is UTF-8 bytes, written once.
struct TemplateRenderer {
    let templates: [String: Template]
    var out: [UInt8] = []
    /// Values in scope, innermost last.
    private var scope: [TemplateValue]
    /// Block overrides in effect (`{{<parent}}{{$block}}…`), each with the
    /// template it was written in (where its tags are).
    private var overrides: [String: (nodes: [Node], origin: Origin)] = [:]
    private typealias Origin = (name: String, template: Template)
    /// Whitespace every output line starts with (inside standalone partials).
    private var indent: [UInt8] = []
    private var atLineStart = false
    /// Partials nested this deep stop, so a theme that includes itself ends.
    private var partialDepth = 0
    private static let maxPartialDepth = 64
    /// The template being rendered, for placing misses.
    private var current: Origin
    /// Names the context lacked and partials the set lacked.
    private(set) var misses = Set<TemplateMiss>()

    init(templates: [String: Template], context: TemplateValue, name: String, template: Template) {
        self.templates = templates
        scope = [context]
        current = (name, template)
        out.reserveCapacity(16 * 1024)
    }

    private mutating func missed(_ name: String, at offset: Int, _ kind: TemplateMiss.Kind) {
        let (line, column) = current.template.position(of: offset)
        misses.insert(TemplateMiss(template: current.name, line: line, column: column, name: name, kind: kind))
    }

    mutating func render(_ nodes: [Node]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                write(bytes)
            case .variable(let name, let escaped):
                guard let value = lookUp(name) else { missed(name.text, at: name.offset, .value); continue }
                switch value {
                case .text(let text):
                    guard !text.isEmpty else { continue }
                    startLine()
                    if escaped { HTMLEscaping.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
                case .bool(let flag):
                    startLine()
                    out.append(contentsOf: (flag ? "true" : "false").utf8)
                case .list, .object:
                    continue
                }
            case .section(let name, let body, let inverted):
                let value = lookUp(name)
                if value == nil { missed(name.text, at: name.offset, .value) }
                if inverted {
                    if !(value?.isTruthy ?? false) { render(body) }
                    continue
                }
                switch value {
                case .list(let items)?:
                    for item in items {
                        scope.append(item)
                        render(body)
                        scope.removeLast()
                    }
                case .bool(true)?:
                    render(body)
                case let value? where value.isTruthy:
                    scope.append(value)
                    render(body)
                    scope.removeLast()
                default:
                    continue
                }
            case .partial(let name, let partialIndent, let offset):
                // A partial is its own template: blocks of an enclosing parent do not reach into it.
                let kept = overrides
                overrides = [:]
                include(name, indent: partialIndent, at: offset)
                overrides = kept
            case .parent(let name, let blocks, let parentIndent, let offset):
                // The outermost override of a block wins (the child's over its parent's).
                let kept = overrides
                let origin = current
                overrides = blocks.mapValues { ($0, origin) }.merging(kept) { _, outer in outer }
                include(name, indent: parentIndent, at: offset)
                overrides = kept
            case .block(let name, let defaultBody, let blockIndent):
                let keptIndent = indent
                if !blockIndent.isEmpty {
                    indent += blockIndent
                    atLineStart = true
                }
                if let override = overrides[name] {
                    let keptCurrent = current
                    current = override.origin
                    render(override.nodes)
                    current = keptCurrent
                } else {
                    render(defaultBody)
                }
                indent = keptIndent
            }
        }
    }

    private mutating func include(_ name: String, indent extra: [UInt8], at offset: Int) {
        guard let template = templates[name] else { missed(name, at: offset, .partial); return }
        guard partialDepth < Self.maxPartialDepth else { return }
        let keptCurrent = current
        current = (name, template)
        defer { current = keptCurrent }
        let keptIndent = indent
        partialDepth += 1
        if !extra.isEmpty {
            indent += extra
            atLineStart = true
        }
        render(template.nodes)
        indent = keptIndent
        partialDepth -= 1
    }

    /// `name` in the innermost value that has its first part; the rest of a
    /// dotted name is looked up in what that gives, and nowhere else.
    private func lookUp(_ name: Name) -> TemplateValue? {
        guard let first = name.parts.first else { return scope.last }
        var found: TemplateValue?
        for value in scope.reversed() {
            if case .object(let object) = value, let child = object.value(forKey: first) {
                found = child
                break
            }
        }
        for part in name.parts.dropFirst() {
            guard case .object(let object)? = found else { return nil }
            found = object.value(forKey: part)
        }
        return found
    }

    /// Template text; inside an indented partial, each line gets the indent.
    private mutating func write(_ bytes: [UInt8]) {
        guard !indent.isEmpty else {
            out.append(contentsOf: bytes)
            return
        }
        var lineStart = 0
        for i in bytes.indices where bytes[i] == UInt8(ascii: "\n") {
            if atLineStart { out.append(contentsOf: indent) }
            out.append(contentsOf: bytes[lineStart...i])
            atLineStart = true
            lineStart = i + 1
        }
        if lineStart < bytes.count {
            startLine()
            out.append(contentsOf: bytes[lineStart...])
        }
    }

    /// Before a value is printed: the indent, if a line starts here. The
    /// value's own line breaks get none (data is not re-indented).
    @inline(__always) private mutating func startLine() {
        if atLineStart && !indent.isEmpty {
            out.append(contentsOf: indent)
        }
        atLineStart = false
    }
}
