extension Event {
    static func read(_ r: FieldReader, fileID: String) -> Event {
        var e = Event(id: fileID, source: r.sourceMap)
        e.title = r.string("title") ?? ""
        e.start = r.dateTime("start")
        e.end = r.dateTime("end")
        e.place = r.string("place") ?? ""
        e.organizer = r.string("organizer") ?? ""
        e.audience = r.choiceList("audience", TargetCustomer.self) ?? []
        e.registerURL = r.url("registerURL")
        e.description = r.markdown("description")
        e.source = r.sourceMap
        return e
    }
}

extension Page {
    static func read(_ r: FieldReader, fileID: String, body: String) -> Page {
        var p = Page(id: fileID, source: r.sourceMap)
        p.title = r.string("title") ?? ""
        p.description = r.string("description")
        p.order = r.integer("order")
        p.body = body
        p.source = r.sourceMap
        return p
    }
}
