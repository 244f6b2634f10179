extension Schemas {
    public static let event: [FieldSpec] = [
        FieldSpec("title", "活动名称", .string(), .mandatory),
        FieldSpec("start", "开始时间", .dateTime, .mandatory, example: "2026-12-10T09:30"),
        FieldSpec("end", "结束时间", .dateTime, example: "2026-12-10T11:30"),
        FieldSpec("place", "活动地点", .string(), .mandatory),
        FieldSpec("organizer", "主办单位", .string(), .mandatory),
        FieldSpec("audience", "面向对象", .choiceList(TargetCustomer.pairs)),
        FieldSpec("registerURL", "报名地址", .url),
        FieldSpec("description", "活动介绍", .markdown),
    ]

    public static let page: [FieldSpec] = [
        FieldSpec("title", "页面标题", .string(), .mandatory),
        FieldSpec("description", "页面摘要", .string()),
        FieldSpec("order", "菜单顺序", .integer()),
    ]
}
