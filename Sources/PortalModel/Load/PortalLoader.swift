import Foundation

/// The content folder could not be read at all (as opposed to content with errors).
public struct LoadFailure: Error, CustomStringConvertible {
    public let description: String
}

/// Reads a portal's content folder into a `Portal`, collecting every problem
/// on the way. Files are read in parallel and merged in a fixed order.
public enum PortalLoader {
    public struct Result: Sendable {
        public let portal: Portal
        public let diagnostics: DiagnosticList
    }

    /// One content file, addressed both on disk and as editors see it.
    struct ContentFile: Sendable {
        let kind: ContentKind
        let url: URL
        /// `url.path`, made once: `huiqi serve` stats every file on every rebuild.
        let path: String
        /// Path shown in diagnostics: `content/products/kexindai.yml`.
        let displayPath: String
        let id: String
        let isCSV: Bool
    }

    enum Item: Sendable {
        case institution(Institution), product(Product), policy(Policy), disclosure(Disclosure)
        case ledger(Ledger), event(Event), page(Page)
    }

    /// Reads every content file, or, with a `cache` from the previous load,
    /// only the files whose size or times changed since (`huiqi serve`).
    public static func load(contentDirectory: URL, displayRoot: String? = nil, cache: LoadCache? = nil) throws -> Result {
        let root = displayRoot ?? contentDirectory.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LoadFailure(description: "内容目录不存在 (content folder not found): \(contentDirectory.path)")
        }
        let siteURL = contentDirectory.appendingPathComponent("site.yml")
        guard FileManager.default.isReadableFile(atPath: siteURL.path) else {
            throw LoadFailure(description: "找不到站点设置 site.yml (no site.yml in \(contentDirectory.path))")
        }

        var diagnostics = DiagnosticList()
        let siteCollector = DiagnosticCollector()
        let sitePath = join(root, "site.yml")
        var site = Site(source: SourceMap(file: sitePath))
        if let node = readYAML(url: siteURL, displayPath: sitePath, collector: siteCollector) {
            site = Site.read(FieldReader(root: node, specs: Schemas.site, collector: siteCollector))
        }
        diagnostics.add(contentsOf: siteCollector.list)

        let files = try listFiles(contentDirectory: contentDirectory, root: root, diagnostics: &diagnostics)
        let results: [([Item], DiagnosticList)]
        if let cache {
            results = cache.results(for: files, load: loadFile)
        } else {
            results = ParallelMap.map(files) { loadFile($0) }
        }

        var portal = Portal(site: site)
        for (items, list) in results {
            diagnostics.add(contentsOf: list)
            for item in items {
                switch item {
                case .institution(let i): portal.institutions.append(i)
                case .product(let p): portal.products.append(p)
                case .policy(let p): portal.policies.append(p)
                case .disclosure(let d): portal.disclosures.append(d)
                case .ledger(let l): portal.ledgers.append(l)
                case .event(let e): portal.events.append(e)
                case .page(let p): portal.pages.append(p)
                }
            }
        }
        // Stable order by id, then by file, so duplicates sort deterministically too.
        portal.institutions.sort { ($0.id, $0.source.file) < ($1.id, $1.source.file) }
        portal.products.sort { ($0.id, $0.source.root) < ($1.id, $1.source.root) }
        portal.policies.sort { ($0.id, $0.source.file) < ($1.id, $1.source.file) }
        portal.disclosures.sort { ($0.id, $0.source.file) < ($1.id, $1.source.file) }
        portal.ledgers.sort { ($0.id, $0.source.file) < ($1.id, $1.source.file) }
        portal.events.sort { ($0.id, $0.source.file) < ($1.id, $1.source.file) }
        portal.pages.sort { ($0.id, $0.source.file) < ($1.id, $1.source.file) }
        return Result(portal: portal, diagnostics: diagnostics)
    }

    static func join(_ root: String, _ rest: String) -> String {
        root.isEmpty || root == "." ? rest : (root.hasSuffix("/") ? root + rest : root + "/" + rest)
    }

    static func listFiles(contentDirectory: URL, root: String, diagnostics: inout DiagnosticList) throws -> [ContentFile] {
        var files: [ContentFile] = []
        let fm = FileManager.default
        for kind in ContentKind.allCases where kind != .site {
            let dir = contentDirectory.appendingPathComponent(kind.folder)
            guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { continue }
            let allowed: Set<String> = switch kind {
            case .policy, .page: ["md"]
            case .product: ["yml", "yaml", "csv"]
            default: ["yml", "yaml"]
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { continue }
                let ext = name[name.index(after: dot)...].lowercased()
                guard allowed.contains(ext) else { continue }
                let stem = String(name[..<dot])
                let displayPath = join(root, kind.folder + "/" + name)
                if ext != "csv", !ContentID.isValid(stem) {
                    diagnostics.add(Diagnostic(.F007, at: SourceLocation(file: displayPath),
                                               "文件名 “\(stem)” 不能用作编号 (file name is not a valid id)",
                                               expected: FieldKind.id.expectation, example: "kexindai.yml"))
                    continue
                }
                // `isDirectory: false`: without it, Foundation asks the file system for every name.
                let url = dir.appendingPathComponent(name, isDirectory: false)
                files.append(ContentFile(kind: kind, url: url, path: url.path, displayPath: displayPath,
                                         id: stem, isCSV: ext == "csv"))
            }
        }
        return files
    }

    static func readText(url: URL, displayPath: String, allowGB18030: Bool, collector: DiagnosticCollector) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            collector.add(Diagnostic(.F006, at: SourceLocation(file: displayPath), "无法读取文件 (cannot read the file)"))
            return nil
        }
        switch allowGB18030 ? TextDecoding.utf8OrGB18030(data) : TextDecoding.utf8(data) {
        case .text(let s, _): return s
        case .empty:
            collector.add(Diagnostic(.F002, at: SourceLocation(file: displayPath), "文件为空 (the file is empty)",
                                     expected: "删除此文件，或填写内容 (delete it, or fill it in)"))
            return nil
        case .invalid:
            collector.add(Diagnostic(.F001, at: SourceLocation(file: displayPath),
                                     allowGB18030 ? "文件既不是 UTF-8 也不是 GB18030 编码 (neither UTF-8 nor GB18030)"
                                                  : "文件不是 UTF-8 编码 (not UTF-8)",
                                     expected: "用编辑器另存为 UTF-8 编码 (save the file as UTF-8)"))
            return nil
        }
    }

    static func readYAML(url: URL, displayPath: String, collector: DiagnosticCollector) -> SourceNode? {
        guard let text = readText(url: url, displayPath: displayPath, allowGB18030: false, collector: collector) else { return nil }
        var list = DiagnosticList()
        let node = YAMLSource.parse(text, file: displayPath, diagnostics: &list)
        collector.add(contentsOf: list)
        return node
    }

    static func loadFile(_ file: ContentFile) -> ([Item], DiagnosticList) {
        let collector = DiagnosticCollector()
        var items: [Item] = []
        switch file.kind {
        case .policy, .page:
            if let text = readText(url: file.url, displayPath: file.displayPath, allowGB18030: false, collector: collector) {
                guard let split = FrontMatter.split(text) else {
                    collector.add(Diagnostic(.F004, at: SourceLocation(file: file.displayPath),
                                             "缺少 front matter：文件应以 --- 开头、以 --- 结束字段部分 (front matter missing or not closed)",
                                             expected: "---\ntitle: …\n---\n正文", example: "---\nid: \(file.id)\ntitle: …\n---"))
                    break
                }
                var list = DiagnosticList()
                let node = YAMLSource.parse(split.yaml, file: file.displayPath, lineOffset: split.yamlLineOffset, diagnostics: &list)
                collector.add(contentsOf: list)
                if let node {
                    let r = FieldReader(root: node, specs: file.kind.fields, collector: collector)
                    items.append(file.kind == .policy
                                 ? .policy(Policy.read(r, fileID: file.id, body: split.body))
                                 : .page(Page.read(r, fileID: file.id, body: split.body)))
                }
            }
        case .product where file.isCSV:
            if let text = readText(url: file.url, displayPath: file.displayPath, allowGB18030: true, collector: collector) {
                for row in ProductCSV.rows(text: text, file: file.displayPath, collector: collector) {
                    let r = FieldReader(root: row, specs: Schemas.product, collector: collector)
                    items.append(.product(Product.read(r, fileID: "")))
                }
            }
        default:
            if let node = readYAML(url: file.url, displayPath: file.displayPath, collector: collector) {
                let r = FieldReader(root: node, specs: file.kind.fields, collector: collector)
                switch file.kind {
                case .institution: items.append(.institution(Institution.read(r, fileID: file.id)))
                case .product: items.append(.product(Product.read(r, fileID: file.id)))
                case .disclosure: items.append(.disclosure(Disclosure.read(r, fileID: file.id)))
                case .ledger: items.append(.ledger(Ledger.read(r, fileID: file.id)))
                case .event: items.append(.event(Event.read(r, fileID: file.id)))
                default: break
                }
            }
        }
        return (items, collector.list)
    }
}
