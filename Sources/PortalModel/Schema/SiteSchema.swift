extension Schemas {
    public static let guaranteeFeeCap: [FieldSpec] = [
        FieldSpec("upToAmount", "担保金额上限（万元）", .number(min: 0), help: "不填表示以上所有金额", example: "500"),
        FieldSpec("maxRate", "费率上限（%/年）", .number(min: 0), .mandatory, example: "1.0"),
    ]

    public static let siteRules: [FieldSpec] = [
        FieldSpec("replyWorkingDaysMax", "无贷户申请回复时限上限", .integer(min: 1), help: "工作日，默认 5", example: "5"),
        FieldSpec("decisionDaysMax", "授信决定时限上限", .integer(min: 1), help: "天，默认 30", example: "30"),
        FieldSpec("guaranteeFeeCaps", "政府性担保费率上限", .objectList(guaranteeFeeCap),
                  help: "默认 500 万元及以下 1.0%，以上 1.5%"),
        FieldSpec("expiringSoonDays", "政策即将到期提示天数", .integer(min: 0), help: "默认 90", example: "90"),
        FieldSpec("disclosureMaxAgeDays", "四张清单更新期限", .integer(min: 1), help: "天，默认 365", example: "365"),
        FieldSpec("maxFileKB", "单个内容文件大小上限", .integer(min: 1),
                  help: "KB，默认 10240（10 MB）；更大的内容文件不读取，报告 F008", example: "10240"),
    ]

    public static let site: [FieldSpec] = [
        FieldSpec("title", "站点名称", .string(), .mandatory, example: "示例市金融综合服务平台"),
        FieldSpec("city", "所属城市", .string(), .mandatory, example: "示例市"),
        FieldSpec("baseURL", "站点地址", .url, .mandatory, help: "以 / 结尾；二维码与订阅源使用此地址",
                  example: "https://jrfw.example.gov.cn/"),
        FieldSpec("organizer", "主办单位", .string(), .mandatory, example: "示例市地方金融管理局"),
        FieldSpec("contact", "联系方式", .string(), .mandatory, example: "0535-0000000"),
        FieldSpec("siteCode", "政府网站标识码", .string(), help: "10 位数字，或 bm 加 8 位数字", example: "3706000001"),
        FieldSpec("icp", "ICP备案号", .string(), example: "鲁ICP备12345678号"),
        FieldSpec("psb", "公安机关备案号", .string(), help: "含 14 位数字", example: "鲁公网安备 37060202000001号"),
        FieldSpec("language", "语言", .string(), help: "BCP 47 语言标记，默认 zh-CN", example: "zh-CN"),
        FieldSpec("description", "站点简介", .string(), help: "首页与搜索引擎摘要"),
        FieldSpec("pageSize", "列表每页条数", .integer(min: 5, max: 200), help: "默认 24", example: "24"),
        FieldSpec("feedSize", "订阅条数", .integer(min: 1, max: 1000), help: "政策订阅源收录最新的条数，默认 50", example: "50"),
        FieldSpec("rules", "规则设置", .object(siteRules)),
    ]
}
