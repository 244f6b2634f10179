import Foundation
import PortalModel

/// The build-time search index: documents plus an inverted index of
/// character bigrams (and single characters), which suits Chinese text with
/// no word breaks. The page script ranks matches offline.
enum SearchIndex {
    /// A document and its terms, sorted.
    struct Entry: Sendable {
        let document: Document
        let terms: [UInt64]
    }

    struct Document: Sendable {
        let title: String
        let url: String
        let kind: String
        let text: String
    }

    /// A document and what it is made from, hashed: an unchanged source is
    /// not cut into terms again by a preview rebuild.
    struct Source: @unchecked Sendable {
        let fingerprint: UInt64
        let make: () -> Document
    }

    /// Every kind's documents, in the registry's order.
    static func sources(_ index: PortalIndex) -> [Source] {
        SiteKinds.all.flatMap { $0.searchSources(index) }
    }

    /// A document made from `parts` (hashed now, cut into terms only if they changed).
    static func source(_ parts: [String], _ make: @escaping () -> Document) -> Source {
        var f = Fingerprint()
        for p in parts { f.add(p) }
        return Source(fingerprint: f.value, make: make)
    }

    /// What the whole index is made from: its documents' sources, in order.
    static func fingerprint(_ sources: [Source]) -> UInt64 {
        var f = Fingerprint()
        f.add("search-index")
        for source in sources { f.add(source.fingerprint) }
        return f.value
    }

    /// Single characters and pairs of neighbours, lower-cased, without spaces and
    /// punctuation: the same units the page script cuts a query into (it
    /// works on code points, as this does). Terms are packed in integers (a code point in the high bits, the next one plus
    /// one, or zero for a single character, in the low bits): hashing and
    /// sorting them is far cheaper than strings, and they sort as their UTF-8 does.
    static func termKeys(_ text: String) -> Set<UInt64> {
        let scalars = text.lowercased().unicodeScalars.filter(isTermScalar).map { UInt64($0.value) }
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

    /// Not white space, not punctuation. Letters, digits and CJK ideographs (most
    /// of the text) are answered without looking up Unicode properties.
    static func isTermScalar(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x30...0x39, 0x61...0x7A, 0x41...0x5A, 0x4E00...0x9FFF: return true
        default: return !u.properties.isWhitespace && !isPunctuation(u)
        }
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
    /// Documents and their terms come from `store` when their sources did not change.
    static func json(_ sources: [Source], store: SearchTermStore = SearchTermStore()) -> [UInt8] {
        let entries = ParallelMap.map(sources) { source -> Entry in
            if let known = store.lookup(source.fingerprint) { return known }
            let doc = source.make()
            let entry = Entry(document: doc, terms: termKeys(doc.title + " " + doc.text).sorted())
            store.keep(source.fingerprint, entry)
            return entry
        }
        var postings: [UInt64: [Int32]] = [:]
        for (n, entry) in entries.enumerated() {
            for t in entry.terms { postings[t, default: []].append(Int32(n)) }
        }
        var out = JSONText()
        out.raw("{\"docs\":[")
        for (n, e) in entries.enumerated() {
            let d = e.document
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
            for (i, doc) in postings[term]!.enumerated() {
                if i > 0 { out.raw(",") }
                out.number(Int(doc))
            }
            out.raw("]")
        }
        out.raw("}}")
        return out.bytes
    }
}

/// Documents of the search index with their terms, by source fingerprint (see `KeptStore`).
typealias SearchTermStore = KeptStore<SearchIndex.Entry>
