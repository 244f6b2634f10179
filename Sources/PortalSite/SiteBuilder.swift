import Foundation
import PortalModel
import QRCode

/// Builds the site from a checked portal: plan the routes, render them in
/// parallel straight into an output sink, then check every internal link. A
/// flat sequence of steps, each a function of the previous step's value and
/// the build date. Routes whose inputs are unchanged since the build the
/// route cache describes are not rendered; their files are taken as they were.
public enum SiteBuilder {
    public struct Options: Sendable {
        public var date: SimpleDate
        /// Overrides `baseURL` from site.yml (e.g. for a staging server).
        public var baseURL: String?

        /// Told after each route is rendered: (pages so far, routes done, routes in all).
        /// Called from render threads; `huiqi build` shows it on a terminal only.
        public var progress: (@Sendable (Int, Int, Int) -> Void)?

        /// Routes (by the path of their first file) rendered before all others:
        /// the pages a preview has open. `firstRoutesDone` is told their new
        /// files as soon as they are made, before the rest of the site.
        public var firstRoutes: Set<String> = []
        public var firstRoutesDone: (@Sendable ([OutputFile]) -> Void)?
        /// Asked before each route: when it says yes, the build stops and throws
        /// `BuildStopped` (a preview starting over after another save).
        public var shouldStop: (@Sendable () -> Bool)?
        /// A template naming a value its page lacks, or a missing partial, is
        /// an error (`--strict`) instead of a warning.
        public var strictTemplates = false

        public init(date: SimpleDate, baseURL: String? = nil, progress: (@Sendable (Int, Int, Int) -> Void)? = nil) {
            self.date = date
            self.baseURL = baseURL
            self.progress = progress
        }
    }

    public struct Summary: Sendable {
        /// Every file of the site, sorted.
        public let paths: [String]
        public let diagnostics: DiagnosticList
        /// Routes rendered, and routes whose files were kept from the previous build.
        public let renderedRoutes: Int
        public let reusedRoutes: Int
        /// The address the site was built for (QR codes, canonical links, sitemap),
        /// and the one site.yml gives.
        public let baseURL: String
        public let configuredBaseURL: String
        public var pageCount: Int { paths.filter { $0.hasSuffix(".html") }.count }
    }

    public static func build(portal: Portal, theme: Theme, options: Options, into sink: OutputSink,
                             cache: RouteCache = RouteCache()) throws -> Summary {
        var clock = StageClock()
        let index = PortalIndex(portal: portal, date: options.date, baseURL: options.baseURL)
        let shell = PageShell(index: index, theme: theme)
        let routes = RoutePlan.routes(index)
        try RouteClash.check(routes)
        let basePath = URLComponents(string: index.baseURL)?.path ?? ""
        let links = LinkTargets(basePath: basePath.isEmpty ? "/" : basePath)
        // Whatever every page shares: a change to any of it renders every route again.
        var shared = Fingerprint()
        shared.add(BuildIdentity.executable)
        shared.add(theme.fingerprint)
        shared.add(ContextEncoder.fingerprint(shell.global))
        shared.add(index.baseURL)
        let salt = shared
        let fragments = Fragments(theme: theme, shell: shell, salt: salt.value, store: cache.fragments)
        let renderer = PageRenderer(theme: theme, shell: shell, fragments: fragments, searchTerms: cache.searchTerms,
                                    frames: Frames(shell: shell))
        clock.lap("plan")

        let tally = Tally()
        @Sendable func done(pages: Int) {
            guard let progress = options.progress else { return }
            let (pagesSoFar, routesDone) = tally.add(pages: pages)
            progress(pagesSoFar, routesDone, routes.count)
        }
        /// Renders `route` (or keeps its files); also returns the files it made.
        @Sendable func run(_ route: Route) -> (RouteOutcome, [OutputFile]) {
            if options.shouldStop?() == true { return (RouteOutcome(paths: [], reused: false, failure: BuildStopped()), []) }
            let plan = route.plan()
            var fingerprint: UInt64?
            if let inputs = plan.fingerprint {
                var f = salt
                f.add(inputs)
                fingerprint = f.value
                if let paths = cache.unchanged(route.key, f.value), sink.reuse(paths) {
                    cache.record(route.key, f.value, paths: paths)
                    done(pages: paths.filter { $0.hasSuffix(".html") }.count)
                    return (RouteOutcome(paths: paths, reused: true, failure: nil), [])
                }
            }
            let made = plan.make(renderer)
            do {
                for file in made { try sink.store(file) }
            } catch {
                return (RouteOutcome(paths: [], reused: false, failure: error), [])
            }
            for file in made where file.isHTML { links.add(page: file.path, bytes: file.bytes) }
            let paths = made.map(\.path)
            if let fingerprint { cache.record(route.key, fingerprint, paths: paths) }
            done(pages: made.filter(\.isHTML).count)
            return (RouteOutcome(paths: paths, reused: false, failure: nil), made)
        }
        var early: [Int: RouteOutcome] = [:]
        if !options.firstRoutes.isEmpty {
            var made: [OutputFile] = []
            for i in routes.indices where options.firstRoutes.contains(routes[i].key) {
                let (outcome, files) = run(routes[i])
                early[i] = outcome
                made += files
            }
            options.firstRoutesDone?(made)
            clock.lap("first routes (\(early.count))")
        }
        let firstOutcomes = early
        // Largest lists first, each on its own; the results go back in plan order.
        let order = routes.indices.sorted { a, b in routes[a].size != routes[b].size ? routes[a].size > routes[b].size : a < b }
        let large = routes.filter { $0.size > 1 }.count
        let ordered = ParallelMap.map(order, singly: large) { i in firstOutcomes[i] ?? run(routes[i]).0 }
        var outcomes = ordered
        for (position, i) in order.enumerated() { outcomes[i] = ordered[position] }
        clock.lap("render")
        StageClock.note("card partials: \(cache.fragments.hits) kept, \(cache.fragments.misses) rendered")
        TemplateClock.shared.report()
        if let failure = outcomes.lazy.compactMap(\.failure).first { throw failure }

        var paths = outcomes.flatMap(\.paths)
        var extras = theme.assetFiles.map { OutputFile(path: $0.key, bytes: $0.value) }
        extras += Sitemap.files(pages: paths, index: index)
        extras.append(OutputFile(path: Paths.robots, bytes: Array(Sitemap.robots(index: index).utf8)))
        for file in extras { try sink.store(file) }
        paths += extras.map(\.path)
        paths.sort()
        clock.lap("sitemap")

        // Pages kept from the previous build had their links checked then, against
        // its files; only if some of those files are gone now are they read again.
        let allPaths = Set(paths)
        if !cache.previousPaths.isSubset(of: allPaths) {
            let reusedPages = outcomes.filter(\.reused).flatMap(\.paths).filter { $0.hasSuffix(".html") }
            _ = ParallelMap.map(reusedPages) { page in
                if let bytes = sink.read(page) { links.add(page: page, bytes: bytes) }
            }
        }
        var diagnostics = DiagnosticList()
        diagnostics.add(contentsOf: links.broken(existing: allPaths))
        diagnostics.add(contentsOf: theme.missDiagnostics(strict: options.strictTemplates))
        clock.lap("links")
        return Summary(paths: paths, diagnostics: diagnostics,
                       renderedRoutes: outcomes.filter { !$0.reused }.count, reusedRoutes: outcomes.filter(\.reused).count,
                       baseURL: index.baseURL, configuredBaseURL: portal.site.baseURL)
    }

    /// Two routes would write the same file (a product whose id is also the
    /// name of a catalogue view, say): found when the routes are planned,
    /// before anything is rendered, and never settled by which one wins.
    public struct RouteClash: Error, CustomStringConvertible {
        public let paths: [String]
        public var description: String {
            "两个页面要写入同一文件，请更改其中一个内容的编号 (two pages would write the same file; change one item's id): "
                + paths.joined(separator: ", ")
        }

        static func check(_ routes: [Route]) throws {
            var seen = Set<String>(), clashes: [String] = []
            for route in routes where !seen.insert(route.key).inserted { clashes.append(route.key) }
            if !clashes.isEmpty { throw RouteClash(paths: clashes.sorted()) }
        }
    }

    /// The build was told to stop (`Options.shouldStop`); its output is incomplete.
    public struct BuildStopped: Error {}

    struct RouteOutcome: @unchecked Sendable {
        let paths: [String]
        let reused: Bool
        let failure: (any Error)?
    }
}

/// Pages and routes rendered so far, counted across render threads.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var pages = 0, routes = 0
    func add(pages n: Int) -> (pages: Int, routes: Int) {
        lock.lock(); defer { lock.unlock() }
        pages += n
        routes += 1
        return (pages, routes)
    }
}
