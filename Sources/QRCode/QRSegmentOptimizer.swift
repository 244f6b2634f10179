/// Splits text into the segments that take the fewest bits (§7.4, Annex J's
/// idea done exactly): dynamic programming over the UTF-8 bytes, in sixths of
/// a bit so numeric (10/3 bits a digit) and alphanumeric (11/2) costs are exact.
enum QRSegmentOptimizer {
    private static let modes: [QRSegment.Mode] = [.byte, .alphanumeric, .numeric]

    static func segments(for data: [UInt8], version: Int) -> [QRSegment] {
        guard !data.isEmpty else { return [] }
        let n = data.count
        let head = modes.map { (4 + $0.countBits(version: version)) * 6 }
        let infinity = Int.max / 4
        // choice[i][m]: the mode the previous byte used when byte i ends in mode m.
        var choice = [[Int8]](repeating: [0, 0, 0], count: n)
        // Before the first byte, a segment of each mode has just been opened.
        var cost = head
        for i in 0..<n {
            let b = data[i]
            var next = [infinity, infinity, infinity]
            let charCost = [48, QRSegment.isAlphanumeric(b) ? 33 : -1, QRSegment.isDigit(b) ? 20 : -1]
            for m in 0..<3 where charCost[m] >= 0 {
                // Continue in the same mode, or start a new segment after rounding up to whole bits.
                var best = cost[m] + charCost[m]
                var from = m
                for p in 0..<3 where p != m {
                    let c = (cost[p] + 5) / 6 * 6 + head[m] + charCost[m]
                    if c < best { best = c; from = p }
                }
                next[m] = best
                choice[i][m] = Int8(from)
            }
            cost = next
        }
        var mode = 0
        for m in 1..<3 where (cost[m] + 5) / 6 < (cost[mode] + 5) / 6 { mode = m }
        var perByte = [Int](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            perByte[i] = mode
            mode = Int(choice[i][mode])
        }
        var result: [QRSegment] = []
        var start = 0
        for i in 1...n where i == n || perByte[i] != perByte[start] {
            let run = data[start..<i]
            switch modes[perByte[start]] {
            case .numeric: result.append(.numeric(run))
            case .alphanumeric: result.append(.alphanumeric(run))
            default: result.append(.bytes(run))
            }
            start = i
        }
        return result
    }
}
