/// What a template sees: text, a flag, a list, or an object with named values.
///
/// Values are typed up front so that looking a name up costs one dictionary
/// read per enclosing object, with no dynamic casts or reflection.
public enum TemplateValue: Sendable {
    /// Printed HTML-escaped by `{{name}}`, as is by `{{{name}}}`. Empty text is
    /// false in a section, so `{{#phone}}…{{/phone}}` hides an empty field.
    case text(String)
    case bool(Bool)
    /// A section over a list renders once per item, with the item in scope.
    case list([TemplateValue])
    case object(any TemplateObject)

    /// Whether a section over this value renders (an inverted one: whether it does not).
    var isTruthy: Bool {
        switch self {
        case .text(let s): return !s.isEmpty
        case .bool(let b): return b
        case .list(let items): return !items.isEmpty
        case .object: return true
        }
    }
}

/// A value with named children: `{{name}}` looks `name` up in the innermost
/// object that has it, `{{a.b}}` then looks `b` up in that `a`.
public protocol TemplateObject: AnyObject, Sendable {
    func value(forKey key: String) -> TemplateValue?
}

/// The plain object: a dictionary of values.
public final class TemplateDictionary: TemplateObject {
    public let values: [String: TemplateValue]
    public init(_ values: [String: TemplateValue]) { self.values = values }
    public func value(forKey key: String) -> TemplateValue? { values[key] }
}
