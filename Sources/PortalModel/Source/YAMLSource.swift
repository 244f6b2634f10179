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
        do {
            guard let node = try Yams.compose(yaml: text, .basic, composeOnly, .utf8) else {
                return SourceNode(.null, at: SourceLocation(file: file, line: 1 + lineOffset, column: 1))
            }
            return convert(node, file: file, lineOffset: lineOffset, diagnostics: &diagnostics)
        } catch let error as YamlError {
            if let keys = duplicatedKeys(in: "\(error)") {
                for key in keys { diagnostics.add(duplicateKeyDiagnostic(key, text: text, file: file, lineOffset: lineOffset)) }
            } else {
                diagnostics.add(syntaxDiagnostic(error, file: file, lineOffset: lineOffset))
            }
            return nil
        } catch {
            let message = "\(error)"
            if let keys = duplicatedKeys(in: message) {
                for key in keys { diagnostics.add(duplicateKeyDiagnostic(key, text: text, file: file, lineOffset: lineOffset)) }
            } else {
                diagnostics.add(Diagnostic(.F003, at: SourceLocation(file: file, line: 1 + lineOffset), "YAML 无法解析：\(message)"))
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
        return Diagnostic(.V004, at: location, "字段 \(key) 重复出现，第一次在第 \(firstLine) 行 (duplicate key; first at line \(firstLine))",
                          field: key, expected: "每个字段只写一次 (write each key once)")
    }

    static func syntaxDiagnostic(_ error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        let expected = "检查缩进（用空格，不用 Tab）、冒号后的空格和引号是否成对 (check indentation with spaces, a space after each colon, and matching quotes)"
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "YAML 语法错误 (syntax error): \(problem)"
            if let context { message += "，\(context.text)" }
            return Diagnostic(.F003, at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column),
                              message, expected: expected)
        case .reader(let problem, _, _, _):
            return Diagnostic(.F001, at: SourceLocation(file: file, line: 1 + lineOffset),
                              "文件无法按 UTF-8 读取 (cannot be read as UTF-8): \(problem)",
                              expected: "请将文件另存为 UTF-8 编码 (save the file as UTF-8)")
        default:
            return Diagnostic(.F003, at: SourceLocation(file: file, line: 1 + lineOffset), "YAML 无法解析：\(error)")
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
                                               "字段 \(key) 重复出现，第一次在第 \(first.line) 行 (duplicate key; first at line \(first.line))",
                                               field: key, expected: "每个字段只写一次 (write each key once)"))
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
