import MustacheTemplates

/// A page's context as a typed value: a struct whose stored properties are
/// the names its template uses. The compiler checks every name the views
/// set; `huiqi build --strict` checks every name the templates read. Its
/// fingerprint (does the page need rendering again?) and its template form
/// both come from its synthesized `Encodable` conformance, so neither needs
/// reflection nor a cast per value.
protocol PageContext: Encodable, Sendable {}

/// A page whose template reads an item's card fields and the page's own
/// side by side (`{{name}}` beside `{{address}}`), as one object.
struct CardPage<Card: Encodable & Sendable, Details: Encodable & Sendable>: PageContext {
    let card: Card
    let details: Details
    func encode(to encoder: Encoder) throws {
        try card.encode(to: encoder)
        try details.encode(to: encoder)
    }
}

/// Turns an `Encodable` context into the template engine's values, or into
/// the fingerprint of what it holds. Absent optionals become `false`, so a
/// template's `{{#phone}}` sees the name and strict templates do not report it.
enum ContextEncoder {
    /// The template form, with product cards given their partials for a page at `root`.
    static func node<C: Encodable>(_ context: C, card: ((ProductCard) -> CardNode)? = nil) -> RenderNode {
        let encoder = ValueEncoder(purpose: .render(card))
        try? context.encode(to: encoder)
        guard case .object(let node) = encoder.result, let tree = node as? RenderNode else { return RenderNode([:]) }
        return tree
    }

    /// What the context is made from: Markdown by its source (not its HTML),
    /// cards and shared rows by the fingerprints made with them.
    static func fingerprint<C: Encodable>(_ context: C) -> UInt64 {
        let encoder = ValueEncoder(purpose: .fingerprint)
        try? context.encode(to: encoder)
        var f = Fingerprint()
        f.add(value: encoder.result)
        return f.value
    }
}

extension Fingerprint {
    /// A template value: object entries combined in an order-independent way.
    mutating func add(value: TemplateValue) {
        switch value {
        case .text(let s): add(1); add(s)
        case .bool(let b): add(b ? 2 : 3)
        case .list(let items): add(7); for item in items { add(value: item) }; add(UInt64(items.count))
        case .object(let object):
            if let known = object as? FingerprintedValue { add(11); add(known.fingerprint); return }
            guard let node = object as? RenderNode else { add(8); return }
            var sum: UInt64 = 0
            for (key, v) in node.values {
                var entry = Fingerprint()
                entry.add(key)
                entry.add(value: v)
                sum = sum &+ Self.finalize(entry.value)
            }
            add(5); add(sum); add(UInt64(node.values.count))
        }
    }
}

/// Stands for a value whose fingerprint was made with it (a product card).
final class FingerprintedValue: TemplateObject {
    let fingerprint: UInt64
    init(_ fingerprint: UInt64) { self.fingerprint = fingerprint }
    func value(forKey key: String) -> TemplateValue? { nil }
}

/// Values that encode themselves differently for the two purposes.
protocol ContextLeaf {
    func templateValue(for purpose: ValueEncoder.Purpose) -> TemplateValue
}

extension ContextLeaf {
    func encodeLeaf(to encoder: Encoder) throws {
        guard let encoder = encoder as? ValueEncoder else { return }
        encoder.result = templateValue(for: encoder.purpose)
    }
}

final class ValueEncoder: Encoder {
    enum Purpose {
        case render(((ProductCard) -> CardNode)?)
        case fingerprint
    }

    /// What has been encoded so far: an object or a list is filled in place
    /// through a box, so neither is copied as it grows.
    private enum Storage {
        case value(TemplateValue)
        case object(ObjectBox)
        case list(ListBox)
    }

    let purpose: Purpose
    private var storage = Storage.value(.bool(false))
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(purpose: Purpose) { self.purpose = purpose }

    var result: TemplateValue {
        get {
            switch storage {
            case .value(let value): return value
            case .object(let box): return .object(box.node)
            case .list(let box): return .list(box.items)
            }
        }
        set { storage = .value(newValue) }
    }

    /// A second keyed container fills the same object, as with Foundation's
    /// encoders: a context can encode another value's fields beside its own.
    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let object) = storage { return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self, object: object)) }
        let object = ObjectBox()
        storage = .object(object)
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self, object: object))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let list = ListBox()
        storage = .list(list)
        return ListContainer(encoder: self, list: list)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleContainer(encoder: self) }

    /// The template value of a nested value.
    func encode<T: Encodable>(_ value: T) -> TemplateValue {
        let child = ValueEncoder(purpose: purpose)
        try? value.encode(to: child)
        return child.result
    }
}

/// The object a keyed container fills; its node is handed out at once and
/// filled in place (before anything reads it), so nesting costs no copies.
private final class ObjectBox {
    let node = RenderNode([:])
}

/// The items an unkeyed container appends to.
private final class ListBox {
    var items: [TemplateValue] = []
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: ValueEncoder
    let object: ObjectBox
    var codingPath: [CodingKey] { [] }

    private func set(_ value: TemplateValue, _ key: Key) { object.node.values[key.stringValue] = value }

    mutating func encodeNil(forKey key: Key) throws { set(.bool(false), key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.text(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.text(String(value)), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(.text(Format.number(value)), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { set(encoder.encode(value), key) }
    // Absent optionals are present as false: templates test them with {{#name}}.
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { set(value.map(TemplateValue.text) ?? .bool(false), key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { set(.bool(value ?? false), key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { set(value.map { .text(String($0)) } ?? .bool(false), key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { set(value.map { .text(Format.number($0)) } ?? .bool(false), key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        set(value.map(encoder.encode) ?? .bool(false), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBox()
        set(.object(nested.node), key)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: encoder, object: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        preconditionFailure("page contexts nest values, not containers")
    }

    mutating func superEncoder() -> Encoder { encoder }
    mutating func superEncoder(forKey key: Key) -> Encoder { encoder }
}

private struct ListContainer: UnkeyedEncodingContainer {
    let encoder: ValueEncoder
    let list: ListBox
    var codingPath: [CodingKey] { [] }
    var count: Int { list.items.count }

    private func append(_ value: TemplateValue) { list.items.append(value) }

    mutating func encodeNil() throws { append(.bool(false)) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.text(value)) }
    mutating func encode(_ value: Int) throws { append(.text(String(value))) }
    mutating func encode(_ value: Double) throws { append(.text(Format.number(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { append(encoder.encode(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("page contexts nest values, not containers")
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { preconditionFailure("page contexts nest values, not containers") }
    mutating func superEncoder() -> Encoder { encoder }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil() throws { encoder.result = .bool(false) }
    mutating func encode(_ value: Bool) throws { encoder.result = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.result = .text(value) }
    mutating func encode(_ value: Int) throws { encoder.result = .text(String(value)) }
    mutating func encode(_ value: Double) throws { encoder.result = .text(Format.number(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.result = encoder.encode(value) }
}

// The values page contexts hold besides plain ones.

extension MarkdownText: Encodable, ContextLeaf {
    /// Rendered to HTML for the page; fingerprinted by its source, so a kept
    /// page never renders its Markdown.
    func templateValue(for purpose: ValueEncoder.Purpose) -> TemplateValue {
        switch purpose {
        case .render: return .text(html)
        case .fingerprint: return .text(source + "\u{0}" + String(topHeadingLevel))
        }
    }
    func encode(to encoder: Encoder) throws { try encodeLeaf(to: encoder) }
}

extension ProductCard: Encodable, ContextLeaf {
    func templateValue(for purpose: ValueEncoder.Purpose) -> TemplateValue {
        switch purpose {
        case .render(let card): return .object(card?(self) ?? node)
        case .fingerprint: return .object(FingerprintedValue(fingerprint))
        }
    }
    func encode(to encoder: Encoder) throws { try encodeLeaf(to: encoder) }
}

extension SharedContext: Encodable, ContextLeaf {
    func templateValue(for purpose: ValueEncoder.Purpose) -> TemplateValue {
        switch purpose {
        case .render: return .object(node)
        case .fingerprint: return .object(FingerprintedValue(fingerprint))
        }
    }
    func encode(to encoder: Encoder) throws { try encodeLeaf(to: encoder) }
}
