import PortalModel

/// Every internal `href` and `src` in the output must resolve to a file the
/// build writes; a broken one is an error, like a missing mandatory field.
enum LinkChecker {
    static func check(_ files: [OutputFile]) -> [Diagnostic] {
        let paths = Set(files.map(\.path))
        var diagnostics: [Diagnostic] = []
        for file in files where file.isHTML {
            let html = String(decoding: file.bytes, as: UTF8.self)
            for link in links(in: html) {
                guard let target = resolve(link, from: file.path) else { continue }
                if !paths.contains(target) {
                    diagnostics.append(Diagnostic(.K001, at: SourceLocation(file: "site/" + file.path),
                                                  "链接 “\(link)” 指向不存在的页面 \(target) (broken internal link)",
                                                  expected: "指向站内已有页面的链接"))
                }
            }
        }
        return diagnostics
    }

    /// Values of href="…" and src="…" attributes.
    static func links(in html: String) -> [String] {
        var out: [String] = []
        let bytes = Array(html.utf8)
        let patterns: [[UInt8]] = [Array(" href=\"".utf8), Array(" src=\"".utf8)]
        var i = 0
        while i < bytes.count {
            var matched: [UInt8]?
            for p in patterns where bytes[i] == 0x20 && i + p.count <= bytes.count && Array(bytes[i..<(i + p.count)]) == p {
                matched = p
            }
            if let p = matched {
                let start = i + p.count
                var end = start
                while end < bytes.count && bytes[end] != 0x22 { end += 1 }
                out.append(String(decoding: bytes[start..<end], as: UTF8.self))
                i = end
            } else {
                i += 1
            }
        }
        return out
    }

    /// The output file a relative link points to, or nil for links that leave
    /// the site (other schemes, absolute URLs, in-page anchors).
    static func resolve(_ link: String, from page: String) -> String? {
        var l = link.replacingOccurrences(of: "&amp;", with: "&")
        if let hash = l.firstIndex(of: "#") { l = String(l[..<hash]) }
        if let q = l.firstIndex(of: "?") { l = String(l[..<q]) }
        if l.isEmpty || l.contains(":") || l.hasPrefix("//") { return nil }
        var parts = page.split(separator: "/").dropLast().map(String.init)
        if l.hasPrefix("/") { parts = []; l.removeFirst() }
        for segment in l.split(separator: "/", omittingEmptySubsequences: false) {
            switch segment {
            case "", ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(segment))
            }
        }
        let path = parts.joined(separator: "/")
        return link.hasSuffix("/") || l.hasSuffix("/") || path.isEmpty ? (path.isEmpty ? "index.html" : path + "/index.html") : path
    }
}
