/// A long list cut into pages a phone can hold (`site.yml` `pageSize`).
/// Page 1 stays at the list's own address; page n is `<list>page/n/`, each a
/// plain page with its own canonical URL, linked by numbered first/previous/
/// next/last links that work without JavaScript, and listed in the sitemap.
struct Pagination: Encodable, Sendable {
    /// One numbered link; `gap` stands for pages left out between two numbers.
    struct Link: Encodable, Sendable {
        let number: Int
        let url: String
        let current: Bool
        let gap: Bool
    }

    let current: Int
    let total: Int
    /// Whether there is more than one page (templates show the links only then).
    let isPaged: Bool
    let first: String?
    let previous: String?
    let next: String?
    let last: String?
    let links: [Link]
    /// 第 25–48 条，共 100 条
    let range: String

    /// Numbers shown around the current page; the first and last are always shown.
    static let window = 2

    /// The address of page `n` of the list at `base` (relative to the site root).
    static func path(_ base: String, page n: Int) -> String { n <= 1 ? base : base + "page/\(n)/" }

    /// The pages of `items`, `size` to a page; an empty list still has its first page.
    static func pages<Item>(_ items: [Item], size: Int, base: String) -> [(path: String, items: ArraySlice<Item>, pagination: Pagination)] {
        let size = max(1, size)
        let total = max(1, (items.count + size - 1) / size)
        return (1...total).map { n in
            let start = (n - 1) * size
            let slice = items[min(start, items.count)..<min(start + size, items.count)]
            return (path(base, page: n), slice, Pagination(current: n, total: total, count: items.count, start: start,
                                                             shown: slice.count, base: base))
        }
    }

    init(current: Int, total: Int, count: Int, start: Int, shown: Int, base: String) {
        self.current = current
        self.total = total
        isPaged = total > 1
        first = current > 1 ? Self.path(base, page: 1) : nil
        previous = current > 1 ? Self.path(base, page: current - 1) : nil
        next = current < total ? Self.path(base, page: current + 1) : nil
        last = current < total ? Self.path(base, page: total) : nil
        var numbers = [1, total] + Array(max(1, current - Self.window)...min(total, current + Self.window))
        numbers = Array(Set(numbers)).sorted()
        var links: [Link] = []
        for (i, n) in numbers.enumerated() {
            if i > 0, n - numbers[i - 1] > 1 { links.append(Link(number: 0, url: "", current: false, gap: true)) }
            links.append(Link(number: n, url: Self.path(base, page: n), current: n == current, gap: false))
        }
        self.links = links
        range = count == 0 ? "共 0 条" : "第 \(start + 1)–\(start + shown) 条，共 \(count) 条"
    }
}

extension Route {
    /// The pages of a list at `base`, `size` items each: `context` makes a
    /// page's context from its items and its pagination. Page n's title says
    /// which page it is, so tabs and search results tell them apart.
    static func pages<Item, Context: PageContext>(
        _ items: [Item], base: String, size: Int, template: String, title: String, section: String,
        _ context: @escaping (ArraySlice<Item>, Pagination) -> Context
    ) -> [Route] {
        Pagination.pages(items, size: size, base: base).map { path, slice, pagination in
            let pageTitle = pagination.current > 1 ? "\(title)（第 \(pagination.current) 页）" : title
            return Route.page(path, template, title: pageTitle, section: section) { context(slice, pagination) }
                .listing(slice.count)
        }
    }
}
