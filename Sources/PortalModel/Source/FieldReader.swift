import Foundation

/// Where each field of one content item was written, by dotted path
/// (`apr`, `acceptance.replyWorkingDays`, `items[3].seq`), so rules that run
/// later can point at the exact place.
public struct SourceMap: Sendable {
    public let file: String
    public let root: SourceLocation
    public internal(set) var locations: [String: SourceLocation] = [:]

    public init(file: String, root: SourceLocation? = nil) {
        self.file = file
        self.root = root ?? SourceLocation(file: file)
    }

    /// The place of a field, or of the nearest enclosing value that exists.
    public func location(_ path: String) -> SourceLocation {
        var p = Substring(path)
        while true {
            if let l = locations[String(p)] { return l }
            guard let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) else { return root }
            p = p[..<cut]
        }
    }

    public func has(_ path: String) -> Bool { locations[path] != nil }
}

/// Reads one mapping against its field table. Unknown keys, missing mandatory
/// fields and wrong types become diagnostics; reading never stops early.
public final class FieldReader {
    public let node: SourceNode
    public let specs: [FieldSpec]
    let prefix: String
    let collector: DiagnosticCollector
    let map: SourceMapBox
    private var values: [String: SourceNode] = [:]

    final class SourceMapBox {
        var map: SourceMap
        init(_ map: SourceMap) { self.map = map }
    }

    /// Reads a whole file's root mapping.
    public convenience init(root: SourceNode, specs: [FieldSpec], collector: DiagnosticCollector) {
        self.init(node: root, specs: specs, prefix: "", collector: collector,
                  map: SourceMapBox(SourceMap(file: root.location.file, root: root.location)))
    }

    init(node: SourceNode, specs: [FieldSpec], prefix: String, collector: DiagnosticCollector, map: SourceMapBox) {
        self.node = node
        self.specs = specs
        self.prefix = prefix
        self.collector = collector
        self.map = map
        index()
    }

    public var sourceMap: SourceMap { map.map }

    private func index() {
        guard case .mapping(let pairs) = node.value else {
            collector.add(Diagnostic(.V002, at: node.location,
                                     "这里应是包含字段的对象，实际是 \(node.kindDescription) (expected a mapping of fields)",
                                     field: prefix.isEmpty ? nil : String(prefix.dropLast()),
                                     expected: "每行一个“字段: 值” (one `key: value` per line)"))
            return
        }
        for pair in pairs {
            guard let spec = specs.spec(pair.key) else {
                var message = "未知字段 \(Excerpt.quoted(pair.key)) (unknown key)"
                var expected: String?
                if let near = NearestKey.suggest(for: pair.key, among: specs) {
                    message += "，是否应为 \(near.key)（\(near.label)）？(did you mean \(near.key)?)"
                    expected = near.key
                } else {
                    expected = "可用字段 (known keys): " + specs.map { "\($0.key) \($0.label)" }.joined(separator: "、")
                }
                collector.add(Diagnostic(.V003, at: pair.keyLocation, message, field: prefix + Excerpt.of(pair.key), expected: expected))
                continue
            }
            if case .null = pair.value.value {
                continue // a key left empty is absent: fine if optional, reported as missing below if not
            }
            values[pair.key] = pair.value
            map.map.locations[prefix + pair.key] = pair.value.location
        }
        for spec in specs where spec.isMandatory && values[spec.key] == nil {
            collector.add(Diagnostic(.V001, at: node.location,
                                     "缺少必填字段 \(spec.label) (\(prefix + spec.key)) (mandatory field missing)",
                                     field: prefix + spec.key, label: spec.label, expected: spec.kind.expectation,
                                     example: spec.example.map { "\(spec.key): \($0)" }))
        }
    }

    // MARK: - Reporting

    func spec(_ key: String) -> FieldSpec {
        guard let s = specs.spec(key) else { preconditionFailure("field \(key) is not in the schema") }
        return s
    }

    func report(_ code: DiagnosticCode, _ key: String, at node: SourceNode, _ message: String, expected: String? = nil) {
        let s = spec(key)
        collector.add(Diagnostic(code, at: node.location, "\(s.label) (\(prefix + key)): \(message)",
                                 field: prefix + key, label: s.label, expected: expected ?? s.kind.expectation,
                                 example: s.example.map { "\(key): \($0)" }))
    }

    public func has(_ key: String) -> Bool { values[key] != nil }
    public func location(_ key: String) -> SourceLocation { values[key]?.location ?? node.location }

    private func scalar(_ key: String) -> (text: String, node: SourceNode)? {
        guard let n = values[key] else { return nil }
        guard case .scalar(let s, _) = n.value else {
            report(.V002, key, at: n, "应为单个值，实际是 \(n.kindDescription) (expected a single value)")
            return nil
        }
        return (s, n)
    }

    // MARK: - Typed reads

    public func string(_ key: String) -> String? {
        guard let (text, n) = scalar(key) else { return nil }
        let t = text.trimmingWhitespace()
        if t.isEmpty, spec(key).isMandatory {
            report(.V001, key, at: n, "必填字段为空 (mandatory field is empty)")
        }
        if t.hasPrefix(ScaffoldTemplate.samplePrefix) {
            report(.V017, key, at: n, "仍是 huiqi new 写入的示例值 \(Excerpt.quoted(t))，请改写 (still the scaffold's sample value)",
                   expected: "删去“\(ScaffoldTemplate.samplePrefix)”并填写实际内容 (write the real value)")
        }
        // Characters are never more than scalars: count them only when it could matter.
        if case .string(let maxLength?) = spec(key).kind, t.unicodeScalars.count > maxLength, t.count > maxLength {
            report(.V012, key, at: n, "共 \(t.count) 字，超过 \(maxLength) 字 (\(t.count) characters, at most \(maxLength))")
        }
        return t
    }

    public func id(_ key: String) -> String? {
        guard let (raw, n) = scalar(key) else { return nil }
        let text = TypedForms.fold(raw).trimmingSpaces()
        guard ContentID.isValid(text) else {
            report(.V008, key, at: n, "\(Excerpt.quoted(text)) 不是合法编号 (not a valid id)")
            return nil
        }
        return text
    }

    public func choice<E: LabeledEnum>(_ key: String, _ type: E.Type) -> E? {
        guard let (text, n) = scalar(key) else { return nil }
        guard let v = E(keyOrLabel: text) else {
            report(.V005, key, at: n, "\(Excerpt.quoted(text)) 不是允许的取值 (not an allowed value)")
            return nil
        }
        return v
    }

    /// The items of a list field; a single scalar is taken as a one-item list,
    /// and `；`/`;`-separated text (from CSV) is split.
    private func listItems(_ key: String) -> [SourceNode]? {
        guard let n = values[key] else { return nil }
        switch n.value {
        case .sequence(let items): return items
        case .scalar(let s, _):
            let parts = s.split(whereSeparator: { $0 == "；" || $0 == ";" })
                .map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            return parts.map { SourceNode(.scalar($0, plain: false), at: n.location) }
        default:
            report(.V002, key, at: n, "应为列表，实际是 \(n.kindDescription) (expected a list)")
            return nil
        }
    }

    private func requireNonEmpty(_ key: String, _ items: [SourceNode]) -> Bool {
        if items.isEmpty, spec(key).isMandatory, let n = values[key] {
            report(.V013, key, at: n, "至少填写一项 (at least one item)")
            return false
        }
        return true
    }

    public func stringList(_ key: String) -> [String]? {
        guard let items = listItems(key) else { return nil }
        _ = requireNonEmpty(key, items)
        var out: [String] = []
        for item in items {
            guard case .scalar(let s, _) = item.value else {
                report(.V002, key, at: item, "列表中的每一项应为文字，实际是 \(item.kindDescription) (each item must be text)")
                continue
            }
            let t = s.trimmingWhitespace()
            if t.isEmpty {
                report(.V013, key, at: item, "列表中有空项 (empty item)")
                continue
            }
            out.append(t)
        }
        return out
    }

    public func choiceList<E: LabeledEnum>(_ key: String, _ type: E.Type) -> [E]? {
        guard let items = listItems(key) else { return nil }
        _ = requireNonEmpty(key, items)
        var out: [E] = []
        for item in items {
            guard case .scalar(let s, _) = item.value else {
                report(.V005, key, at: item, "\(item.kindDescription) 不是允许的取值 (not an allowed value)")
                continue
            }
            // `小微企业、个体工商户` or `信用,保证` in one item: the separators people type.
            for part in s.split(whereSeparator: TypedForms.isChoiceSeparator).map({ $0.trimmingSpaces() }) where !part.isEmpty {
                guard let v = E(keyOrLabel: part) else {
                    report(.V005, key, at: item, "\(Excerpt.quoted(part)) 不是允许的取值 (not an allowed value)")
                    continue
                }
                if !out.contains(v) { out.append(v) }
            }
        }
        return out
    }

    public func idList(_ key: String) -> [(id: String, location: SourceLocation)]? {
        guard let items = listItems(key) else { return nil }
        var out: [(String, SourceLocation)] = []
        for item in items {
            guard case .scalar(let s, _) = item.value, ContentID.isValid(s) else {
                report(.V008, key, at: item, "\(item.kindDescription) 不是合法编号 (not a valid id)")
                continue
            }
            out.append((s, item.location))
        }
        return out
    }

    public func integer(_ key: String) -> Int? {
        guard let (text, n) = scalar(key) else { return nil }
        guard let digits = numberText(text, key: key, at: n) else { return nil }
        guard let v = Int(digits) else {
            report(.V002, key, at: n, "\(Excerpt.quoted(text)) 不是整数 (not a whole number)")
            return nil
        }
        if case .integer(let min, let max) = spec(key).kind {
            if let min, v < min { report(.V014, key, at: n, "\(v) 小于 \(min) (below \(min))"); return nil }
            if let max, v > max { report(.V014, key, at: n, "\(v) 大于 \(max) (above \(max))"); return nil }
        }
        return v
    }

    public func number(_ key: String) -> Double? {
        guard let (text, n) = scalar(key) else { return nil }
        guard let digits = numberText(text, key: key, at: n) else { return nil }
        guard let v = Self.parseNumber(digits) else {
            report(.V002, key, at: n, "\(Excerpt.quoted(text)) 不是数字 (not a number)")
            return nil
        }
        if case .number(let min, let max) = spec(key).kind {
            if let min, v < min { report(.V014, key, at: n, "\(text) 小于 \(FieldKind.format(min)) (below the minimum)"); return nil }
            if let max, v > max { report(.V014, key, at: n, "\(text) 大于 \(FieldKind.format(max)) (above the maximum)"); return nil }
        }
        return v
    }

    /// The number's text without the field's own unit (`5个工作日` → `5`),
    /// full-width digits folded; nil, reported, when another unit follows it.
    private func numberText(_ text: String, key: String, at n: SourceNode) -> String? {
        let unit = TypedForms.unit(ofLabel: spec(key).label)
        let (number, foreign) = TypedForms.strippingUnit(text, unit: unit)
        if let foreign, foreign.contains(where: { !($0.isASCII && ($0.isNumber || $0 == ".")) }) {
            report(.V002, key, at: n, "单位 \(Excerpt.quoted(foreign)) 不对" + (unit.map { "，应为 \($0) (the unit must be \($0))" } ?? "，只填数字 (write the number only)"))
            return nil
        }
        return number
    }

    static func parseNumber(_ text: String) -> Double? {
        var t = text.trimmingSpaces()
        if t.hasSuffix("%") { t.removeLast() }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
              let v = Double(t), v.isFinite else { return nil }
        return v
    }

    public func bool(_ key: String) -> Bool? {
        guard let (text, n) = scalar(key) else { return nil }
        switch TypedForms.fold(text).trimmingSpaces().lowercased() {
        case "true", "yes", "是", "有": return true
        case "false", "no", "否", "无": return false
        default:
            report(.V002, key, at: n, "\(Excerpt.quoted(text)) 不是 true 或 false (expected true or false)")
            return nil
        }
    }

    public func date(_ key: String) -> SimpleDate? {
        guard let (text, n) = scalar(key) else { return nil }
        let (d, why) = TypedForms.date(text)
        guard let d else {
            report(.V006, key, at: n, "\(Excerpt.quoted(text)) 不是有效日期" + (why.map { "：\($0)" } ?? " (not a valid date)"),
                   expected: "2026-01-01、2026/1/1 或 2026年1月1日")
            return nil
        }
        return d
    }

    /// nil date with a true flag means 长期 (no end date).
    public func dateOrLongTerm(_ key: String) -> (date: SimpleDate?, present: Bool) {
        guard let (text, n) = scalar(key) else { return (nil, false) }
        let t = text.trimmingSpaces()
        if t == "长期" || t.lowercased() == "long-term" { return (nil, true) }
        let (parsed, why) = TypedForms.date(t)
        guard let d = parsed else {
            report(.V006, key, at: n, "\(Excerpt.quoted(text)) 不是有效日期，也不是“长期”" + (why.map { "：\($0)" } ?? " (neither a date nor 长期)"))
            return (nil, false)
        }
        return (d, true)
    }

    public func dateTime(_ key: String) -> LocalDateTime? {
        guard let (text, n) = scalar(key) else { return nil }
        guard let d = LocalDateTime(text) else {
            report(.V006, key, at: n, "\(Excerpt.quoted(text)) 不是有效的日期时间 (not a valid date-time)")
            return nil
        }
        return d
    }

    public func url(_ key: String) -> String? {
        guard let (text, n) = scalar(key) else { return nil }
        let t = text.trimmingSpaces()
        guard WebURL.isValidHTTP(t) else {
            report(.V007, key, at: n, "\(Excerpt.quoted(text)) 不是有效网址 (not a valid http(s) URL)")
            return nil
        }
        return t
    }

    /// `{min, max}`, or `min-max` / a single number as written in CSV cells.
    public func range(_ key: String) -> NumberRange? {
        guard let n = values[key] else { return nil }
        var lower: Double?, upper: Double?
        switch n.value {
        case .mapping:
            let sub = object(key, specs: Schemas.range)
            lower = sub?.number("min")
            upper = sub?.number("max")
            if lower == nil || upper == nil { return nil }
        case .scalar(let s, _):
            let unit = TypedForms.unit(ofLabel: spec(key).label)
            let parts = TypedForms.fold(s).split(whereSeparator: { $0 == "-" || $0 == "～" || $0 == "~" || $0 == "—" || $0 == "至" })
                .map { TypedForms.strippingUnit(String($0), unit: unit) }
            if let foreign = parts.compactMap(\.foreignUnit).first {
                report(.V002, key, at: n, "\(Excerpt.quoted(s)) 的单位 \(Excerpt.quoted(foreign)) 不对" + (unit.map { "，应为 \($0) (the unit must be \($0))" } ?? ""))
                return nil
            }
            if parts.count == 1, let v = Self.parseNumber(parts[0].number) { (lower, upper) = (v, v) }
            else if parts.count == 2, let a = Self.parseNumber(parts[0].number), let b = Self.parseNumber(parts[1].number) {
                (lower, upper) = (a, b)
            } else {
                report(.V002, key, at: n, "\(Excerpt.quoted(s)) 不是区间 (not a range)", expected: "10-100 或 {min: 10, max: 100}")
                return nil
            }
        default:
            report(.V002, key, at: n, "应为 {min, max}，实际是 \(n.kindDescription) (expected {min, max})")
            return nil
        }
        guard let lo = lower, let hi = upper, lo > 0, lo <= hi else {
            report(.V011, key, at: n, "下限 \(FieldKind.format(lower ?? 0))、上限 \(FieldKind.format(upper ?? 0)) 不合理 (need 0 < min ≤ max)")
            return nil
        }
        return NumberRange(min: lo, max: hi)
    }

    public func integerList(_ key: String) -> [Int]? {
        guard let items = listItems(key) else { return nil }
        guard case .integerList(let lo, let hi) = spec(key).kind else { return nil }
        var out: [Int] = []
        for item in items {
            guard case .scalar(let s, _) = item.value, let v = Int(s) else {
                report(.V002, key, at: item, "\(item.kindDescription) 不是整数 (not a whole number)")
                continue
            }
            guard (lo...hi).contains(v) else {
                collector.add(Diagnostic(.G004, at: item.location, "\(spec(key).label) (\(prefix + key)): \(v) 不在 \(lo)–\(hi) 之间",
                                         field: prefix + key, label: spec(key).label, expected: spec(key).kind.expectation))
                continue
            }
            out.append(v)
        }
        return out
    }

    /// A nested mapping, read against its own field table.
    public func object(_ key: String, specs sub: [FieldSpec]? = nil) -> FieldReader? {
        guard let n = values[key] else { return nil }
        let subSpecs: [FieldSpec]
        if let sub { subSpecs = sub } else if case .object(let s) = spec(key).kind { subSpecs = s } else { return nil }
        return FieldReader(node: n, specs: subSpecs, prefix: prefix + key + ".", collector: collector, map: map)
    }

    /// A list of mappings; each item's fields are located as `key[i].field`.
    public func objectList(_ key: String) -> [FieldReader] {
        guard let n = values[key] else { return [] }
        guard case .objectList(let sub) = spec(key).kind else { return [] }
        guard case .sequence(let items) = n.value else {
            report(.V002, key, at: n, "应为列表，实际是 \(n.kindDescription) (expected a list)")
            return []
        }
        _ = requireNonEmpty(key, items)
        return items.enumerated().map { i, item in
            map.map.locations["\(prefix)\(key)[\(i)]"] = item.location
            return FieldReader(node: item, specs: sub, prefix: "\(prefix)\(key)[\(i)].", collector: collector, map: map)
        }
    }

    /// The raw text of a Markdown field.
    public func markdown(_ key: String) -> String? {
        guard let (text, _) = scalar(key) else { return nil }
        return text
    }
}

public struct NumberRange: Sendable, Hashable {
    public let min: Double
    public let max: Double
    public init(min: Double, max: Double) { self.min = min; self.max = max }
}

public enum ContentID {
    /// Lowercase ASCII letters, digits and `-`, 1–64 characters: safe as a URL
    /// segment and a file name, never a path.
    public static func isValid(_ s: String) -> Bool {
        let u = s.utf8
        return (1...64).contains(u.count) && u.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}

public enum WebURL {
    public static func isValidHTTP(_ s: String) -> Bool {
        guard s.hasPrefix("http://") || s.hasPrefix("https://"),
              !s.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\n" }),
              let c = URLComponents(string: s), let host = c.host, !host.isEmpty else { return false }
        return true
    }
}
