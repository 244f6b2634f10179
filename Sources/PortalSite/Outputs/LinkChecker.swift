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
    /// Every target linked to, by the hash of its path: (path, first page, link as written).
    private var targets: [UInt64: (target: String, page: String, link: String)] = [:]
    /// depth → hash of a link that climbs to the root → what it resolves to.
    private var memoByDepth: [Int: [UInt64: Resolved?]] = [:]

    /// A link's target, with the hash it is filed under.
    struct Resolved {
        let target: String
        let key: UInt64
    }

    init(basePath: String) { self.basePath = basePath }

    /// Links are told apart by a 64-bit hash of their bytes, so a page's
    /// sixty-odd links cost no strings unless they are new.
    func add(page: String, bytes: [UInt8]) {
        let slash = UInt8(ascii: "/")
        let directory = page.utf8.lastIndex(of: slash).map { Array(page.utf8[..<$0]) } ?? []
        let depth = page.utf8.reduce(0) { $1 == slash ? $0 + 1 : $0 }
        var seen = Set<UInt64>()
        let links = bytes.withUnsafeBufferPointer { buffer in
            LinkChecker.linkRanges(in: buffer).compactMap { range -> (range: Range<Int>, key: UInt64, climbs: Bool)? in
                let link = UnsafeBufferPointer(rebasing: buffer[range])
                let key = Fingerprint.hash(link)
                guard seen.insert(key).inserted else { return nil }
                return (range, key, LinkChecker.climbsToRoot(link, depth: depth))
            }
        }
        // Links that climb to the site root (`../../products/`) resolve the same from
        // every page at that depth: those are resolved once per build and depth.
        // Read in place: a local copy of the memo would make the merge below copy
        // the whole memo for every page (quadratic on big sites).
        lock.lock()
        let known = links.map { $0.climbs ? memoByDepth[depth]?[$0.key] : nil }
        lock.unlock()
        var learned: [UInt64: Resolved?] = [:]
        var found: [UInt64: (target: String, link: String)] = [:]
        for (i, link) in links.enumerated() {
            let resolved: Resolved?
            var text: String?
            if let k = known[i] {
                resolved = k
            } else {
                text = String(decoding: bytes[link.range], as: UTF8.self)
                resolved = LinkChecker.resolve(text!, directory: directory, basePath: basePath).map {
                    Resolved(target: $0, key: Fingerprint.hash($0))
                }
                if link.climbs { learned[link.key] = .some(resolved) }
            }
            guard let resolved, found[resolved.key] == nil else { continue }
            found[resolved.key] = (resolved.target, text ?? String(decoding: bytes[link.range], as: UTF8.self))
        }
        lock.lock(); defer { lock.unlock() }
        for (key, resolved) in learned where memoByDepth[depth]?[key] == nil { memoByDepth[depth, default: [:]][key] = resolved }
        for (key, target) in found {
            if let known = targets[key], known.page <= page { continue }
            targets[key] = (target.target, page, target.link)
        }
    }

    /// One error per missing target, at the first page that links to it.
    func broken(existing paths: Set<String>) -> [Diagnostic] {
        lock.lock(); defer { lock.unlock() }
        return targets.values.filter { !paths.contains($0.target) }
            .sorted { ($0.page, $0.target) < ($1.page, $1.target) }
            .map { source in
                Diagnostic(.K001, at: SourceLocation(file: "site/" + source.page),
                           "链接 “\(source.link)” 指向不存在的页面 \(source.target) (broken internal link)",
                           expected: "指向站内已有页面的链接")
            }
    }
}

enum LinkChecker {
    /// A link whose resolution does not depend on the page's folder, only on its
    /// depth: absolute, leaving the site, or starting with at least `depth` `../`.
    static func climbsToRoot<C: Collection>(_ link: C, depth: Int) -> Bool where C.Element == UInt8 {
        var u = link[...]
        guard let first = u.first else { return true }
        if first == UInt8(ascii: "/") || first == UInt8(ascii: "#") { return true }
        var k = 0
        while k < depth, u.starts(with: "../".utf8) { u = u.dropFirst(3); k += 1 }
        return k == depth
    }

    /// Where the values of ` href="…"` and ` src="…"` attributes are, scanned over the bytes.
    static func linkRanges(in b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
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
            out.append(start..<end)
            i = end
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
