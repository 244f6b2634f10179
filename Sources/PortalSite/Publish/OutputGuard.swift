import Foundation

/// Folders a build must never take as its output: the build replaces the
/// output folder's tree, so giving it the project (`--output .`), the
/// content or the theme, or a folder that holds one of them, would throw
/// them away. Checked on real paths, so `..` and symbolic links cannot
/// get round it.
enum OutputGuard {
    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    /// Throws when `output` is, contains, or lies inside a protected folder
    /// (`inside` is refused only for the content and theme folders, not for
    /// the working folder, where `site/` normally lives).
    static func check(output: String, protected: [(name: String, path: String, mayContainOutput: Bool)]) throws {
        let out = canonical(output)
        for folder in protected {
            let p = canonical(folder.path)
            let why: String?
            if out == p {
                why = "就是\(folder.name) (is the \(folder.name))"
            } else if out == "/" || p.hasPrefix(out + "/") {
                why = "包含\(folder.name) \(p) (contains the \(folder.name) \(p))"
            } else if !folder.mayContainOutput && out.hasPrefix(p + "/") {
                why = "位于\(folder.name) \(p) 之内 (is inside the \(folder.name) \(p))"
            } else {
                why = nil
            }
            if let why {
                throw Refusal(description: "拒绝输出到 \(output)：该目录\(why)，构建会替换输出目录的全部内容。请另选输出目录，例如 --output site (refusing to build into \(output): the build replaces the output folder; choose another, e.g. --output site)")
            }
        }
    }

    /// The absolute path with `.`, `..` and symbolic links resolved as far
    /// as the path exists; the rest is appended as written.
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for segment in absolute.split(separator: "/") {
            if segment == "." { continue }
            if segment == ".." { _ = parts.popLast(); continue }
            parts.append(segment)
        }
        var existing = parts
        var rest: [Substring] = []
        while true {
            let candidate = "/" + existing.joined(separator: "/")
            if let resolved = realpath(candidate, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                if rest.isEmpty { return base }
                return (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            guard let last = existing.popLast() else { return "/" + parts.joined(separator: "/") }
            rest.append(last)
        }
    }
}
