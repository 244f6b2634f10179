/// The penalty score of §7.8.3.1 computed on bit lines, 64 modules per
/// step: the same score as `Penalty.score`, which reads the rules module by
/// module and is the reference this is tested against.
///
/// N1 and the common finder-like case N3 (unit 1) are bit patterns over a
/// window; the rare larger finder-like patterns (unit ≥ 2) are found by a
/// bit-pattern prefilter and checked run by run.
enum MaskedPenalty {
    /// Positions scored per window: each window also holds 4 modules of
    /// context before and 12 after.
    private static let step = 48

    static func score(rows: UnsafePointer<UInt64>, columns: UnsafePointer<UInt64>, size: Int, wordsPerLine: Int) -> Int {
        let windows = Windows(size: size)
        var total = 0
        for y in 0..<size { total += runsAndFinders(rows + y * wordsPerLine, windows: windows) }
        for x in 0..<size { total += runsAndFinders(columns + x * wordsPerLine, windows: windows) }
        total += blocks(rows, size: size, wordsPerLine: wordsPerLine) * Penalty.sameColourBlock
        total += darkBalance(rows, size: size, wordsPerLine: wordsPerLine) * Penalty.balance
        return total
    }

    /// How a line of `size` modules splits into windows, the same for every
    /// line: at most four (177 = 3 · 48 + 33).
    struct Windows {
        let size: Int
        let count: Int
        /// Per window: the bits scored, and the bits j where modules j and j + 1 both lie inside.
        let scored: (UInt64, UInt64, UInt64, UInt64)
        let pairs: (UInt64, UInt64, UInt64, UInt64)

        init(size: Int) {
            self.size = size
            count = (size + step - 1) / step
            func window(_ w: Int) -> (scored: UInt64, pairs: UInt64) {
                let start = w * step
                guard start < size else { return (0, 0) }
                return (bits(4, 4 + min(step, size - start)), bits(4 - start, size - 1 - start + 4))
            }
            let (w0, w1, w2, w3) = (window(0), window(1), window(2), window(3))
            scored = (w0.scored, w1.scored, w2.scored, w3.scored)
            pairs = (w0.pairs, w1.pairs, w2.pairs, w3.pairs)
        }

        @inline(__always)
        func masks(_ w: Int) -> (scored: UInt64, pairs: UInt64) {
            switch w {
            case 0: return (scored.0, pairs.0)
            case 1: return (scored.1, pairs.1)
            case 2: return (scored.2, pairs.2)
            default: return (scored.3, pairs.3)
            }
        }
    }

    /// Bits lo..<hi of a word, clamped to 0…64.
    @inline(__always)
    private static func bits(_ lo: Int, _ hi: Int) -> UInt64 {
        let lo = max(0, lo), hi = min(64, hi)
        guard hi > lo else { return 0 }
        let upper: UInt64 = hi == 64 ? ~0 : (1 &<< UInt64(hi)) &- 1
        return upper & ~((1 &<< UInt64(lo)) &- 1)
    }

    /// N1 and N3 along one line (`Penalty.runsAndFinders`).
    static func runsAndFinders(_ line: UnsafePointer<UInt64>, windows: Windows) -> Int {
        let size = windows.size
        var runPoints = 0, finders = 0
        for w in 0..<windows.count {
            let start = w * step
            let (scored, pairs) = windows.masks(w)
            // Window bit j is module start − 4 + j (outside the symbol: 0, light).
            let first = BitLines.padding + start - 4
            let word = first >> 6, shift = UInt64(first & 63)
            let dark = shift == 0 ? line[word] : (line[word] &>> shift) | (line[word + 1] &<< (64 - shift))
            let light = ~dark
            // Scored here: modules start ..< start + 48 inside the symbol.
            // same[j]: modules j and j + 1 both inside and of one colour.
            let same = ~(dark ^ (dark &>> 1)) & pairs

            // N1: positions where five modules in a row share a colour (a run
            // of L ≥ 5 has L − 4), plus 2 for each run of 5 or more, where it
            // starts: (L − 4) + 2 = 3 + (L − 5), the points of Table 11.
            let five = same & (same &>> 1) & (same &>> 2) & (same &>> 3) & scored
            runPoints += five.nonzeroBitCount + 2 * (five & ~(same &<< 1)).nonzeroBitCount

            // N3 with unit 1: light, dark, light, dark ×3, light, dark, light
            // starting one before j, and four light before or after it.
            let core = (light &<< 1) & dark & (light &>> 1) & (dark &>> 2) & (dark &>> 3) & (dark &>> 4)
                & (light &>> 5) & (dark &>> 6) & (light &>> 7) & scored
            if core != 0 {
                let lightBefore = (light &<< 1) & (light &<< 2) & (light &<< 3) & (light &<< 4)
                let lightAfter = (light &>> 7) & (light &>> 8) & (light &>> 9) & (light &>> 10)
                finders += (core & lightBefore).nonzeroBitCount + (core & lightAfter).nonzeroBitCount
            }

            // Units ≥ 2: the centre run (≥ 6 dark) follows at least two light.
            var centres = light & (light &>> 1) & (dark &>> 2) & (dark &>> 3) & (dark &>> 4) & (dark &>> 5)
                & (dark &>> 6) & (dark &>> 7) & scored
            while centres != 0 {
                let j = centres.trailingZeroBitCount
                finders += scaledFinderPatterns(line, size: size, centre: start - 4 + j + 2)
                centres &= centres &- 1
            }
        }
        return runPoints + finders * Penalty.finderLike
    }

    /// Finder-like patterns with unit n ≥ 2 whose centre run starts at
    /// `centre`: dark n, light n, dark 3n, light n, dark n, with light of at
    /// least 4n on one side and n on the other (the edge counts as light).
    private static func scaledFinderPatterns(_ line: UnsafePointer<UInt64>, size: Int, centre: Int) -> Int {
        @inline(__always) func isDark(_ i: Int) -> Bool {
            let bit = i + BitLines.padding
            return line[bit >> 6] &>> UInt64(bit & 63) & 1 != 0
        }
        /// Modules of one colour from i in direction d, stopping at the edge.
        func run(from i: Int, _ d: Int, dark: Bool) -> Int {
            var i = i, length = 0
            while i >= 0 && i < size && isDark(i) == dark { i += d; length += 1 }
            return length
        }
        /// Light from i in direction d; reaching the edge counts the whole quiet zone (as `Penalty.RunHistory`).
        func outerLight(from i: Int, _ d: Int) -> Int {
            let length = run(from: i, d, dark: false)
            let end = i + d * length
            return end < 0 || end >= size ? length + size : length
        }
        let centreLength = run(from: centre, 1, dark: true)
        guard centreLength % 3 == 0 else { return 0 }
        let n = centreLength / 3
        guard run(from: centre - 1, -1, dark: false) == n, run(from: centre - 1 - n, -1, dark: true) == n,
              run(from: centre + 3 * n, 1, dark: false) == n, run(from: centre + 4 * n, 1, dark: true) == n
        else { return 0 }
        let before = outerLight(from: centre - 1 - 2 * n, -1)
        let after = outerLight(from: centre + 5 * n, 1)
        return (after >= 4 * n && before >= n ? 1 : 0) + (before >= 4 * n && after >= n ? 1 : 0)
    }

    /// N2: 2×2 blocks of one colour, from each pair of adjacent rows.
    static func blocks(_ rows: UnsafePointer<UInt64>, size: Int, wordsPerLine: Int) -> Int {
        var count = 0
        let inner = wordsPerLine - 1
        for y in 0..<(size - 1) {
            let top = rows + y * wordsPerLine, bottom = top + wordsPerLine
            for k in 1..<inner {
                // Bit i of a word and of its "next" word: modules x and x + 1.
                let a = top[k], aNext = (a &>> 1) | (top[k + 1] &<< 63)
                let b = bottom[k], bNext = (b &>> 1) | (bottom[k + 1] &<< 63)
                let blocks = ~(a ^ b) & ~(aNext ^ bNext) & ~(a ^ aNext)
                // Only blocks whose left column x satisfies 0 ≤ x < size − 1.
                count += (blocks & bits(BitLines.padding - 64 * k, BitLines.padding + size - 1 - 64 * k)).nonzeroBitCount
            }
        }
        return count
    }

    /// N4, from the count of dark modules (`Penalty.darkBalance`).
    static func darkBalance(_ rows: UnsafePointer<UInt64>, size: Int, wordsPerLine: Int) -> Int {
        var dark = 0
        for y in 0..<size {
            // The padding words are always 0.
            for k in 1..<(wordsPerLine - 1) { dark += rows[y * wordsPerLine + k].nonzeroBitCount }
        }
        let total = size * size
        return (abs(dark * 20 - total * 10) + total - 1) / total - 1
    }
}
