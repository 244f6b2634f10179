import PortalModel

/// The institutions, grouped by type, and a page per institution with its products.
enum InstitutionPages {
    static let declaration = KindPages(
        .institution, navigation: NavigationEntry(section: "institutions", label: "金融机构", path: Paths.institutions, order: 40),
        templates: ["institutions", "institution"], routes: routes, searchSources: searchSources)

    static func routes(_ index: PortalIndex) -> [Route] {
        let p = index.portal
        let size = p.site.pageSize
        // By type, then as they sort (by id): each page shows its part under the types' headings.
        let ordered = InstitutionType.allCases.flatMap { type in p.institutions.filter { $0.type == type } }
        var routes = Route.pages(ordered, base: Paths.institutions, size: size, template: "institutions", title: "金融机构",
                                 section: "institutions") { slice, pagination in
            List(groups: InstitutionType.allCases.compactMap { type in
                let members = slice.filter { $0.type == type }
                return members.isEmpty ? nil : Group(label: type.label, institutions: members.map { InstitutionView.card($0, index) })
            }, pagination: pagination)
        }
        for i in p.institutions {
            let onSale = (index.productsByInstitution[i.id] ?? []).filter { !$0.isDiscontinued(on: index.date) }
            routes += Route.pages(onSale, base: Paths.institution(i.id), size: size, template: "institution", title: i.name,
                                  section: "institutions") { slice, pagination in
                InstitutionView.page(i, index, products: slice, pagination: pagination)
            }
        }
        return routes
    }

    /// What `institutions.mustache` sees: one page of the institutions, grouped by type.
    struct List: PageContext {
        let groups: [Group]
        let pagination: Pagination
    }

    struct Group: Encodable, Sendable {
        let label: String
        let institutions: [InstitutionView.Card]
    }

    static func searchSources(_ index: PortalIndex) -> [SearchIndex.Source] {
        index.portal.institutions.map { i in
            SearchIndex.source(["institution", i.id, i.name, i.type.label, i.address, i.summary ?? ""]) {
                SearchIndex.Document(title: i.name, url: Paths.institution(i.id), kind: "机构·\(i.type.label)",
                                     text: [i.address, i.summary ?? ""].joined(separator: " "))
            }
        }
    }
}
