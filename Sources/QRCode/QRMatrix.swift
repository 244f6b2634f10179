/// The module grid while a symbol is being built: which modules are dark,
/// and which belong to function patterns (and so take no data or mask).
struct QRMatrix {
    let version: Int
    let size: Int
    var modules: [UInt8]
    var isFunction: [Bool]

    init(version: Int) {
        self.version = version
        size = version * 4 + 17
        modules = [UInt8](repeating: 0, count: size * size)
        isFunction = [Bool](repeating: false, count: size * size)
    }

    @inline(__always)
    mutating func setFunction(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y * size + x] = dark ? 1 : 0
        isFunction[y * size + x] = true
    }

    // MARK: Function patterns (§6.3)

    mutating func drawFunctionPatterns() {
        for i in 0..<size {
            setFunction(6, i, i % 2 == 0)   // timing patterns (§6.3.5)
            setFunction(i, 6, i % 2 == 0)
        }
        drawFinder(3, 3)
        drawFinder(size - 4, 3)
        drawFinder(3, size - 4)
        let positions = QRTables.alignmentPositions(version: version)
        let n = positions.count
        for i in 0..<n {
            for j in 0..<n where !((i == 0 && j == 0) || (i == 0 && j == n - 1) || (i == n - 1 && j == 0)) {
                drawAlignment(positions[i], positions[j])
            }
        }
        drawFormatBits(ecc: .low, mask: 0)   // reserves the area; redrawn after masking
        drawVersion()
    }

    /// A finder pattern with its separator (§6.3.3): rings at distance 2 and 4 are light.
    mutating func drawFinder(_ x: Int, _ y: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let xx = x + dx, yy = y + dy
                guard xx >= 0, xx < size, yy >= 0, yy < size else { continue }
                let distance = max(abs(dx), abs(dy))
                setFunction(xx, yy, distance != 2 && distance != 4)
            }
        }
    }

    mutating func drawAlignment(_ x: Int, _ y: Int) {
        for dy in -2...2 {
            for dx in -2...2 { setFunction(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) }
        }
    }

    /// Format information (§7.9): level and mask, BCH(15,5), XOR 0x5412, twice.
    mutating func drawFormatBits(ecc: QRErrorCorrection, mask: Int) {
        let bits = QRMatrix.formatBits(ecc: ecc, mask: mask)
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 != 0 }
        for i in 0...5 { setFunction(8, i, bit(i)) }
        setFunction(8, 7, bit(6))
        setFunction(8, 8, bit(7))
        setFunction(7, 8, bit(8))
        for i in 9..<15 { setFunction(14 - i, 8, bit(i)) }
        for i in 0..<8 { setFunction(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { setFunction(8, size - 15 + i, bit(i)) }
        setFunction(8, size - 8, true)   // the dark module
    }

    static func formatBits(ecc: QRErrorCorrection, mask: Int) -> Int {
        let data = ecc.formatBits << 3 | mask
        var rem = data
        for _ in 0..<10 { rem = (rem << 1) ^ ((rem >> 9) * 0x537) }
        return (data << 10 | rem) ^ 0x5412
    }

    /// Version information (§7.10), versions 7 and up: BCH(18,6), twice.
    mutating func drawVersion() {
        guard version >= 7 else { return }
        let bits = QRMatrix.versionBits(version)
        for i in 0..<18 {
            let dark = (bits >> i) & 1 != 0
            let a = size - 11 + i % 3, b = i / 3
            setFunction(a, b, dark)
            setFunction(b, a, dark)
        }
    }

    static func versionBits(_ version: Int) -> Int {
        var rem = version
        for _ in 0..<12 { rem = (rem << 1) ^ ((rem >> 11) * 0x1F25) }
        return version << 12 | rem
    }

    // MARK: Data placement (§7.7.3)

    /// Codewords go in two-module columns, zig-zagging up and down from the
    /// bottom right, skipping function modules and the vertical timing column.
    mutating func placeCodewords(_ codewords: [UInt8]) {
        var i = 0
        let totalBits = codewords.count * 8
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for vert in 0..<size {
                let y = upward ? size - 1 - vert : vert
                for j in 0..<2 {
                    let x = right - j
                    let idx = y * size + x
                    if !isFunction[idx] && i < totalBits {
                        modules[idx] = (codewords[i >> 3] >> (7 - UInt8(i & 7))) & 1
                        i += 1
                    }
                }
            }
            right -= 2
        }
    }

    // MARK: Masking (§7.8)

    static func maskBit(_ mask: Int, _ x: Int, _ y: Int) -> Bool {
        switch mask {
        case 0: return (x + y) % 2 == 0
        case 1: return y % 2 == 0
        case 2: return x % 3 == 0
        case 3: return (x + y) % 3 == 0
        case 4: return (x / 3 + y / 2) % 2 == 0
        case 5: return x * y % 2 + x * y % 3 == 0
        case 6: return (x * y % 2 + x * y % 3) % 2 == 0
        default: return ((x + y) % 2 + x * y % 3) % 2 == 0
        }
    }

    /// XOR is its own inverse: applying a mask twice removes it.
    mutating func applyMask(_ mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y * size + x] && QRMatrix.maskBit(mask, x, y) {
                modules[y * size + x] ^= 1
            }
        }
    }

    /// The mask with the lowest penalty (§7.8.3); the first on a tie.
    mutating func bestMask(ecc: QRErrorCorrection) -> Int {
        var best = 0
        var bestPenalty = Int.max
        for mask in 0..<8 {
            applyMask(mask)
            drawFormatBits(ecc: ecc, mask: mask)
            let penalty = QRPenalty.score(modules, size: size)
            if penalty < bestPenalty { best = mask; bestPenalty = penalty }
            applyMask(mask)
        }
        return best
    }
}
