import Foundation
import PortalCheck
import PortalModel

/// Load → check → build, the sequence both `huiqi build` and `huiqi serve`
/// run. Stops after the check when there are errors, so nothing is rendered
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
        /// nil when the content or the links have errors.
        public let output: SiteBuilder.Output?
        /// Every diagnostic: content, then links.
        public let diagnostics: DiagnosticList
    }

    public struct Checked: Sendable {
        public let portal: Portal
        public let diagnostics: DiagnosticList
    }

    /// The first two steps alone, for `huiqi check`. Throws `LoadFailure` when
    /// the content folder cannot be read.
    public static func loadAndCheck(contentDirectory: URL, displayName: String, date: SimpleDate) throws -> Checked {
        let loaded = try PortalLoader.load(contentDirectory: contentDirectory, displayRoot: displayName)
        var diagnostics = loaded.diagnostics
        diagnostics.add(contentsOf: Checker.check(loaded.portal, on: date))
        return Checked(portal: loaded.portal, diagnostics: diagnostics)
    }

    /// Throws `LoadFailure` when the content folder cannot be read and
    /// `Theme.LoadError` when the theme cannot.
    public static func run(_ inputs: Inputs) throws -> Result {
        let checked = try loadAndCheck(contentDirectory: inputs.contentDirectory, displayName: inputs.contentDisplayName,
                                       date: inputs.options.date)
        var diagnostics = checked.diagnostics
        guard !diagnostics.hasErrors else { return Result(output: nil, diagnostics: diagnostics) }
        let theme = try Theme.load(directory: inputs.themeDirectory)
        let built = SiteBuilder.build(portal: checked.portal, theme: theme, options: inputs.options)
        diagnostics.add(contentsOf: built.diagnostics)
        return Result(output: diagnostics.hasErrors ? nil : built, diagnostics: diagnostics)
    }
}
