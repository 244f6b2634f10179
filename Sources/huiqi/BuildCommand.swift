import ArgumentParser
import Foundation
import PortalModel
import PortalSite

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "检查内容并生成网站；有错误时不改动已有输出 (check, then build the site)")

    @OptionGroup var options: SiteOptions

    @Option(name: .long, help: "输出目录 (output folder)")
    var output = "site"

    @Option(name: .long, help: "覆盖 site.yml 的站点地址，可含子路径 (override baseURL, e.g. https://example.gov.cn/jrfw/)")
    var baseURL: String?

    @Flag(name: .long, help: "为文本文件另存 .gz 预压缩文件，供 nginx gzip_static 使用 (write precompressed .gz files)")
    var gzip = false

    @Flag(name: .long, help: "忽略上次构建的缓存，全部重新渲染 (ignore the previous build's cache; render every page)")
    var fresh = false

    func run() throws {
        let started = Date()
        let date = try options.buildDate()
        if let baseURL, !(WebURL.isValidHTTP(baseURL) && baseURL.hasSuffix("/")) {
            throw ValidationError("--base-url 应为以 / 结尾的 http(s) 地址 (must be an http(s) URL ending in /): \(baseURL)")
        }
        let inputs = options.pipelineInputs(.init(date: date, baseURL: baseURL, progress: ProgressLine.onTerminal()))
        let outputURL = URL(fileURLWithPath: output)
        let cacheFile = RouteCache.file(for: outputURL)
        let result: BuildPipeline.Result
        let publisher: Publisher
        let cache: RouteCache
        do {
            publisher = try Publisher(output: outputURL, gzip: gzip)
            // Without the previous output there is nothing to reuse, whatever the cache says.
            cache = fresh || !FileManager.default.fileExists(atPath: output) ? RouteCache() : RouteCache.load(cacheFile)
            result = try BuildPipeline.run(inputs, into: publisher, cache: cache)
        } catch let failure as LoadFailure {
            Terminal.printError("huiqi: \(failure.description)")
            throw ExitCode(2)
        } catch {
            Terminal.printError("huiqi: \(error)")
            throw ExitCode(2)
        }
        guard result.succeeded, let built = result.summary else {
            publisher.discard()
            DiagnosticPrinter.print(result.diagnostics, format: .text, to: Terminal.printError)
            Terminal.printError("构建中止，\(output)/ 保持不变 (build stopped; \(output)/ left as it was)")
            throw ExitCode(1)
        }
        for w in result.diagnostics.sorted { Terminal.printError(w.text) }
        try publisher.commit(paths: built.paths)
        // A cache that cannot be written only costs the next build its reuse.
        try? cache.save(cacheFile)
        let report = publisher.report
        let seconds = Date().timeIntervalSince(started)
        Terminal.printError(String(format: "已生成 %d 个页面、%d 个文件（新写入 %d，未变 %d；重新渲染 %d 条路由，沿用 %d 条），用时 %.2f 秒 → %@/",
                                   built.pageCount, report.written + report.unchanged, report.written, report.unchanged,
                                   built.renderedRoutes, built.reusedRoutes, seconds, output))
    }
}

/// A one-line render progress (pages, share of routes, pages per second) on
/// stderr when it is a terminal; nothing otherwise, so logs and CI stay quiet.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var start: Date?
    private var last = Date.distantPast

    static func onTerminal() -> (@Sendable (Int, Int, Int) -> Void)? {
        guard isatty(2) != 0, ProcessInfo.processInfo.environment["TERM"] != "dumb" else { return nil }
        let line = ProgressLine()
        return { pages, done, total in line.report(pages: pages, done: done, total: total) }
    }

    func report(pages: Int, done: Int, total: Int) {
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard done == total || now.timeIntervalSince(last) >= 0.2 else { return }
        last = now
        let begin = start ?? now
        if start == nil { start = now }
        let rate = Double(pages) / max(0.05, now.timeIntervalSince(begin))
        let text = done == total
            ? "\r\u{1B}[K"
            : String(format: "\r渲染中 %d 个页面（%d%%），%.0f 页/秒 (rendering)\u{1B}[K", pages, done * 100 / max(1, total), rate)
        FileHandle.standardError.write(text.data(using: .utf8)!)
    }
}
