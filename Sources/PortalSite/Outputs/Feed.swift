import PortalModel

/// An Atom feed of policies, newest first, so citizens and other portals can follow them.
enum Feed {
    /// Everything the feed is made from, hashed.
    static func inputs(_ index: PortalIndex) -> UInt64 {
        var f = Fingerprint()
        let site = index.portal.site
        f.add(site.language); f.add(site.title); f.add(site.organizer); f.add(index.baseURL); f.add(index.date.description)
        for p in index.policiesByDate {
            f.add(p.id); f.add(p.title); f.add(p.docNumber); f.add(p.summary ?? ""); f.add(p.body)
            f.add(p.issued?.description ?? "-")
        }
        return f.value
    }

    static func atom(_ index: PortalIndex) -> String {
        let site = index.portal.site
        let policies = index.policiesByDate
        let updated = policies.first?.issued ?? index.date
        var x = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(HTML.escape(site.language))">
          <title>\(HTML.escape(site.title))·惠企政策</title>
          <id>\(HTML.escape(index.absoluteURL(Paths.policies)))</id>
          <link rel="self" href="\(HTML.escape(index.absoluteURL(Paths.feed)))"/>
          <link rel="alternate" type="text/html" href="\(HTML.escape(index.absoluteURL(Paths.policies)))"/>
          <updated>\(updated)T00:00:00+08:00</updated>
          <author><name>\(HTML.escape(site.organizer))</name></author>

        """
        for p in policies {
            let url = index.absoluteURL(Paths.policy(p.id))
            let summary = p.summary ?? String(Markdown.plainText(p.body).prefix(200))
            x += """
              <entry>
                <title>\(HTML.escape(p.title))</title>
                <id>\(HTML.escape(url))</id>
                <link href="\(HTML.escape(url))"/>
                <updated>\((p.issued ?? index.date))T00:00:00+08:00</updated>
                <summary>\(HTML.escape(p.docNumber))　\(HTML.escape(summary))</summary>
              </entry>

            """
        }
        return x + "</feed>\n"
    }
}

enum Sitemap {
    /// The sitemap protocol allows 50 000 URLs per file.
    static let maxURLs = 50_000

    /// `sitemap.xml` with every page; past `limit` pages, `sitemap.xml` becomes
    /// a sitemap index of `sitemap-1.xml`, `sitemap-2.xml`… (sitemaps.org).
    static func files(pages: [String], index: PortalIndex, limit: Int = maxURLs) -> [OutputFile] {
        let urls = pages.sorted().filter { $0.hasSuffix("index.html") }
            .map { index.absoluteURL(String($0.dropLast("index.html".count))) }
        func urlset(_ urls: ArraySlice<String>) -> [UInt8] {
            var x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for url in urls { x += "  <url><loc>\(HTML.escape(url))</loc></url>\n" }
            return Array((x + "</urlset>\n").utf8)
        }
        guard urls.count > limit else { return [OutputFile(path: Paths.sitemap, bytes: urlset(urls[...]))] }
        var files: [OutputFile] = []
        var x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (n, start) in stride(from: 0, to: urls.count, by: limit).enumerated() {
            let name = "sitemap-\(n + 1).xml"
            files.append(OutputFile(path: name, bytes: urlset(urls[start..<min(urls.count, start + limit)])))
            x += "  <sitemap><loc>\(HTML.escape(index.absoluteURL(name)))</loc></sitemap>\n"
        }
        return [OutputFile(path: Paths.sitemap, bytes: Array((x + "</sitemapindex>\n").utf8))] + files
    }

    static func robots(index: PortalIndex) -> String {
        "User-agent: *\nAllow: /\nSitemap: \(index.absoluteURL(Paths.sitemap))\n"
    }
}
