/// The penalty of a masked symbol (ISO/IEC 18004:2015 §7.8.3.1, Table 11).
enum QRPenalty {
    static let n1 = 3, n2 = 3, n3 = 40, n4 = 10

    static func score(_ m: [UInt8], size: Int) -> Int {
        var result = 0
        var history = FinderHistory(size: size)
        // N1 and N3 along rows, then columns.
        for pass in 0..<2 {
            for a in 0..<size {
                var runColor: UInt8 = 0
                var run = 0
                history.reset()
                for b in 0..<size {
                    let c = pass == 0 ? m[a * size + b] : m[b * size + a]
                    if c == runColor {
                        run += 1
                        if run == 5 { result += n1 } else if run > 5 { result += 1 }
                    } else {
                        history.add(run)
                        if runColor == 0 { result += history.countPatterns() * n3 }
                        runColor = c
                        run = 1
                    }
                }
                result += history.terminateAndCount(runColor: runColor, run: run) * n3
            }
        }
        // N2: 2×2 blocks of one colour.
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let c = m[y * size + x]
                if c == m[y * size + x + 1] && c == m[(y + 1) * size + x] && c == m[(y + 1) * size + x + 1] {
                    result += n2
                }
            }
        }
        // N4: how far the share of dark modules strays from 50%, in steps of 5%.
        var dark = 0
        for c in m { dark += Int(c) }
        let total = size * size
        let k = (abs(dark * 20 - total * 10) + total - 1) / total - 1
        result += k * n4
        return result
    }

    /// The last seven run lengths along a line, for the 1:1:3:1:1 finder-like
    /// pattern with four light modules on one side. The light quiet zone
    /// outside the symbol counts as part of the first and last runs.
    struct FinderHistory {
        let size: Int
        var runs = [Int](repeating: 0, count: 7)

        init(size: Int) { self.size = size }

        mutating func reset() { for i in 0..<7 { runs[i] = 0 } }

        mutating func add(_ length: Int) {
            var length = length
            if runs[0] == 0 { length += size }   // the light border before the first run
            for i in stride(from: 6, to: 0, by: -1) { runs[i] = runs[i - 1] }
            runs[0] = length
        }

        func countPatterns() -> Int {
            let n = runs[1]
            let core = n > 0 && runs[2] == n && runs[3] == n * 3 && runs[4] == n && runs[5] == n
            return (core && runs[0] >= n * 4 && runs[6] >= n ? 1 : 0) + (core && runs[6] >= n * 4 && runs[0] >= n ? 1 : 0)
        }

        mutating func terminateAndCount(runColor: UInt8, run: Int) -> Int {
            var run = run
            if runColor != 0 {
                add(run)
                run = 0
            }
            run += size   // the light border after the last run
            add(run)
            return countPatterns()
        }
    }
}
