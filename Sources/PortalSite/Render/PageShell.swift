import Foundation
import PortalModel

/// What every page shares: the site, navigation, footer identifiers, asset
/// names, and the relative path back to the site root.
struct PageShell {
    /// What does not depend on the page at all; a change to it renders every route again.
    let global: Global

    struct Global: Encodable {
        let site: Site
        /// The main navigation (the kinds with pages, and the tools).
        let navigation: [NavigationEntry]
        /// Asset paths by template name (`style_css`), relative to the site root.
        let assets: [String: String]
        let buildDate, buildDateISO: String
        let footerPages: [FooterPage]
        let feedURL, searchURL: String
    }

    struct Site: Encodable {
        let title, city, organizer, contact: String
        // Registration numbers the footer shows when the site has them.
        let siteCode, icp, psb: String?
        let psbNumber, language, description, baseURL: String
    }

    struct FooterPage: Encodable {
        let title, url: String
    }

    init(index: PortalIndex, theme: Theme) {
        let site = index.portal.site
        var assets: [String: String] = [:]
        for (name, path) in theme.assetPaths {
            assets[name.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "_")] = path
        }
        let pages = index.portal.pages.sorted { ($0.order ?? 1000, $0.id) < ($1.order ?? 1000, $1.id) }
        global = Global(
            site: Site(title: site.title, city: site.city, organizer: site.organizer, contact: site.contact,
                       siteCode: site.siteCode, icp: site.icp, psb: site.psb,
                       psbNumber: site.psb.map { String($0.filter { $0.isASCII && $0.isNumber }) } ?? "",
                       language: site.language, description: site.description ?? "", baseURL: index.baseURL),
            navigation: SiteKinds.navigation(index),
            assets: assets,
            buildDate: index.date.chinese, buildDateISO: index.date.description,
            footerPages: pages.map { FooterPage(title: $0.title, url: Paths.page($0.id)) },
            feedURL: Paths.feed, searchURL: Paths.search)
    }

    /// The root path of a page: relative (`../../`), except for the 404 page,
    /// which is served at any depth and so links from the site's own path.
    func root(forFile file: String) -> String {
        file == "404.html" ? Self.sitePath(global.site.baseURL) : Paths.root(forFile: file)
    }

    /// The page's own address under the base URL.
    func canonicalURL(file: String) -> String {
        global.site.baseURL + (file.hasSuffix("index.html") ? String(file.dropLast("index.html".count)) : file)
    }

    /// The values every page has that do not depend on the page itself, for a
    /// page at `root` (what card partials may use besides the product's fields).
    /// Links come with `href` ready (root included), so each costs the
    /// template one lookup instead of three.
    struct SiteWide: Encodable {
        let site: Site
        let assets: [String: String]
        let buildDate, buildDateISO: String
        let footerPages: [FooterLink]
        let feedURL, searchURL: String
        let root, home: String
    }

    struct FooterLink: Encodable {
        let title, url, href: String
    }

    func siteWide(root: String) -> SiteWide {
        SiteWide(site: global.site, assets: global.assets.mapValues { root + $0 },
                 buildDate: global.buildDate, buildDateISO: global.buildDateISO,
                 footerPages: global.footerPages.map { FooterLink(title: $0.title, url: $0.url, href: root + $0.url) },
                 feedURL: global.feedURL, searchURL: global.searchURL,
                 root: root, home: root.isEmpty ? "./" : root)
    }

    /// What every page at `root` in `section` shares: the site-wide values,
    /// the navigation with the section's entry current, and whether it is home.
    struct Frame: Encodable {
        let siteWide: SiteWide
        let nav: [NavigationLink]
        let isHome: Bool

        private enum CodingKeys: CodingKey { case nav, isHome }
        func encode(to encoder: Encoder) throws {
            try siteWide.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(nav, forKey: .nav)
            try c.encode(isHome, forKey: .isHome)
        }
    }

    struct NavigationLink: Encodable {
        let label, url, href: String
        let current: Bool
    }

    func frame(root: String, section: String) -> Frame {
        let home = root.isEmpty ? "./" : root
        return Frame(siteWide: siteWide(root: root),
                     nav: global.navigation.map { s in
                         NavigationLink(label: s.label, url: s.path, href: s.path.isEmpty ? home : root + s.path, current: s.section == section)
                     },
                     isHome: section == "home")
    }

    /// The path part of the base URL (`/` when it has none).
    static func sitePath(_ baseURL: String) -> String {
        guard let scheme = baseURL.range(of: "://"), let slash = baseURL[scheme.upperBound...].firstIndex(of: "/") else { return "/" }
        return String(baseURL[slash...])
    }
}
