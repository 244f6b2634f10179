import Foundation

/// What templates see of a product in a list. Made once per product per
/// build (lists share it), with its fingerprint and its template-ready form
/// computed once too; its partials (`product-card` and friends) are rendered
/// once per product and page depth by `Fragments` instead of in every list.
final class ProductCard: @unchecked Sendable {
    let fields: ProductView.Card
    let fingerprint: UInt64
    private let lock = NSLock()
    private var encoded: RenderNode?

    init(_ fields: ProductView.Card) {
        self.fields = fields
        fingerprint = ContextEncoder.fingerprint(fields)
    }

    /// The card in template-ready form, encoded when a page first renders it
    /// (a preview rebuild renders few pages, but makes every card).
    var node: RenderNode {
        lock.lock(); defer { lock.unlock() }
        if let encoded { return encoded }
        let node = ContextEncoder.node(fields)
        encoded = node
        return node
    }
}

/// The build's product cards, by product id.
typealias ProductCards = BuildMemo<String, ProductCard>
