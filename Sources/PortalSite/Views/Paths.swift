/// Every URL of the site, written once. Paths are relative to the site root
/// and end in `/` for pages (served as `…/index.html`).
public enum Paths {
    public static let home = ""
    public static let products = "products/"
    public static func product(_ id: String) -> String { "products/\(id)/" }
    /// A file beside the page, like its QR codes: a folder per poster would double the folders.
    public static func productPoster(_ id: String) -> String { "products/\(id)/poster.html" }
    public static func productQRSVG(_ id: String) -> String { "products/\(id)/qr.svg" }
    public static func productQRPNG(_ id: String) -> String { "products/\(id)/qr.png" }
    public static func category(_ key: String) -> String { "products/category/\(key)/" }
    public static func target(_ slug: String) -> String { "products/for/\(slug)/" }
    public static func guarantee(_ slug: String) -> String { "products/guarantee/\(slug)/" }
    public static let discontinued = "products/discontinued/"
    public static let institutions = "institutions/"
    public static func institution(_ id: String) -> String { "institutions/\(id)/" }
    public static let disclosures = "four-lists/"
    public static func disclosure(_ id: String) -> String { "four-lists/\(id)/" }
    public static let policies = "policies/"
    public static func policy(_ id: String) -> String { "policies/\(id)/" }
    public static func policyProducts(_ id: String) -> String { "policies/\(id)/products/" }
    public static func policyStatus(_ slug: String) -> String { "policies/status/\(slug)/" }
    public static func policyLevel(_ slug: String) -> String { "policies/level/\(slug)/" }
    public static func policyTopic(_ index: Int) -> String { "policies/topic/\(index)/" }
    public static let ledgers = "ledgers/"
    public static func ledger(_ id: String) -> String { "ledgers/\(id)/" }
    public static let events = "events/"
    public static func event(_ id: String) -> String { "events/\(id)/" }
    public static func eventICS(_ id: String) -> String { "events/\(id)/event.ics" }
    public static func page(_ id: String) -> String { "pages/\(id)/" }
    public static let search = "search/"
    public static let match = "match/"
    public static let compare = "compare/"
    public static let stats = "stats/"
    public static let feed = "feed.xml"
    public static let sitemap = "sitemap.xml"
    public static let robots = "robots.txt"
    public static let notFound = "404.html"
    public static let searchIndex = "search-index.json"

    /// The file a path is written to.
    public static func file(_ path: String) -> String { path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path }

    /// `../../` for a file two folders deep: links stay relative, so the site
    /// works at any base URL, including a sub-path, and from a file system.
    public static func root(forFile file: String) -> String {
        String(repeating: "../", count: file.split(separator: "/").count - 1)
    }
}
