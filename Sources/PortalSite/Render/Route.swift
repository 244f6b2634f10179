import Foundation

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

    /// How many items (cards, rows, documents) the route lists: a cost hint.
    /// The build starts the largest routes first, so that it does not end with
    /// one core on a list of a hundred thousand cards and the other idle.
    private(set) var size = 1

    init(key: String, plan: @escaping () -> Plan) {
        self.key = key
        self.plan = plan
    }

    func listing(_ items: Int) -> Route {
        var route = self
        route.size = max(1, items)
        return route
    }

    /// A page from a template and its typed context, merged into the shared page shell.
    static func page<Context: PageContext>(_ path: String, _ template: String, title: String, section: String,
                                                _ context: @escaping () -> Context) -> Route {
        let file = Paths.file(path)
        return Route(key: file) {
            let c = context()
            var f = Fingerprint()
            f.add(file); f.add(template); f.add(title); f.add(section)
            f.add(ContextEncoder.fingerprint(c))
            return Plan(fingerprint: f.value) { renderer in
                [renderer.page(file: file, template: template, title: title, section: section,
                               node: renderer.node(for: c, file: file))]
            }
        }
    }

    /// A text file; with `inputs` (a hash of what it is made from) it is kept
    /// from the previous build while they are unchanged.
    static func text(_ file: String, inputs: @escaping @autoclosure () -> UInt64? = nil, _ make: @escaping () -> String) -> Route {
        Route(key: file) {
            Plan(fingerprint: inputs()) { _ in
                [OutputFile(path: file, bytes: TemplateClock.measure(file) { Array(make().utf8) })]
            }
        }
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
