import PortalModel

/// Bank–enterprise matchmaking events: upcoming and past, a page and a
/// calendar file per event.
enum EventPages {
    static let declaration = KindPages(
        .event, navigation: NavigationEntry(section: "events", label: "对接活动", path: Paths.events, order: 70),
        templates: ["events", "event"], routes: routes)

    static func routes(_ index: PortalIndex) -> [Route] {
        let events = index.portal.events.sorted { ($0.start?.description ?? "", $0.id) < ($1.start?.description ?? "", $1.id) }
        // Upcoming soonest first, then past latest first, cut into pages.
        let ordered = events.filter { !EventView.isPast($0, index) } + events.filter { EventView.isPast($0, index) }.reversed()
        var routes = Route.pages(ordered, base: Paths.events, size: index.portal.site.pageSize, template: "events",
                                 title: "银企对接活动", section: "events") { slice, pagination in
            let upcoming = slice.filter { !EventView.isPast($0, index) }, past = slice.filter { EventView.isPast($0, index) }
            return List(upcoming: upcoming.map { EventView.card($0, index) }, past: past.map { EventView.card($0, index) },
                        showUpcoming: pagination.current == 1 || !upcoming.isEmpty,
                        showPast: !past.isEmpty || pagination.current == pagination.total, pagination: pagination)
        }
        for e in events {
            routes.append(.page(Paths.event(e.id), "event", title: e.title, section: "events") { EventView.page(e, index) })
            routes.append(.text(Paths.eventICS(e.id)) { ICS.event(e, index) })
        }
        return routes
    }

    /// What `events.mustache` sees: one page of upcoming events soonest first,
    /// then past ones latest first (the upcoming section heads the first page).
    struct List: PageContext {
        let upcoming, past: [EventView.Card]
        /// Each section shows where its events are, and says when it has none
        /// (upcoming on the first page, past on the last).
        let showUpcoming, showPast: Bool
        let pagination: Pagination
    }
}
