import SwiftCSV

/// Turns a products CSV file into one `SourceNode` mapping per row, so the
/// same reader that checks YAML checks every cell. Headers may be the keys or
/// their Chinese labels; nested fields are flattened (`contact.phone` 联系电话).
/// The column of a diagnostic is the cell's column number (1 = column A).
enum ProductCSV {
    static func rows(text: String, file: String, collector: DiagnosticCollector) -> [SourceNode] {
        if let line = unclosedQuoteLine(text) {
            collector.add(Diagnostic(.F005, at: SourceLocation(file: file, line: line, column: 1),
                                     "CSV 中第 \(line) 行的英文双引号没有闭合 (a quote opened here is never closed)",
                                     expected: "含逗号或换行的单元格用一对英文双引号括起；单元格内的双引号写两次 (\"\")"))
            return []
        }
        let parsed: EnumeratedCSV
        do {
            parsed = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        } catch {
            collector.add(Diagnostic(.F005, at: SourceLocation(file: file),
                                     "CSV 无法解析 (cannot parse CSV): \(Excerpt.of("\(error)"))",
                                     expected: "逗号分隔，含逗号或换行的单元格用英文双引号括起 (comma-separated; quote cells that contain commas or line breaks)"))
            return []
        }
        var columns: [(path: [String], index: Int)] = []
        for (index, header) in parsed.header.enumerated() {
            let h = header.trimmingSpaces()
            // Excel leaves empty columns after the last one it used: nothing to say
            // unless a row has something under an empty header, which would be lost.
            if h.isEmpty {
                if let line = parsed.rows.firstIndex(where: { index < $0.count && !$0[index].trimmingSpaces().isEmpty }) {
                    collector.add(Diagnostic(.V003, at: SourceLocation(file: file, line: line + 2, column: index + 1),
                                             "第 \(index + 1) 列有内容但没有列标题，已忽略 (a column with values but no header is ignored)",
                                             field: "", expected: "在第一行填写列标题 (give the column a header)"))
                }
                continue
            }
            guard let path = headerPath(h) else {
                let near = NearestKey.suggest(for: h, among: Schemas.product)
                collector.add(Diagnostic(.V003, at: SourceLocation(file: file, line: 1, column: index + 1),
                                         "未知列 \(Excerpt.quoted(h)) (unknown column)" + (near.map { "，是否应为 \($0.key)（\($0.label)）？" } ?? ""),
                                         field: Excerpt.of(h), expected: near?.key))
                continue
            }
            columns.append((path, index))
        }
        var nodes: [SourceNode] = []
        var line = 2 // the header is line 1
        for row in parsed.rows {
            defer { line += 1 + row.reduce(0) { $0 + $1.filter { $0 == "\n" }.count } }
            if row.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            nodes.append(node(row: row, columns: columns, file: file, line: line))
        }
        return nodes
    }

    /// The line where a quoted cell opens but never closes, if any
    /// (SwiftCSV would silently swallow the rest of the file).
    static func unclosedQuoteLine(_ text: String) -> Int? {
        var inQuotes = false
        var line = 1, openedAt = 1
        for c in text.unicodeScalars {
            if c == "\"" {
                if !inQuotes { openedAt = line }
                inQuotes.toggle()
            } else if c == "\n" {
                line += 1
            }
        }
        return inQuotes ? openedAt : nil
    }

    /// `contact.phone`, `联系电话`, `额度（万元）`, `额度` → the key path.
    static func headerPath(_ header: String) -> [String]? {
        func match(_ h: String, in specs: [FieldSpec]) -> FieldSpec? {
            specs.first { $0.key == h || $0.label == h || stripUnit($0.label) == h }
        }
        let parts = header.split(separator: ".").map(String.init)
        if parts.count == 2, let outer = match(parts[0], in: Schemas.product), case .object(let sub) = outer.kind,
           let inner = match(parts[1], in: sub) {
            return [outer.key, inner.key]
        }
        if let s = match(header, in: Schemas.product) {
            if case .object = s.kind { return nil }
            return [s.key]
        }
        if let inner = match(header, in: Schemas.contact) { return ["contact", inner.key] }
        return nil
    }

    static func stripUnit(_ label: String) -> String {
        guard let cut = label.firstIndex(where: { $0 == "（" || $0 == "(" }) else { return label }
        return String(label[..<cut])
    }

    static func node(row: [String], columns: [(path: [String], index: Int)], file: String, line: Int) -> SourceNode {
        var top: [(key: String, keyLocation: SourceLocation, value: SourceNode)] = []
        var nested: [String: [(key: String, keyLocation: SourceLocation, value: SourceNode)]] = [:]
        var nestedLocation: [String: SourceLocation] = [:]
        for column in columns where column.index < row.count {
            let cell = row[column.index].trimmingWhitespace()
            guard !cell.isEmpty else { continue }
            let location = SourceLocation(file: file, line: line, column: column.index + 1)
            let value = SourceNode(.scalar(cell, plain: true), at: location)
            if column.path.count == 2 {
                nested[column.path[0], default: []].append((column.path[1], location, value))
                if nestedLocation[column.path[0]] == nil { nestedLocation[column.path[0]] = location }
            } else {
                top.append((column.path[0], location, value))
            }
        }
        for (key, pairs) in nested.sorted(by: { $0.key < $1.key }) {
            let location = nestedLocation[key]!
            top.append((key, location, SourceNode(.mapping(pairs), at: location)))
        }
        return SourceNode(.mapping(top), at: SourceLocation(file: file, line: line, column: 1))
    }
}
