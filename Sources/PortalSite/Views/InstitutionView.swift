import PortalModel

enum InstitutionView {
    /// An institution's fields in every list (and on its own page).
    struct Card: Encodable, Sendable {
        let id, name, url, type, typeKey: String
        let productCount: Int
        let phone: String
        let hasDisclosure, isBank: Bool
        let disclosureURL: String
    }

    static func card(_ i: Institution, _ index: PortalIndex) -> Card {
        let products = (index.productsByInstitution[i.id] ?? []).filter { !$0.isDiscontinued(on: index.date) }
        return Card(
            id: i.id, name: i.name, url: Paths.institution(i.id), type: i.type.label, typeKey: i.type.rawValue,
            productCount: products.count, phone: i.phone,
            hasDisclosure: index.disclosuresByInstitution[i.id] != nil, isBank: i.type == .bank,
            disclosureURL: Paths.disclosure(i.id))
    }

    /// What `institution.mustache` sees: the card's fields beside the page's own.
    typealias Page = CardPage<Card, Details>

    struct Details: Encodable, Sendable {
        let creditCode, address: String
        let website, summary: String?
        let governmentBacked: Bool
        let updated: String
        /// One page of its products on sale.
        let products: [ProductCard]
        let discontinued: [ProductCard]
        let hasDiscontinued: Bool
        let disclosure: DisclosureView.Summary?
        let pagination: Pagination
    }

    /// The page showing `products` (a page of those on sale) of institution `i`.
    static func page(_ i: Institution, _ index: PortalIndex, products: ArraySlice<Product>, pagination: Pagination) -> Page {
        // Discontinued products are few and listed by name only, on the first page.
        let discontinued = pagination.current == 1
            ? (index.productsByInstitution[i.id] ?? []).filter { $0.isDiscontinued(on: index.date) } : []
        return Page(card: card(i, index), details: Details(
            creditCode: i.creditCode, address: i.address, website: i.website, summary: i.summary,
            governmentBacked: i.governmentBacked, updated: i.updated?.chinese ?? "",
            products: products.map { ProductView.card($0, index) },
            discontinued: discontinued.map { ProductView.card($0, index) },
            hasDiscontinued: !discontinued.isEmpty,
            disclosure: index.disclosuresByInstitution[i.id].map { DisclosureView.summary($0, index) },
            pagination: pagination))
    }
}
