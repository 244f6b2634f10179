/// An enumeration whose values editors may write either as the English key
/// or as the Chinese label (`loan` or `信贷`), per the content contract.
public protocol LabeledEnum: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    var label: String { get }
}

extension LabeledEnum {
    public init?(keyOrLabel text: String) {
        let t = text.trimmingSpaces()
        guard let match = Self.allCases.first(where: { $0.rawValue == t || $0.label == t }) else { return nil }
        self = match
    }

    /// `loan 信贷 · guarantee 担保 …` for diagnostics.
    public static var choices: String {
        allCases.map { $0.rawValue == $0.label ? $0.label : "\($0.rawValue) \($0.label)" }.joined(separator: " · ")
    }

    public static var pairs: [(key: String, label: String)] { allCases.map { ($0.rawValue, $0.label) } }
}

public enum InstitutionType: String, LabeledEnum {
    case bank, guarantee, insurance, leasing, microloan, fund, other
    public var label: String {
        switch self {
        case .bank: return "银行"
        case .guarantee: return "融资担保"
        case .insurance: return "保险"
        case .leasing: return "融资租赁"
        case .microloan: return "小额贷款"
        case .fund: return "投资基金"
        case .other: return "其他"
        }
    }
}

public enum ProductCategory: String, LabeledEnum {
    case loan, guarantee, insurance, leasing, other
    public var label: String {
        switch self {
        case .loan: return "信贷"
        case .guarantee: return "担保"
        case .insurance: return "保险"
        case .leasing: return "租赁"
        case .other: return "其他"
        }
    }
    /// Loans and leases must show an APR and how it is computed [PBoC 2021-3].
    public var requiresAPR: Bool { self == .loan || self == .leasing }
}

/// Values whose key is the Chinese label itself (the contract lists them in Chinese only).
public enum TargetCustomer: String, LabeledEnum {
    case small = "小微企业", individual = "个体工商户", rural = "三农", tech = "科技型企业",
         specialised = "专精特新", trade = "外贸企业", supplyChain = "供应链企业",
         firstLoan = "首贷户", other = "其他"
    public var label: String { rawValue }
}

public enum GuaranteeMethod: String, LabeledEnum {
    case credit = "信用", surety = "保证", mortgage = "抵押", pledge = "质押"
    public var label: String { rawValue }
}

public enum APRMethod: String, LabeledEnum {
    case compound = "复利", simple = "单利"
    public var label: String { rawValue }
}

public enum PolicyLevel: String, LabeledEnum {
    case national = "国家", province = "省", city = "市", county = "区县"
    public var label: String { rawValue }
}

public enum MeasureKind: String, LabeledEnum {
    case interestSubsidy = "贴息", guaranteeFeeSubsidy = "担保费补贴", premiumSubsidy = "保费补贴",
         riskCompensation = "风险补偿", reward = "奖励", renewal = "续贷", other = "其他"
    public var label: String { rawValue }
}

public enum AuthorizationLevel: String, LabeledEnum {
    case head = "总行", branch = "分行", subBranch = "支行", outlet = "网点"
    public var label: String { rawValue }
}

public enum LedgerKind: String, LabeledEnum {
    case comprehensive = "全面清单", key = "重点清单"
    public var label: String { rawValue }
}
