extension Schemas {
    public static let authorizationEntry: [FieldSpec] = [
        FieldSpec("business", "业务品种", .string(), .mandatory),
        FieldSpec("level", "审批层级", .choice(AuthorizationLevel.pairs), .mandatory, example: "支行"),
        FieldSpec("maxAmount", "审批权限（万元）", .number(), .mandatory, example: "500"),
    ]

    public static let creditEntry: [FieldSpec] = [
        FieldSpec("business", "业务品种", .string(), .mandatory),
        FieldSpec("product", "对应产品", .reference(.product)),
        FieldSpec("conditions", "准入条件", .stringList, .mandatory),
    ]

    public static let processStep: [FieldSpec] = [
        FieldSpec("step", "环节", .string(), .mandatory),
        FieldSpec("workingDays", "时限（工作日）", .integer(min: 0), .mandatory),
    ]

    public static let acceptance: [FieldSpec] = [
        FieldSpec("materials", "受理回告清单·申请资料", .stringList, .mandatory),
        FieldSpec("process", "受理回告清单·办理流程", .objectList(processStep), .mandatory),
        FieldSpec("replyWorkingDays", "无贷户授信申请回复时限", .integer(min: 1), .mandatory,
                  help: "工作日，不超过 rules.replyWorkingDaysMax", example: "5"),
        FieldSpec("decisionDays", "收齐资料后授信决定时限", .integer(min: 1), .mandatory,
                  help: "天，不超过 rules.decisionDaysMax", example: "30"),
        FieldSpec("channels", "受理渠道", .stringList, .mandatory),
    ]

    public static let exemption: [FieldSpec] = [
        FieldSpec("scope", "尽职免责清单·适用范围", .string(), .mandatory),
        FieldSpec("exempt", "应予免责情形", .stringList, .mandatory),
        FieldSpec("mitigated", "可减免责任情形", .stringList),
        FieldSpec("notExempt", "不得免责情形", .stringList, .mandatory),
        FieldSpec("procedure", "认定程序", .stringList, .mandatory),
        FieldSpec("nplTolerance", "不良贷款容忍度（百分点）", .number(min: 0), example: "3"),
    ]

    public static let disclosure: [FieldSpec] = [
        FieldSpec("institution", "机构", .reference(.institution), .mandatory, help: "与文件名相同，须为银行"),
        FieldSpec("published", "公示日期", .date, .mandatory),
        FieldSpec("authorization", "授权清单（小微信贷审批权限）", .objectList(authorizationEntry), .mandatory),
        FieldSpec("credit", "授信清单（客户准入条件）", .objectList(creditEntry), .mandatory),
        FieldSpec("acceptance", "受理回告清单", .object(acceptance), .mandatory),
        FieldSpec("exemption", "尽职免责清单", .object(exemption), .mandatory),
    ]
}
