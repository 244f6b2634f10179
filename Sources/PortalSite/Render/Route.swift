import Foundation
import Mustache

/// One or more output files and how to make them. Routes are planned first,
/// then rendered in parallel; their bytes depend only on the portal and date.
struct Route: @unchecked Sendable {
    /// The path of the route's first file; names the route in the build cache.
    let key: String
    /// Gathers the route's inputs (its page context) and says how to make its files.
    let plan: () -> Plan

    struct Plan {
        /// Hash of everything the files are made from; nil for routes that are
        /// cheaper to make again than to fingerprint (feeds, search index).
        let fingerprint: UInt64?
        let make: (PageRenderer) -> [OutputFile]
    }

    init(key: String, plan: @escaping () -> Plan) {
        self.key = key
        self.plan = plan
    }

    /// A page from a template; its context is merged into the shared page shell.
    static func page(_ path: String, _ template: String, title: String, section: String,
                     _ context: @escaping () -> [String: Any]) -> Route {
        let file = Paths.file(path)
        return Route(key: file) {
            let c = context()
            return Plan(fingerprint: pageFingerprint(file, template, title, section, c)) { renderer in
                [renderer.page(file: file, template: template, title: title, section: section, context: c)]
            }
        }
    }

    /// A text file; with `inputs` (a hash of what it is made from) it is kept
    /// from the previous build while they are unchanged.
    static func text(_ file: String, inputs: @escaping @autoclosure () -> UInt64? = nil, _ make: @escaping () -> String) -> Route {
        Route(key: file) {
            Plan(fingerprint: inputs()) { _ in
                let started = TemplateClock.enabled ? DispatchTime.now().uptimeNanoseconds : 0
                let bytes = Array(make().utf8)
                if TemplateClock.enabled { TemplateClock.shared.add(file, DispatchTime.now().uptimeNanoseconds - started) }
                return [OutputFile(path: file, bytes: bytes)]
            }
        }
    }

    static func pageFingerprint(_ file: String, _ template: String, _ title: String, _ section: String,
                                _ context: [String: Any]) -> UInt64 {
        var f = Fingerprint()
        f.add(file); f.add(template); f.add(title); f.add(section)
        f.add(any: context)
        return f.value
    }
}

public struct OutputFile: Sendable {
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public var isHTML: Bool { path.hasSuffix(".html") }
}

/// Renders a template into the layout with the shared shell.
struct PageRenderer: @unchecked Sendable {
    let theme: Theme
    let shell: PageShell
    let fragments: Fragments
    let searchTerms: SearchTermStore
    let frames: Frames

    func page(file: String, template: String, title: String, section: String, context: [String: Any]) -> OutputFile {
        page(file: file, template: template, title: title, section: section, node: node(for: context, file: file))
    }

    /// The page context in template-ready form, for a page at `file` (cards in
    /// it get their partials for that depth). Convert once, render many.
    func node(for context: [String: Any], file: String) -> RenderNode {
        let root = shell.root(forFile: file)
        return RenderNode.tree(context) { fragments.node(for: $0, root: root) }
    }

    func page(file: String, template: String, title: String, section: String, node: RenderNode) -> OutputFile {
        let started = TemplateClock.enabled ? DispatchTime.now().uptimeNanoseconds : 0
        // What differs from page to page, over the frame every page at this depth shares.
        let top = RenderNode(["page": node, "pageTitle": RenderText(title), "canonicalURL": RenderText(shell.canonicalURL(file: file))])
        let tree = LayeredNode(top: top, below: frames.node(root: shell.root(forFile: file), section: section))
        if TemplateClock.enabled { TemplateClock.shared.add(template + "(context)", DispatchTime.now().uptimeNanoseconds - started) }
        let bytes = Array(theme.render(tree, template: template).utf8)
        if TemplateClock.enabled { TemplateClock.shared.add(template, DispatchTime.now().uptimeNanoseconds - started) }
        return OutputFile(path: file, bytes: bytes)
    }
}

/// The frame of every page (site, navigation, footer, assets) in
/// template-ready form, made once per page depth and section.
final class Frames: @unchecked Sendable {
    let shell: PageShell
    private let lock = NSLock()
    private var nodes: [String: RenderNode] = [:]

    init(shell: PageShell) { self.shell = shell }

    func node(root: String, section: String) -> RenderNode {
        let key = root + "\u{0}" + section
        lock.lock()
        if let known = nodes[key] { lock.unlock(); return known }
        lock.unlock()
        let made = RenderNode.tree(shell.frame(root: root, section: section))
        lock.lock(); defer { lock.unlock() }
        nodes[key] = nodes[key] ?? made
        return nodes[key]!
    }
}

/// A page context as the template engine reads it fastest. Mustache looks a
/// name up in every enclosing value, each time asking whether that value is
/// a dictionary — a slow dynamic cast for `[String: Any]` (a conditional
/// conformance). Converting the context once into final-class nodes makes
/// each lookup a cheap class cast and a dictionary read; the rendered text is
/// the same, since a node answers `child(named:)` exactly as the dictionary did.
final class RenderNode: MustacheParent {
    let values: [String: Any]
    init(_ values: [String: Any]) { self.values = values }
    func child(named name: String) -> Any? { values[name] }

    /// `card` turns a product card into a list item (with its partials rendered).
    static func tree(_ dictionary: [String: Any], card: ((ProductCard) -> CardNode)? = nil) -> RenderNode {
        RenderNode(dictionary.mapValues { convert($0, card) })
    }

    static func convert(_ value: Any, _ card: ((ProductCard) -> CardNode)?) -> Any {
        switch value {
        case let s as String: return RenderText(s)
        case let b as Bool: return b
        case let d as [String: Any]: return tree(d, card: card)
        // Exact element types first: a failed cast to another array type goes
        // through Foundation's bridging, element by element.
        case let a as [[String: Any]]: return a.map { tree($0, card: card) }
        case let a as [ProductCard]: return a.map { c -> Any in card?(c) ?? c.node }
        case let a as [SharedContext]: return a.map(\.node)
        case let a as [String]: return a.map(RenderText.init)
        case let a as [Any]: return a.map { convert($0, card) }
        case is Int: return value
        // Last: on Linux, casting a dictionary or array to a class bridges it to
        // NSDictionary or NSArray first, which costs more than rendering it.
        case let c as ProductCard: return card.map { $0(c) } as Any? ?? c.node
        case let m as MarkdownText: return RenderText(m.html)
        case let c as SharedContext: return c.node
        default: return value
        }
    }
}

/// A string in a page context. As a plain `String`, every `{{name}}` costs
/// Mustache several failed protocol casts and a `String(describing:)`, and a
/// section over a string (`{{#phone}}…{{/phone}}`) puts it on the stack, where
/// each later lookup reflects on it with `Mirror`. As a renderable parent the
/// same text comes out through one cast, and lookups pass it by at once.
final class RenderText: MustacheParent, MustacheCustomRenderable, CustomStringConvertible {
    let text: String
    init(_ text: String) { self.text = text }
    var renderText: String { text }
    var isNull: Bool { false }
    var description: String { text }
    func child(named name: String) -> Any? { nil }
}
