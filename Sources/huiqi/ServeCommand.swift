import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PortalServe
import PortalSite

/// `huiqi serve`: live preview for editors.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "本地预览：修改内容后自动重建并刷新浏览器 (live preview with reload)")

    @OptionGroup var options: SiteOptions

    @Option(name: .long, help: "端口 (port)")
    var port = 1313

    @Option(name: .long, help: "监听地址 (address to listen on)")
    var host = "127.0.0.1"

    func run() async throws {
        // Said plainly before anything starts: outside a project there is nothing to preview.
        let content = options.content.content
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isFolder), isFolder.boolValue else {
            Terminal.printError("huiqi: 内容目录 \(content) 不存在：请在项目目录（含 content/ 的目录）中运行，或用 --content 指定 (no content folder here)")
            throw ExitCode(2)
        }
        if let problem = PortCheck.problem(host: host, port: port) {
            Terminal.printError("huiqi: \(problem)")
            throw ExitCode(2)
        }
        let date = try options.buildDate()
        let inputs = options.pipelineInputs(.init(date: date, baseURL: nil))
        let server = PreviewServer(inputs: inputs, host: host, port: port, log: { Terminal.printError($0) })
        try await server.run()
    }
}

/// Whether the preview could listen at host:port, asked of the kernel before
/// the server starts, so a port in use is said in words, not as an errno.
enum PortCheck {
    static func problem(host: String, port: Int) -> String? {
        guard (1...65535).contains(port) else { return "端口 \(port) 不在 1–65535 之间 (port out of range)" }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var info: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &info) == 0, let first = info else {
            return "无法识别监听地址 \(host) (cannot resolve the address)"
        }
        defer { freeaddrinfo(info) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 else { return nil }
        switch errno {
        case EADDRINUSE:
            return "端口 \(port) 已被占用（可能已有一个 huiqi serve 在运行）：请关闭它，或用 --port 换一个端口，如 --port \(port + 1) (port in use)"
        case EACCES:
            return "没有权限使用端口 \(port)：请用 1024 以上的端口 (permission denied)"
        case EADDRNOTAVAIL:
            return "本机没有地址 \(host)：请检查 --host (address not available)"
        default:
            return nil
        }
    }
}
