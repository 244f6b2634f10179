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

/// The build's product cards, by product id.
typealias ProductCards = BuildMemo<String, ProductCard>
