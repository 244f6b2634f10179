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
        let kind: ContentKindDeclaration
        let format: ContentFormat
        let url: URL
        /// `url.path`, made once: `huiqi serve` stats every file on every rebuild.
        let path: String
        /// Path shown in diagnostics: `content/products/kexindai.yml`.
        let displayPath: String
        let id: String
        /// What is opened: `path` with a symlink (inside the content folder) resolved.
        let readPath: String
        /// rules.maxFileKB of site.yml, in bytes.
        let maxBytes: Int
    }

    /// An item read from a file, and the declaration of its kind (which keeps it in the portal).
    struct Item: Sendable {
        let kind: ContentKindDeclaration
        let value: any Sendable
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
        let realRoot = ContentPath.resolvedRoot(contentDirectory.path)
        var site = Site(source: SourceMap(file: sitePath))
        if let readPath = admit(siteURL.path, displayPath: sitePath, realRoot: realRoot, into: siteCollector),
           let node = readYAML(path: readPath, displayPath: sitePath, maxBytes: SiteRules.defaultMaxFileKB * 1024,
                               collector: siteCollector) {
            site = Site.read(FieldReader(root: node, specs: Schemas.site, collector: siteCollector))
        }
        diagnostics.add(contentsOf: siteCollector.list)

        let files = try listFiles(contentDirectory: contentDirectory, root: root, realRoot: realRoot,
                                  maxBytes: site.rules.maxFileKB.multipliedReportingOverflow(by: 1024).partialValue,
                                  diagnostics: &diagnostics)
        let results: [([Item], DiagnosticList)]
        if let cache {
            results = cache.results(for: files, load: loadFile)
        } else {
            results = ParallelMap.map(files) { loadFile($0) }
        }

        var portal = Portal(site: site)
        for (file, (items, list)) in zip(files, results) {
            diagnostics.add(contentsOf: list)
            for item in items { item.kind.store(&portal, item.value) }
            // A one-item file that could not be read: rules that would miss its item
            // (a bank "without" four lists) know it is there, unread.
            if items.isEmpty, file.format != .csv, list.hasErrors {
                portal.unreadIDs[file.kind.kind, default: []].insert(file.id)
            }
        }
        for kind in ContentKinds.all { kind.sort(&portal) }
        return Result(portal: portal, diagnostics: diagnostics)
    }

    static func join(_ root: String, _ rest: String) -> String {
        root.isEmpty || root == "." ? rest : (root.hasSuffix("/") ? root + rest : root + "/" + rest)
    }

    /// The path to read for a content name, or nil with a diagnostic saying
    /// why it is not read (a symlink out of the folder, a FIFO, ...).
    static func admit(_ path: String, displayPath: String, realRoot: String, into collector: DiagnosticCollector) -> String? {
        let at = SourceLocation(file: displayPath)
        switch ContentPath.check(path, realRoot: realRoot) {
        case .file(let readPath):
            return readPath
        case .outside(let target):
            collector.add(Diagnostic(.F011, at: at,
                                     "符号链接指向内容目录之外（\(Excerpt.of(target))），未读取 (symlink leads outside the content folder; not read)",
                                     expected: "把文件本身放进内容目录，或删除此链接 (put the file itself in the content folder, or remove the link)"))
        case .unresolvable(let target, let loops):
            collector.add(Diagnostic(.F011, at: at,
                                     loops ? "符号链接循环（\(Excerpt.of(target))），未读取 (symlink loop; not read)"
                                           : "符号链接指向不存在的文件（\(Excerpt.of(target))），未读取 (symlink leads nowhere; not read)",
                                     expected: "删除或修正此链接 (remove or fix the link)"))
        case .notRegular(let kind):
            collector.add(Diagnostic(.F012, at: at, "这是\(kind)，不是普通文件，未读取 (not a regular file; not read)",
                                     expected: "内容目录中只放普通文本文件 (only plain text files in the content folder)"))
        case .unreadable(let reason):
            collector.add(Diagnostic(.F006, at: at, "无法读取文件 (cannot read the file): \(reason)"))
        }
        return nil
    }

    static func listFiles(contentDirectory: URL, root: String, realRoot: String, maxBytes: Int,
                          diagnostics: inout DiagnosticList) throws -> [ContentFile] {
        var files: [ContentFile] = []
        for kind in ContentKinds.all {
            let dir = contentDirectory.appendingPathComponent(kind.folder)
            // A kind's folder may itself be a symlink: it too must stay inside.
            let folderCollector = DiagnosticCollector()
            switch ContentPath.check(dir.path, realRoot: realRoot) {
            case .unreadable: continue   // no such folder: the portal has none of this kind
            case .notRegular(kind: _) where isFolder(dir.path): break
            case .file, .notRegular, .outside, .unresolvable:
                _ = admit(dir.path, displayPath: join(root, kind.folder), realRoot: realRoot, into: folderCollector)
                diagnostics.add(contentsOf: folderCollector.list)
                continue
            }
            guard let entries = ContentPath.list(dir.path) else { continue }
            let regular = Set(entries.filter(\.isRegular).map(\.name))
            let names = entries.map(\.name)
            for name in names.sorted() where !name.hasPrefix(".") {
                guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { continue }
                let ext = name[name.index(after: dot)...].lowercased()
                guard let format = kind.format(forExtension: ext) else { continue }
                let stem = String(name[..<dot])
                let displayPath = join(root, kind.folder + "/" + name)
                if format != .csv, !ContentID.isValid(stem) {
                    diagnostics.add(Diagnostic(.F007, at: SourceLocation(file: displayPath),
                                               "文件名 \(Excerpt.quoted(stem)) 不能用作编号 (file name is not a valid id)",
                                               expected: FieldKind.id.expectation, example: "kexindai.yml"))
                    continue
                }
                // `isDirectory: false`: without it, Foundation asks the file system for every name.
                let url = dir.appendingPathComponent(name, isDirectory: false)
                let path = url.path
                // A regular file (as the folder says) is read as it is; anything
                // else is looked at first. BoundedRead checks the opened file again.
                let readPath: String
                if regular.contains(name) {
                    readPath = path
                } else {
                    let collector = DiagnosticCollector()
                    guard let admitted = admit(path, displayPath: displayPath, realRoot: realRoot, into: collector) else {
                        diagnostics.add(contentsOf: collector.list)
                        continue
                    }
                    readPath = admitted
                }
                files.append(ContentFile(kind: kind, format: format, url: url, path: path, displayPath: displayPath,
                                         id: stem, readPath: readPath, maxBytes: maxBytes))
            }
        }
        return files
    }

    /// A folder (after symlinks); what a kind's folder must be.
    static func isFolder(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
    }

    static func readText(path: String, displayPath: String, maxBytes: Int, allowGB18030: Bool,
                         collector: DiagnosticCollector) -> String? {
        let data: Data
        switch BoundedRead.read(path, maxBytes: maxBytes) {
        case .data(let d): data = d
        case .tooLarge(let bytes):
            collector.add(Diagnostic(.F008, at: SourceLocation(file: displayPath),
                                     "文件大小 \(kilobytes(bytes)) KB，超过上限 \(kilobytes(Int64(maxBytes))) KB，未读取 (file is \(kilobytes(bytes)) KB, the limit is \(kilobytes(Int64(maxBytes))) KB; not read)",
                                     expected: "拆分文件，或在 site.yml 的 rules: 下调高 maxFileKB（单个内容文件大小上限）(split the file, or raise rules.maxFileKB in site.yml)",
                                     example: "rules:\n      maxFileKB: \((bytes + 1023) / 1024 + 1)"))
            return nil
        case .notRegular(let kind):
            collector.add(Diagnostic(.F012, at: SourceLocation(file: displayPath), "这是\(kind)，不是普通文件，未读取 (not a regular file; not read)",
                                     expected: "内容目录中只放普通文本文件 (only plain text files in the content folder)"))
            return nil
        case .failed(let reason):
            collector.add(Diagnostic(.F006, at: SourceLocation(file: displayPath), "无法读取文件 (cannot read the file): \(reason)"))
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
        case .binary:
            // Nothing of it is quoted: it is not text, whatever it is.
            collector.add(Diagnostic(.F001, at: SourceLocation(file: displayPath),
                                     "文件含 NUL 字节，不是文本文件 (contains NUL bytes: not a text file)",
                                     expected: "内容文件须是 UTF-8 文本 (content files are UTF-8 text)"))
            return nil
        }
    }

    /// Rounded up, so a file 1 byte over a limit never reads as equal to it.
    static func kilobytes(_ bytes: Int64) -> Int64 { (bytes + 1023) / 1024 }

    static func readYAML(path: String, displayPath: String, maxBytes: Int, collector: DiagnosticCollector) -> SourceNode? {
        guard let text = readText(path: path, displayPath: displayPath, maxBytes: maxBytes, allowGB18030: false,
                                  collector: collector) else { return nil }
        var list = DiagnosticList()
        let node = YAMLSource.parse(text, file: displayPath, diagnostics: &list)
        collector.add(contentsOf: list)
        return node
    }

    static func loadFile(_ file: ContentFile) -> ([Item], DiagnosticList) {
        let collector = DiagnosticCollector()
        var items: [Item] = []
        let kind = file.kind
        switch file.format {
        case .markdown:
            if let text = readText(path: file.readPath, displayPath: file.displayPath, maxBytes: file.maxBytes, allowGB18030: false, collector: collector) {
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
                    let r = FieldReader(root: node, specs: kind.fields, collector: collector)
                    items.append(Item(kind: kind, value: kind.read(r, file.id, split.body)))
                }
            }
        case .csv:
            if let text = readText(path: file.readPath, displayPath: file.displayPath, maxBytes: file.maxBytes, allowGB18030: true, collector: collector) {
                for row in ProductCSV.rows(text: text, file: file.displayPath, collector: collector) {
                    let r = FieldReader(root: row, specs: kind.fields, collector: collector)
                    items.append(Item(kind: kind, value: kind.read(r, "", nil)))
                }
            }
        case .yaml:
            if let node = readYAML(path: file.readPath, displayPath: file.displayPath, maxBytes: file.maxBytes, collector: collector) {
                let r = FieldReader(root: node, specs: kind.fields, collector: collector)
                items.append(Item(kind: kind, value: kind.read(r, file.id, nil)))
            }
        }
        return (items, collector.list)
    }
}
