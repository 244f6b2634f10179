import ArgumentParser
import Foundation
import PortalBuild
import PortalModel
import PortalSite

enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Exit codes: 0 no errors (warnings allowed), 1 errors, 2 input unreadable.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "检查内容文件，列出全部错误和警告 (check content; list every error and warning)")

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: "输出格式 text 或 json (output format)")
    var format: DiagnosticFormat = .text

    @Flag(name: .long, help: "列出全部诊断代码 (list every diagnostic code)")
    var listCodes = false

    func run() throws {
        if listCodes {
            for code in DiagnosticCode.allCases {
                print("\(code.rawValue)  \(code.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(code.summary)")
            }
            return
        }
        let date = try options.buildDate()
        let checked: BuildPipeline.Checked
        do {
            checked = try BuildPipeline.loadAndCheck(contentDirectory: URL(fileURLWithPath: options.content),
                                                     displayName: options.content, date: date)
        } catch let failure as LoadFailure {
            Terminal.printError("huiqi: \(failure.description)")
            throw ExitCode(2)
        }
        let diagnostics = checked.diagnostics
        DiagnosticPrinter.print(diagnostics, format: format)
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}

enum DiagnosticPrinter {
    static func print(_ diagnostics: DiagnosticList, format: DiagnosticFormat, to stream: (String) -> Void = { Swift.print($0) }) {
        let sorted = diagnostics.sorted
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(sorted)) ?? Data("[]".utf8)
            stream(String(decoding: data, as: UTF8.self))
        case .text:
            for d in sorted { stream(d.text) }
            let e = diagnostics.errors.count, w = diagnostics.warnings.count
            stream(e == 0 && w == 0 ? "检查通过：没有发现问题 (no problems found)" : "\(e) 个错误 (errors)，\(w) 个警告 (warnings)")
        }
    }
}
