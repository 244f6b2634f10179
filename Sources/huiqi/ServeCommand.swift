import ArgumentParser
import Foundation
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
        let date = try options.buildDate()
        let inputs = options.pipelineInputs(.init(date: date, baseURL: nil))
        let server = PreviewServer(inputs: inputs, host: host, port: port, log: { Terminal.printError($0) })
        try await server.run()
    }
}
