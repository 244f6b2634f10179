import Foundation
import Hummingbird
import PortalBuild
import PortalModel
import PortalSite

/// `huiqi serve`: builds the site in memory, serves it on loopback, rebuilds
/// when content or theme files change, and tells open pages to reload. A
/// failed rebuild keeps the last good site and shows the errors over it.
public struct PreviewServer: Sendable {
    public let inputs: BuildPipeline.Inputs
    public let host: String
    public let port: Int
    /// Where diagnostics and status lines go (the terminal).
    public let log: @Sendable (String) -> Void

    public init(inputs: BuildPipeline.Inputs, host: String, port: Int, log: @escaping @Sendable (String) -> Void) {
        self.inputs = inputs
        self.host = host
        self.port = port
        self.log = log
    }

    public func run() async throws {
        let state = PreviewState()
        await rebuild(state)
        let watcher = FileWatcher(directories: [inputs.contentDirectory, inputs.themeDirectory])
        // The watcher goes on while a rebuild runs: a save in the meantime stops it,
        // and it starts over with everything saved so far.
        let watchTask = Task {
            await watcher.watch {
                guard rebuilds.changed() else { return }
                Task {
                    repeat { await rebuild(state) } while rebuilds.finished()
                }
            }
        }
        defer { watchTask.cancel() }

        let address = ServerAddress(host: host, port: port)
        if let warning = address.exposureWarning { log(warning) }
        let router = Router()
        router.add(middleware: HostGuard(address))
        router.get(RouterPath(LiveReloadScript.path)) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: LiveReloadScript.source)))
        }
        router.get(RouterPath(LiveReloadScript.diagnosticsPath)) { _, _ in
            let encoder = JSONEncoder()
            let data = (try? encoder.encode(await state.diagnostics)) ?? Data("[]".utf8)
            return Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get(RouterPath(LiveReloadScript.eventsPath)) { request, _ in
            Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                     body: .init { writer in
                         let (id, events) = await state.subscribe()
                         defer { Task { await state.unsubscribe(id) } }
                         // A closed tab must give its socket back at once: nothing is written
                         // until the next rebuild, so waiting for a write to fail would keep
                         // every closed stream open until then. The connection's end
                         // cancels the loop instead.
                         do {
                             try await request.body.consumeWithCancellationOnInboundClose { _ in
                                 try await writer.write(ByteBuffer(string: ": connected\n\n"))
                                 for await event in events {
                                     try await writer.write(ByteBuffer(string: "event: \(event.name)\ndata: \(event.data)\n\n"))
                                 }
                             }
                         } catch is CancellationError {
                             return  // the browser went away; there is no one to finish the response for
                         }
                         try await writer.finish(nil)
                     })
        }
        router.get("**") { request, _ in await respond(path: request.uri.path, state: state) }
        router.get("/") { request, _ in await respond(path: request.uri.path, state: state) }

        let app = Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "huiqi-serve"),
                              onServerRunning: { _ in log("预览地址 (preview at) http://\(host):\(port)/  按 Ctrl-C 停止") })
        // A preview has nothing to drain: open event streams never end, so
        // Ctrl-C and SIGTERM stop it at once instead of waiting for them.
        for sig in [SIGINT, SIGTERM] { signal(sig) { _ in exit(0) } }
        try await app.runService(gracefulShutdownSignals: [])
    }

    /// The routes of the last good build, so a rebuild renders only what changed.
    final class RouteCacheBox: @unchecked Sendable {
        var current = RouteCache()
        let content = LoadCache()
    }
    let routeCache = RouteCacheBox()
    let rebuilds = RebuildQueue()

    /// One build; on success the site is replaced, on failure only the errors are.
    func rebuild(_ state: PreviewState) async {
        let started = Date()
        do {
            let sink = MemorySink(previous: await state.site)
            let cache = routeCache.current
            // The pages open in browsers are rendered first and shown at once,
            // as Hugo's fast render mode does; the rest of the site follows.
            var inputs = self.inputs
            inputs.options.firstRoutes = Set(await state.recentPages)
            let generation = await state.generation
            let rebuilds = self.rebuilds
            inputs.options.shouldStop = { rebuilds.stopRequested }
            inputs.options.firstRoutesDone = { made in
                // Ignored if it arrives after the build is published (the generation moved on).
                Task { await state.publishEarly(made, generation: generation) }
            }
            let contentCache = routeCache.content, buildInputs = inputs
            let result = try await Self.offThePool {
                try BuildPipeline.run(buildInputs, into: sink, cache: cache, contentCache: contentCache)
            }
            if result.succeeded, let summary = result.summary {
                routeCache.current = cache.advanced()
                await state.publish(sink.contents, warnings: result.diagnostics.sorted, changed: sink.changed)
                log(String(format: "已重新生成 %d 个页面（重新渲染 %d 条路由，沿用 %d 条），用时 %.2f 秒 (rebuilt)",
                           summary.pageCount, summary.renderedRoutes, summary.reusedRoutes, Date().timeIntervalSince(started)))
            } else {
                await state.fail(result.diagnostics.sorted)
                for d in result.diagnostics.sorted { log(d.text) }
                log("构建失败，继续显示上一次成功的版本 (build failed; still serving the last good site)")
            }
        } catch is SiteBuilder.BuildStopped {
            // Another save came: the next rebuild starts from the same last good build.
            routeCache.current = routeCache.current.restarted()
        } catch {
            let d = Diagnostic(.F006, at: SourceLocation(file: inputs.contentDisplayName), "\(error)")
            await state.fail([d])
            log("huiqi: \(error)")
        }
    }

    /// Runs `work` on a thread of its own: a build blocks for seconds, and on the
    /// shared pool it would keep the server from answering in the meantime.
    static func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    func respond(path rawPath: String, state: PreviewState) async -> Response {
        let path = (rawPath.removingPercentEncoding ?? rawPath).split(separator: "?").first.map(String.init) ?? "/"
        var relative = String(path.drop { $0 == "/" })
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        if let bytes = await state.file(relative) {
            if relative.hasSuffix(".html") { await state.visited(relative) }
            return Response(status: .ok, headers: [.contentType: ContentTypes.forPath(relative), .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(bytes: inject(bytes, path: relative))))
        }
        if await state.file(relative + "/index.html") != nil {
            return Response(status: .movedPermanently, headers: [.location: Self.directoryLocation(relative)])
        }
        let notFound = await state.file("404.html") ?? Array("404".utf8)
        return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: inject(notFound, path: "404.html"))))
    }

    /// Where a folder's URL without its final slash is sent: always a path on
    /// this host. The path comes decoded, so `/%2fproducts` arrives as
    /// `//products`; written back as it is, that would be a protocol-relative
    /// URL, another host. One leading slash, and the rest percent-encoded (a
    /// backslash too, which browsers read as a slash).
    static func directoryLocation(_ relative: String) -> String {
        let trimmed = relative.drop { $0 == "/" || $0 == "\\" }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "\\")
        return "/" + (trimmed.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "/"
    }

    /// Adds the reload script to HTML just before `</head>`.
    func inject(_ bytes: [UInt8], path: String) -> [UInt8] {
        guard path.hasSuffix(".html") else { return bytes }
        let html = String(decoding: bytes, as: UTF8.self)
        guard let range = html.range(of: "</head>") else { return bytes }
        return Array(html.replacingCharacters(in: range, with: LiveReloadScript.tag + "\n</head>").utf8)
    }
}

/// One rebuild at a time; a change during one stops it and queues another.
final class RebuildQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var running = false, pending = false, stop = false

    /// A change was seen; true when the caller should start a rebuild.
    func changed() -> Bool {
        lock.lock(); defer { lock.unlock() }
        if running {
            pending = true
            stop = true
            return false
        }
        running = true
        return true
    }

    /// Asked by the running build between routes.
    var stopRequested: Bool {
        lock.lock(); defer { lock.unlock() }
        return stop
    }

    /// A rebuild ended; true when another should start at once.
    func finished() -> Bool {
        lock.lock(); defer { lock.unlock() }
        stop = false
        if pending {
            pending = false
            return true
        }
        running = false
        return false
    }
}

enum ContentTypes {
    static func forPath(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "xml": return "application/xml"
        case "ics": return "text/calendar; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "gz": return "application/gzip"
        default: return "application/octet-stream"
        }
    }
}
