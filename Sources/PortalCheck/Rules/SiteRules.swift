import PortalModel

enum SiteRules {
    static func check(_ c: inout RuleContext) {
        let site = c.portal.site
        let specs = Schemas.site
        if site.source.has("baseURL"), !site.baseURL.hasSuffix("/") {
            c.report(.S001, site.source, field: "baseURL", specs: specs, "站点地址须以 / 结尾 (must end with /)",
                     expected: "\(site.baseURL)/", example: "baseURL: https://jrfw.example.gov.cn/")
        }
        if let code = site.siteCode, !isSiteCode(code) {
            c.report(.S002, site.source, field: "siteCode", specs: specs, "\(Excerpt.quoted(code)) 不是政府网站标识码",
                     expected: "10 位数字，或 bm 加 8 位数字", example: "siteCode: \"3706000001\"")
        }
        if let icp = site.icp, !isICP(icp) {
            c.report(.S003, site.source, field: "icp", specs: specs, "\(Excerpt.quoted(icp)) 不是 ICP 备案号格式",
                     expected: "省份简称 + ICP备 + 8 位数字 + 号，可带 -序号", example: "icp: 鲁ICP备12345678号")
        }
        if let psb = site.psb, psb.filter({ $0.isASCII && $0.isNumber }).count != 14 {
            c.report(.S004, site.source, field: "psb", specs: specs, "\(Excerpt.quoted(psb)) 应含 14 位数字",
                     expected: "省份简称 + 公网安备 + 14 位数字 + 号", example: "psb: 鲁公网安备 37060202000001号")
        }
    }

    static func isASCIIDigits(_ s: Substring) -> Bool { !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }

    static func isSiteCode(_ s: String) -> Bool {
        if s.count == 10, isASCIIDigits(Substring(s)) { return true }
        return s.hasPrefix("bm") && s.count == 10 && isASCIIDigits(s.dropFirst(2))
    }

    static func isICP(_ s: String) -> Bool {
        guard let range = s.range(of: "ICP备") else { return false }
        let province = s[..<range.lowerBound]
        var rest = s[range.upperBound...]
        guard province.count == 1, let p = province.unicodeScalars.first, (0x4E00...0x9FFF).contains(Int(p.value)) else { return false }
        if let dash = rest.lastIndex(of: "-") {
            guard isASCIIDigits(rest[rest.index(after: dash)...]) else { return false }
            rest = rest[..<dash]
        }
        guard rest.hasSuffix("号") else { return false }
        let digits = rest.dropLast()
        return (6...10).contains(digits.count) && isASCIIDigits(digits)
    }
}
