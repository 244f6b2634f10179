import Foundation
import PortalModel

/// What every page shares: the site, navigation, footer identifiers, asset
/// names, and the relative path back to the site root.
struct PageShell {
    let global: [String: Any]
    let navigation: [NavigationEntry]
    init(index: PortalIndex, theme: Theme) {
        let site = index.portal.site
        navigation = SiteKinds.navigation(index)
        var assets: [String: String] = [:]
        for (name, path) in theme.assetPaths {
            assets[name.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "_")] = path
        }
        let pages = index.portal.pages.sorted { ($0.order ?? 1000, $0.id) < ($1.order ?? 1000, $1.id) }
        global = [
            "site": [
                "title": site.title, "city": site.city, "organizer": site.organizer, "contact": site.contact,
                "siteCode": Maybe.text(site.siteCode), "icp": Maybe.text(site.icp), "psb": Maybe.text(site.psb),
                "psbNumber": site.psb.map { String($0.filter { $0.isASCII && $0.isNumber }) } ?? "",
                "language": site.language, "description": site.description ?? "",
                "baseURL": index.baseURL,
            ] as [String: Any],
            "assets": assets,
            "buildDate": index.date.chinese,
            "buildDateISO": index.date.description,
            "footerPages": pages.map { ["title": $0.title, "url": Paths.page($0.id)] as [String: Any] },
            "feedURL": Paths.feed,
            "searchURL": Paths.search,
        ]
    }

    /// The root path of a page: relative (`../../`), except for the 404 page,
    /// which is served at any depth and so links from the site's own path.
    func root(forFile file: String) -> String {
        file == "404.html" ? Self.sitePath(global) : Paths.root(forFile: file)
    }

    /// The page's own address under the base URL.
    func canonicalURL(file: String) -> String {
        ((global["site"] as? [String: Any])?["baseURL"] as? String ?? "")
            + (file.hasSuffix("index.html") ? String(file.dropLast("index.html".count)) : file)
    }

    /// What every page at `root` in `section` shares: the site, navigation,
    /// footer and asset links.
    func frame(root: String, section: String) -> [String: Any] {
        var c = siteWide(root: root)
        // Links the layout prints on every page come with `href` ready (root
        // included), so each costs the template one lookup instead of three.
        let home = root.isEmpty ? "./" : root
        c["nav"] = navigation.map { s -> [String: Any] in
            ["label": s.label, "url": s.path, "href": s.path.isEmpty ? home : root + s.path, "current": s.section == section]
        }
        c["footerPages"] = (global["footerPages"] as? [[String: Any]] ?? []).map { page -> [String: Any] in
            var page = page
            page["href"] = root + (page["url"] as? String ?? "")
            return page
        }
        c["isHome"] = section == "home"
        return c
    }

    /// The values every page has that do not depend on the page itself, for a
    /// page at `root` (what card partials may use besides the product's fields).
    func siteWide(root: String) -> [String: Any] {
        var c = global
        c["root"] = root
        c["home"] = root.isEmpty ? "./" : root
        c["assets"] = (global["assets"] as? [String: String] ?? [:]).mapValues { root + $0 }
        return c
    }

    static func sitePath(_ global: [String: Any]) -> String {
        let base = (global["site"] as? [String: Any])?["baseURL"] as? String ?? "/"
        guard let scheme = base.range(of: "://"), let slash = base[scheme.upperBound...].firstIndex(of: "/") else { return "/" }
        return String(base[slash...])
    }
}
