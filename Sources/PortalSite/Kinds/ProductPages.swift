import PortalModel
import QRCode

/// The product supermarket: the catalogue and its views by category and by
/// target customer, a page, poster and QR code per product.
enum ProductPages {
    static let declaration = KindPages(
        .product, navigation: NavigationEntry(section: "products", label: "金融产品", path: Paths.products, order: 10),
        templates: ["products", "product", "poster"], routes: routes, searchSources: searchSources)

    /// A category of the catalogue with its count of listed products;
    /// `current` on the view it leads to.
    struct CategoryFacet: Encodable, Sendable {
        let key, label: String
        let count: Int
        let url: String
        var current = false
    }

    /// A target customer of the catalogue, likewise (templates name it by `slug`).
    struct TargetFacet: Encodable, Sendable {
        let slug, label: String
        let count: Int
        let url: String
        var current = false
    }

    static func categoryFacets(_ index: PortalIndex) -> [CategoryFacet] {
        ProductCategory.allCases.compactMap { c in
            let n = index.listedCountByCategory[c] ?? 0
            return n == 0 ? nil : CategoryFacet(key: c.rawValue, label: c.label, count: n, url: Paths.category(c.rawValue))
        }
    }

    static func targetFacets(_ index: PortalIndex) -> [TargetFacet] {
        TargetCustomer.allCases.compactMap { t in
            let n = index.listedCountByTarget[t] ?? 0
            return n == 0 ? nil : TargetFacet(slug: t.slug, label: t.label, count: n, url: Paths.target(t.slug))
        }
    }

    /// What `products.mustache` sees.
    struct Catalogue: PageContext {
        let heading: String
        let products: [ProductCard]
        let count: Int
        let categories: [CategoryFacet]
        let targets: [TargetFacet]
        let institutions: [InstitutionLink]
        let guaranteeMethods: [Choice]
        let isAll: Bool
        let stoppedProducts: [ProductCard]
        let hasStopped: Bool
    }

    struct InstitutionLink: Encodable, Sendable {
        let id, name, url: String
    }

    /// An option of a filter form (a guarantee method, a target customer).
    struct Choice: Encodable, Sendable {
        let slug, label: String
    }

    static let guaranteeChoices = GuaranteeMethod.allCases.map { Choice(slug: $0.slug, label: $0.label) }

    static func catalogue(_ path: String, title: String, heading: String, _ products: [Product], _ index: PortalIndex,
                          current: String) -> Route {
        // Discontinued products stay reachable (for reference) from the full catalogue.
        let stopped = current.isEmpty ? index.portal.products.filter { $0.isDiscontinued(on: index.date) } : []
        return .page(path, "products", title: title, section: "products") {
            Catalogue(
                heading: heading,
                products: products.map { ProductView.card($0, index) },
                count: products.count,
                categories: categoryFacets(index).map { var f = $0; f.current = f.key == current; return f },
                targets: targetFacets(index).map { var f = $0; f.current = f.slug == current; return f },
                institutions: index.portal.institutions.filter { !(index.productsByInstitution[$0.id] ?? []).isEmpty }
                    .map { InstitutionLink(id: $0.id, name: $0.name, url: Paths.institution($0.id)) },
                guaranteeMethods: guaranteeChoices,
                isAll: current.isEmpty,
                stoppedProducts: stopped.map { ProductView.card($0, index) },
                hasStopped: !stopped.isEmpty)
        }.listing(products.count + stopped.count)
    }

    static func routes(_ index: PortalIndex) -> [Route] {
        var routes: [Route] = [catalogue(Paths.products, title: "金融产品超市", heading: "金融产品超市", index.listedProducts, index, current: "")]
        for c in ProductCategory.allCases {
            let subset = index.listedProducts.filter { $0.category == c }
            if !subset.isEmpty {
                routes.append(catalogue(Paths.category(c.rawValue), title: "\(c.label)产品", heading: "\(c.label)产品", subset, index, current: c.rawValue))
            }
        }
        for t in TargetCustomer.allCases {
            let subset = index.listedProducts.filter { $0.targets.contains(t) }
            if !subset.isEmpty {
                routes.append(catalogue(Paths.target(t.slug), title: "适用于\(t.label)的产品", heading: "适用于\(t.label)的产品", subset, index, current: t.slug))
            }
        }
        for product in index.portal.products {
            let file = Paths.file(Paths.product(product.id))
            routes.append(Route(key: file) {
                // The QR code is made from the page address and product name, both in
                // the inputs; it is encoded only when the route is rendered. The card
                // counts by its own fingerprint, made once per build.
                let page = ProductView.page(product, index)
                var f = Fingerprint()
                f.add(file); f.add("product+poster"); f.add(product.name)
                f.add(ContextEncoder.fingerprint(page))
                return Route.Plan(fingerprint: f.value) { renderer in
                    let qr = ProductQR.make(product, index)
                    // A product page has no cards, so its encoded context serves the poster too.
                    let page = page.node(renderer, file: file)
                    return [
                        renderer.page(file: file, template: "product", title: product.name, section: "products", node: page),
                        renderer.page(file: Paths.file(Paths.productPoster(product.id)), template: "poster",
                                      title: "\(product.name) 宣传海报", section: "products", node: page),
                        OutputFile(path: Paths.productQRSVG(product.id), bytes: qr.svgFile),
                        OutputFile(path: Paths.productQRPNG(product.id), bytes: qr.pngFile),
                    ]
                }
            })
        }
        return routes
    }

    static func searchSources(_ index: PortalIndex) -> [SearchIndex.Source] {
        index.listedProducts.map { p in
            let inst = index.institutionsByID[p.institution]?.name ?? ""
            let targets = p.targets.map(\.label).joined(separator: " ")
            let guarantees = p.guaranteeMethods.map(\.label).joined(separator: " ")
            return SearchIndex.source(["product", p.id, p.name, p.category.label, inst, p.summary, targets, guarantees]) {
                SearchIndex.Document(title: p.name, url: Paths.product(p.id), kind: "产品·\(p.category.label)",
                                     text: [inst, p.summary, targets, guarantees].joined(separator: " "))
            }
        }
    }
}

/// A product's QR code leads to its canonical page under baseURL.
enum ProductQR {
    static func make(_ product: Product, _ index: PortalIndex) -> QRAssets {
        let url = index.absoluteURL(Paths.product(product.id))
        let title = "扫码打开“\(product.name)”：\(url)"
        guard let code = try? QRCode.encode(text: url, errorCorrection: .medium) else {
            return QRAssets(svgFile: [], pngFile: [])
        }
        return QRAssets(svgFile: Array(code.svg(title: title).utf8),
                        pngFile: code.png(moduleSize: 10, border: 4))
    }
}
