/// A kind of content, named by its key (`product`). Everything else about it
/// (folder, file formats, fields, how an item is read and kept) is its
/// declaration in `ContentKinds`; each kind's key is declared beside it.
public struct ContentKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// site.yml: one file, no folder; not in the registry of folder kinds.
    public static let site = ContentKind(rawValue: "site")

    /// The declaration of this kind (site.yml's is `ContentKinds.site`).
    public var declaration: ContentKindDeclaration {
        self == .site ? ContentKinds.site : ContentKinds.all.first { $0.kind == self }!
    }

    public var label: String { declaration.label }
    /// Folder under content/ (site has none).
    public var folder: String { declaration.folder }
    public var fields: [FieldSpec] { declaration.fields }

    /// Every kind with a schema: site.yml and the folder kinds.
    public static var allCases: [ContentKind] { [.site] + ContentKinds.all.map(\.kind) }
}

/// How a content file is written.
public enum ContentFormat: String, Sendable {
    /// `*.yml` / `*.yaml`: one item.
    case yaml
    /// `*.md`: YAML front matter and a Markdown body.
    case markdown
    /// `*.csv`: one item per row (UTF-8 or GB18030, as Excel writes it).
    case csv

    public var extensions: [String] {
        switch self {
        case .yaml: return ["yml", "yaml"]
        case .markdown: return ["md"]
        case .csv: return ["csv"]
        }
    }
}

/// One kind of content, declared once: the loader, the identity rules,
/// `huiqi new` and `huiqi schema` all read it from here. Adding a kind is a
/// model type with its reader and field table, a declaration built with
/// `init(_:label:…)`, and its line in `ContentKinds.all`.
public struct ContentKindDeclaration: Sendable {
    public let kind: ContentKind
    public let label: String
    public let folder: String
    public let fields: [FieldSpec]
    /// The first is what `huiqi new` writes.
    public let formats: [ContentFormat]
    /// The field that names an item (a disclosure is named by its institution).
    public let idField: String
    /// Reads one item: its fields, the id its file gives (empty for CSV rows),
    /// and the Markdown body for `.markdown` files.
    let read: @Sendable (FieldReader, String, String?) -> any Sendable
    let store: @Sendable (inout Portal, any Sendable) -> Void
    let sort: @Sendable (inout Portal) -> Void
    /// Every item's id and where it was read, for rules over the whole kind.
    public let identities: @Sendable (Portal) -> [(id: String, source: SourceMap)]
    /// Every id an item names in a `.reference`/`.referenceList` field that
    /// the generic rule checks (kinds with rules of their own for a field,
    /// like a product's institution, leave it out), with the item's source.
    public let references: @Sendable (Portal) -> [(field: String, id: String, source: SourceMap)]
    /// Every item's text shown on pages (by field path) and Markdown body, for
    /// rules over text such as the control-character check.
    public let texts: @Sendable (Portal) -> [(source: SourceMap, fields: [String: String?], body: String?)]

    public init<Item: Sendable>(
        _ kind: ContentKind, label: String, folder: String, fields: [FieldSpec], formats: [ContentFormat],
        idField: String = "id", items: WritableKeyPath<Portal, [Item]>,
        read: @escaping @Sendable (FieldReader, _ fileID: String, _ body: String?) -> Item,
        id: @escaping @Sendable (Item) -> String, source: @escaping @Sendable (Item) -> SourceMap,
        sortBy: @escaping @Sendable (Item) -> SourceLocation,
        references: @escaping @Sendable (Item) -> [(field: String, id: String)] = { _ in [] },
        texts: @escaping @Sendable (Item) -> [String: String?] = { _ in [:] },
        body: @escaping @Sendable (Item) -> String? = { _ in nil }
    ) {
        self.kind = kind
        self.label = label
        self.folder = folder
        self.fields = fields
        self.formats = formats
        self.idField = idField
        self.read = { read($0, $1, $2) }
        // A key path of the portal's own properties holds no state: safe to share.
        nonisolated(unsafe) let items = items
        store = { portal, item in portal[keyPath: items].append(item as! Item) }
        sort = { portal in
            // By id, then by where it was read, so duplicates sort deterministically too.
            portal[keyPath: items].sort { (id($0), sortBy($0)) < (id($1), sortBy($1)) }
        }
        identities = { portal in portal[keyPath: items].map { (id($0), source($0)) } }
        self.texts = { portal in portal[keyPath: items].map { (source($0), texts($0), body($0)) } }
        self.references = { portal in
            portal[keyPath: items].flatMap { item in references(item).map { ($0.field, $0.id, source(item)) } }
        }
    }

    /// The format of a file with this extension, if the kind reads it.
    public func format(forExtension ext: String) -> ContentFormat? {
        formats.first { $0.extensions.contains(ext) }
    }
}

/// The registry of content kinds.
public enum ContentKinds {
    /// Every kind with a folder under content/, in the order they are listed and checked.
    public static let all: [ContentKindDeclaration] = [institution, product, policy, disclosure, ledger, event, page, advisor]

    public static func named(_ key: String) -> ContentKindDeclaration? { all.first { $0.kind.rawValue == key } }
}
