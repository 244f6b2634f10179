/// The penalty score of a masked symbol (ISO/IEC 18004:2015 §7.8.3.1,
/// Table 11); the mask with the lowest score is used, the first on a tie.
///
/// This is the rules read module by module, as the standard states them:
/// the reference. The encoder scores with `MaskedPenalty`, 64 modules at a
/// time, and the tests hold the two equal.
///
/// The finder-like rule (N3) is read as Nayuki's reference implementation
/// reads it, so that both choose the same masks: a dark:light:dark:light:dark
/// run sequence in ratio 1:1:3:1:1 (any multiple), with light at least four
/// times the unit on one side and at least the unit on the other. Light
/// modules beyond the symbol's edge count, as the quiet zone is light.
enum Penalty {
    /// Table 11 weights.
    static let sameColourRun = 3, sameColourBlock = 3, finderLike = 40, balance = 10

    static func score(_ m: UnsafePointer<UInt8>, size: Int) -> Int {
        var total = 0
        for y in 0..<size { total += runsAndFinders(m + y * size, stride: 1, size: size) }
        for x in 0..<size { total += runsAndFinders(m + x, stride: size, size: size) }
        total += blocks(m, size: size) * sameColourBlock
        total += darkBalance(m, size: size) * balance
        return total
    }

    /// N1 and N3 along one row or column.
    /// N1: a run of five same-colour modules scores 3, each module more 1.
    static func runsAndFinders(_ line: UnsafePointer<UInt8>, stride: Int, size: Int) -> Int {
        var score = 0
        var history = RunHistory(size: size)
        var colour: UInt8 = 0   // the light border before the line
        var run = 0
        var p = line
        for _ in 0..<size {
            if p.pointee == colour {
                run += 1
                if run == 5 { score += sameColourRun } else if run > 5 { score += 1 }
            } else {
                history.push(run)
                if colour == 0 { score += history.finderLikePatterns() * finderLike }
                colour = p.pointee
                run = 1
            }
            p += stride
        }
        // The light border after the line ends the last run, or is a run of its own.
        if colour != 0 {
            history.push(run)
            run = 0
        }
        history.push(run + size)
        return score + history.finderLikePatterns() * finderLike
    }

    /// The last seven run lengths along a line, newest first.
    struct RunHistory {
        let size: Int
        var h0 = 0, h1 = 0, h2 = 0, h3 = 0, h4 = 0, h5 = 0, h6 = 0

        init(size: Int) { self.size = size }

        @inline(__always)
        mutating func push(_ length: Int) {
            // The first run of a line (light, maybe empty) extends into the border.
            let length = h0 == 0 ? length + size : length
            (h6, h5, h4, h3, h2, h1, h0) = (h5, h4, h3, h2, h1, h0, length)
        }

        /// Called when a light run has just ended (h0 light): counts a
        /// 1:1:3:1:1 pattern in h1…h5, once for each side with enough light.
        @inline(__always)
        func finderLikePatterns() -> Int {
            let n = h1
            guard n > 0, h2 == n, h3 == n * 3, h4 == n, h5 == n else { return 0 }
            return (h0 >= n * 4 && h6 >= n ? 1 : 0) + (h6 >= n * 4 && h0 >= n ? 1 : 0)
        }
    }

    /// N2: each 2×2 block of one colour (blocks may overlap).
    static func blocks(_ m: UnsafePointer<UInt8>, size: Int) -> Int {
        var count = 0
        for y in 0..<(size - 1) {
            let top = m + y * size, bottom = top + size
            for x in 0..<(size - 1) {
                let c = top[x]
                let differs = (c ^ top[x + 1]) | (c ^ bottom[x]) | (c ^ bottom[x + 1])
                count += differs == 0 ? 1 : 0
            }
        }
        return count
    }

    /// N4: k for the dark share lying between 50 ± 5k % and 50 ± 5(k+1) %.
    static func darkBalance(_ m: UnsafePointer<UInt8>, size: Int) -> Int {
        let total = size * size
        var dark = 0
        for i in 0..<total { dark += Int(m[i]) }
        return (abs(dark * 20 - total * 10) + total - 1) / total - 1
    }
}
