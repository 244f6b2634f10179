import PortalModel

/// Ids are URL segments: each must equal its file name (for one-item files)
/// and be unique within its kind — every kind, since each id is a page.
enum IdentityRules {
    static func check(_ c: inout RuleContext) {
        let p = c.portal
        checkKind(&c, items: p.institutions.map { ($0.id, $0.source) }, specs: Schemas.institution, field: "id")
        checkKind(&c, items: p.products.map { ($0.id, $0.source) }, specs: Schemas.product, field: "id")
        checkKind(&c, items: p.policies.map { ($0.id, $0.source) }, specs: Schemas.policy, field: "id")
        checkKind(&c, items: p.disclosures.map { ($0.institution, $0.source) }, specs: Schemas.disclosure, field: "institution")
        // These take their id from the file name alone, so two files can share
        // one only through their extension (`x.yml` beside `x.yaml`, `x.YML`):
        // both would write the same page, the later one silently winning.
        checkKind(&c, items: p.ledgers.map { ($0.id, $0.source) }, specs: Schemas.ledger, field: "id")
        checkKind(&c, items: p.events.map { ($0.id, $0.source) }, specs: Schemas.event, field: "id")
        checkKind(&c, items: p.pages.map { ($0.id, $0.source) }, specs: Schemas.page, field: "id")
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
