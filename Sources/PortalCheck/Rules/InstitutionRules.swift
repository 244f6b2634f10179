import PortalModel

enum InstitutionRules {
    static func check(_ c: inout RuleContext) {
        for i in c.portal.institutions {
            // A scaffold's sample (示例：…) is already refused as such (V017).
            if i.source.has("creditCode"), !i.creditCode.hasPrefix(ScaffoldTemplate.samplePrefix) {
                let expected = "18 位，由数字和除 I、O、S、V、Z 外的大写字母组成，末位为校验码"
                switch CreditCode.verify(i.creditCode) {
                case .valid: break
                case .wrongLength(let n):
                    c.report(.I001, i.source, field: "creditCode", specs: Schemas.institution,
                             "\(Excerpt.quoted(i.creditCode)) 共 \(n) 位，应为 18 位 (\(n) characters, need 18)", expected: expected)
                case .invalidCharacter(let ch, let pos):
                    c.report(.I001, i.source, field: "creditCode", specs: Schemas.institution,
                             "第 \(pos) 位 \(Excerpt.quoted(String(ch))) 不是允许的字符 (character not allowed)", expected: expected)
                case .wrongCheckCharacter(let right):
                    c.report(.I001, i.source, field: "creditCode", specs: Schemas.institution,
                             "\(Excerpt.quoted(i.creditCode)) 校验码不正确，按前 17 位计算末位应为 \(right) (check character should be \(right)); 请核对代码是否抄错",
                             expected: expected)
                }
            }
            if i.governmentBacked, i.type != .guarantee {
                c.report(.I002, i.source, field: "governmentBacked", specs: Schemas.institution,
                         "\(i.type.label)机构不能设为政府性融资担保机构 (only guarantee firms)",
                         expected: "删除此字段，或将机构类型改为 融资担保")
            }
        }
    }
}
