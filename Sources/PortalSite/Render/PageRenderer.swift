import Foundation
import MustacheTemplates

/// Renders a template into the layout with the shared shell.
struct PageRenderer: @unchecked Sendable {
    let theme: Theme
    let shell: PageShell
    let fragments: Fragments
    let searchTerms: SearchTermStore
    let frames: Frames

    /// A typed context in template-ready form, for a page at `file` (cards in
    /// it get their partials for that depth). Encode once, render many.
    func node<Context: Encodable>(for context: Context, file: String) -> RenderNode {
        let root = shell.root(forFile: file)
        return ContextEncoder.node(context) { fragments.node(for: $0, root: root) }
    }

    func page(file: String, template: String, title: String, section: String, node: RenderNode) -> OutputFile {
        let started = TemplateClock.enabled ? DispatchTime.now().uptimeNanoseconds : 0
        // What differs from page to page, over the frame every page at this depth shares.
        let top = RenderNode(["page": .object(node), "pageTitle": .text(title), "canonicalURL": .text(shell.canonicalURL(file: file))])
        let tree = LayeredNode(top: top, below: frames.node(root: shell.root(forFile: file), section: section))
        if TemplateClock.enabled { TemplateClock.shared.add(template + "(context)", DispatchTime.now().uptimeNanoseconds - started) }
        let bytes = theme.render(tree, template: template)
        if TemplateClock.enabled { TemplateClock.shared.add(template, DispatchTime.now().uptimeNanoseconds - started) }
        return OutputFile(path: file, bytes: bytes)
    }
}

/// The frame of every page (site, navigation, footer, assets) in
/// template-ready form, made once per page depth and section.
final class Frames: @unchecked Sendable {
    let shell: PageShell
    private let nodes = BuildMemo<String, RenderNode>()

    init(shell: PageShell) { self.shell = shell }

    func node(root: String, section: String) -> RenderNode {
        nodes.value(root + "\u{0}" + section) { ContextEncoder.node(shell.frame(root: root, section: section)) }
    }
}
