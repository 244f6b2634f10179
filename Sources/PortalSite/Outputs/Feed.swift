import PortalModel

/// An Atom feed of the latest policies (`feedSize` in site.yml, default 50),
/// newest first, so citizens and other portals can follow them. A reader
/// keeps what it has seen: the feed need not hold the whole archive.
enum Feed {
    static func latest(_ index: PortalIndex) -> ArraySlice<Policy> {
        index.policiesByDate.prefix(index.portal.site.feedSize)
    }

    /// Everything the feed is made from, hashed.
    static func inputs(_ index: PortalIndex) -> UInt64 {
        var f = Fingerprint()
        let site = index.portal.site
        f.add(site.language); f.add(site.title); f.add(site.organizer); f.add(index.baseURL); f.add(index.date.description)
        for p in latest(index) {
            f.add(p.id); f.add(p.title); f.add(p.docNumber); f.add(p.summary ?? ""); f.add(p.body)
            f.add(p.issued?.description ?? "-")
        }
        return f.value
    }

    static func atom(_ index: PortalIndex) -> String {
        let site = index.portal.site
        let policies = latest(index)
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
