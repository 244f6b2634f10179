import PortalModel

enum PolicyRules {
    static func check(_ c: inout RuleContext) {
        let specs = Schemas.policy
        for p in c.portal.policies {
            if p.source.has("docNumber"), !isDocNumber(p.docNumber) {
                c.report(.L001, p.source, field: "docNumber", specs: specs,
                         "\(Excerpt.quoted(p.docNumber)) 不是规范文号：年份应写在六角括号〔〕内，以“号”结尾 (year in 〔〕, ending in 号)",
                         expected: "机关代字〔年份〕序号号，或 无文号", example: "docNumber: 烟营办便函〔2023〕8号")
            }
            if let issued = p.issued, let effective = p.effective, effective < issued {
                c.report(.L002, p.source, field: "effective", specs: specs,
                         "施行日期 \(effective) 早于印发日期 \(issued) (takes effect before it was issued)")
            }
            if let start = p.effectiveDate, let end = p.expires, end < start {
                c.report(.L002, p.source, field: "expires", specs: specs,
                         "有效期至 \(end) 早于施行日期 \(start) (expires before it takes effect)",
                         expected: "不早于 \(start) 的日期，或 长期")
            }
        }
    }

    /// `烟营办便函〔2023〕8号`: agency code, a four-digit year in 〔〕, a number, 号.
    static func isDocNumber(_ s: String) -> Bool {
        if s == "无文号" { return true }
        guard let open = s.firstIndex(of: "〔"), let close = s.firstIndex(of: "〕"), open < close,
              s.distance(from: s.startIndex, to: open) >= 1 else { return false }
        let year = s[s.index(after: open)..<close]
        guard year.count == 4, year.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        let tail = s[s.index(after: close)...]
        guard tail.hasSuffix("号") else { return false }
        let number = tail.dropLast()
        return !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
