import PortalModel

enum LedgerView {
    /// A ledger's fields in the list (and on its own page).
    struct Card: Encodable, Sendable {
        let id, title, url, kind: String
        let itemCount, overdueCount: Int
        let reportDays: String
    }

    static func card(_ l: Ledger, _ index: PortalIndex) -> Card {
        Card(id: l.id, title: l.title, url: Paths.ledger(l.id), kind: l.kind.label,
             itemCount: l.items.count, overdueCount: l.items.filter { !$0.overdueMilestones(on: index.date).isEmpty }.count,
             reportDays: l.reportDays.map { "\($0)日" }.joined(separator: "、"))
    }

    /// What `ledger.mustache` sees: the card's fields beside the page's own.
    typealias Page = CardPage<Card, Details>

    struct Details: Encodable, Sendable {
        /// The policy the ledger carries out, when it names one the portal has.
        let plan: Plan?
        let items: [Item]
    }

    struct Plan: Encodable, Sendable {
        let title, url, docNumber: String
    }

    struct Item: Encodable, Sendable {
        let seq: Int
        let requirement, task, deadline: String
        let milestones: [Milestone]
        let measures, goals, units: String
        let progress: [Progress]
        let overdue: Bool
    }

    struct Milestone: Encodable, Sendable {
        let due, what: String
        let overdue: Bool
    }

    struct Progress: Encodable, Sendable {
        let date, text: String
    }

    static func page(_ l: Ledger, _ index: PortalIndex) -> Page {
        let plan = l.plan.flatMap { index.policiesByID[$0] }.map { Plan(title: $0.title, url: Paths.policy($0.id), docNumber: $0.docNumber) }
        return Page(card: card(l, index), details: Details(plan: plan, items: l.items.map { item in
            let overdue = item.overdueMilestones(on: index.date)
            return Item(
                seq: item.seq, requirement: item.requirement ?? "", task: item.task, deadline: item.deadline ?? "",
                milestones: item.milestones.map { m in
                    Milestone(due: m.due.description, what: m.what, overdue: overdue.contains { $0.due == m.due && $0.what == m.what })
                },
                measures: item.measures ?? "", goals: item.goals ?? "", units: item.units.joined(separator: "、"),
                progress: item.progress.sorted { $0.date > $1.date }.map { Progress(date: $0.date.description, text: $0.text) },
                overdue: !overdue.isEmpty)
        }))
    }
}
