import Mustache

/// One or more output files and how to make them. Routes are planned first,
/// then rendered in parallel; their bytes depend only on the portal and date.
struct Route: @unchecked Sendable {
    /// Makes the files of this route, given the page renderer.
    let make: (PageRenderer) -> [OutputFile]

    /// A page from a template; its context is merged into the shared page shell.
    static func page(_ path: String, _ template: String, title: String, section: String,
                     _ context: @escaping () -> [String: Any]) -> Route {
        Route { renderer in
            [renderer.page(file: Paths.file(path), template: template, title: title, section: section, context: context())]
        }
    }

    static func text(_ file: String, _ make: @escaping () -> String) -> Route {
        Route { _ in [OutputFile(path: file, bytes: Array(make().utf8))] }
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

    func page(file: String, template: String, title: String, section: String, context: [String: Any]) -> OutputFile {
        let c = shell.context(file: file, title: title, section: section, page: context)
        return OutputFile(path: file, bytes: Array(theme.render(RenderNode.tree(c), template: template).utf8))
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

    static func tree(_ dictionary: [String: Any]) -> RenderNode {
        RenderNode(dictionary.mapValues(convert))
    }

    static func convert(_ value: Any) -> Any {
        switch value {
        case let s as String: return s
        case let b as Bool: return b
        case let d as [String: Any]: return tree(d)
        case let a as [String]: return a
        case let a as [Any]: return a.map(convert)
        default: return value
        }
    }
}
