// libyaml itself: Yams keeps it internal, but its event parser is the only way
// to measure a document without composing it (composing is what blows up).
import CYaml

/// Measures a YAML text from libyaml's event stream before Yams composes it:
/// nesting depth and node count, with each alias counted as the size of the
/// node it repeats. The scan keeps one small record per open collection and
/// per anchor, so a hostile text costs no more than reading it once.
enum YAMLBounds {
    enum Violation: Equatable {
        /// Where the limit was passed (1-based, in the text given), and the count reached.
        case tooManyNodes(line: Int, column: Int, count: Int)
        case tooManyAliasNodes(line: Int, column: Int, count: Int)
        case tooDeep(line: Int, column: Int, depth: Int?)
    }

    /// The first limit passed, or nil. Syntax errors end the scan quietly:
    /// Yams reports them, and up to there the text was within the limits.
    static func check(_ text: String, limits: YAMLLimits = .standard) -> Violation? {
        if certainlyWithin(text, limits) { return nil }
        var bytes = Array(text.utf8)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeMutableBufferPointer { buffer -> Violation? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var scan = Scan(limits: limits)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nestingError(parser) }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let violation = scan.take(event) { return violation }
            }
        }
    }

    /// A cheap pass over the bytes that proves most files within the limits
    /// without parsing them twice (the event scan costs as much as Yams's own
    /// parse). Without `&` or `*` there are no aliases; a node takes at least
    /// two bytes, so a short text cannot hold too many; and each level of
    /// nesting takes a `[` or `{`, or one more column of indentation or
    /// `- ` / `? ` before a line's content, so the depth is at most the
    /// brackets plus the widest such prefix plus one.
    static func certainlyWithin(_ text: String, _ limits: YAMLLimits) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            guard bytes.count / 2 + 2 < limits.maxNodes else { return false }
            var brackets = 0, widestPrefix = 0, prefix = 0, inPrefix = true
            for b in bytes {
                switch b {
                case UInt8(ascii: "&"), UInt8(ascii: "*"): return false
                case UInt8(ascii: "["), UInt8(ascii: "{"): brackets += 1; inPrefix = false
                case UInt8(ascii: "\n"): widestPrefix = max(widestPrefix, prefix); prefix = 0; inPrefix = true
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "-"), UInt8(ascii: "?"):
                    if inPrefix { prefix += 1 }
                default: inPrefix = false
                }
            }
            return brackets + max(widestPrefix, prefix) + 1 < limits.maxDepth
        }
    }

    /// libyaml refuses 1 000 levels itself, and may see them before the
    /// events that would reach ours (it scans a line of `[` ahead): that is
    /// the same problem, reported the same way.
    static func nestingError(_ parser: yaml_parser_t) -> Violation? {
        guard let problem = parser.problem, String(cString: problem).contains("nesting level") else { return nil }
        return .tooDeep(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1, depth: nil)
    }

    /// Sizes and heights of what has been read so far.
    struct Scan {
        struct Open { var anchor: String?; var size = 1; var height = 1 }
        /// A node an alias may repeat: its expanded size and height.
        struct Anchored { let size: Int; let height: Int }

        let limits: YAMLLimits
        var open: [Open] = []
        var anchors: [String: Anchored] = [:]
        var nodes = 0
        var aliasNodes = 0

        init(limits: YAMLLimits) { self.limits = limits }

        mutating func take(_ event: yaml_event_t) -> Violation? {
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = event.type == YAML_SEQUENCE_START_EVENT
                    ? Self.string(event.data.sequence_start.anchor) : Self.string(event.data.mapping_start.anchor)
                open.append(Open(anchor: anchor))
                if open.count > limits.maxDepth { return .tooDeep(line: line, column: column, depth: open.count) }
                return count(1, line: line, column: column)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let done = open.popLast() else { return nil }
                if let anchor = done.anchor { anchors[anchor] = Anchored(size: done.size, height: done.height) }
                return add(size: done.size, height: done.height, line: line, column: column)
            case YAML_SCALAR_EVENT:
                if let anchor = Self.string(event.data.scalar.anchor) { anchors[anchor] = Anchored(size: 1, height: 0) }
                if let v = count(1, line: line, column: column) { return v }
                return add(size: 1, height: 0, line: line, column: column)
            case YAML_ALIAS_EVENT:
                // An undefined alias is Yams' error to report.
                guard let name = Self.string(event.data.alias.anchor), let target = anchors[name] else { return nil }
                aliasNodes += target.size
                if aliasNodes > limits.maxAliasNodes { return .tooManyAliasNodes(line: line, column: column, count: aliasNodes) }
                if let v = count(target.size, line: line, column: column) { return v }
                return add(size: target.size, height: target.height, line: line, column: column)
            default:
                return nil
            }
        }

        /// Counts nodes made; the limit is checked as they are made.
        mutating func count(_ n: Int, line: Int, column: Int) -> Violation? {
            nodes += n
            return nodes > limits.maxNodes ? .tooManyNodes(line: line, column: column, count: nodes) : nil
        }

        /// Adds a finished child to the collection it is in. Collection sizes
        /// are already counted as nodes when they open; only their share of the
        /// parent's size (what an alias of the parent would repeat) is added.
        mutating func add(size: Int, height: Int, line: Int, column: Int) -> Violation? {
            guard !open.isEmpty else { return nil }
            open[open.count - 1].size += size
            open[open.count - 1].height = max(open[open.count - 1].height, height + 1)
            // An alias of a deep node placed deep inside another makes a deeper tree.
            if open.count - 1 + open[open.count - 1].height > limits.maxDepth {
                return .tooDeep(line: line, column: column, depth: open.count - 1 + open[open.count - 1].height)
            }
            return nil
        }

        static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            guard let p else { return nil }
            return String(cString: UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
        }
    }
}
