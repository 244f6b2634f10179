extension Institution {
    static func read(_ r: FieldReader, fileID: String) -> Institution {
        var i = Institution(id: r.id("id") ?? fileID, source: r.sourceMap)
        i.name = r.string("name") ?? ""
        i.type = r.choice("type", InstitutionType.self) ?? .other
        i.creditCode = r.string("creditCode") ?? ""
        i.governmentBacked = r.bool("governmentBacked") ?? false
        i.address = r.string("address") ?? ""
        i.phone = r.string("phone") ?? ""
        i.website = r.url("website")
        i.summary = r.string("summary")
        i.updated = r.date("updated")
        i.source = r.sourceMap
        return i
    }
}
