extension Schemas {
    public static let institution: [FieldSpec] = [
        FieldSpec("id", "机构编号", .id, .mandatory, help: "与文件名相同", example: "shili-nongshang"),
        FieldSpec("name", "机构名称", .string(), .mandatory, example: "示例农村商业银行"),
        FieldSpec("type", "机构类型", .choice(InstitutionType.pairs), .mandatory, example: "银行"),
        FieldSpec("creditCode", "统一社会信用代码", .string(), .mandatory,
                  help: "18 位，末位校验码须符合 GB 32100-2015", example: "91370600MA3C4X8N49"),
        FieldSpec("governmentBacked", "政府性融资担保机构", .bool, help: "仅融资担保机构；为 true 时适用担保费率上限"),
        FieldSpec("address", "地址", .string(), .mandatory),
        FieldSpec("phone", "联系电话", .string(), .mandatory, example: "0535-0000000"),
        FieldSpec("website", "网址", .url),
        FieldSpec("summary", "机构简介", .string(maxLength: 300)),
        FieldSpec("updated", "更新日期", .date, .mandatory, example: "2026-11-01"),
    ]
}
