import Foundation
import PortalModel
import QRCode

/// Builds the whole site in memory from a checked portal: plan the routes,
/// render them in parallel, then check every internal link. A flat sequence
/// of steps, each a function of the previous step's value and the build date.
public enum SiteBuilder {
    public struct Options: Sendable {
        public var date: SimpleDate
        /// Overrides `baseURL` from site.yml (e.g. for a staging server).
        public var baseURL: String?

        /// Told after each route is rendered: (pages so far, routes done, routes in all).
        /// Called from render threads; `huiqi build` shows it on a terminal only.
        public var progress: (@Sendable (Int, Int, Int) -> Void)?

        public init(date: SimpleDate, baseURL: String? = nil, progress: (@Sendable (Int, Int, Int) -> Void)? = nil) {
            self.date = date
            self.baseURL = baseURL
            self.progress = progress
        }
    }

    public struct Output: Sendable {
        /// Every file of the site, sorted by path.
        public let files: [OutputFile]
        public let diagnostics: DiagnosticList
        public var pageCount: Int { files.filter(\.isHTML).count }
    }

    public static func build(portal: Portal, theme: Theme, options: Options) -> Output {
        var clock = StageClock()
        let index = PortalIndex(portal: portal, date: options.date, baseURL: options.baseURL)
        let renderer = PageRenderer(theme: theme, shell: PageShell(index: index, theme: theme))
        let routes = RoutePlan.routes(index)
        clock.lap("plan")
        let tally = Tally()
        var files = ParallelMap.map(routes) { route -> [OutputFile] in
            let made = route.make(renderer)
            if let progress = options.progress {
                let (pages, done) = tally.add(pages: made.reduce(0) { $0 + ($1.isHTML ? 1 : 0) })
                progress(pages, done, routes.count)
            }
            return made
        }.flatMap { $0 }
        clock.lap("render")
        files += theme.assetFiles.map { OutputFile(path: $0.key, bytes: $0.value) }
        files += [
            OutputFile(path: Paths.sitemap, bytes: Array(Sitemap.xml(pages: files.map(\.path), index: index).utf8)),
            OutputFile(path: Paths.robots, bytes: Array(Sitemap.robots(index: index).utf8)),
        ]
        files.sort { $0.path < $1.path }
        clock.lap("sitemap+sort")
        var diagnostics = DiagnosticList()
        let basePath = URLComponents(string: index.baseURL)?.path ?? ""
        diagnostics.add(contentsOf: LinkChecker.check(files, basePath: basePath.isEmpty ? "/" : basePath))
        clock.lap("links")
        return Output(files: files, diagnostics: diagnostics)
    }
}

/// Stage times on stderr when HUIQI_TIMING is set (for profiling the build).
struct StageClock {
    static let enabled = ProcessInfo.processInfo.environment["HUIQI_TIMING"] != nil
    var last = Date()
    mutating func lap(_ name: String) {
        guard Self.enabled else { return }
        let now = Date()
        FileHandle.standardError.write(String(format: "[timing] %@ %.3fs\n", name, now.timeIntervalSince(last)).data(using: .utf8)!)
        last = now
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
