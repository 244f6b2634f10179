import Foundation

public enum Severity: String, Sendable, Codable {
    case error, warning
}

/// One problem found in the content. It names the place, the field with its
/// Chinese label, and what was expected, so an editor can fix it without help.
public struct Diagnostic: Sendable, Hashable {
    public let code: DiagnosticCode
    public let severity: Severity
    public let location: SourceLocation
    public let message: String
    /// Field key path, e.g. `apr.min`; nil for file-level problems.
    public let field: String?
    /// Chinese label of the field, e.g. 年化利率（%）.
    public let label: String?
    /// What would have been right, in words an editor knows.
    public let expected: String?
    /// An example of a right value.
    public let example: String?

    public init(_ code: DiagnosticCode, at location: SourceLocation, _ message: String,
                field: String? = nil, label: String? = nil, expected: String? = nil,
                example: String? = nil, severity: Severity? = nil) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.location = location
        // Every stage's messages pass here: quotes stay excerpts whoever wrote the rule.
        self.message = Excerpt.bounded(message)
        self.field = field
        self.label = label
        self.expected = expected
        self.example = example
    }

    /// `path:line:col: error: [CODE] message` — the shape compilers use, so
    /// editors and CI logs make it clickable.
    public var text: String {
        var line = "\(location): \(severity.rawValue): [\(code.rawValue)] \(message)"
        if let expected { line += "\n    应为 expected: \(expected)" }
        if let example { line += "\n    示例 example: \(example)" }
        return line
    }
}

extension Diagnostic: Comparable {
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.code != b.code { return a.code.rawValue < b.code.rawValue }
        return a.message < b.message
    }
}

extension Diagnostic: Encodable {
    enum CodingKeys: String, CodingKey {
        case code, severity, file, line, column, message, field, label, expected, example
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code.rawValue, forKey: .code)
        try c.encode(severity, forKey: .severity)
        try c.encode(location.file, forKey: .file)
        try c.encode(location.line, forKey: .line)
        try c.encode(location.column, forKey: .column)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(field, forKey: .field)
        try c.encodeIfPresent(label, forKey: .label)
        try c.encodeIfPresent(expected, forKey: .expected)
        try c.encodeIfPresent(example, forKey: .example)
    }
}

/// Collects diagnostics from every stage; never stops at the first.
public struct DiagnosticList: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public mutating func add(_ d: Diagnostic) { items.append(d) }
    public mutating func add(contentsOf other: DiagnosticList) { items.append(contentsOf: other.items) }
    public mutating func add(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }

    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var sorted: [Diagnostic] { items.sorted() }
}
