import PortalModel

/// Bank–enterprise matchmaking events: upcoming and past, a page and a
/// calendar file per event.
enum EventPages {
    static let declaration = KindPages(
        .event, navigation: NavigationEntry(section: "events", label: "对接活动", path: Paths.events, order: 70),
        templates: ["events", "event"], routes: routes)

    static func routes(_ index: PortalIndex) -> [Route] {
        let events = index.portal.events.sorted { ($0.start?.description ?? "", $0.id) < ($1.start?.description ?? "", $1.id) }
        var routes: [Route] = [
            .page(Paths.events, "events", title: "银企对接活动", section: "events") {
                List(upcoming: events.filter { !EventView.isPast($0, index) }.map { EventView.card($0, index) },
                     past: events.filter { EventView.isPast($0, index) }.reversed().map { EventView.card($0, index) })
            },
        ]
        for e in events {
            routes.append(.page(Paths.event(e.id), "event", title: e.title, section: "events") { EventView.page(e, index) })
            routes.append(.text(Paths.eventICS(e.id)) { ICS.event(e, index) })
        }
        return routes
    }

    /// What `events.mustache` sees: upcoming events soonest first, past ones latest first.
    struct List: PageContext {
        let upcoming, past: [EventView.Card]
    }
}
