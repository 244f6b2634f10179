/// Every diagnostic code Huiqi emits. Codes are stable: editors' tools and CI
/// scripts match on them. The letter says where the problem lives:
/// F file, V value/field (any kind), S site.yml, I institution, P product,
/// L policy, D disclosure (四张清单), G ledger (台账), E event, K link, T template.
public enum DiagnosticCode: String, Sendable, CaseIterable, Hashable {
    // Files
    case F001, F002, F003, F004, F005, F006, F007, F008, F009, F010, F011, F012
    // Values in any kind of file
    case V001, V002, V003, V004, V005, V006, V007, V008, V009, V010, V011, V012, V013, V014, V015, V016, V017
    // site.yml
    case S001, S002, S003, S004
    // Institutions
    case I001, I002
    // Products
    case P001, P010, P011, P012, P013, P014, P015, P016
    // Policies
    case L001, L002
    // Disclosures
    case D001, D002, D003, D004, D005, D006, D007, D008, D009
    // Ledgers
    case G001, G002, G003, G004
    // Events
    case E001
    // Links in the output
    case K001
    // Templates of the theme
    case T001, T002

    public var defaultSeverity: Severity {
        switch self {
        case .V003, .V015, .D005, .D006, .G003, .T001, .T002: return .warning
        default: return .error
        }
    }

    /// One line for the docs (`huiqi check --list-codes`).
    public var summary: String {
        switch self {
        case .F001: return "文件不是 UTF-8 编码 (file is not valid UTF-8 / GB18030 for CSV)"
        case .F002: return "文件为空 (file is empty)"
        case .F003: return "YAML 语法错误 (YAML syntax error)"
        case .F004: return "缺少或未闭合的 front matter (front matter missing or not closed)"
        case .F005: return "CSV 格式错误 (malformed CSV)"
        case .F006: return "无法读取文件 (file cannot be read)"
        case .F007: return "文件名不是合法编号 (file name is not a valid id)"
        case .F008: return "文件超过大小上限 rules.maxFileKB (file larger than the limit)"
        case .F009: return "YAML 节点或别名展开过多 (too many YAML nodes, or aliases expanding to too many)"
        case .F010: return "YAML 嵌套过深 (YAML nested too deep)"
        case .F011: return "符号链接指向内容目录之外或无法解析 (symlink leads outside the content folder, or loops)"
        case .F012: return "不是普通文件（目录、管道、套接字、设备）(not a regular file: folder, FIFO, socket, device)"
        case .V001: return "缺少必填字段 (mandatory field missing)"
        case .V002: return "字段类型错误 (wrong type)"
        case .V003: return "未知字段 (unknown key; warning, nearest known key suggested)"
        case .V004: return "重复字段 (duplicate key)"
        case .V005: return "取值不在允许范围内 (value not one of the allowed values)"
        case .V006: return "日期格式错误 (invalid date)"
        case .V007: return "网址格式错误 (invalid URL)"
        case .V008: return "编号不合法 (invalid id)"
        case .V009: return "编号与文件名不一致 (id differs from the file name)"
        case .V010: return "编号重复 (duplicate id)"
        case .V011: return "区间不合法 (range: need 0 < min ≤ max)"
        case .V012: return "文字过长 (text too long)"
        case .V013: return "列表不能为空 (list must not be empty)"
        case .V014: return "数值超出范围 (number out of range)"
        case .V015: return "文字含控制字符，输出时删除 (control character in text; warning, removed from the output)"
        case .V016: return "引用的编号不存在 (the id names no item of that kind)"
        case .V017: return "仍是 huiqi new 写入的示例值 (still the scaffold's sample value)"
        case .S001: return "站点地址须以 / 结尾的 http(s) 绝对地址 (baseURL must be absolute and end with /)"
        case .S002: return "政府网站标识码格式错误 (siteCode shape)"
        case .S003: return "ICP备案号格式错误 (ICP number shape)"
        case .S004: return "公安机关备案号格式错误 (PSB number shape)"
        case .I001: return "统一社会信用代码错误 (unified social credit code invalid, GB 32100-2015)"
        case .I002: return "仅融资担保机构可设为政府性融资担保机构 (governmentBacked only for guarantee firms)"
        case .P001: return "所属机构不存在 (institution not found)"
        case .P010: return "信贷、租赁产品须填写担保方式 (guaranteeMethods required for loan and leasing)"
        case .P011: return "信贷、租赁产品须公示年化利率 (apr required for loan and leasing, PBoC 2021-3)"
        case .P012: return "填写年化利率时须注明计算方式 (aprMethod required with apr)"
        case .P013: return "担保产品须填写担保费率 (feeRate required for guarantee products)"
        case .P014: return "政府性融资担保费率超过上限 (fee above the cap for government-backed guarantees)"
        case .P015: return "相关政策不存在 (policy not found)"
        case .P016: return "产品类别与机构类型不符 (product category does not fit the institution type)"
        case .L001: return "文号格式错误 (document number shape)"
        case .L002: return "日期先后不合理 (dates out of order)"
        case .D001: return "四张清单对应机构不存在 (institution not found)"
        case .D002: return "四张清单仅适用于银行 (four lists are for banks)"
        case .D003: return "无贷户申请回复时限超过上限 (reply deadline above the city's limit)"
        case .D004: return "授信决定时限超过上限 (decision deadline above the city's limit)"
        case .D005: return "四张清单已过更新期限 (four lists are older than allowed)"
        case .D006: return "银行尚未公示四张清单 (bank has not published its four lists)"
        case .D007: return "不良贷款容忍度超过上限 (NPL tolerance above 3 points)"
        case .D008: return "审批权限金额须大于 0 (maxAmount must be > 0)"
        case .D009: return "授信清单对应产品不存在或不属于本行 (credit-list product not found or not this bank's)"
        case .G001: return "序号须从 1 起连续 (seq must be 1..n in order)"
        case .G002: return "对应政策不存在 (plan policy not found)"
        case .G003: return "节点已逾期且无后续进展 (milestone overdue with no later progress)"
        case .G004: return "报送日须在 1–31 之间 (report day out of 1..31)"
        case .E001: return "活动结束时间早于开始时间 (event ends before it starts)"
        case .K001: return "站内链接指向不存在的页面 (internal link to a missing page)"
        case .T001: return "模板引用了页面数据中没有的值 (template names a value the page lacks; warning, error with --strict)"
        case .T002: return "模板引用了不存在的局部模板 (template names a missing partial; warning, error with --strict)"
        }
    }
}
