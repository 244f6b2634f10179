import ArgumentParser
import Foundation
import PortalBuild
import PortalModel
import PortalSite

/// Options shared by the commands that read content.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "内容目录 (content folder)")
    var content = "content"

    @Option(name: .long, help: "构建日期 YYYY-MM-DD；默认取 SOURCE_DATE_EPOCH，否则为北京时间今天 (build date)")
    var date: String?

    /// The build date: `--date`, else `SOURCE_DATE_EPOCH`, else today in Asia/Shanghai.
    func buildDate() throws -> SimpleDate {
        if let date {
            guard let d = SimpleDate(date) else { throw ValidationError("--date 应为 YYYY-MM-DD (expected YYYY-MM-DD): \(date)") }
            return d
        }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(epoch) {
            return SimpleDate.fromEpoch(seconds)
        }
        return SimpleDate.todayInShanghai()
    }
}

enum Terminal {
    static func printError(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }

    static var isInteractive: Bool { isatty(2) != 0 }
}

/// Content and theme: what `build` and `serve` both read.
struct SiteOptions: ParsableArguments {
    @OptionGroup var content: ContentOptions

    @Option(name: .long, help: "主题目录 (theme folder)")
    var theme = "themes/default"

    func buildDate() throws -> SimpleDate { try content.buildDate() }

    func pipelineInputs(_ options: SiteBuilder.Options) -> BuildPipeline.Inputs {
        BuildPipeline.Inputs(contentDirectory: URL(fileURLWithPath: content.content), contentDisplayName: content.content,
                             themeDirectory: URL(fileURLWithPath: theme), options: options)
    }
}
