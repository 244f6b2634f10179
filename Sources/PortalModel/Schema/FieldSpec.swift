/// What a field holds. One table of these per content kind drives loading,
/// diagnostics (labels, expectations), `huiqi new` templates and `huiqi schema`.
public indirect enum FieldKind: Sendable {
    case string(maxLength: Int? = nil)
    case markdown
    case id
    /// An id of another kind of content (institution, policy, product).
    case reference(ContentKind)
    case choice([(key: String, label: String)])
    case choiceList([(key: String, label: String)])
    case stringList
    case referenceList(ContentKind)
    case integer(min: Int? = nil, max: Int? = nil)
    case number(min: Double? = nil, max: Double? = nil)
    case bool
    case date
    /// A date, or the word 长期 (no end).
    case dateOrLongTerm
    case dateTime
    case url
    /// `{min, max}` numbers with 0 < min ≤ max.
    case range
    case object([FieldSpec])
    case objectList([FieldSpec])
    case integerList(min: Int, max: Int)

    /// What an editor should write, in words they know.
    public var expectation: String {
        switch self {
        case .string(let max): return max.map { "文字，不超过 \($0) 字 (text, at most \($0) characters)" } ?? "文字 (text)"
        case .markdown: return "Markdown 文字 (Markdown text)"
        case .id: return "编号：小写英文字母、数字和 -，1–64 位 (lowercase a-z, 0-9 and -, 1–64 characters)"
        case .reference(let kind): return "\(kind.label)编号 (id of a \(kind.rawValue))"
        case .choice(let pairs): return "以下之一 (one of): " + FieldKind.describe(pairs)
        case .choiceList(let pairs): return "列表，每项为以下之一 (list of): " + FieldKind.describe(pairs)
        case .stringList: return "文字列表 (list of text)"
        case .referenceList(let kind): return "\(kind.label)编号列表 (list of \(kind.rawValue) ids)"
        case .integer(let min, let max):
            var s = "整数 (whole number)"
            if let min { s += "，≥ \(min)" }
            if let max { s += "，≤ \(max)" }
            return s
        case .number(let min, let max):
            var s = "数字 (number)"
            if let min { s += "，≥ \(Self.format(min))" }
            if let max { s += "，≤ \(Self.format(max))" }
            return s
        case .bool: return "true 或 false (是/否)"
        case .date: return "日期 YYYY-MM-DD (date)"
        case .dateOrLongTerm: return "日期 YYYY-MM-DD 或 长期 (date, or 长期)"
        case .dateTime: return "日期时间 YYYY-MM-DDTHH:MM，北京时间 (date-time, Asia/Shanghai)"
        case .url: return "以 http:// 或 https:// 开头的网址 (http(s) URL)"
        case .range: return "{min: 下限, max: 上限}，0 < min ≤ max"
        case .object: return "包含子字段的对象 (mapping with sub-fields)"
        case .objectList: return "对象列表 (list of mappings)"
        case .integerList(let min, let max): return "整数列表，每项 \(min)–\(max) (list of whole numbers)"
        }
    }

    /// The kind a `.reference` or `.referenceList` field names.
    public var referencedKind: ContentKind? {
        switch self {
        case .reference(let kind), .referenceList(let kind): return kind
        default: return nil
        }
    }

    static func describe(_ pairs: [(key: String, label: String)]) -> String {
        pairs.map { $0.key == $0.label ? $0.label : "\($0.key) \($0.label)" }.joined(separator: " · ")
    }

    public static func format(_ d: Double) -> String {
        d == d.rounded() ? String(Int(d)) : String(d)
    }
}

/// Whether a field must be present.
public enum Requirement: Sendable {
    case optional
    case mandatory
    /// Mandatory under a condition the rules check (e.g. apr for loans); the text says when.
    case conditional(String)
}

public struct FieldSpec: Sendable {
    public let key: String
    public let label: String
    public let kind: FieldKind
    public let requirement: Requirement
    /// A longer explanation for schemas and templates; may be empty.
    public let help: String
    /// A value that would be right, for diagnostics and `huiqi new`.
    public let example: String?

    public init(_ key: String, _ label: String, _ kind: FieldKind, _ requirement: Requirement = .optional,
                help: String = "", example: String? = nil) {
        self.key = key
        self.label = label
        self.kind = kind
        self.requirement = requirement
        self.help = help
        self.example = example
    }

    public var isMandatory: Bool {
        if case .mandatory = requirement { return true }
        return false
    }
}

extension Array where Element == FieldSpec {
    public func spec(_ key: String) -> FieldSpec? { first { $0.key == key } }

    /// Finds the spec for a dotted path such as `acceptance.replyWorkingDays`.
    public func spec(path: String) -> FieldSpec? {
        var specs = self
        var found: FieldSpec?
        for part in path.split(separator: ".") {
            guard let s = specs.spec(String(part)) else { return nil }
            found = s
            switch s.kind {
            case .object(let sub), .objectList(let sub): specs = sub
            default: specs = []
            }
        }
        return found
    }
}
