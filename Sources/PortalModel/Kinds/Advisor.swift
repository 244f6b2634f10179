/// A financial adviser (金融顾问) [seed 001: 金融专家团、金融辅导队、金融管家]:
/// a person a small firm can call, for a district and a kind of financing.
/// Their contacts are published on purpose; the page says whom they serve and when.
public struct Advisor: Sendable, Identifiable {
    public var id: String
    public var name = ""
    public var role: AdvisorRole = .other
    public var organization = ""
    public var institution: String?
    public var districts: [String] = []
    public var expertise: [Expertise] = []
    public var phone = ""
    public var hours: String?
    public var languages: [String] = []
    public var updated: SimpleDate?
    public var bio: String?
    public var source: SourceMap

    public init(id: String, source: SourceMap) { self.id = id; self.source = source }
}

public enum AdvisorRole: String, LabeledEnum {
    case tutor = "金融辅导员", steward = "金融管家", expert = "金融专家", commissioner = "金融服务专员", other = "其他"
    public var label: String { rawValue }
    public var slug: String {
        switch self {
        case .tutor: return "tutor"
        case .steward: return "steward"
        case .expert: return "expert"
        case .commissioner: return "commissioner"
        case .other: return "other"
        }
    }
}

/// What an adviser knows: a product category (信贷) or a target group (专精特新),
/// written as products write them.
public enum Expertise: LabeledEnum {
    case category(ProductCategory)
    case target(TargetCustomer)

    /// Every category, then every target group but 其他 (the category 其他 already names it).
    public static var allCases: [Expertise] {
        ProductCategory.allCases.map(Expertise.category) + TargetCustomer.allCases.filter { $0 != .other }.map(Expertise.target)
    }

    public init?(rawValue: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = match
    }

    public var rawValue: String {
        switch self {
        case .category(let c): return c.rawValue
        case .target(let t): return t.rawValue
        }
    }

    public var label: String {
        switch self {
        case .category(let c): return c.label
        case .target(let t): return t.label
        }
    }
}

extension ContentKind {
    public static let advisor = ContentKind(rawValue: "advisor")
}

extension Schemas {
    public static let advisor: [FieldSpec] = [
        FieldSpec("id", "编号", .id, .mandatory, example: "wang-li"),
        FieldSpec("name", "姓名", .string(maxLength: 40), .mandatory, example: "王丽"),
        FieldSpec("role", "角色", .choice(AdvisorRole.pairs), .mandatory, example: "金融辅导员"),
        FieldSpec("organization", "所在单位", .string(), .mandatory, example: "示例农商银行普惠金融部"),
        FieldSpec("institution", "所属机构", .reference(.institution), help: "所在单位是金融机构时填写其编号",
                  example: "shili-nongshang"),
        FieldSpec("districts", "服务区域", .stringList, .mandatory, example: "[芝罘区, 莱山区]"),
        FieldSpec("expertise", "擅长领域", .choiceList(Expertise.pairs), .mandatory,
                  help: "产品类别或适用对象，写法同产品", example: "[信贷, 专精特新]"),
        FieldSpec("phone", "联系电话", .string(maxLength: 40), .mandatory, example: "0535-0000000"),
        FieldSpec("hours", "服务时间", .string(maxLength: 80), example: "工作日 9:00–17:00"),
        FieldSpec("languages", "服务语言", .stringList, example: "[普通话, 胶东话]"),
        FieldSpec("updated", "更新日期", .date, .mandatory, example: "2026-11-01"),
        FieldSpec("bio", "简介", .markdown),
    ]
}

extension Advisor {
    static func read(_ r: FieldReader, fileID: String) -> Advisor {
        var a = Advisor(id: r.id("id") ?? fileID, source: r.sourceMap)
        a.name = r.string("name") ?? ""
        a.role = r.choice("role", AdvisorRole.self) ?? .other
        a.organization = r.string("organization") ?? ""
        a.institution = r.id("institution")
        a.districts = r.stringList("districts") ?? []
        a.expertise = r.choiceList("expertise", Expertise.self) ?? []
        a.phone = r.string("phone") ?? ""
        a.hours = r.string("hours")
        a.languages = r.stringList("languages") ?? []
        a.updated = r.date("updated")
        a.bio = r.markdown("bio")
        return a
    }

    /// Whether the adviser can help with a product of this category and these targets.
    public func covers(_ category: ProductCategory, targets: [TargetCustomer]) -> Bool {
        expertise.contains(.category(category)) || targets.contains { expertise.contains(.target($0)) }
    }
}

extension Portal {
    /// Advisers are kept with the kinds declared outside the portal's own fields.
    public var advisors: [Advisor] {
        get { declaredItems[.advisor] as? [Advisor] ?? [] }
        set { declaredItems[.advisor] = newValue }
    }
}

extension ContentKinds {
    public static let advisor = ContentKindDeclaration(
        .advisor, label: "金融顾问", folder: "advisors", fields: Schemas.advisor, formats: [.yaml],
        items: \.advisors, read: { r, id, _ in Advisor.read(r, fileID: id) },
        id: \.id, source: \.source, sortBy: \.source.root,
        references: { a in a.institution.map { [(field: "institution", id: $0)] } ?? [] },
        texts: { a in
            var fields = ["name": a.name, "organization": a.organization, "phone": a.phone, "hours": a.hours, "bio": a.bio]
            for (n, d) in a.districts.enumerated() { fields["districts[\(n)]"] = d }
            return fields
        })
}
