import PortalModel

/// The catalogue as compact data for the pages' scripts (the catalogue's
/// filter form across all its pages, the matcher, compare): only the fields
/// they filter on and show, cut into shards by target customer and category,
/// so a query downloads only the shards it can match, and again by a hash
/// of the id (for compare, which knows ids), a few hundred products a
/// shard. Shard names carry a
/// hash of their bytes (cached for a year, like assets); the small manifest
/// that names them does not, and is revalidated like a page.
///
/// A shard is `{"i":[institution names…],"p":[row…]}`; a row is
/// `[id, name, institution index, category, "target slugs", "guarantee slugs",
///   amount min, amount max, term min, term max, APR min, APR max (null when none),
///   1 if simple interest, "amount text", "term text", "rate text", "phone", processing days,
///   "purposes" (`equipment:农机 trade:`, see `LoanPurpose`), "apply URL", "repayment", "eligibility"]`.
enum ProductData {
    static let manifestPath = "data/products.json"

    struct Shard {
        let key: String
        let path: String
        let bytes: [UInt8]
        let count: Int
    }

    static func route(_ index: PortalIndex) -> Route {
        Route(key: manifestPath) {
            let rows = Rows(index)
            return Route.Plan(fingerprint: rows.fingerprint) { _ in
                let shards = self.shards(index, rows), byID = self.idShards(index, rows)
                var out = [OutputFile(path: manifestPath, bytes: manifest(shards, byID, total: index.listedProducts.count))]
                out += (shards + byID).map { OutputFile(path: $0.path, bytes: $0.bytes) }
                return out
            }
        }.listing(index.listedProducts.count / 4)
    }

    /// Each listed product's row, encoded once (a product is in one to three
    /// shards by target group and one by id): the JSON before and after the
    /// institution's index, which each shard numbers on its own. What the
    /// data is made from is these bytes and the institutions' names, so they
    /// are its fingerprint too.
    struct Rows {
        let head: [String: [UInt8]], tail: [String: [UInt8]]
        let fingerprint: UInt64

        init(_ index: PortalIndex) {
            var head: [String: [UInt8]] = [:], tail: [String: [UInt8]] = [:]
            var f = Fingerprint()
            f.add("product-data")
            for p in index.listedProducts {
                var h = JSONText(), t = JSONText()
                h.raw("["); h.string(p.id); h.raw(","); h.string(p.name); h.raw(",")
                ProductData.fields(p, into: &t)
                t.raw("]")
                head[p.id] = h.bytes
                tail[p.id] = t.bytes
                f.add(String(decoding: h.bytes + t.bytes, as: UTF8.self))
                f.add(index.institutionsByID[p.institution]?.name ?? p.institution)
            }
            self.head = head
            self.tail = tail
            fingerprint = f.value
        }
    }

    /// `{"count":N,"shards":{"small/loan":["data/products-small-loan.0123abcd.json",n]…},"ids":["data/…",…]}`:
    /// `ids[k]` holds the products whose id hashes to k (FNV-1a, 32 bits, modulo the count).
    static func manifest(_ shards: [Shard], _ byID: [Shard], total: Int) -> [UInt8] {
        var out = JSONText()
        out.raw("{\"count\":"); out.number(total)
        out.raw(",\"shards\":{")
        for (n, s) in shards.enumerated() {
            if n > 0 { out.raw(",") }
            out.string(s.key); out.raw(":["); out.string(s.path); out.raw(","); out.number(s.count); out.raw("]")
        }
        out.raw("},\"ids\":[")
        for (n, s) in byID.enumerated() {
            if n > 0 { out.raw(",") }
            out.string(s.path)
        }
        out.raw("]}")
        return out.bytes
    }

    /// About this many products in a shard by id.
    static let idShardSize = 400

    /// Shards by id hash: a power of two of them, so each holds about `idShardSize`.
    static func idShards(_ index: PortalIndex, _ rows: Rows) -> [Shard] {
        var count = 1
        while count * idShardSize < index.listedProducts.count { count *= 2 }
        var members = [[Product]](repeating: [], count: count)
        for p in index.listedProducts { members[Int(idHash(p.id) % UInt32(count))].append(p) }
        return members.enumerated().map { k, products in
            let bytes = shard(products, index, rows)
            return Shard(key: String(k), path: "data/products-id\(k).\(ContentHash.hex8(bytes)).json", bytes: bytes,
                         count: products.count)
        }
    }

    /// FNV-1a over the id's UTF-8 bytes; the page script computes the same.
    static func idHash(_ id: String) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in id.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    static func shards(_ index: PortalIndex, _ rows: Rows) -> [Shard] {
        var members: [String: [Product]] = [:]
        for p in index.listedProducts {
            for t in Set(p.targets) { members["\(t.slug)/\(p.category.rawValue)", default: []].append(p) }
        }
        return members.keys.sorted().map { key in
            let bytes = shard(members[key]!, index, rows)
            let name = key.replacingOccurrences(of: "/", with: "-")
            return Shard(key: key, path: "data/products-\(name).\(ContentHash.hex8(bytes)).json", bytes: bytes,
                         count: members[key]!.count)
        }
    }

    static func shard(_ products: [Product], _ index: PortalIndex, _ rows: Rows) -> [UInt8] {
        var institutions: [String] = [], position: [String: Int] = [:]
        for p in products where position[p.institution] == nil {
            position[p.institution] = institutions.count
            institutions.append(index.institutionsByID[p.institution]?.name ?? p.institution)
        }
        var out = JSONText()
        out.raw("{\"i\":[")
        for (n, name) in institutions.enumerated() {
            if n > 0 { out.raw(",") }
            out.string(name)
        }
        out.raw("],\"p\":[")
        for (n, p) in products.enumerated() {
            if n > 0 { out.raw(",") }
            out.append(rows.head[p.id]!)
            out.number(position[p.institution]!)
            out.append(rows.tail[p.id]!)
        }
        out.raw("]}")
        return out.bytes
    }

    /// A row's fields after the institution's index, each preceded by a comma.
    static func fields(_ p: Product, into out: inout JSONText) {
        out.raw(","); out.string(p.category.rawValue)
        out.raw(","); out.string(p.targets.map(\.slug).joined(separator: " "))
        out.raw(","); out.string(p.guaranteeMethods.map(\.slug).joined(separator: " "))
        for v in [p.amount?.min, p.amount?.max, p.termMonths?.min, p.termMonths?.max, p.apr?.min, p.apr?.max] {
            out.raw(",")
            if let v { out.decimal(Format.number(v)) } else { out.raw("null") }
        }
        out.raw(p.aprMethod == .simple ? ",1" : ",0")
        out.raw(","); out.string(Format.amount(p.amount))
        out.raw(","); out.string(Format.range(p.termMonths, unit: " 个月"))
        out.raw(","); out.string(rateText(p))
        out.raw(","); out.string(p.contact.phone)
        out.raw(","); out.number(p.processingDays ?? 0)
        out.raw(","); out.string(LoanPurpose.tags(p))
        out.raw(","); out.string(p.applyURL ?? "")
        out.raw(","); out.string(p.repayment ?? "")
        out.raw(","); out.string(p.eligibility.joined(separator: "；"))
    }

    /// What a card shows as the price: APR for loans and leases, else the fee or premium rate.
    static func rateText(_ p: Product) -> String {
        if let apr = p.apr { return "年化利率 " + Format.range(apr, unit: "%") + (p.aprMethod == .simple ? "（单利）" : "") }
        if let fee = p.feeRate { return "担保费率 " + Format.number(fee) + "%/年" }
        if let premium = p.premiumRate { return "保费费率 " + Format.number(premium) + "%" }
        return ""
    }
}
