/// The file `huiqi new KIND ID` writes: every field of the kind, each with
/// its Chinese label as a comment, mandatory ones marked with ＊, filled with
/// examples where the contract gives one.
public enum ScaffoldTemplate {
    public static func text(for kind: ContentKind, id: String) -> String {
        var lines: [String] = []
        let schemaPath = kind == .site ? "schemas/site.schema.json" : "../schemas/\(kind.rawValue).schema.json"
        if kind != .policy && kind != .page {
            lines.append("# yaml-language-server: $schema=\(schemaPath)")
        }
        lines.append("# \(kind.label)：带 ＊ 的为必填字段；“条件必填”见说明。删去不用的可选字段即可。")
        lines += fields(kind.fields, indent: "", id: id)
        if kind == .disclosure, let i = lines.firstIndex(where: { $0.hasPrefix("institution: ") }) {
            // A bank's four lists are named after the bank: the file name is its id.
            lines[i] = lines[i].replacingOccurrences(of: "institution: ", with: "institution: \(id)")
        }
        let yaml = lines.joined(separator: "\n") + "\n"
        switch kind {
        case .policy, .page:
            return "---\n" + yaml + "---\n\n" + (kind == .policy ? "## 一、总体要求\n\n政策正文（Markdown）。\n" : "页面正文（Markdown）。\n")
        default:
            return yaml
        }
    }

    static func marker(_ spec: FieldSpec) -> String {
        switch spec.requirement {
        case .mandatory: return "＊ \(spec.label)"
        case .conditional(let when): return "\(spec.label)（条件必填：\(when)）"
        case .optional: return "\(spec.label)（选填）"
        }
    }

    static func fields(_ specs: [FieldSpec], indent: String, id: String) -> [String] {
        var out: [String] = []
        for spec in specs {
            let comment = "# " + marker(spec) + (spec.help.isEmpty ? "" : "；\(spec.help)")
            switch spec.kind {
            case .object(let sub):
                out.append("\(indent)\(spec.key):  \(comment)")
                out += fields(sub, indent: indent + "  ", id: id)
            case .objectList(let sub):
                out.append("\(indent)\(spec.key):  \(comment)")
                let inner = fields(sub, indent: indent + "    ", id: id)
                if let first = inner.first {
                    out.append(indent + "  - " + first.dropFirst(indent.count + 4))
                    out += inner.dropFirst()
                }
            default:
                // A sample that is not text goes in the comment: a value left there would be published.
                let sample = isText(spec) || spec.example == nil ? "" : "；例：\(spec.example!)"
                out.append("\(indent)\(spec.key): \(value(spec, id: id))  \(comment)\(sample)")
            }
        }
        return out
    }

    /// Marks a sample text: `check` refuses a value that still starts with it (V017).
    public static let samplePrefix = "示例："

    static func isText(_ spec: FieldSpec) -> Bool {
        switch spec.kind {
        case .string, .markdown: return true
        default: return false
        }
    }

    static func value(_ spec: FieldSpec, id: String) -> String {
        if case .id = spec.kind { return id }
        if let example = spec.example, isText(spec) { return "\"\(samplePrefix)\(example)\"" }
        switch spec.kind {
        case .stringList, .choiceList, .referenceList, .integerList: return "[]"
        case .range: return "{min: , max: }"
        case .string, .markdown: return "\"\""
        // Left empty (YAML null): a mandatory one is then reported as missing, not as a wrong type.
        default: return ""
        }
    }

    /// The header row (Chinese labels) and one example row of a products CSV.
    public static func productCSV() -> String {
        let columns: [(key: String, label: String, example: String)] = [
            ("id", "产品编号", "kexindai"), ("name", "产品名称", "科信贷"), ("institution", "所属机构", "shili-nongshang"),
            ("category", "产品类别", "信贷"), ("summary", "产品简介", "面向科技型中小企业的信用贷款"),
            ("targets", "适用对象", "科技型企业；专精特新"), ("guaranteeMethods", "担保方式", "信用"),
            ("amount", "额度（万元）", "10-1000"), ("termMonths", "期限（月）", "1-36"), ("apr", "年化利率（%）", "3.45-4.35"),
            ("aprMethod", "年化利率计算方式", "单利"), ("feeRate", "担保费率（%/年）", ""), ("premiumRate", "保费费率（%）", ""),
            ("eligibility", "申请条件", "依法注册经营满1年；信用良好"), ("materials", "所需材料", "营业执照；财务报表"),
            ("process", "办理流程", "线上申请；调查审批；放款"), ("processingDays", "办理时限（工作日）", "5"),
            ("repayment", "还款方式", "按月付息，到期还本"), ("contact.name", "联系人", "张经理"), ("contact.phone", "联系电话", "0535-0000000"),
            ("applyURL", "在线申请地址", "https://example.com/apply"), ("policies", "相关政策", ""),
            ("validUntil", "产品有效期至", ""), ("updated", "更新日期", "2026-11-01"),
        ]
        func cell(_ s: String) -> String { s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
        // Text samples are marked, so the row cannot be published as it is.
        let textKeys: Set<String> = ["name", "summary", "repayment", "contact.name", "contact.phone"]
        let row = columns.map { textKeys.contains($0.key) && !$0.example.isEmpty ? samplePrefix + $0.example : $0.example }
        return columns.map { cell($0.label) }.joined(separator: ",") + "\n" + row.map(cell).joined(separator: ",") + "\n"
    }
}
