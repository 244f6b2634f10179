import Foundation
import PortalModel

/// Every internal `href` and `src` must resolve to a file the build writes;
/// a broken one is an error, like a missing mandatory field. Pages hand in
/// their links as they are rendered; each distinct target is kept once, with
/// the first page (by path) that links to it, so memory grows with the
/// number of files, not of links, and the report is the same on every run.
final class LinkTargets: @unchecked Sendable {
    /// `basePath` is the path of the base URL (`/` or `/jrfw/`): root-relative
    /// links, which only the 404 page uses, must stay under it.
    let basePath: String
    private let lock = NSLock()
    /// target → (page, link as written)
    private var targets: [String: (page: String, link: String)] = [:]
    /// depth → link → target, for links that climb to the root.
    private var memoByDepth: [Int: [String: String?]] = [:]

    init(basePath: String) { self.basePath = basePath }

    func add(page: String, bytes: [UInt8]) {
        let directory = page.utf8.lastIndex(of: UInt8(ascii: "/")).map { Array(page.utf8[..<$0]) } ?? []
        var found: [String: String] = [:]
        var seen = Set<String>()
        let depth = page.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
        let links = LinkChecker.links(in: bytes).filter { seen.insert($0).inserted }
        // Links that climb to the site root (`../../products/`) resolve the same from
        // every page at that depth: those are resolved once per build and depth.
        let climbing = links.map { LinkChecker.climbsToRoot($0, depth: depth) }
        // Read in place: a local copy of the memo would make the merge below copy
        // the whole memo for every page (quadratic on big sites).
        lock.lock()
        let known = links.indices.map { climbing[$0] ? memoByDepth[depth]?[links[$0]] : nil }
        lock.unlock()
        var learned: [String: String?] = [:]
        for (i, link) in links.enumerated() {
            let target: String?
            if let k = known[i] {
                target = k
            } else {
                target = LinkChecker.resolve(link, directory: directory, basePath: basePath)
                if climbing[i] { learned[link] = .some(target) }
            }
            guard let target, found[target] == nil else { continue }
            found[target] = link
        }
        lock.lock(); defer { lock.unlock() }
        for (link, target) in learned where memoByDepth[depth]?[link] == nil { memoByDepth[depth, default: [:]][link] = target }
        for (target, link) in found {
            if let known = targets[target], known.page <= page { continue }
            targets[target] = (page, link)
        }
    }

    /// One error per missing target, at the first page that links to it.
    func broken(existing paths: Set<String>) -> [Diagnostic] {
        lock.lock(); defer { lock.unlock() }
        return targets.filter { !paths.contains($0.key) }
            .sorted { ($0.value.page, $0.key) < ($1.value.page, $1.key) }
            .map { target, source in
                Diagnostic(.K001, at: SourceLocation(file: "site/" + source.page),
                           "链接 “\(source.link)” 指向不存在的页面 \(target) (broken internal link)",
                           expected: "指向站内已有页面的链接")
            }
    }
}

enum LinkChecker {
    /// A link whose resolution does not depend on the page's folder, only on its
    /// depth: absolute, leaving the site, or starting with at least `depth` `../`.
    static func climbsToRoot(_ link: String, depth: Int) -> Bool {
        var u = link.utf8[...]
        guard let first = u.first else { return true }
        if first == UInt8(ascii: "/") || first == UInt8(ascii: "#") { return true }
        var k = 0
        while k < depth, u.starts(with: "../".utf8) { u = u.dropFirst(3); k += 1 }
        return k == depth
    }

    /// Values of ` href="…"` and ` src="…"` attributes, scanned over the bytes.
    static func links(in bytes: [UInt8]) -> [String] {
        var out: [String] = []
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            while i < n {
                guard b[i] == 0x20 else { i += 1; continue }
                var start = -1
                // " href=\""
                if i + 7 <= n, b[i + 1] == 0x68, b[i + 2] == 0x72, b[i + 3] == 0x65, b[i + 4] == 0x66, b[i + 5] == 0x3D, b[i + 6] == 0x22 {
                    start = i + 7
                } else if i + 6 <= n, b[i + 1] == 0x73, b[i + 2] == 0x72, b[i + 3] == 0x63, b[i + 4] == 0x3D, b[i + 5] == 0x22 {
                    start = i + 6   // " src=\""
                }
                guard start >= 0 else { i += 1; continue }
                var end = start
                while end < n && b[end] != 0x22 { end += 1 }
                out.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self))
                i = end
            }
        }
        return out
    }

    /// The output file a relative link points to, or nil for links that leave
    /// the site (other schemes, absolute URLs, in-page anchors). `directory`
    /// is the linking page's folder (`products/p-1`, empty at the root).
    /// Works on UTF-8 bytes: this runs for every distinct link of every page.
    static func resolve(_ link: String, directory: [UInt8], basePath: String = "/") -> String? {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var l = Array(link.utf8)
        if l.contains(UInt8(ascii: "&")) { l = Array(link.replacingOccurrences(of: "&amp;", with: "&").utf8) }
        if let cut = l.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) { l.removeSubrange(cut...) }
        if l.isEmpty || l.contains(UInt8(ascii: ":")) || l.starts(with: [slash, slash]) { return nil }
        var path = directory
        var rest = l[...]
        if l[0] == slash {
            // A path outside the base path is outside the site: reported as missing.
            guard l.starts(with: basePath.utf8) else { return "(outside the site) " + String(decoding: l, as: UTF8.self) }
            path = []
            rest = l[basePath.utf8.count...]
        }
        for segment in rest.split(separator: slash) {
            if segment.elementsEqual([dot]) { continue }
            if segment.elementsEqual([dot, dot]) {
                path.removeSubrange((path.lastIndex(of: slash) ?? 0)...)
                continue
            }
            if !path.isEmpty { path.append(slash) }
            path.append(contentsOf: segment)
        }
        if path.isEmpty { return "index.html" }
        if link.utf8.last == slash || rest.last == slash { path.append(contentsOf: "/index.html".utf8) }
        return String(decoding: path, as: UTF8.self)
    }
}
