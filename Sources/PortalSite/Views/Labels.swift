import PortalModel

/// ASCII URL segments for values whose keys are Chinese, so URLs stay plain.
extension TargetCustomer {
    public var slug: String {
        switch self {
        case .small: return "small"
        case .individual: return "individual"
        case .rural: return "rural"
        case .tech: return "tech"
        case .specialised: return "specialised"
        case .trade: return "trade"
        case .supplyChain: return "supply-chain"
        case .firstLoan: return "first-loan"
        case .other: return "other"
        }
    }
}

extension PolicyLevel {
    public var slug: String {
        switch self {
        case .national: return "national"
        case .province: return "province"
        case .city: return "city"
        case .county: return "county"
        }
    }
}

extension GuaranteeMethod {
    public var slug: String {
        switch self {
        case .credit: return "credit"
        case .surety: return "surety"
        case .mortgage: return "mortgage"
        case .pledge: return "pledge"
        }
    }
}

enum Format {
    static func number(_ d: Double) -> String { FieldKind.format(d) }

    /// Only what a phone dials: digits, `+`, `-`, `,` and `;` (pauses and extensions).
    static func tel(_ phone: String) -> String {
        String(phone.unicodeScalars.filter { ("0"..."9").contains($0) || "+-,;".unicodeScalars.contains($0) }.map(Character.init))
    }

    /// Yuan rounded to the yuan, with thousands separators: 8,856 元.
    static func yuan(_ d: Double) -> String {
        let whole = Int(d.rounded())
        var digits = String(abs(whole)), out = ""
        while digits.count > 3 { out = "," + digits.suffix(3) + out; digits = String(digits.dropLast(3)) }
        return (whole < 0 ? "-" : "") + digits + out + " 元"
    }

    static func range(_ r: NumberRange?, unit: String) -> String {
        guard let r else { return "" }
        return r.min == r.max ? "\(number(r.min))\(unit)" : "\(number(r.min))–\(number(r.max))\(unit)"
    }

    /// 10000 万元 reads better as 1 亿元.
    static func amount(_ r: NumberRange?) -> String {
        guard let r else { return "" }
        func one(_ v: Double) -> String { v >= 10000 ? "\(number(v / 10000)) 亿" : "\(number(v)) 万" }
        return r.min == r.max ? one(r.min) + "元" : "\(one(r.min))–\(one(r.max))元"
    }
}
