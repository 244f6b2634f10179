import Foundation
import Mustache
import PortalModel

/// A theme folder: `templates/**/*.mustache` and `assets/*`. Assets are
/// published under names that carry a content hash, so servers may cache
/// them forever; templates refer to them as `{{assets.style_css}}`.
public struct Theme: @unchecked Sendable {
    public let library: MustacheLibrary
    /// Original asset name (`style.css`) → published path (`assets/style.1a2b3c4d.css`).
    public let assetPaths: [String: String]
    /// Published path → bytes.
    public let assetFiles: [String: [UInt8]]

    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func load(directory: URL) throws -> Theme {
        let fm = FileManager.default
        let templatesDir = directory.appendingPathComponent("templates")
        guard let names = fm.enumerator(atPath: templatesDir.path)?.compactMap({ $0 as? String }) else {
            throw LoadError(description: "主题缺少 templates 目录 (theme has no templates folder): \(templatesDir.path)")
        }
        var library = MustacheLibrary()
        var problems: [String] = []
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = templatesDir.appendingPathComponent(name).path
            guard let text = fm.contents(atPath: path).flatMap({ String(data: $0, encoding: .utf8) }) else {
                problems.append("\(path): 无法读取 (cannot read)")
                continue
            }
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber, column = error.context.columnNumber
                problems.append("\(path):\(line):\(column): error: 模板语法错误 (template syntax): \(error.error)")
            } catch {
                problems.append("\(path): \(error)")
            }
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
        }
        return Theme(library: library, assetPaths: assetPaths, assetFiles: assetFiles)
    }

    public func render(_ context: Any, template: String) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    public func has(_ template: String) -> Bool { library.getTemplate(named: template) != nil }
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
