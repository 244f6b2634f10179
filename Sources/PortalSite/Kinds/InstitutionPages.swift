import PortalModel

/// The institutions, grouped by type, and a page per institution with its products.
enum InstitutionPages {
    static let declaration = KindPages(
        .institution, navigation: NavigationEntry(section: "institutions", label: "金融机构", path: Paths.institutions, order: 40),
        templates: ["institutions", "institution"], routes: routes, searchSources: searchSources)

    static func routes(_ index: PortalIndex) -> [Route] {
        let p = index.portal
        var routes: [Route] = [
            .page(Paths.institutions, "institutions", title: "金融机构", section: "institutions") {
                List(groups: InstitutionType.allCases.compactMap { type in
                    let members = p.institutions.filter { $0.type == type }
                    return members.isEmpty ? nil : Group(label: type.label, institutions: members.map { InstitutionView.card($0, index) })
                })
            }.listing(p.institutions.count),
        ]
        for i in p.institutions {
            routes.append(.page(Paths.institution(i.id), "institution", title: i.name, section: "institutions") {
                InstitutionView.page(i, index)
            }.listing(index.productsByInstitution[i.id]?.count ?? 0))
        }
        return routes
    }

    /// What `institutions.mustache` sees: the institutions grouped by type.
    struct List: PageContext {
        let groups: [Group]
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
