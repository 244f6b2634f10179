import PortalModel

enum EventView {
    static func card(_ e: Event, _ index: PortalIndex) -> [String: Any] {
        [
            "id": e.id, "title": e.title, "url": Paths.event(e.id),
            "start": e.start?.chinese ?? "", "startISO": e.start?.description ?? "",
            "end": Maybe.text(e.end.map { $0.date == e.start?.date ? $0.timeText : $0.chinese }),
            "endISO": e.end?.description ?? "",
            "place": e.place, "organizer": e.organizer,
            "audience": Maybe.text(e.audience.map(\.label).joined(separator: "、")),
            "icsURL": Paths.eventICS(e.id),
        ]
    }

    static func page(_ e: Event, _ index: PortalIndex) -> [String: Any] {
        var v = card(e, index)
        v["registerURL"] = Maybe.text(e.registerURL)
        v["descriptionHTML"] = MarkdownText.maybe(e.description)
        v["past"] = isPast(e, index)
        return v
    }

    static func isPast(_ e: Event, _ index: PortalIndex) -> Bool {
        guard let start = e.start else { return false }
        return (e.end ?? start).date < index.date
    }
}
