import Foundation
import PortalModel

/// What templates see of a product in a list. Made once per product per
/// build (lists share it), with its fingerprint and its template-ready form
/// computed once too; its partials (`product-card` and friends) are rendered
/// once per product and page depth by `Fragments` instead of in every list.
final class ProductCard: @unchecked Sendable {
    let values: [String: Any]
    let fingerprint: UInt64
    let node: RenderNode

    init(_ values: [String: Any]) {
        self.values = values
        var f = Fingerprint()
        f.add(any: values)
        fingerprint = f.value
        node = RenderNode.tree(values)
    }
}

/// The build's product cards, by product id, made on first use from any thread.
final class ProductCards: @unchecked Sendable {
    private let lock = NSLock()
    private var cards: [String: ProductCard] = [:]

    func card(_ product: Product, make: () -> [String: Any]) -> ProductCard {
        // Ids are unique in any portal that passes the check, and only those are built.
        let key = product.id
        lock.lock()
        if let known = cards[key] { lock.unlock(); return known }
        lock.unlock()
        let card = ProductCard(make())
        lock.lock(); defer { lock.unlock() }
        if let known = cards[key] { return known }
        cards[key] = card
        return card
    }
}
