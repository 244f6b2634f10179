import PortalModel

enum EventRules {
    static func check(_ c: inout RuleContext) {
        for e in c.portal.events {
            if let start = e.start, let end = e.end, end < start {
                c.report(.E001, e.source, field: "end", specs: Schemas.event,
                         "结束时间 \(end.chinese) 早于开始时间 \(start.chinese) (ends before it starts)")
            }
        }
    }
}
