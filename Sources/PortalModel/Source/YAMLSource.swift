import Yams

/// Turns YAML text into a `SourceNode` tree, or a diagnostic pointing at the
/// syntax error. Duplicate keys are reported here because libyaml accepts them.
public enum YAMLSource {
    public static func parse(_ text: String, file: String, lineOffset: Int = 0,
                             diagnostics: inout DiagnosticList) -> SourceNode? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return SourceNode(.null, at: SourceLocation(file: file, line: 1 + lineOffset, column: 1))
            }
            return convert(node, file: file, lineOffset: lineOffset, diagnostics: &diagnostics)
        } catch let error as YamlError {
            diagnostics.add(syntaxDiagnostic(error, file: file, lineOffset: lineOffset))
            return nil
        } catch {
            diagnostics.add(Diagnostic(.F003, at: SourceLocation(file: file, line: 1 + lineOffset),
                                       "YAML 无法解析：\(error)"))
            return nil
        }
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
            if scalar.style == .plain, scalar.tag == Tag(.null) || ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
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
