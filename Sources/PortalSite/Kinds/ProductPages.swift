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

    /// A target customer or a guarantee method of the catalogue, likewise
    /// (templates name them by `slug`).
    struct SlugFacet: Encodable, Sendable {
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

    static func targetFacets(_ index: PortalIndex) -> [SlugFacet] {
        TargetCustomer.allCases.compactMap { t in
            let n = index.listedCountByTarget[t] ?? 0
            return n == 0 ? nil : SlugFacet(slug: t.slug, label: t.label, count: n, url: Paths.target(t.slug))
        }
    }

    static func guaranteeFacets(_ index: PortalIndex) -> [SlugFacet] {
        GuaranteeMethod.allCases.compactMap { g in
            let n = index.listedCountByGuarantee[g] ?? 0
            return n == 0 ? nil : SlugFacet(slug: g.slug, label: g.label, count: n, url: Paths.guarantee(g.slug))
        }
    }

    /// What `products.mustache` sees: one page of a list of products.
    struct Catalogue: PageContext {
        let heading: String
        let products: [ProductCard]
        let count: Int
        let categories: [CategoryFacet]
        let targets: [SlugFacet]
        let guarantees: [SlugFacet]
        /// The filter form's choices.
        let guaranteeMethods: [Choice]
        let isAll: Bool
        /// On the full catalogue: where discontinued products are kept for reference.
        let discontinuedURL: String?
        let discontinuedCount: Int?
        let pagination: Pagination
        /// The compact product data the filter form reads (all pages of the catalogue at once).
        let productData: String
    }

    /// An option of a filter form (a guarantee method, a target customer).
    struct Choice: Encodable, Sendable {
        let slug, label: String
    }

    static let guaranteeChoices = GuaranteeMethod.allCases.map { Choice(slug: $0.slug, label: $0.label) }

    /// A list of products, `pageSize` to a page, with the facets that lead to
    /// the other views (`current` names this one).
    static func catalogue(_ base: String, heading: String, _ products: [Product], _ index: PortalIndex,
                          current: String, discontinued: Int = 0) -> [Route] {
        let categories = categoryFacets(index), targets = targetFacets(index), guarantees = guaranteeFacets(index)
        return Route.pages(products, base: base, size: index.portal.site.pageSize, template: "products", title: heading,
                           section: "products") { slice, pagination in
            Catalogue(
                heading: heading,
                products: slice.map { ProductView.card($0, index) },
                count: products.count,
                categories: categories.map { var f = $0; f.current = "c-" + f.key == current; return f },
                targets: targets.map { var f = $0; f.current = "t-" + f.slug == current; return f },
                guarantees: guarantees.map { var f = $0; f.current = "g-" + f.slug == current; return f },
                guaranteeMethods: guaranteeChoices,
                isAll: current.isEmpty,
                discontinuedURL: discontinued > 0 ? Paths.discontinued : nil,
                discontinuedCount: discontinued > 0 ? discontinued : nil,
                pagination: pagination,
                productData: ProductData.manifestPath)
        }
    }

    static func routes(_ index: PortalIndex) -> [Route] {
        let listed = index.listedProducts
        let stopped = index.portal.products.filter { $0.isDiscontinued(on: index.date) }
        var routes = catalogue(Paths.products, heading: "金融产品超市", listed, index, current: "", discontinued: stopped.count)
        for c in ProductCategory.allCases where index.listedCountByCategory[c] != nil {
            routes += catalogue(Paths.category(c.rawValue), heading: "\(c.label)产品", listed.filter { $0.category == c },
                                index, current: "c-" + c.rawValue)
        }
        for t in TargetCustomer.allCases where index.listedCountByTarget[t] != nil {
            routes += catalogue(Paths.target(t.slug), heading: "适用于\(t.label)的产品", listed.filter { $0.targets.contains(t) },
                                index, current: "t-" + t.slug)
        }
        for g in GuaranteeMethod.allCases where index.listedCountByGuarantee[g] != nil {
            routes += catalogue(Paths.guarantee(g.slug), heading: "\(g.label)方式的产品", listed.filter { $0.guaranteeMethods.contains(g) },
                                index, current: "g-" + g.slug)
        }
        routes.append(ProductData.route(index))
        // Discontinued products stay reachable, for reference, from the full catalogue.
        if !stopped.isEmpty {
            routes += catalogue(Paths.discontinued, heading: "已停办产品（仅供查阅）", stopped, index, current: "stopped")
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
