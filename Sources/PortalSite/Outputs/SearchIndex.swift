import PortalModel

/// The build-time search index: documents plus an inverted index of
/// character bigrams (and single characters), which suits Chinese text with
/// no word breaks. The page script ranks matches offline.
enum SearchIndex {
    struct Document {
        let title: String
        let url: String
        let kind: String
        let text: String
    }

    static func documents(_ index: PortalIndex) -> [Document] {
        var docs: [Document] = []
        for p in index.listedProducts {
            let inst = index.institutionsByID[p.institution]?.name ?? ""
            docs.append(Document(title: p.name, url: Paths.product(p.id), kind: "产品·\(p.category.label)",
                                 text: [inst, p.summary, p.targets.map(\.label).joined(separator: " "),
                                        p.guaranteeMethods.map(\.label).joined(separator: " ")].joined(separator: " ")))
        }
        for p in index.portal.policies {
            docs.append(Document(title: p.title, url: Paths.policy(p.id), kind: "政策",
                                 text: [p.docNumber, p.issuers.joined(separator: " "), p.topics.joined(separator: " "),
                                        p.summary ?? "", String(Markdown.plainText(p.body).prefix(400))].joined(separator: " ")))
        }
        for i in index.portal.institutions {
            docs.append(Document(title: i.name, url: Paths.institution(i.id), kind: "机构·\(i.type.label)",
                                 text: [i.address, i.summary ?? ""].joined(separator: " ")))
        }
        for p in index.portal.pages {
            docs.append(Document(title: p.title, url: Paths.page(p.id), kind: "页面",
                                 text: (p.description ?? "") + " " + String(Markdown.plainText(p.body).prefix(400))))
        }
        return docs
    }

    static func terms(_ text: String) -> Set<String> {
        let chars = Array(text.lowercased().filter { !$0.isWhitespace && !$0.isPunctuation })
        var out = Set<String>()
        for (i, c) in chars.enumerated() {
            out.insert(String(c))
            if i + 1 < chars.count { out.insert(String(c) + String(chars[i + 1])) }
        }
        return out
    }

    /// `{"docs":[{"k","s","t","u"}…],"terms":{term:[doc numbers]…}}`, written
    /// directly: keys in a fixed order, terms sorted by their UTF-8 bytes, so
    /// the file is the same on every build (and quicker than JSONSerialization).
    static func json(_ index: PortalIndex) -> String {
        let docs = documents(index)
        var postings: [String: [Int]] = [:]
        for (n, d) in docs.enumerated() {
            for t in terms(d.title + " " + d.text) { postings[t, default: []].append(n) }
        }
        var out = JSONText()
        out.raw("{\"docs\":[")
        for (n, d) in docs.enumerated() {
            if n > 0 { out.raw(",") }
            out.raw("{\"k\":"); out.string(d.kind)
            out.raw(",\"s\":"); out.string(String(d.text.prefix(80)))
            out.raw(",\"t\":"); out.string(d.title)
            out.raw(",\"u\":"); out.string(d.url)
            out.raw("}")
        }
        out.raw("],\"terms\":{")
        for (n, term) in postings.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            if n > 0 { out.raw(",") }
            out.string(term)
            out.raw(":[")
            out.raw(postings[term]!.map(String.init).joined(separator: ","))
            out.raw("]")
        }
        out.raw("}}")
        return out.text
    }
}
