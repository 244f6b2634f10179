import PortalModel

enum EventView {
    /// An event's fields in every list (and on its own page).
    struct Card: Encodable, Sendable {
        let id, title, url, start, startISO: String
        /// The time alone when the event ends on the day it starts.
        let end: String?
        let endISO, place, organizer: String
        /// Labels joined; empty (false in a section) when the event names none.
        let audience: String
        let icsURL: String
    }

    static func card(_ e: Event, _ index: PortalIndex) -> Card {
        Card(id: e.id, title: e.title, url: Paths.event(e.id),
             start: e.start?.chinese ?? "", startISO: e.start?.description ?? "",
             end: e.end.map { $0.date == e.start?.date ? $0.timeText : $0.chinese },
             endISO: e.end?.description ?? "", place: e.place, organizer: e.organizer,
             audience: e.audience.map(\.label).joined(separator: "、"), icsURL: Paths.eventICS(e.id))
    }

    /// What `event.mustache` sees: the card's fields beside the page's own.
    typealias Page = CardPage<Card, Details>

    struct Details: Encodable, Sendable {
        let registerURL: String?
        let descriptionHTML: MarkdownText?
        let past: Bool
    }

    static func page(_ e: Event, _ index: PortalIndex) -> Page {
        Page(card: card(e, index),
             details: Details(registerURL: e.registerURL, descriptionHTML: MarkdownText.maybe(e.description), past: isPast(e, index)))
    }

    static func isPast(_ e: Event, _ index: PortalIndex) -> Bool {
        guard let start = e.start else { return false }
        return (e.end ?? start).date < index.date
    }
}
