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
            Route.Plan(fingerprint: inputs(index)) { _ in
                let shards = self.shards(index), byID = self.idShards(index)
                var out = [OutputFile(path: manifestPath, bytes: manifest(shards, byID, total: index.listedProducts.count))]
                out += (shards + byID).map { OutputFile(path: $0.path, bytes: $0.bytes) }
                return out
            }
        }.listing(index.listedProducts.count / 4)
    }

    /// Everything the data is made from: each listed product's fields that go in a row.
    static func inputs(_ index: PortalIndex) -> UInt64 {
        var f = Fingerprint()
        f.add("product-data")
        for p in index.listedProducts {
            f.add(p.id); f.add(p.name); f.add(index.institutionsByID[p.institution]?.name ?? p.institution)
            f.add(p.category.rawValue); f.add(p.targets.map(\.slug).joined(separator: " "))
            f.add(p.guaranteeMethods.map(\.slug).joined(separator: " "))
            for v in [p.amount?.min, p.amount?.max, p.termMonths?.min, p.termMonths?.max, p.apr?.min, p.apr?.max,
                      p.feeRate, p.premiumRate] {
                f.add(v.map { $0.bitPattern } ?? 1)
            }
            f.add(p.aprMethod?.rawValue ?? "-"); f.add(p.contact.phone); f.add(String(p.processingDays ?? -1))
            f.add(LoanPurpose.tags(p)); f.add(p.applyURL ?? ""); f.add(p.repayment ?? ""); f.add(p.eligibility.joined(separator: "；"))
        }
        return f.value
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
    static func idShards(_ index: PortalIndex) -> [Shard] {
        var count = 1
        while count * idShardSize < index.listedProducts.count { count *= 2 }
        var members = [[Product]](repeating: [], count: count)
        for p in index.listedProducts { members[Int(idHash(p.id) % UInt32(count))].append(p) }
        return members.enumerated().map { k, products in
            let bytes = shard(products, index)
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

    static func shards(_ index: PortalIndex) -> [Shard] {
        var members: [String: [Product]] = [:]
        for p in index.listedProducts {
            for t in Set(p.targets) { members["\(t.slug)/\(p.category.rawValue)", default: []].append(p) }
        }
        return members.keys.sorted().map { key in
            let bytes = shard(members[key]!, index)
            let name = key.replacingOccurrences(of: "/", with: "-")
            return Shard(key: key, path: "data/products-\(name).\(ContentHash.hex8(bytes)).json", bytes: bytes,
                         count: members[key]!.count)
        }
    }

    static func shard(_ products: [Product], _ index: PortalIndex) -> [UInt8] {
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
            out.raw("[")
            out.string(p.id); out.raw(","); out.string(p.name); out.raw(","); out.number(position[p.institution]!)
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
            out.raw("]")
        }
        out.raw("]}")
        return out.bytes
    }

    /// What a card shows as the price: APR for loans and leases, else the fee or premium rate.
    static func rateText(_ p: Product) -> String {
        if let apr = p.apr { return "年化利率 " + Format.range(apr, unit: "%") + (p.aprMethod == .simple ? "（单利）" : "") }
        if let fee = p.feeRate { return "担保费率 " + Format.number(fee) + "%/年" }
        if let premium = p.premiumRate { return "保费费率 " + Format.number(premium) + "%" }
        return ""
    }
}
