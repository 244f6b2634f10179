import Foundation
import PortalCheck
import PortalModel
import PortalSite

/// Load → check → build, the sequence both `huiqi build` and `huiqi serve`
/// run. It lives in its own target so that the site (routes, pages,
/// publishing) depends on the model alone and not on the rules: dependencies
/// run model → check and model → site, and only this step joins them. Stops after the check when there are errors, so nothing is rendered
/// from content that is known to be wrong.
public enum BuildPipeline {
    public struct Inputs: Sendable {
        public var contentDirectory: URL
        /// How the content folder is named in diagnostics (`content`).
        public var contentDisplayName: String
        public var themeDirectory: URL
        public var options: SiteBuilder.Options

        public init(contentDirectory: URL, contentDisplayName: String, themeDirectory: URL, options: SiteBuilder.Options) {
            self.contentDirectory = contentDirectory
            self.contentDisplayName = contentDisplayName
            self.themeDirectory = themeDirectory
            self.options = options
        }
    }

    public struct Result: Sendable {
        /// nil when the content has errors (nothing was rendered).
        public let summary: SiteBuilder.Summary?
        /// Every diagnostic: content, then links.
        public let diagnostics: DiagnosticList
        /// True when the sink holds a complete, correct site.
        public var succeeded: Bool { summary != nil && !diagnostics.hasErrors }
    }

    public struct Checked: Sendable {
        public let portal: Portal
        public let diagnostics: DiagnosticList
    }

    /// The first two steps alone, for `huiqi check`. Throws `LoadFailure` when
    /// the content folder cannot be read.
    public static func loadAndCheck(contentDirectory: URL, displayName: String, date: SimpleDate,
                                    cache: LoadCache? = nil) throws -> Checked {
        var clock = StageClock()
        let loaded = try PortalLoader.load(contentDirectory: contentDirectory, displayRoot: displayName, cache: cache)
        clock.lap("load")
        var diagnostics = loaded.diagnostics
        diagnostics.add(contentsOf: Checker.check(loaded.portal, on: date))
        clock.lap("check")
        return Checked(portal: loaded.portal, diagnostics: diagnostics)
    }

    /// Renders into `sink`, reusing unchanged routes from the build `cache`
    /// describes. The caller keeps the sink's files only if `succeeded`.
    /// Throws `LoadFailure` when the content folder cannot be read,
    /// `Theme.LoadError` when the theme cannot, and the sink's errors.
    public static func run(_ inputs: Inputs, into sink: OutputSink, cache: RouteCache = RouteCache(),
                           contentCache: LoadCache? = nil) throws -> Result {
        let checked = try loadAndCheck(contentDirectory: inputs.contentDirectory, displayName: inputs.contentDisplayName,
                                       date: inputs.options.date, cache: contentCache)
        var diagnostics = checked.diagnostics
        guard !diagnostics.hasErrors else { return Result(summary: nil, diagnostics: diagnostics) }
        let theme = try Theme.load(directory: inputs.themeDirectory)
        let built = try SiteBuilder.build(portal: checked.portal, theme: theme, options: inputs.options, into: sink, cache: cache)
        diagnostics.add(contentsOf: built.diagnostics)
        return Result(summary: built, diagnostics: diagnostics)
    }
}
