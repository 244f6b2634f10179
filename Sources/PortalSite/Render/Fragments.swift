import Foundation
import MustacheTemplates

/// Partials that show one product in a list (`partials/product-card`), rendered once per
/// product and page depth instead of once per list, as Hugo's
/// `partialCached` does. A list of ten thousand products then costs one
/// lookup per product. Themes use them as ordinary partials; such a partial
/// sees the product's fields and the site-wide values (`root`, `home`,
/// `site`, `assets`), not the fields of the page that lists it.
final class Fragments: @unchecked Sendable {
    /// The partials rendered this way, when the theme has them.
    static let names = ["partials/product-card"]

    /// The name the stub registered as `name` looks up in a card.
    static func key(_ name: String) -> String {
        "_fragment_" + name.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "-", with: "_")
    }

    /// Where the partial's own text is registered.
    static func sourceName(_ name: String) -> String { name + "#source" }

    let theme: Theme
    let shell: PageShell
    let salt: UInt64
    let store: FragmentStore
    /// The site-wide values per page root, converted once.
    private let bases = BuildMemo<String, RenderNode>()
    /// Stub key → partial name, for the partials the theme has.
    private let names: [String: String]

    init(theme: Theme, shell: PageShell, salt: UInt64, store: FragmentStore) {
        self.theme = theme
        self.shell = shell
        self.salt = salt
        self.store = store
        names = Dictionary(uniqueKeysWithValues: theme.fragmentNames.map { (Self.key($0), $0) })
    }

    /// The card as a list item on a page at `root`; its partials are rendered
    /// when the page first asks for them.
    func node(for card: ProductCard, root: String) -> CardNode {
        CardNode(card: card, root: root, fragments: theme.fragmentNames.isEmpty ? nil : self)
    }

    /// The partial stubbed under `key`, rendered for `card` on a page at `root`.
    func html(_ key: String, card: ProductCard, root: String) -> String? {
        guard let name = names[key] else { return nil }
        var f = Fingerprint()
        f.add(salt); f.add(card.fingerprint); f.add(root); f.add(name)
        if let html = store.lookup(f.value) { return html }
        let html = String(decoding: theme.render(LayeredNode(top: card.node, below: base(root)), template: Self.sourceName(name)),
                          as: UTF8.self)
        store.keep(f.value, html)
        return html
    }

    private func base(_ root: String) -> RenderNode {
        bases.value(root) { ContextEncoder.node(shell.siteWide(root: root)) }
    }
}

/// Rendered card partials by fingerprint (see `KeptStore`).
typealias FragmentStore = KeptStore<String>

/// A product card in a page context: its fields, plus its rendered partials
/// under the keys the partials' stubs print.
final class CardNode: TemplateObject {
    let card: ProductCard
    let root: String
    let fragments: Fragments?
    init(card: ProductCard, root: String, fragments: Fragments?) {
        self.card = card
        self.root = root
        self.fragments = fragments
    }
    func value(forKey key: String) -> TemplateValue? {
        if key.hasPrefix("_fragment_"), let fragments { return fragments.html(key, card: card, root: root).map(TemplateValue.text) }
        return card.node.value(forKey: key)
    }
}

/// Names looked up in `top` first, then in `below`: the stack a partial would
/// have had inside a list, without the listing page's own fields.
final class LayeredNode: TemplateObject {
    let top: RenderNode, below: RenderNode
    init(top: RenderNode, below: RenderNode) {
        self.top = top
        self.below = below
    }
    func value(forKey key: String) -> TemplateValue? { top.value(forKey: key) ?? below.value(forKey: key) }
}
