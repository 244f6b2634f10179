import PortalModel

/// The advisers' directory (金融顾问): every adviser, views by district, role
/// and expertise (static pages, paginated, so they work without JavaScript),
/// a page per adviser, and on each product page the advisers who can help with it.
enum AdvisorPages {
    static let declaration = KindPages(
        .advisor, navigation: NavigationEntry(section: "advisors", label: "金融顾问", path: Paths.advisors, order: 45),
        templates: ["advisors", "advisor"], routes: routes, searchSources: searchSources,
        onProductPage: ProductPagePanel(key: "advisers", value: productPanel), hasPages: { !$0.portal.advisors.isEmpty })

    /// How many advisers a product page names before linking to the directory.
    static let perProduct = 4

    // MARK: Contexts

    /// An adviser in a list.
    struct Card: Encodable, Sendable {
        let id, name, url, role, organization, districts, expertise, phone: String
        /// `tel:` target: the digits and signs a phone dials, nothing else.
        let tel: String
        let hours: String?
    }

    /// A link to a filtered view, with how many advisers it holds.
    struct Facet: Encodable, Sendable {
        let label, url: String
        let count: Int
        let current: Bool
    }

    struct Directory: PageContext {
        let heading: String
        let isAll: Bool
        let count: Int
        let advisors: [Card]
        let districts, roles, expertise: [Facet]
        let pagination: Pagination
    }

    struct Page: PageContext {
        let card: Card
        let role, name: String
        let institutionName, institutionURL: String?
        let districtLinks, expertiseLinks: [Facet]
        let languages: String?
        let updated, updatedISO: String
        let bioHTML: MarkdownText?
        let directoryURL: String
    }

    /// What a product page shows: up to `perProduct` advisers and where to find more.
    struct ProductPanel: Encodable, Sendable {
        let advisers: [Card]
        /// How many more the directory holds; absent when none (0 would print as true).
        let more: Int?
        let moreURL: String
    }

    // MARK: Routes

    static func routes(_ index: PortalIndex) -> [Route] {
        let all = index.portal.advisors
        guard !all.isEmpty else { return [] }
        let facets = Facets(all)
        var routes = directory(Paths.advisors, heading: "金融顾问", all, current: "", facets, index)
        for (district, slug) in facets.districts {
            routes += directory(Paths.advisorDistrict(slug), heading: "服务\(district)的金融顾问",
                                all.filter { $0.districts.contains(district) }, current: "d-" + slug, facets, index)
        }
        for role in AdvisorRole.allCases where facets.roleCounts[role] != nil {
            routes += directory(Paths.advisorRole(role.slug), heading: role.label,
                                all.filter { $0.role == role }, current: "r-" + role.slug, facets, index)
        }
        for area in Expertise.allCases where facets.expertiseCounts[area] != nil {
            routes += directory(Paths.advisorExpertise(area.slug), heading: "擅长\(area.label)的金融顾问",
                                all.filter { $0.expertise.contains(area) }, current: "e-" + area.slug, facets, index)
        }
        let json = data(all)
        routes.append(.text(dataPath, inputs: Fingerprint.hash(json)) { json })
        for a in all {
            routes.append(.page(Paths.advisor(a.id), "advisor", title: "\(a.name)（\(a.role.label)）", section: "advisors") {
                page(a, facets, index)
            })
        }
        return routes
    }

    static func directory(_ base: String, heading: String, _ advisors: [Advisor], current: String, _ facets: Facets,
                          _ index: PortalIndex) -> [Route] {
        Route.pages(advisors, base: base, size: index.portal.site.pageSize, template: "advisors", title: heading,
                    section: "advisors") { slice, pagination in
            Directory(heading: heading, isAll: current.isEmpty, count: advisors.count, advisors: slice.map { card($0, index) },
                      districts: facets.districts.map { d, slug in
                          Facet(label: d, url: Paths.advisorDistrict(slug), count: facets.districtCounts[d] ?? 0,
                                current: current == "d-" + slug) },
                      roles: AdvisorRole.allCases.compactMap { r in
                          facets.roleCounts[r].map { Facet(label: r.label, url: Paths.advisorRole(r.slug), count: $0,
                                                           current: current == "r-" + r.slug) } },
                      expertise: Expertise.allCases.compactMap { e in
                          facets.expertiseCounts[e].map { Facet(label: e.label, url: Paths.advisorExpertise(e.slug), count: $0,
                                                                current: current == "e-" + e.slug) } },
                      pagination: pagination)
        }
    }

    /// The advisers as compact data, for the matcher's "no product fits: call
    /// one of these" (`[[id, name, role, organization, "district…", "expertise slug…", phone, hours]…]`).
    static let dataPath = "data/advisors.json"

    static func data(_ advisors: [Advisor]) -> String {
        var out = JSONText()
        out.raw("[")
        for (n, a) in advisors.enumerated() {
            if n > 0 { out.raw(",") }
            out.raw("[")
            for (i, text) in [a.id, a.name, a.role.label, a.organization, a.districts.joined(separator: " "),
                              a.expertise.map(\.slug).joined(separator: " "), a.phone, a.hours ?? ""].enumerated() {
                if i > 0 { out.raw(",") }
                out.string(text)
            }
            out.raw("]")
        }
        out.raw("]")
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Every district an adviser serves, sorted (the matcher's choice of 所在区域).
    static func districts(_ index: PortalIndex) -> [String] {
        Array(Set(index.portal.advisors.flatMap(\.districts))).sorted()
    }

    static func card(_ a: Advisor, _ index: PortalIndex) -> Card {
        Card(id: a.id, name: a.name, url: Paths.advisor(a.id), role: a.role.label, organization: a.organization,
             districts: a.districts.joined(separator: "、"), expertise: a.expertise.map(\.label).joined(separator: "、"),
             phone: a.phone, tel: Format.tel(a.phone), hours: a.hours)
    }

    static func page(_ a: Advisor, _ facets: Facets, _ index: PortalIndex) -> Page {
        let institution = a.institution.flatMap { index.institutionsByID[$0] }
        return Page(card: card(a, index), role: a.role.label, name: a.name,
                    institutionName: institution?.name, institutionURL: institution.map { Paths.institution($0.id) },
                    districtLinks: a.districts.map { d in
                        Facet(label: d, url: Paths.advisorDistrict(Facets.slug(d)), count: facets.districtCounts[d] ?? 0, current: false) },
                    expertiseLinks: a.expertise.map { e in
                        Facet(label: e.label, url: Paths.advisorExpertise(e.slug), count: facets.expertiseCounts[e] ?? 0, current: false) },
                    languages: a.languages.isEmpty ? nil : a.languages.joined(separator: "、"),
                    updated: a.updated?.chinese ?? "", updatedISO: a.updated?.description ?? "",
                    bioHTML: a.bio.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : MarkdownText($0) },
                    directoryURL: Paths.advisors)
    }

    /// Advisers whose expertise covers the product's category or one of its
    /// target groups: the product institution's own first, then those serving
    /// a district its address names, then the rest, each group by id.
    static func productPanel(_ p: Product, _ index: PortalIndex) -> any Encodable & Sendable {
        let matching = index.portal.advisors.filter { $0.covers(p.category, targets: p.targets) }
        guard !matching.isEmpty else { return ProductPanel?.none }
        let address = index.institutionsByID[p.institution]?.address ?? ""
        func rank(_ a: Advisor) -> Int {
            if a.institution == p.institution { return 0 }
            return a.districts.contains { !$0.isEmpty && address.contains($0) } ? 1 : 2
        }
        let ranked = matching.sorted { (rank($0), $0.id) < (rank($1), $1.id) }
        // The directory's view for the product's category, when some adviser covers it.
        let category = Expertise.category(p.category)
        let moreURL = matching.contains { $0.expertise.contains(category) } ? Paths.advisorExpertise(category.slug) : Paths.advisors
        let panel = ProductPanel(advisers: ranked.prefix(perProduct).map { card($0, index) },
                                 more: matching.count > perProduct ? matching.count - perProduct : nil,
                                 moreURL: moreURL)
        return panel
    }

    static func searchSources(_ index: PortalIndex) -> [SearchIndex.Source] {
        index.portal.advisors.map { a in
            let districts = a.districts.joined(separator: " ")
            let expertise = a.expertise.map(\.label).joined(separator: " ")
            return SearchIndex.source(["advisor", a.id, a.name, a.role.label, a.organization, districts, expertise]) {
                SearchIndex.Document(title: a.name, url: Paths.advisor(a.id), kind: "顾问·\(a.role.label)",
                                     text: [a.organization, districts, expertise].joined(separator: " "))
            }
        }
    }

    /// Districts (sorted, with their URL slugs) and counts for every facet.
    struct Facets {
        let districts: [(name: String, slug: String)]
        let districtCounts: [String: Int]
        let roleCounts: [AdvisorRole: Int]
        let expertiseCounts: [Expertise: Int]

        init(_ advisors: [Advisor]) {
            var d: [String: Int] = [:], r: [AdvisorRole: Int] = [:], e: [Expertise: Int] = [:]
            for a in advisors {
                for name in Set(a.districts) { d[name, default: 0] += 1 }
                r[a.role, default: 0] += 1
                for area in Set(a.expertise) { e[area, default: 0] += 1 }
            }
            districts = d.keys.sorted().map { ($0, Self.slug($0)) }
            districtCounts = d
            roleCounts = r
            expertiseCounts = e
        }

        /// A district's URL segment: a hash of its name, so it is plain ASCII
        /// whatever the name holds, and stays when other districts come and go.
        static func slug(_ district: String) -> String {
            let h = Fingerprint.hash(district)
            return String(String(h, radix: 16).suffix(8))
        }
    }
}

extension Expertise {
    /// URL segment: the category's key or the target group's slug (they do not overlap).
    var slug: String {
        switch self {
        case .category(let c): return c.rawValue
        case .target(let t): return t.slug
        }
    }
}

extension Paths {
    static let advisors = "advisors/"
    static func advisor(_ id: String) -> String { "advisors/\(id)/" }
    static func advisorDistrict(_ slug: String) -> String { "advisors/district/\(slug)/" }
    static func advisorRole(_ slug: String) -> String { "advisors/role/\(slug)/" }
    static func advisorExpertise(_ slug: String) -> String { "advisors/expertise/\(slug)/" }
}
