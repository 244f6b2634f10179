/// Suggests the field an editor probably meant: by edit distance on the key,
/// or by its Chinese label when the label itself was typed as the key.
enum NearestKey {
    static func suggest(for unknown: String, among specs: [FieldSpec]) -> FieldSpec? {
        if let byLabel = specs.first(where: { $0.label == unknown || $0.label.hasPrefix(unknown) && unknown.count >= 2 }) {
            return byLabel
        }
        let lowered = unknown.lowercased()
        var best: (spec: FieldSpec, distance: Int)?
        for spec in specs {
            let d = distance(lowered, spec.key.lowercased())
            if best == nil || d < best!.distance { best = (spec, d) }
        }
        guard let best, best.distance <= max(2, unknown.count / 3) else { return nil }
        return best.spec
    }

    /// Levenshtein distance over Unicode scalars.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
