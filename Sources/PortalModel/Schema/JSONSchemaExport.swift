import Foundation

/// JSON Schema (draft 2020-12) for each content kind, generated from the same
/// field tables the checker uses, so an editor with the YAML language server
/// completes and validates fields while typing — with Chinese titles.
public enum JSONSchemaExport {
    public static func schema(for kind: ContentKind) -> [String: Any] {
        var s = object(kind.fields, title: kind.label)
        s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        s["$id"] = "\(kind.rawValue).schema.json"
        return s
    }

    public static func json(for kind: ContentKind) -> Data {
        (try? JSONSerialization.data(withJSONObject: schema(for: kind),
                                     options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    static func object(_ specs: [FieldSpec], title: String) -> [String: Any] {
        var properties: [String: Any] = [:]
        for spec in specs { properties[spec.key] = property(spec) }
        var s: [String: Any] = ["type": "object", "title": title, "properties": properties, "additionalProperties": false]
        let required = specs.filter(\.isMandatory).map(\.key)
        if !required.isEmpty { s["required"] = required }
        return s
    }

    static func property(_ spec: FieldSpec) -> [String: Any] {
        var p = valueSchema(spec.kind, title: spec.label)
        var description = spec.kind.expectation
        if case .conditional(let when) = spec.requirement { description = "（\(when)）" + description }
        if !spec.help.isEmpty { description = spec.help + "。" + description }
        p["title"] = spec.label
        p["description"] = description
        if let example = spec.example { p["examples"] = [example] }
        return p
    }

    static let datePattern = "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$"

    static func choices(_ pairs: [(key: String, label: String)]) -> [String] {
        var out: [String] = []
        for p in pairs {
            if !out.contains(p.key) { out.append(p.key) }
            if !out.contains(p.label) { out.append(p.label) }
        }
        return out
    }

    static func valueSchema(_ kind: FieldKind, title: String) -> [String: Any] {
        switch kind {
        case .string(let max):
            var s: [String: Any] = ["type": ["string", "number"]]
            if let max { s["maxLength"] = max }
            return s
        case .markdown: return ["type": "string"]
        case .id, .reference: return ["type": "string", "pattern": "^[a-z0-9-]{1,64}$"]
        case .choice(let pairs): return ["enum": choices(pairs)]
        case .choiceList(let pairs):
            return ["oneOf": [["type": "array", "items": ["enum": choices(pairs)], "uniqueItems": true], ["type": "string"]]]
        case .stringList: return ["oneOf": [["type": "array", "items": ["type": ["string", "number"]]], ["type": "string"]]]
        case .referenceList: return ["type": "array", "items": ["type": "string", "pattern": "^[a-z0-9-]{1,64}$"]]
        case .integer(let min, let max):
            var s: [String: Any] = ["type": "integer"]
            if let min { s["minimum"] = min }
            if let max { s["maximum"] = max }
            return s
        case .number(let min, let max):
            var s: [String: Any] = ["type": "number"]
            if let min { s["minimum"] = min }
            if let max { s["maximum"] = max }
            return s
        case .bool: return ["type": "boolean"]
        case .date: return ["type": "string", "pattern": datePattern]
        case .dateOrLongTerm: return ["type": "string", "pattern": "^([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|长期)$"]
        case .dateTime: return ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?(\\+08:00)?)?$"]
        case .url: return ["type": "string", "pattern": "^https?://[^\\s]+$"]
        case .range:
            return ["oneOf": [
                ["type": "object", "properties": ["min": ["type": "number", "exclusiveMinimum": 0], "max": ["type": "number", "exclusiveMinimum": 0]],
                 "required": ["min", "max"], "additionalProperties": false],
                ["type": "string", "pattern": "^[0-9.]+(-[0-9.]+)?$"],
            ]]
        case .object(let specs): return object(specs, title: title)
        case .objectList(let specs): return ["type": "array", "items": object(specs, title: title)]
        case .integerList(let min, let max): return ["type": "array", "items": ["type": "integer", "minimum": min, "maximum": max]]
        }
    }
}
