/// A parsed value with the place it was written. YAML documents and CSV rows
/// both become trees of these, so one reader checks both.
public struct SourceNode: Sendable {
    public enum Value: Sendable {
        /// `plain` is false when the scalar was quoted: `"true"` is text, `true` is a bool.
        case scalar(String, plain: Bool)
        case sequence([SourceNode])
        case mapping([(key: String, keyLocation: SourceLocation, value: SourceNode)])
        case null
    }

    public let value: Value
    public let location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// What kind of value an editor wrote, for "expected X, found Y".
    public var kindDescription: String {
        switch value {
        case .scalar(let s, _): return Excerpt.quoted(s)
        case .sequence: return "列表 (a list)"
        case .mapping: return "对象 (a mapping)"
        case .null: return "空值 (nothing)"
        }
    }
}
