extension Schemas {
    public static let milestone: [FieldSpec] = [
        FieldSpec("due", "节点日期", .date, .mandatory),
        FieldSpec("what", "节点内容", .string(), .mandatory),
    ]

    public static let progressEntry: [FieldSpec] = [
        FieldSpec("date", "报送日期", .date, .mandatory),
        FieldSpec("text", "进展情况", .string(), .mandatory),
    ]

    public static let ledgerItem: [FieldSpec] = [
        FieldSpec("seq", "序号", .integer(min: 1), .mandatory),
        FieldSpec("requirement", "工作要求", .string()),
        FieldSpec("task", "主要任务", .string(), .mandatory),
        FieldSpec("deadline", "完成时限", .string()),
        FieldSpec("milestones", "时间节点", .objectList(milestone)),
        FieldSpec("measures", "细化举措", .string()),
        FieldSpec("goals", "年度目标和效果", .string()),
        FieldSpec("units", "责任单位", .stringList),
        FieldSpec("progress", "双周进展情况", .objectList(progressEntry)),
    ]

    public static let ledger: [FieldSpec] = [
        FieldSpec("title", "台账名称", .string(), .mandatory),
        FieldSpec("kind", "清单类型", .choice(LedgerKind.pairs), .mandatory, example: "全面清单"),
        FieldSpec("plan", "对应政策", .reference(.policy)),
        FieldSpec("reportDays", "报送日", .integerList(min: 1, max: 31), help: "每月报送日，默认 [10, 25]"),
        FieldSpec("items", "事项", .objectList(ledgerItem), .mandatory),
    ]
}
