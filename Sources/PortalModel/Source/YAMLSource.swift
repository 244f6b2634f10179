import Foundation
import Yams

/// Turns YAML text into a `SourceNode` tree, or a diagnostic pointing at the
/// syntax error. Duplicate keys are reported here because libyaml accepts them.
public enum YAMLSource {
    /// Composing builds nodes and never constructs values, so one constructor
    /// serves every thread; `Constructor.default` would make a new one per file.
    nonisolated(unsafe) private static let composeOnly = Constructor()

    public static func parse(_ text: String, file: String, lineOffset: Int = 0,
                             diagnostics: inout DiagnosticList) -> SourceNode? {
        // Measured before composing: an alias bomb or a deep nest is refused
        // before Yams builds (or recurses into) anything.
        if let violation = YAMLBounds.check(text) {
            diagnostics.add(boundsDiagnostic(violation, file: file, lineOffset: lineOffset))
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text, .basic, composeOnly, .utf8) else {
                return SourceNode(.null, at: SourceLocation(file: file, line: 1 + lineOffset, column: 1))
            }
            return convert(node, file: file, lineOffset: lineOffset, diagnostics: &diagnostics)
        } catch let error as YamlError {
            if let keys = duplicatedKeys(in: "\(error)") {
                for key in keys { diagnostics.add(duplicateKeyDiagnostic(key, text: text, file: file, lineOffset: lineOffset)) }
            } else {
                diagnostics.add(syntaxDiagnostic(error, text: text, file: file, lineOffset: lineOffset))
            }
            return nil
        } catch {
            let message = "\(error)"
            if let keys = duplicatedKeys(in: message) {
                for key in keys { diagnostics.add(duplicateKeyDiagnostic(key, text: text, file: file, lineOffset: lineOffset)) }
            } else {
                diagnostics.add(Diagnostic(.F003, at: SourceLocation(file: file, line: 1 + lineOffset), "YAML 无法解析 (cannot be parsed): \(Excerpt.of(message.prefix { $0 != "\n" }))"))
            }
            return nil
        }
    }

    /// Yams refuses duplicate keys with a message naming them; find the names.
    static func duplicatedKeys(in message: String) -> [String]? {
        guard let range = message.range(of: "duplicated key(s): ") else { return nil }
        let rest = message[range.upperBound...].prefix { $0 != "." && $0 != "\n" }
        let keys = rest.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " '")) }
        return keys.isEmpty ? nil : keys
    }

    /// Points at the second time a key is written at the same indentation.
    static func duplicateKeyDiagnostic(_ key: String, text: String, file: String, lineOffset: Int) -> Diagnostic {
        var seen: [Int: Int] = [:]   // indentation → first line
        var location = SourceLocation(file: file, line: 1 + lineOffset)
        var firstLine = 1
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            guard body.hasPrefix(key + ":") || body.hasPrefix("- " + key + ":") else { continue }
            if let first = seen[indent] {
                location = SourceLocation(file: file, line: i + 1 + lineOffset, column: indent + 1)
                firstLine = first
                break
            }
            seen[indent] = i + 1 + lineOffset
        }
        return Diagnostic(.V004, at: location, "字段 \(Excerpt.quoted(key)) 重复出现，第一次在第 \(firstLine) 行 (duplicate key; first at line \(firstLine))",
                          field: Excerpt.of(key), expected: "每个字段只写一次 (write each key once)")
    }

    static func boundsDiagnostic(_ violation: YAMLBounds.Violation, file: String, lineOffset: Int,
                                 limits: YAMLLimits = .standard) -> Diagnostic {
        let simpler = "把重复的内容直接写出来，不用 YAML 锚点（&）和别名（*）；拆分过大的文件 (write repeated values out instead of anchors & and aliases *; split a huge file)"
        switch violation {
        case let .tooManyAliasNodes(line, column, count):
            return Diagnostic(.F009, at: SourceLocation(file: file, line: line + lineOffset, column: column),
                              "此处的 YAML 别名（*）展开后超过 \(limits.maxAliasNodes) 个节点（已达 \(count) 个），停止读取 (aliases expand to more than \(limits.maxAliasNodes) nodes here)",
                              expected: simpler)
        case let .tooManyNodes(line, column, count):
            return Diagnostic(.F009, at: SourceLocation(file: file, line: line + lineOffset, column: column),
                              "文件的 YAML 节点超过 \(limits.maxNodes) 个（已达 \(count) 个，别名按展开计算），停止读取 (more than \(limits.maxNodes) YAML nodes, aliases expanded)",
                              expected: simpler)
        case let .tooDeep(line, column, depth):
            return Diagnostic(.F010, at: SourceLocation(file: file, line: line + lineOffset, column: column),
                              "YAML 嵌套超过 \(limits.maxDepth) 层\(depth.map { "（此处第 \($0) 层）" } ?? "")，停止读取 (nested more than \(limits.maxDepth) levels deep)",
                              expected: "内容文件的列表和对象嵌套不超过几层 (content nests lists and mappings a few levels deep)")
        }
    }

    static func syntaxDiagnostic(_ error: YamlError, text: String, file: String, lineOffset: Int) -> Diagnostic {
        let expected = "检查缩进（用空格，不用 Tab）、冒号后的空格和引号是否成对 (check indentation with spaces, a space after each colon, and matching quotes)"
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // The mistake Chinese input makes, where it is (libyaml notices it a line or two later).
            if let cause = YAMLSyntaxHints.likelyCause(in: text, upTo: mark.line) {
                return Diagnostic(.F003, at: SourceLocation(file: file, line: cause.line + lineOffset, column: cause.column),
                                  "YAML 语法错误 (syntax error): " + cause.message, expected: cause.fix)
            }
            var message = "YAML 语法错误 (syntax error): \(Excerpt.of(YAMLSyntaxHints.translate(problem)))"
            if let context { message += "，\(Excerpt.of(YAMLSyntaxHints.translate(context.text)))" }
            return Diagnostic(.F003, at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column),
                              message, expected: expected)
        case .reader(let problem, _, _, _):
            return Diagnostic(.F001, at: SourceLocation(file: file, line: 1 + lineOffset),
                              "文件无法按 UTF-8 读取 (cannot be read as UTF-8): \(Excerpt.of(problem))",
                              expected: "请将文件另存为 UTF-8 编码 (save the file as UTF-8)")
        default:
            return Diagnostic(.F003, at: SourceLocation(file: file, line: 1 + lineOffset), "YAML 无法解析 (cannot be parsed): \(Excerpt.of("\(error)".prefix { $0 != "\n" }))")
        }
    }

    static func convert(_ node: Node, file: String, lineOffset: Int, diagnostics: inout DiagnosticList) -> SourceNode {
        let location = SourceLocation(file: file, line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            // The basic resolver (no implicit tags) is used because field types come
            // from the schema, not from YAML's guesses; null is the one guess we keep.
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return SourceNode(.null, at: location)
            }
            return SourceNode(.scalar(scalar.string, plain: scalar.style == .plain), at: location)
        case .sequence(let seq):
            return SourceNode(.sequence(seq.map { convert($0, file: file, lineOffset: lineOffset, diagnostics: &diagnostics) }),
                              at: location)
        case .mapping(let mapping):
            var pairs: [(key: String, keyLocation: SourceLocation, value: SourceNode)] = []
            var seen: [String: SourceLocation] = [:]
            for (k, v) in mapping {
                let keyNode = convert(k, file: file, lineOffset: lineOffset, diagnostics: &diagnostics)
                let key: String
                if case .scalar(let s, _) = keyNode.value { key = s } else { key = "\(k)" }
                if let first = seen[key] {
                    diagnostics.add(Diagnostic(.V004, at: keyNode.location,
                                               "字段 \(Excerpt.quoted(key)) 重复出现，第一次在第 \(first.line) 行 (duplicate key; first at line \(first.line))",
                                               field: Excerpt.of(key), expected: "每个字段只写一次 (write each key once)"))
                    continue
                }
                seen[key] = keyNode.location
                pairs.append((key, keyNode.location,
                              convert(v, file: file, lineOffset: lineOffset, diagnostics: &diagnostics)))
            }
            return SourceNode(.mapping(pairs), at: location)
        case .alias:
            return SourceNode(.null, at: location)
        }
    }
}
