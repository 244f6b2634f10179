import PortalModel

/// Free pages (about, guides, FAQ), linked from the footer.
enum FreePages {
    static let declaration = KindPages(.page, templates: ["page"], routes: routes, searchSources: searchSources)

    static func routes(_ index: PortalIndex) -> [Route] {
        index.portal.pages.map { page in
            .page(Paths.page(page.id), "page", title: page.title, section: "") {
                Context(title: page.title, description: page.description ?? "", bodyHTML: MarkdownText(page.body))
            }
        }
    }

    /// What `page.mustache` sees.
    struct Context: PageContext {
        let title: String
        let description: String
        let bodyHTML: MarkdownText
    }

    static func searchSources(_ index: PortalIndex) -> [SearchIndex.Source] {
        index.portal.pages.map { p in
            SearchIndex.source(["page", p.id, p.title, p.description ?? "", p.body]) {
                SearchIndex.Document(title: p.title, url: Paths.page(p.id), kind: "页面",
                                     text: (p.description ?? "") + " " + String(Markdown.plainText(p.body).prefix(400)))
            }
        }
    }
}
