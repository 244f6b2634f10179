import ArgumentParser
import Foundation
import PortalBuild
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

    @Flag(name: .long, help: "接管没有 huiqi 文件清单的非空输出目录，并替换与网站文件同名的非 huiqi 文件 (take over a non-empty output folder huiqi did not make)")
    var force = false

    @Flag(name: .long, help: "模板引用不存在的值或局部模板时报错（默认为警告） (a template naming a missing value or partial is an error, not a warning)")
    var strict = false

    func run() throws {
        let started = Date()
        let date = try options.buildDate()
        if let baseURL, !(WebURL.isValidHTTP(baseURL) && baseURL.hasSuffix("/")) {
            throw ValidationError("--base-url 应为以 / 结尾的 http(s) 地址 (must be an http(s) URL ending in /): \(baseURL)")
        }
        var siteOptions = SiteBuilder.Options(date: date, baseURL: baseURL, progress: ProgressLine.onTerminal())
        siteOptions.strictTemplates = strict
        let inputs = options.pipelineInputs(siteOptions)
        var publishing = Publisher.Options(gzip: gzip, force: force)
        publishing.protect(content: inputs.contentDirectory, theme: inputs.themeDirectory)
        let result: BuildPipeline.Result
        let publisher: Publisher
        do {
            publisher = try Publisher(output: URL(fileURLWithPath: output), options: publishing)
        } catch {
            Terminal.printError("huiqi: \(error)")
            throw ExitCode(2)
        }
        // Whatever happens below, the staging folder goes and the lock is let go.
        defer { publisher.close() }
        func stopped(_ code: Int32) -> ExitCode {
            Terminal.printError("构建中止，\(output)/ 保持不变 (build stopped; \(output)/ left as it was)")
            return ExitCode(code)
        }
        let cacheFile = RouteCache.file(for: publisher.output)
        let cache = fresh ? RouteCache() : RouteCache.load(cacheFile, manifest: publisher.previousManifestIdentity)
        do {
            result = try BuildPipeline.run(inputs, into: publisher, cache: cache)
        } catch let failure as LoadFailure {
            Terminal.printError("huiqi: \(failure.description)")
            throw ExitCode(2)
        } catch {
            Terminal.printError("huiqi: \(error)")
            throw stopped(2)
        }
        guard result.succeeded, let built = result.summary else {
            DiagnosticPrinter.print(result.diagnostics, format: .text, to: Terminal.printError)
            throw stopped(1)
        }
        for w in result.diagnostics.sorted { Terminal.printError(w.text) }
        do {
            try publisher.commit(paths: built.paths)
        } catch {
            Terminal.printError("huiqi: \(error)")
            throw stopped(2)
        }
        do {
            try cache.save(cacheFile, manifest: publisher.manifestIdentity)
        } catch {
            // The site is published and whole; only the next build's reuse is lost.
            try? FileManager.default.removeItem(at: cacheFile)
            Terminal.printError("huiqi: 警告：无法保存构建缓存，下次构建将全部重新渲染 (warning: cannot save the build cache; the next build renders everything): \(error)")
        }
        for line in Self.addressNotes(built) { Terminal.printError(line) }
        let report = publisher.report
        let seconds = Date().timeIntervalSince(started)
        Terminal.printError(String(format: "已生成 %d 个页面、%d 个文件（新写入 %d，未变 %d；重新渲染 %d 条路由，沿用 %d 条），用时 %.2f 秒 → %@/",
                                   built.pageCount, report.written + report.unchanged, report.written, report.unchanged,
                                   built.renderedRoutes, built.reusedRoutes, seconds, output))
    }
}

extension BuildCommand {
    /// What a publisher must know about the address the site was built for:
    /// QR codes, canonical links and the sitemap carry it, so a forgotten or
    /// unexpected `--base-url` is said; and at a sub-path, crawlers read only
    /// the host's own robots.txt, so the line to add there is printed.
    static func addressNotes(_ built: SiteBuilder.Summary) -> [String] {
        var notes: [String] = []
        if built.baseURL != built.configuredBaseURL {
            notes.append("站点地址 \(built.baseURL)（--base-url；site.yml 中为 \(built.configuredBaseURL)）：二维码、规范链接和站点地图都用此地址 (built for this address, not site.yml's)")
        }
        if let components = URLComponents(string: built.baseURL), components.path.count > 1, let host = components.host {
            let root = "\(components.scheme ?? "https")://\(host)\(components.port.map { ":\($0)" } ?? "")/robots.txt"
            notes.append("网站位于子路径 \(components.path)：搜索引擎只读取 \(root)，请在其中加入一行 (at a sub-path, add this line to the host's robots.txt): Sitemap: \(built.baseURL)sitemap.xml")
        }
        return notes
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
