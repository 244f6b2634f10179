/// Splits bytes into numeric, alphanumeric and byte segments so that the
/// whole takes the fewest bits (ISO/IEC 18004:2015 §7.4; Annex J sketches
/// rules of thumb, this is exact).
///
/// Dynamic programming over the bytes: for each byte and each mode, the
/// cheapest encoding of everything so far that ends with this byte in that
/// mode. Costs are in sixths of a bit so that numeric (10 bits per 3 digits)
/// and alphanumeric (11 bits per 2 characters) are exact per character; a
/// segment's cost is rounded up to whole bits when it ends, which is exactly
/// how the final 1–2 digits or single character are coded. Because rounding
/// up is monotonic, keeping only the cheapest path per (byte, mode) is exact.
///
/// Count field widths differ between versions 1–9, 10–26 and 27–40, so the
/// best split can differ too: callers plan once per version group. Runs need
/// no cap at the count field's limit: in every group the field counts more
/// characters than the group's largest symbol holds (e.g. 2047 alphanumeric
/// against 1990 at 26-L), so a run that long fails the capacity check anyway.
enum QRSegmentOptimizer {
    /// Modes in the order of the cost arrays below.
    private static let modes: [QRSegment.Mode] = [.byte, .alphanumeric, .numeric]
    private static let byteMode = 0, alphanumericMode = 1, numericMode = 2

    /// Sixths of a bit per character in each mode (§7.4.3–7.4.5).
    private static let characterCost = (byte: 48, alphanumeric: 33, numeric: 20)

    /// A split of the bytes into runs of one mode each.
    struct Plan {
        /// Mode index per run, and where each run ends (exclusive).
        fileprivate(set) var runModes: [UInt8] = []
        fileprivate(set) var runEnds: [Int] = []
        /// Total bits of all segments, headers included.
        fileprivate(set) var bits = 0

        func segments(of bytes: [UInt8]) -> [QRSegment] {
            var result: [QRSegment] = []
            result.reserveCapacity(runEnds.count)
            var start = 0
            for (mode, end) in zip(runModes, runEnds) {
                let run = bytes[start..<end]
                switch Int(mode) {
                case QRSegmentOptimizer.numericMode: result.append(.numeric(validated: run))
                case QRSegmentOptimizer.alphanumericMode: result.append(.alphanumeric(validated: run))
                default: result.append(.bytes(run))
                }
                start = end
            }
            return result
        }
    }

    /// The cheapest split of `bytes` for a version group (0: 1–9, 1: 10–26, 2: 27–40).
    static func plan(_ bytes: [UInt8], versionGroup: Int) -> Plan {
        var plan = Plan()
        let n = bytes.count
        guard n > 0 else { return plan }
        let version = QRSegment.versionGroupEnds[versionGroup]
        // A new segment costs its mode indicator and count field.
        let header = modes.map { (4 + $0.characterCountBits(version: version)) * 6 }
        let unreachable = Int.max / 4
        // previousMode[i * 3 + m]: the mode of byte i − 1 on the best path that puts byte i in mode m.
        var previousMode = [UInt8](repeating: 0, count: n * 3)
        // Before any byte, a segment of each mode may just have been opened.
        var cost = (header[0], header[1], header[2])
        let openByte = header[byteMode] + characterCost.byte
        let openAlphanumeric = header[alphanumericMode] + characterCost.alphanumeric
        let openNumeric = header[numericMode] + characterCost.numeric

        bytes.withUnsafeBufferPointer { bytes in
            characterClasses.withUnsafeBufferPointer { classes in
                for i in 0..<n {
                    let cls = classes[Int(bytes[i])]
                    // Ending the current segment rounds its cost up to whole bits.
                    let closed = (roundUp(cost.0), roundUp(cost.1), roundUp(cost.2))
                    let byte = cheapest(byteMode, stay: cost.0 + characterCost.byte, closed: closed, open: openByte)
                    previousMode[i * 3 + byteMode] = byte.from
                    var alphanumeric = (cost: unreachable, from: UInt8(0))
                    if cls >= 1 {
                        alphanumeric = cheapest(alphanumericMode, stay: cost.1 + characterCost.alphanumeric,
                                                closed: closed, open: openAlphanumeric)
                        previousMode[i * 3 + alphanumericMode] = alphanumeric.from
                    }
                    var numeric = (cost: unreachable, from: UInt8(0))
                    if cls >= 2 {
                        numeric = cheapest(numericMode, stay: cost.2 + characterCost.numeric, closed: closed, open: openNumeric)
                        previousMode[i * 3 + numericMode] = numeric.from
                    }
                    cost = (byte.cost, alphanumeric.cost, numeric.cost)
                }
            }
        }

        // The cheapest final mode, then walk the choices back to the start.
        let finals = [roundUp(cost.0), roundUp(cost.1), roundUp(cost.2)]
        var mode = 0
        for m in 1..<3 where finals[m] < finals[mode] { mode = m }
        plan.bits = finals[mode] / 6
        var runModes: [UInt8] = [], runStarts: [Int] = []
        var i = n - 1
        var current = mode
        while i >= 0 {
            let previous = Int(previousMode[i * 3 + current])
            if previous != current || i == 0 {
                runModes.append(UInt8(current))
                runStarts.append(i)
            }
            current = previous
            i -= 1
        }
        plan.runModes = runModes.reversed()
        let starts = Array(runStarts.reversed())
        plan.runEnds = Array(starts.dropFirst()) + [n]
        return plan
    }

    /// The cheaper of staying in `mode` (ties go to staying: fewer segments,
    /// same bits) and closing another mode's segment to open one in `mode`.
    @inline(__always)
    private static func cheapest(_ mode: Int, stay: Int, closed: (Int, Int, Int), open: Int) -> (cost: Int, from: UInt8) {
        var best = stay, from = mode
        if mode != 0 && closed.0 + open < best { best = closed.0 + open; from = 0 }
        if mode != 1 && closed.1 + open < best { best = closed.1 + open; from = 1 }
        if mode != 2 && closed.2 + open < best { best = closed.2 + open; from = 2 }
        return (best, UInt8(from))
    }

    @inline(__always)
    private static func roundUp(_ sixths: Int) -> Int { (sixths + 5) / 6 * 6 }

    /// Per byte: 0 byte mode only, 1 also alphanumeric, 2 also numeric.
    private static let characterClasses: [UInt8] = (0..<256).map { b -> UInt8 in
        QRSegment.isDigit(UInt8(b)) ? 2 : (QRSegment.isAlphanumeric(UInt8(b)) ? 1 : 0)
    }
}
