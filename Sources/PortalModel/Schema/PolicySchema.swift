extension Schemas {
    public static let measure: [FieldSpec] = [
        FieldSpec("title", "措施名称", .string(), .mandatory),
        FieldSpec("kind", "措施类型", .choice(MeasureKind.pairs), .mandatory, example: "贴息"),
        FieldSpec("summary", "措施说明", .string(), .mandatory),
        FieldSpec("rate", "比例或标准", .string()),
        FieldSpec("cap", "上限", .string()),
    ]

    public static let policy: [FieldSpec] = [
        FieldSpec("id", "政策编号", .id, .mandatory, help: "与文件名相同"),
        FieldSpec("title", "政策名称", .string(), .mandatory),
        FieldSpec("docNumber", "文号", .string(), .mandatory, help: "年份写在〔〕内；没有文号时写 无文号",
                  example: "烟营办便函〔2023〕8号"),
        FieldSpec("issuers", "发文机关", .stringList, .mandatory),
        FieldSpec("issued", "印发日期", .date, .mandatory, example: "2023-05-10"),
        FieldSpec("effective", "施行日期", .date, help: "默认与印发日期相同"),
        FieldSpec("expires", "有效期至", .dateOrLongTerm, .mandatory, example: "2026-12-31"),
        FieldSpec("level", "政策层级", .choice(PolicyLevel.pairs), .mandatory, example: "市"),
        FieldSpec("topics", "主题", .stringList),
        FieldSpec("responsibleUnits", "责任单位", .stringList, .mandatory),
        FieldSpec("measures", "支持措施", .objectList(measure)),
        FieldSpec("consultPhone", "咨询电话", .string()),
        FieldSpec("sourceURL", "原文链接", .url),
        FieldSpec("summary", "政策摘要", .string(maxLength: 300)),
    ]
}
