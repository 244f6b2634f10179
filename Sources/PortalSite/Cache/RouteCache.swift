import Foundation

/// What the previous build made: for each route, the fingerprint of its
/// inputs and the files it wrote. A route whose fingerprint is unchanged
/// takes its files from the previous output instead of being rendered.
/// `huiqi build` keeps it in a file beside the output folder; `huiqi serve`
/// keeps it in memory between rebuilds.
public final class RouteCache: @unchecked Sendable {
    struct Entry {
        let fingerprint: UInt64
        let paths: [String]
    }

    private let lock = NSLock()
    private var previous: [String: Entry]
    private var current: [String: Entry] = [:]
    /// Every file path of the previous build.
    let previousPaths: Set<String>
    /// Rendered card partials and search-index terms (kept in memory only).
    let fragments: FragmentStore
    let searchTerms: SearchTermStore

    public init() {
        previous = [:]
        previousPaths = []
        fragments = FragmentStore()
        searchTerms = SearchTermStore()
    }

    init(entries: [String: Entry], fragments: FragmentStore = FragmentStore(), searchTerms: SearchTermStore = SearchTermStore()) {
        previous = entries
        previousPaths = Set(entries.values.flatMap(\.paths))
        self.fragments = fragments
        self.searchTerms = searchTerms
    }

    /// The files of `key` in the previous build, if they were made from the same inputs.
    func unchanged(_ key: String, _ fingerprint: UInt64) -> [String]? {
        lock.lock(); defer { lock.unlock() }
        guard let entry = previous[key], entry.fingerprint == fingerprint else { return nil }
        return entry.paths
    }

    func record(_ key: String, _ fingerprint: UInt64, paths: [String]) {
        lock.lock(); defer { lock.unlock() }
        current[key] = Entry(fingerprint: fingerprint, paths: paths)
    }

    /// The same cache for a build that starts over (the last one stopped half-way):
    /// what that one recorded is dropped.
    public func restarted() -> RouteCache {
        lock.lock(); defer { lock.unlock() }
        return RouteCache(entries: previous, fragments: fragments, searchTerms: searchTerms)
    }

    /// The cache for the next build: this build's routes.
    public func advanced() -> RouteCache {
        lock.lock(); defer { lock.unlock() }
        return RouteCache(entries: current, fragments: fragments.pruned(), searchTerms: searchTerms.pruned())
    }

    // MARK: On disk: one line per route, `fingerprint<TAB>path<TAB>path…`, sorted.

    static let header = "huiqi route cache 1"

    /// The cache file for an output folder: `.huiqi-cache/<folder name>.routes` beside it.
    public static func file(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".huiqi-cache")
            .appendingPathComponent(output.lastPathComponent + ".routes")
    }

    /// An empty cache when the file is missing or unreadable: everything is rendered.
    public static func load(_ url: URL) -> RouteCache {
        guard let data = FileManager.default.contents(atPath: url.path) else { return RouteCache() }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.first == Substring(header) else { return RouteCache() }
        var entries: [String: Entry] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count >= 2, let fingerprint = UInt64(fields[0], radix: 16) else { return RouteCache() }
            entries[fields[1]] = Entry(fingerprint: fingerprint, paths: Array(fields.dropFirst()))
        }
        return RouteCache(entries: entries)
    }

    /// Writes this build's routes (what `advanced()` would carry, without the in-memory stores).
    public func save(_ url: URL) throws {
        let entries = lock.withLock { current }
        var text = Self.header + "\n"
        for key in entries.keys.sorted() {
            let e = entries[key]!
            text += String(e.fingerprint, radix: 16) + "\t" + e.paths.joined(separator: "\t") + "\n"
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
