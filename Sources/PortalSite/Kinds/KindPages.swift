import PortalModel

/// What the site makes of one kind of content, declared once beside its
/// views: its pages, its place in the main navigation, the templates a theme
/// needs for them, its documents in the search index, and what it adds to
/// other kinds' pages. `RoutePlan`, `PageShell`, `Theme` and `SearchIndex`
/// iterate over `SiteKinds.all`; adding a kind is a declaration and its templates.
struct KindPages: Sendable {
    let kind: ContentKind
    let navigation: NavigationEntry?
    /// Templates the theme must have (checked when the theme is loaded).
    let templates: [String]
    let routes: @Sendable (PortalIndex) -> [Route]
    let searchSources: @Sendable (PortalIndex) -> [SearchIndex.Source]
    /// A value under `key` in every product page's context (advisers who can
    /// help with the product, say); nil for kinds that add nothing there.
    let onProductPage: ProductPagePanel?
    /// Whether the kind has pages in this portal (its navigation entry shows only then).
    let hasPages: @Sendable (PortalIndex) -> Bool

    init(_ kind: ContentKind, navigation: NavigationEntry? = nil, templates: [String],
         routes: @escaping @Sendable (PortalIndex) -> [Route],
         searchSources: @escaping @Sendable (PortalIndex) -> [SearchIndex.Source] = { _ in [] },
         onProductPage: ProductPagePanel? = nil, hasPages: @escaping @Sendable (PortalIndex) -> Bool = { _ in true }) {
        self.kind = kind
        self.navigation = navigation
        self.templates = templates
        self.routes = routes
        self.searchSources = searchSources
        self.onProductPage = onProductPage
        self.hasPages = hasPages
    }
}

/// An entry of the main navigation; entries are shown by `order`.
struct NavigationEntry: Encodable, Sendable {
    /// The `section` pages of this entry name, to mark it current.
    let section: String
    let label: String
    let path: String
    let order: Int
}

/// What a kind adds to each product page's context: under `key`, a typed
/// value (a struct, a list of them, or an optional, nil being false), which
/// enters the page's fingerprint and is encoded for its template like any
/// page context.
struct ProductPagePanel: Sendable {
    let key: String
    let value: @Sendable (Product, PortalIndex) -> any Encodable & Sendable
}

/// The panels of one product page, by key in the order of `SiteKinds.all`.
struct ProductPanels: Encodable, Sendable {
    let entries: [(key: String, value: any Encodable & Sendable)]

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: PanelKey.self)
        for (key, value) in entries { try c.encode(value, forKey: PanelKey(stringValue: key)) }
    }

    /// The keys are the kinds' own, known only at run time.
    private struct PanelKey: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}

/// The registry of what the site makes of each kind, in the order their
/// documents enter the search index.
enum SiteKinds {
    static let all: [KindPages] = [
        ProductPages.declaration, PolicyPages.declaration, InstitutionPages.declaration,
        DisclosurePages.declaration, LedgerPages.declaration, EventPages.declaration, FreePages.declaration,
        AdvisorPages.declaration,
    ]

    /// Pages that are not about one kind of content, in the main navigation.
    static let toolNavigation: [NavigationEntry] = [
        NavigationEntry(section: "home", label: "首页", path: Paths.home, order: 0),
        NavigationEntry(section: "match", label: "我要融资", path: Paths.match, order: 20),
    ]

    /// The main navigation: the tools' entries and those of the kinds with pages, by order.
    static func navigation(_ index: PortalIndex) -> [NavigationEntry] {
        (toolNavigation + all.filter { $0.hasPages(index) }.compactMap(\.navigation)).sorted { $0.order < $1.order }
    }

    /// Every template the site renders with.
    static var templates: [String] {
        ["layout", "home", "notfound", "search", "match", "compare", "stats"] + all.flatMap(\.templates)
    }

    /// Values each product page gets from other kinds.
    static func productPanels(_ p: Product, _ index: PortalIndex) -> ProductPanels {
        ProductPanels(entries: all.compactMap { kind in kind.onProductPage.map { ($0.key, $0.value(p, index)) } })
    }
}
