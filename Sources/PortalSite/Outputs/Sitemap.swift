import PortalModel

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
