/// Mustache source → nodes, in three passes over the UTF-8 bytes: cut the
/// text into tags and pieces of text that end at a line break; drop the
/// lines that hold a single standalone tag (a section, comment, partial…
/// alone on its line leaves no blank line behind, as the spec asks); then
/// nest sections.
struct TemplateParser {
    private let bytes: [UInt8]

    init(_ source: String) { bytes = Array(source.utf8) }

    func parse() throws(TemplateSyntaxError) -> [Node] {
        var tokens = try tokenize()
        dropStandaloneLines(&tokens)
        dedentBlocks(&tokens)
        return try nest(tokens)
    }

    private enum Token {
        /// Ends at the latest at a line break (included).
        case text(Range<Int>)
        case tag(Tag)
    }

    private struct Tag {
        /// 0 for `{{name}}`; `&` for `{{{name}}}` and `{{&name}}`; otherwise the sigil.
        var sigil: UInt8
        var name = ""
        /// Where the opening delimiter starts, for errors.
        var offset: Int
        /// The whitespace before a standalone tag.
        var indent: [UInt8] = []
        /// Whether the tag stood alone on its line (or in one of the pairs
        /// inheritance allows), so that the line left no trace.
        var standalone = false
        /// For a block: the indentation its content is written at where it is
        /// expanded (the spec's "block reindentation").
        var blockIndent: [UInt8] = []
    }

    // MARK: - Tags and text

    private func tokenize() throws(TemplateSyntaxError) -> [Token] {
        var tokens: [Token] = []
        var open = Self.defaultOpen, close = Self.defaultClose
        var textStart = 0, i = 0
        while i < bytes.count {
            if bytes[i] == newline {
                tokens.append(.text(textStart..<i + 1))
                i += 1
                textStart = i
                continue
            }
            guard bytes[i] == open[0], starts(with: open, at: i) else { i += 1; continue }
            if textStart < i { tokens.append(.text(textStart..<i)) }
            var tag = Tag(sigil: 0, offset: i)
            let contentStart = i + open.count
            if open == Self.defaultOpen, contentStart < bytes.count, bytes[contentStart] == UInt8(ascii: "{") {
                guard let end = find(Self.tripleClose, from: contentStart + 1) else {
                    throw error(at: i, "标签“{{{”没有结束的“}}}” (unclosed tag)")
                }
                tag.sigil = UInt8(ascii: "&")
                tag.name = trimmed(contentStart + 1..<end)
                i = end + Self.tripleClose.count
            } else {
                guard let end = find(close, from: contentStart) else {
                    throw error(at: i, "标签“\(text(open))”没有结束的“\(text(close))” (unclosed tag)")
                }
                var nameStart = contentStart
                if nameStart < end, Self.sigils.contains(bytes[nameStart]) {
                    tag.sigil = bytes[nameStart]
                    nameStart += 1
                }
                i = end + close.count
                switch tag.sigil {
                case UInt8(ascii: "!"):
                    break
                case UInt8(ascii: "="):
                    (open, close) = try delimiters(nameStart..<end, tagAt: tag.offset)
                case UInt8(ascii: "%"):
                    throw error(at: tag.offset, "不支持“{{%…}}”编译指示 (pragmas are not supported)")
                case UInt8(ascii: "{"):
                    // `{{{name}}}` written with other delimiters: `<%{name}%>`.
                    tag.sigil = UInt8(ascii: "&")
                    tag.name = trimmed(nameStart..<end)
                    if tag.name.hasSuffix("}") { tag.name.removeLast() }
                default:
                    tag.name = trimmed(nameStart..<end)
                }
            }
            if tag.sigil != UInt8(ascii: "!"), tag.sigil != UInt8(ascii: "="),
               tag.name.isEmpty || tag.name.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
                throw error(at: tag.offset, "标签名为空或含空白：“\(tag.name)” (a tag name cannot be empty or contain spaces)")
            }
            tokens.append(.tag(tag))
            textStart = i
        }
        if textStart < bytes.count { tokens.append(.text(textStart..<bytes.count)) }
        return tokens
    }

    /// The new delimiters of `{{=<% %>=}}`.
    private func delimiters(_ range: Range<Int>, tagAt offset: Int) throws(TemplateSyntaxError) -> ([UInt8], [UInt8]) {
        let content = trimmed(range)
        let parts = content.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard content.hasSuffix("="), parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error(at: offset, "分隔符设置应写作“{{=<% %>=}}” (bad set-delimiter tag)")
        }
        return (Array(parts[0].utf8), Array(parts[1].utf8))
    }

    // MARK: - Standalone lines

    /// A line holding nothing but whitespace and one section, inverted
    /// section, closing, comment, partial, parent, block or delimiter tag
    /// renders nothing at all: its whitespace and line break go.
    private func dropStandaloneLines(_ tokens: inout [Token]) {
        var lineStart = 0
        for index in tokens.indices {
            let endsLine: Bool
            if case .text(let range) = tokens[index] {
                endsLine = bytes[range.upperBound - 1] == newline || index == tokens.count - 1
            } else {
                endsLine = index == tokens.count - 1
            }
            guard endsLine else { continue }
            dropIfStandalone(&tokens, line: lineStart...index)
            lineStart = index + 1
        }
    }

    /// A line is standalone when, besides whitespace, it holds one
    /// standalone tag, or one of the pairs the inheritance spec treats as one:
    /// `{{<parent}}{{/parent}}`, `{{<parent}}{{$block}}`, `{{/block}}{{/parent}}`
    /// and `{{$block}}{{/block}}`. The last keeps its line break: the block
    /// stands for a line of content (spec: "Standalone block").
    private func dropIfStandalone(_ tokens: inout [Token], line: ClosedRange<Int>) {
        var tagIndices: [Int] = []
        for index in line {
            switch tokens[index] {
            case .text(let range):
                guard bytes[range].allSatisfy({ $0 == space || $0 == tab || $0 == newline || $0 == carriageReturn }) else { return }
                // Text between two tags breaks a pair.
                if !tagIndices.isEmpty, !range.isEmpty, index != line.upperBound { return }
            case .tag(let tag):
                guard Self.standaloneSigils.contains(tag.sigil) else { return }
                tagIndices.append(index)
            }
        }
        var keepsLineBreak = false
        switch tagIndices.count {
        case 1:
            break
        case 2:
            guard case .tag(let first) = tokens[tagIndices[0]], case .tag(let second) = tokens[tagIndices[1]],
                  tagIndices[1] == tagIndices[0] + 1 else { return }
            let (open, close, lt, dollar) = (first.sigil, second.sigil, UInt8(ascii: "<"), UInt8(ascii: "$"))
            let slash = UInt8(ascii: "/")
            if (open == lt || open == dollar) && close == slash && first.name == second.name {
                keepsLineBreak = open == dollar
            } else if open == lt && close == dollar {
                // The block opens on the parent's line: both are standalone.
            } else if open == slash && close == slash {
                // The last block and its parent close on one line.
            } else {
                return
            }
        default:
            return
        }
        let firstTag = tagIndices[0]
        var indent: [UInt8] = []
        if firstTag > line.lowerBound, case .text(let range) = tokens[firstTag - 1] { indent = Array(bytes[range]) }
        for index in tagIndices {
            guard case .tag(var tag) = tokens[index] else { continue }
            tag.indent = indent
            tag.standalone = true
            tokens[index] = .tag(tag)
        }
        for index in line where !tagIndices.contains(index) {
            if keepsLineBreak, index > tagIndices[1], case .text(let range) = tokens[index], let last = range.last,
               bytes[last] == newline {
                // Only the line break stays (a "\r\n" stays whole).
                let start = last > range.lowerBound && bytes[last - 1] == carriageReturn ? last - 1 : last
                tokens[index] = .text(start..<range.upperBound)
                continue
            }
            tokens[index] = .text(0..<0)
        }
    }

    // MARK: - Block indentation

    /// A standalone block's content is written without its own indentation
    /// and indented where the block is expanded (the spec's "Block
    /// reindentation"): the common leading whitespace of its lines is taken
    /// off, and it becomes the block's indentation (else the whitespace
    /// before the tag). Outer blocks first, so inner ones see their lines
    /// already dedented.
    private func dedentBlocks(_ tokens: inout [Token]) {
        for open in tokens.indices {
            guard case .tag(var tag) = tokens[open], tag.sigil == UInt8(ascii: "$"), tag.standalone,
                  let close = matchingClose(tokens, from: open) else { continue }
            let body = open + 1..<close
            var common: [UInt8]?
            lineStarts(tokens, body) { prefix, _ in
                if let c = common { common = Array(zip(c, prefix).prefix { $0 == $1 }.map(\.0)) } else { common = prefix }
            }
            let prefix = common ?? []
            if !prefix.isEmpty {
                var starts: [Int] = []
                lineStarts(tokens, body) { _, index in starts.append(index) }
                for index in starts {
                    switch tokens[index] {
                    case .text(let range):
                        var cut = range.lowerBound
                        while cut < range.upperBound, cut - range.lowerBound < prefix.count, bytes[cut] == space || bytes[cut] == tab {
                            cut += 1
                        }
                        tokens[index] = .text(cut..<range.upperBound)
                    case .tag(var inner):
                        inner.indent = Array(inner.indent.dropFirst(prefix.count))
                        tokens[index] = .tag(inner)
                    }
                }
            }
            tag.blockIndent = prefix.isEmpty ? tag.indent : prefix
            tokens[open] = .tag(tag)
        }
    }

    /// Calls `visit` with the leading whitespace of each line in `body` that
    /// is not blank, and the token it starts with.
    private func lineStarts(_ tokens: [Token], _ body: Range<Int>, _ visit: ([UInt8], Int) -> Void) {
        var atLineStart = true
        var index = body.lowerBound
        while index < body.upperBound {
            switch tokens[index] {
            case .text(let range):
                if range.isEmpty { break }
                if atLineStart {
                    let ws = bytes[range].prefix { $0 == space || $0 == tab }
                    let rest = range.lowerBound + ws.count
                    let blank = rest == range.upperBound ? index + 1 >= body.upperBound || isLineEnd(tokens[index + 1])
                                                         : bytes[rest] == newline || bytes[rest] == carriageReturn
                    if !blank { visit(Array(ws), index) }
                }
                atLineStart = bytes[range.upperBound - 1] == newline
            case .tag(let tag):
                if atLineStart { visit(tag.indent, index) }
                atLineStart = tag.standalone && !tag.indent.isEmpty || tag.standalone
            }
            index += 1
        }
    }

    private func isLineEnd(_ token: Token) -> Bool {
        if case .text(let range) = token, let first = range.first { return bytes[first] == newline || bytes[first] == carriageReturn }
        return false
    }

    /// The index of the `{{/name}}` that closes the section or block opened at `open`.
    private func matchingClose(_ tokens: [Token], from open: Int) -> Int? {
        var depth = 0
        for index in open + 1..<tokens.count {
            guard case .tag(let tag) = tokens[index] else { continue }
            switch tag.sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"): depth += 1
            case UInt8(ascii: "/"):
                if depth == 0 { return index }
                depth -= 1
            default: break
            }
        }
        return nil
    }

    // MARK: - Nesting

    private struct OpenTag {
        let tag: Tag
        var nodes: [Node] = []
        /// The block overrides of a parent tag.
        var blocks: [String: [Node]] = [:]
        var isParent: Bool { tag.sigil == UInt8(ascii: "<") }
    }

    private func nest(_ tokens: [Token]) throws(TemplateSyntaxError) -> [Node] {
        var stack = [OpenTag(tag: Tag(sigil: 0, offset: 0))]
        func onlyBlocks(at offset: Int) -> TemplateSyntaxError {
            error(at: offset, "“{{<\(stack[stack.count - 1].tag.name)}}”里只能写“{{$块名}}…{{/块名}}” (only blocks inside a parent tag)")
        }
        func add(_ node: Node, at offset: Int) throws(TemplateSyntaxError) {
            guard !stack[stack.count - 1].isParent else { throw onlyBlocks(at: offset) }
            stack[stack.count - 1].nodes.append(node)
        }
        for token in tokens {
            switch token {
            case .text(let range):
                // Text inside a parent tag, between its blocks, is ignored.
                guard !range.isEmpty, !stack[stack.count - 1].isParent else { continue }
                if case .text(let previous) = stack[stack.count - 1].nodes.last {
                    stack[stack.count - 1].nodes[stack[stack.count - 1].nodes.count - 1] = .text(previous + bytes[range])
                } else {
                    stack[stack.count - 1].nodes.append(.text(Array(bytes[range])))
                }
            case .tag(let tag):
                switch tag.sigil {
                case UInt8(ascii: "!"), UInt8(ascii: "="):
                    continue
                case 0, UInt8(ascii: "&"):
                    try add(.variable(Name(tag.name, at: tag.offset), escaped: tag.sigil == 0), at: tag.offset)
                case UInt8(ascii: ">"):
                    try add(.partial(tag.name, indent: tag.indent, at: tag.offset), at: tag.offset)
                case UInt8(ascii: "/"):
                    guard stack.count > 1 else {
                        throw error(at: tag.offset, "“{{/\(tag.name)}}”前面没有对应的开始标签 (closing tag without an opening one)")
                    }
                    let open = stack.removeLast()
                    guard open.tag.name == tag.name else {
                        let (line, column) = position(of: open.tag.offset)
                        throw error(at: tag.offset, "“{{/\(tag.name)}}”与第 \(line) 行第 \(column) 列的“{{\(Character(UnicodeScalar(open.tag.sigil)))\(open.tag.name)}}”不配对 (closes a different section)")
                    }
                    switch open.tag.sigil {
                    case UInt8(ascii: "#"): try add(.section(Name(open.tag.name, at: open.tag.offset), open.nodes, inverted: false), at: open.tag.offset)
                    case UInt8(ascii: "^"): try add(.section(Name(open.tag.name, at: open.tag.offset), open.nodes, inverted: true), at: open.tag.offset)
                    case UInt8(ascii: "<"): try add(.parent(open.tag.name, blocks: open.blocks, indent: open.tag.indent, at: open.tag.offset), at: open.tag.offset)
                    default:
                        if stack[stack.count - 1].isParent {
                            stack[stack.count - 1].blocks[open.tag.name] = open.nodes
                        } else {
                            try add(.block(open.tag.name, open.nodes, indent: open.tag.blockIndent), at: open.tag.offset)
                        }
                    }
                default:
                    // `#`, `^`, `$` and `<` open something that `/` closes.
                    if tag.sigil != UInt8(ascii: "$"), stack[stack.count - 1].isParent { throw onlyBlocks(at: tag.offset) }
                    stack.append(OpenTag(tag: tag))
                }
            }
        }
        if stack.count > 1, let open = stack.last {
            let sigil = Character(UnicodeScalar(open.tag.sigil))
            throw error(at: open.tag.offset, "“{{\(sigil)\(open.tag.name)}}”没有结束标签“{{/\(open.tag.name)}}” (unclosed section)")
        }
        return stack[0].nodes
    }

    // MARK: - Bytes

    private let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    private let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    private static let defaultOpen = Array("{{".utf8), defaultClose = Array("}}".utf8), tripleClose = Array("}}}".utf8)
    private static let sigils = Set("#^/!>&<$=%{".utf8)
    private static let standaloneSigils = Set("#^/!><$=".utf8)

    private func starts(with needle: [UInt8], at i: Int) -> Bool {
        i + needle.count <= bytes.count && bytes[i..<i + needle.count].elementsEqual(needle)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], starts(with: needle, at: i) { return i }
            i += 1
        }
        return nil
    }

    private func trimmed(_ range: Range<Int>) -> String {
        var lower = range.lowerBound, upper = range.upperBound
        func blank(_ b: UInt8) -> Bool { b == space || b == tab || b == newline || b == carriageReturn }
        while lower < upper, blank(bytes[lower]) { lower += 1 }
        while upper > lower, blank(bytes[upper - 1]) { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    private func text(_ delimiter: [UInt8]) -> String { String(decoding: delimiter, as: UTF8.self) }

    /// Line and column (in characters, from 1) of a byte offset.
    private func position(of offset: Int) -> (line: Int, column: Int) {
        let before = bytes[..<offset]
        let line = before.reduce(1) { $1 == newline ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: newline).map { $0 + 1 } ?? 0
        return (line, String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1)
    }

    private func error(at offset: Int, _ message: String) -> TemplateSyntaxError {
        let (line, column) = position(of: offset)
        return TemplateSyntaxError(line: line, column: column, message: message)
    }
}
