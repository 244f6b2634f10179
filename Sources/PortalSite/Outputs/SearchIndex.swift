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

    /// Single characters and pairs of neighbours, lower-cased, without spaces and
    /// punctuation: the same units the page script cuts a query into (it
    /// works on code points, as this does). Terms are packed in integers (a code point in the high bits, the next one plus
    /// one, or zero for a single character, in the low bits): hashing and
    /// sorting them is far cheaper than strings, and they sort as their UTF-8 does.
    static func termKeys(_ text: String) -> Set<UInt64> {
        let scalars = text.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace && !isPunctuation($0) }
            .map { UInt64($0.value) }
        var out = Set<UInt64>(minimumCapacity: scalars.count * 2)
        for i in scalars.indices {
            out.insert(scalars[i] << 32)
            if i + 1 < scalars.count { out.insert(scalars[i] << 32 | (scalars[i + 1] + 1)) }
        }
        return out
    }

    static func termString(_ key: UInt64) -> String {
        var s = String(Unicode.Scalar(UInt32(key >> 32)).map(Character.init) ?? " ")
        let second = key & 0xFFFF_FFFF
        if second > 0, let u = Unicode.Scalar(UInt32(second - 1)) { s.unicodeScalars.append(u) }
        return s
    }

    static func isPunctuation(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// `{"docs":[{"k","s","t","u"}…],"terms":{term:[doc numbers]…}}`, written
    /// directly: keys in a fixed order, terms sorted by their UTF-8 bytes, so
    /// the file is the same on every build (and quicker than JSONSerialization).
    static func json(_ index: PortalIndex) -> String {
        let docs = documents(index)
        // Terms per document on all cores; postings filled in document order.
        let termSets = ParallelMap.map(docs) { termKeys($0.title + " " + $0.text) }
        var postings: [UInt64: [Int]] = [:]
        for (n, set) in termSets.enumerated() {
            for t in set { postings[t, default: []].append(n) }
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
        for (n, term) in postings.keys.sorted().enumerated() {
            if n > 0 { out.raw(",") }
            out.string(termString(term))
            out.raw(":[")
            out.raw(postings[term]!.map(String.init).joined(separator: ","))
            out.raw("]")
        }
        out.raw("}}")
        return out.text
    }
}
