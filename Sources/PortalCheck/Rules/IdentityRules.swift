import PortalModel

/// Ids are URL segments: each must equal its file name (for one-item files)
/// and be unique within its kind — every kind, since each id is a page.
enum IdentityRules {
    static func check(_ c: inout RuleContext) {
        // Every kind, from the registry: kinds that take their id from the file
        // name alone can share one only through the extension (`x.yml` beside
        // `x.yaml`), and both would write the same page, the later one winning.
        for kind in ContentKinds.all {
            checkKind(&c, items: kind.identities(c.portal), specs: kind.fields, field: kind.idField)
        }
    }

    static func checkKind(_ c: inout RuleContext, items: [(id: String, source: SourceMap)], specs: [FieldSpec], field: String) {
        var first: [String: SourceMap] = [:]
        for (id, source) in items where !id.isEmpty {
            let fileStem = stem(source.file)
            // CSV rows hold many items; only one-item files must match their name.
            if !source.file.hasSuffix(".csv"), source.has(field), id != fileStem {
                c.report(.V009, source, field: field, specs: specs,
                         "\(Excerpt.quoted(id)) 与文件名 \(Excerpt.quoted(fileStem)) 不一致 (differs from the file name)",
                         expected: fileStem, example: "\(field): \(fileStem)")
            }
            if let earlier = first[id] {
                let at = earlier.location(field)
                c.report(.V010, source, field: field, specs: specs,
                         "编号 \(Excerpt.quoted(id)) 重复，已在 \(at) 使用 (duplicate id; first used at \(at))",
                         expected: "每个编号只用一次 (each id once)")
            } else {
                first[id] = source
            }
        }
    }

    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot])
    }
}
