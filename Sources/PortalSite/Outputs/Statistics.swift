import PortalModel

/// The statistics page: charts drawn at build time as SVG, each with a text
/// table beside it for screen readers.
enum Statistics {
    struct Series {
        let id: String
        let title: String
        let unit: String
        let rows: [(label: String, value: Double)]
    }

    /// What `stats.mustache` sees: each chart with its data table.
    struct Context: PageContext {
        let charts: [Chart]
    }

    struct Chart: Encodable, Sendable {
        let id, title, unit, svg: String
        let rows: [Row]
    }

    struct Row: Encodable, Sendable {
        let label: String
        let value: Double
    }

    /// Institutions shown by name in the chart of products per institution.
    static let topInstitutions = 15

    static func context(_ index: PortalIndex) -> Context {
        let products = index.listedProducts
        var series: [Series] = []
        series.append(Series(id: "by-category", title: "各类别产品数量", unit: "个",
                             rows: ProductCategory.allCases.map { c in (c.label, Double(index.listedCountByCategory[c] ?? 0)) }
                                .filter { $0.1 > 0 }))
        // The institutions with most products, the rest summed: the page stays the same size at any portal size.
        var byInstitution: [(name: String, count: Int)] = []
        for i in index.portal.institutions {
            let n = index.listedCountByInstitution[i.id] ?? 0
            if n > 0 { byInstitution.append((i.name, n)) }
        }
        byInstitution.sort { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
        var institutionRows: [(label: String, value: Double)] = byInstitution.prefix(topInstitutions).map { ($0.name, Double($0.count)) }
        if byInstitution.count > topInstitutions {
            let rest = byInstitution.dropFirst(topInstitutions)
            let total = rest.reduce(0) { $0 + $1.count }
            institutionRows.append(("其余 \(rest.count) 家机构", Double(total)))
        }
        series.append(Series(id: "by-institution", title: "各机构产品数量", unit: "个", rows: institutionRows))
        let aprBands: [(String, ClosedRange<Double>)] = [("4% 以下", 0...3.9999), ("4%–5%", 4...4.9999), ("5%–6%", 5...5.9999), ("6% 及以上", 6...100)]
        series.append(Series(id: "apr", title: "信贷与租赁产品最低年化利率分布", unit: "个",
                             rows: aprBands.map { band in (band.0, Double(products.filter { $0.apr.map { band.1.contains($0.min) } ?? false }.count)) }))
        series.append(Series(id: "policy-status", title: "政策状态", unit: "项",
                             rows: PolicyStatus.allCases.map { s in (s.rawValue, Double(index.policyCountByStatus[s] ?? 0)) }))
        for l in index.portal.ledgers {
            let withProgress = l.items.filter { !$0.progress.isEmpty }.count
            let overdue = l.items.filter { !$0.overdueMilestones(on: index.date).isEmpty }.count
            series.append(Series(id: "ledger-\(l.id)", title: "\(l.title)：进展", unit: "项",
                                 rows: [("事项总数", Double(l.items.count)), ("已报送进展", Double(withProgress)), ("存在逾期节点", Double(overdue))]))
        }
        return Context(charts: series.map { s in
            Chart(id: s.id, title: s.title, unit: s.unit, svg: barChart(s), rows: s.rows.map { Row(label: $0.label, value: $0.value) })
        })
    }

    /// Horizontal bars with the label above each bar: the chart is drawn at phone
    /// width, so labels stay readable at 390 px and long names are not cut.
    static func barChart(_ s: Series) -> String {
        let rowHeight = 50, barWidth = 290, width = 360
        let height = max(1, s.rows.count) * rowHeight + 6
        let maxValue = max(1, s.rows.map(\.value).max() ?? 1)
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"chart-\(s.id)-title\">"
        svg += "<title id=\"chart-\(s.id)-title\">\(HTML.escape(s.title))（详见下方数据表）</title>"
        for (i, row) in s.rows.enumerated() {
            let y = i * rowHeight + 4
            let w = max(row.value > 0 ? 2 : 0, Int((row.value / maxValue * Double(barWidth)).rounded()))
            let label = row.label.count > 25 ? String(row.label.prefix(24)) + "…" : row.label
            svg += "<text x=\"0\" y=\"\(y + 15)\" class=\"chart-label\">\(HTML.escape(label))</text>"
            svg += "<rect x=\"0\" y=\"\(y + 22)\" width=\"\(w)\" height=\"20\" class=\"chart-bar\"/>"
            svg += "<text x=\"\(w + 6)\" y=\"\(y + 37)\" class=\"chart-value\">\(Format.number(row.value))</text>"
        }
        return svg + "</svg>"
    }
}
