import Foundation
import MustacheTemplates
import PortalModel

/// A theme folder: `templates/**/*.mustache` and `assets/*`. Assets are
/// published under names that carry a content hash, so servers may cache
/// them forever; templates refer to them as `{{assets.style_css}}`.
public struct Theme: @unchecked Sendable {
    let templates: TemplateSet
    /// Original asset name (`style.css`) → published path (`assets/style.1a2b3c4d.css`).
    public let assetPaths: [String: String]
    /// Published path → bytes.
    public let assetFiles: [String: [UInt8]]
    /// Hash of every template and asset: any theme edit renders every page again.
    let fingerprint: UInt64
    /// The card partials this theme has (see `Fragments`).
    let fragmentNames: [String]
    /// The templates folder, for placing template diagnostics.
    let templatesPath: String
    /// Names the contexts lacked and partials the theme lacked, from every render.
    let misses = MissLog()

    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func load(directory: URL) throws -> Theme {
        let fm = FileManager.default
        let templatesDir = directory.appendingPathComponent("templates")
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: templatesDir.path, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = fm.enumerator(atPath: templatesDir.path)?.compactMap({ $0 as? String }) else {
            throw LoadError(description: "主题缺少 templates 目录 (theme has no templates folder): \(templatesDir.path)")
        }
        var templates = TemplateSet()
        var problems: [String] = []
        var fingerprint = Fingerprint()
        var fragmentNames: [String] = []
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = templatesDir.appendingPathComponent(name).path
            guard let text = fm.contents(atPath: path).flatMap({ String(data: $0, encoding: .utf8) }) else {
                problems.append("\(path): 无法读取 (cannot read)")
                continue
            }
            do {
                fingerprint.add(name)
                fingerprint.add(text)
                let templateName = String(name.dropLast(".mustache".count))
                if Fragments.names.contains(templateName) {
                    // The partial runs once per product (see `Fragments`); where a list
                    // includes it, a stub prints the result kept in the list item.
                    try templates.add(text, named: Fragments.sourceName(templateName))
                    try templates.add("{{{\(Fragments.key(templateName))}}}", named: templateName)
                    fragmentNames.append(templateName)
                } else {
                    try templates.add(text, named: templateName)
                }
            } catch {
                problems.append("\(path):\(error.line):\(error.column): error: 模板语法错误 (template syntax): \(error.message)")
            }
        }
        for name in requiredTemplates where !templates.has(name) {
            problems.append("\(templatesDir.appendingPathComponent(name + ".mustache").path): 缺少模板 (template missing)")
        }
        if !problems.isEmpty { throw LoadError(description: problems.joined(separator: "\n")) }

        var assetPaths: [String: String] = [:]
        var assetFiles: [String: [UInt8]] = [:]
        let assetsDir = directory.appendingPathComponent("assets")
        for name in ((try? fm.contentsOfDirectory(atPath: assetsDir.path)) ?? []).sorted() where !name.hasPrefix(".") {
            guard let data = fm.contents(atPath: assetsDir.appendingPathComponent(name).path) else { continue }
            let bytes = [UInt8](data)
            let ext = (name as NSString).pathExtension
            let stem = (name as NSString).deletingPathExtension
            let published = "assets/\(stem).\(ContentHash.hex8(bytes)).\(ext)"
            assetPaths[name] = published
            assetFiles[published] = bytes
            fingerprint.add(published)
        }
        return Theme(templates: templates, assetPaths: assetPaths, assetFiles: assetFiles, fingerprint: fingerprint.value,
                     fragmentNames: fragmentNames, templatesPath: templatesDir.path)
    }

    /// Every template a route renders (see `RoutePlan`); a theme without one
    /// would publish empty pages, so loading it fails instead.
    static var requiredTemplates: [String] { SiteKinds.templates }

    /// The page `template` renders for `context`, as UTF-8 bytes.
    func render(_ context: any TemplateObject, template: String) -> [UInt8] {
        var missed = Set<TemplateMiss>()
        let bytes = templates.render(template, context: .object(context), misses: &missed)
        if !missed.isEmpty { misses.add(missed) }
        return bytes
    }

    /// What the templates named and did not find, as diagnostics at the
    /// template's file, line and column: warnings, or errors when `strict`.
    func missDiagnostics(strict: Bool) -> [Diagnostic] {
        misses.all.map { miss in
            let name = miss.template.hasSuffix(Fragments.sourceName("")) ? String(miss.template.dropLast(Fragments.sourceName("").count)) : miss.template
            let location = SourceLocation(file: templatesPath + "/" + name + ".mustache", line: miss.line, column: miss.column)
            switch miss.kind {
            case .value:
                return Diagnostic(.T001, at: location, "模板引用了页面数据中没有的值 “\(miss.name)” (the template names a value the page does not have)",
                                  expected: "检查拼写，或在页面数据中提供该值 (check the spelling)", severity: strict ? .error : .warning)
            case .partial:
                return Diagnostic(.T002, at: location, "模板引用了不存在的局部模板 “\(miss.name)” (no such partial)",
                                  expected: "在 templates/ 中添加 \(miss.name).mustache，或改正名称 (add the partial or fix its name)",
                                  severity: strict ? .error : .warning)
            }
        }
    }

    public func has(_ template: String) -> Bool { templates.has(template) }
}

/// Template misses from all render threads, each place once.
final class MissLog: @unchecked Sendable {
    private let lock = NSLock()
    private var misses = Set<TemplateMiss>()

    func add(_ more: Set<TemplateMiss>) { lock.withLock { misses.formUnion(more) } }

    var all: [TemplateMiss] { lock.withLock { misses.sorted() } }
}

/// FNV-1a, 64-bit: a fast, stable fingerprint for cache-busting names and caches.
public enum ContentHash {
    public static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }

    public static func hex8(_ bytes: [UInt8]) -> String {
        let s = String(fnv1a(bytes), radix: 16)
        return String((String(repeating: "0", count: max(0, 16 - s.count)) + s).prefix(8))
    }
}
