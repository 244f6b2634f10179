import PortalModel

/// What a visitor wants the money for (用途), as the matcher asks it. A
/// product fits a purpose when its name, summary or description names it
/// in the words lenders use, or when it serves the target group that purpose
/// belongs to; the matcher ranks fitting products first and says why.
enum LoanPurpose: String, CaseIterable {
    case equipment, working, renewal, research, trade

    var label: String {
        switch self {
        case .equipment: return "购买设备/农机"
        case .working: return "流动资金"
        case .renewal: return "续贷"
        case .research: return "科技研发"
        case .trade: return "外贸"
        }
    }

    var keywords: [String] {
        switch self {
        case .equipment: return ["农机", "设备", "机械", "机具", "购置", "技改"]
        case .working: return ["流动资金", "周转", "备货", "订单", "经营"]
        case .renewal: return ["续贷", "无还本", "转贷"]
        case .research: return ["研发", "科技", "科创", "知识产权", "专利", "创新"]
        case .trade: return ["外贸", "出口", "进出口", "跨境", "汇率", "结汇"]
        }
    }

    var targets: [TargetCustomer] {
        switch self {
        case .research: return [.tech, .specialised]
        case .trade: return [.trade]
        default: return []
        }
    }

    /// How well the product fits (3: its name names the purpose, 2: its summary,
    /// 1: its description, or it serves the purpose's target group) and the word found.
    func evidence(_ p: Product) -> (strength: Int, word: String)? {
        for (strength, text) in [(3, p.name), (2, p.summary), (1, p.description ?? "")] {
            if let word = keywords.first(where: { text.contains($0) }) { return (strength, word) }
        }
        return p.targets.contains(where: targets.contains) ? (1, "") : nil
    }

    /// `equipment:3:农机 research:1:` — each purpose the product fits, how well, and the word found.
    static func tags(_ p: Product) -> String {
        allCases.compactMap { purpose in
            purpose.evidence(p).map { "\(purpose.rawValue):\($0.strength):\($0.word)" }
        }.joined(separator: " ")
    }
}
