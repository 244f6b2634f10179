import PortalModel

/// An id in a reference field must name an item of the kind the field's
/// declaration says (`institution: shili-nongshang` needs
/// `institutions/shili-nongshang.yml`). Kinds list the references this rule
/// checks in their declaration; older kinds check theirs with codes of their
/// own (P001, D001, G002…), which editors' tools already match on.
enum ReferenceRules {
    static func check(_ c: inout RuleContext) {
        var idsByKind: [ContentKind: Set<String>] = [:]
        for declaration in ContentKinds.all {
            for (field, id, source) in declaration.references(c.portal) {
                guard let spec = declaration.fields.spec(path: field), let target = spec.kind.referencedKind,
                      let targetDeclaration = ContentKinds.named(target.rawValue) else { continue }
                let ids = idsByKind[target] ?? Set(targetDeclaration.identities(c.portal).map(\.id))
                idsByKind[target] = ids
                if !ids.contains(id), !c.isUnread(target, id) {
                    c.report(.V016, source, field: field, specs: declaration.fields,
                             "没有编号为 \(Excerpt.quoted(id)) 的\(target.label) (no \(target.rawValue) with this id)",
                             expected: "content/\(targetDeclaration.folder)/ 中已有的编号：" + ProductRules.nearby(id, in: ids.sorted()))
                }
            }
        }
    }
}
