extension Schemas {
    public static let range: [FieldSpec] = [
        FieldSpec("min", "下限", .number(min: 0), .mandatory),
        FieldSpec("max", "上限", .number(min: 0), .mandatory),
    ]

    public static let contact: [FieldSpec] = [
        FieldSpec("name", "联系人", .string()),
        FieldSpec("phone", "联系电话", .string(), .mandatory, example: "0535-0000000"),
    ]

    public static let product: [FieldSpec] = [
        FieldSpec("id", "产品编号", .id, .mandatory, example: "kexindai"),
        FieldSpec("name", "产品名称", .string(), .mandatory, example: "科信贷"),
        FieldSpec("institution", "所属机构", .reference(.institution), .mandatory, example: "shili-nongshang"),
        FieldSpec("category", "产品类别", .choice(ProductCategory.pairs), .mandatory, example: "信贷"),
        FieldSpec("summary", "产品简介", .string(maxLength: 120), .mandatory),
        FieldSpec("targets", "适用对象", .choiceList(TargetCustomer.pairs), .mandatory, example: "[科技型企业, 专精特新]"),
        FieldSpec("guaranteeMethods", "担保方式", .choiceList(GuaranteeMethod.pairs), .conditional("信贷、租赁产品必填"),
                  example: "[信用]"),
        FieldSpec("amount", "额度（万元）", .range, .mandatory, help: rangeHelp, example: "{min: 10, max: 1000}"),
        FieldSpec("termMonths", "期限（月）", .range, .mandatory, help: rangeHelp, example: "{min: 1, max: 36}"),
        FieldSpec("apr", "年化利率（%）", .range, .conditional("信贷、租赁产品必填"),
                  help: "按中国人民银行公告〔2021〕第3号以年化利率公示", example: "{min: 3.45, max: 4.35}"),
        FieldSpec("aprMethod", "年化利率计算方式", .choice(APRMethod.pairs), .conditional("填写年化利率时必填"),
                  example: "单利"),
        FieldSpec("feeRate", "担保费率（%/年）", .number(min: 0), .conditional("担保产品必填"), example: "1.0"),
        FieldSpec("premiumRate", "保费费率（%）", .number(min: 0), example: "1.5"),
        FieldSpec("eligibility", "申请条件", .stringList, .mandatory),
        FieldSpec("materials", "所需材料", .stringList, .mandatory),
        FieldSpec("process", "办理流程", .stringList, .mandatory),
        FieldSpec("processingDays", "办理时限（工作日）", .integer(min: 1), .mandatory, example: "5"),
        FieldSpec("repayment", "还款方式", .string()),
        FieldSpec("contact", "联系方式", .object(contact), .mandatory),
        FieldSpec("applyURL", "在线申请地址", .url),
        FieldSpec("policies", "相关政策", .referenceList(.policy)),
        FieldSpec("validUntil", "产品有效期至", .date),
        FieldSpec("updated", "更新日期", .date, .mandatory, example: "2026-11-01"),
        FieldSpec("description", "产品介绍", .markdown),
    ]
}
