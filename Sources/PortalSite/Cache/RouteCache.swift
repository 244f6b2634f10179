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

    // MARK: On disk: sealed (`SealedText`), one record per route, `fingerprint<TAB>path<TAB>path…`, sorted.

    /// The header names the manifest of the output the routes' files are in:
    /// a cache written for any other state of the output is not used.
    static func header(manifest: String) -> String { "huiqi route cache 2\t" + manifest }

    /// The cache file for an output folder: `.huiqi-cache/<folder name>.routes` beside it.
    public static func file(for output: URL) -> URL {
        Publisher.cacheFolder(beside: output).appendingPathComponent(output.lastPathComponent + ".routes")
    }

    /// The routes recorded for the output whose manifest is `manifest`; an
    /// empty cache (everything is rendered) when the file is missing, damaged,
    /// cut short, or belongs to another state of the output.
    public static func load(_ url: URL, manifest: String) -> RouteCache {
        guard !manifest.isEmpty, let bytes = SealedText.read(url.path),
              let records = SealedText.open(bytes, header: header(manifest: manifest)) else { return RouteCache() }
        var entries: [String: Entry] = [:]
        for fields in records {
            guard fields.count >= 2, let fingerprint = SealedText.number(fields[0], radix: 16) else { return RouteCache() }
            var paths: [String] = []
            paths.reserveCapacity(fields.count - 1)
            for field in fields.dropFirst() {
                guard let path = OutputPath.safe(field) else { return RouteCache() }
                paths.append(path)
            }
            entries[paths[0]] = Entry(fingerprint: fingerprint, paths: paths)
        }
        return RouteCache(entries: entries)
    }

    /// Writes this build's routes (what `advanced()` would carry, without the
    /// in-memory stores) for the output whose manifest is `manifest`.
    public func save(_ url: URL, manifest: String) throws {
        let entries = lock.withLock { current }
        let records = entries.keys.sorted().map { key -> String in
            let e = entries[key]!
            return String(e.fingerprint, radix: 16) + "\t" + e.paths.joined(separator: "\t")
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try SealedText.writeAtomically(SealedText.seal(header: Self.header(manifest: manifest), records: records), to: url.path)
    }
}
