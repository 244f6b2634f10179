/// Everything about a symbol that depends only on its version: the function
/// patterns drawn (ISO/IEC 18004:2015 §6.3), which modules carry data, the
/// order codeword bits fill them in (§7.7.3), and where the format bits go
/// (§7.9.1). Made once per version and shared by every symbol.
struct SymbolTemplate: Sendable {
    let version: Int
    let size: Int
    /// Rows and columns with the function patterns and version information
    /// drawn (1 = dark); format information and every data module light.
    let functionRows: BitLines
    let functionColumns: BitLines
    /// Rows and columns with a 1 for each module that carries data (and so takes the mask).
    let dataRows: BitLines
    let dataColumns: BitLines
    /// Column and row of each data module, in the order codeword bits fill them.
    let placementX: [UInt8]
    let placementY: [UInt8]
    /// Column and row of format bits 0…14, first the copy around the
    /// top-left finder, then the copy split between the other two.
    let formatX: [Int]
    let formatY: [Int]

    static let all: [SymbolTemplate] = QRTables.versions.map(SymbolTemplate.init(version:))

    static func of(version: Int) -> SymbolTemplate { all[version - 1] }

    private init(version: Int) {
        var drawing = Drawing(size: QRTables.size(version: version))
        drawing.drawTimingPatterns()
        drawing.drawFinderPatterns()
        drawing.drawAlignmentPatterns(centres: QRTables.alignmentPatternCentres(version: version))
        let format = drawing.reserveFormatInformation()
        if version >= 7 { drawing.drawVersionInformation(FormatInformation.versionBits(version: version)) }
        self.version = version
        let size = drawing.size
        self.size = size
        var functionRows = BitLines(size: size), functionColumns = BitLines(size: size)
        var dataRows = BitLines(size: size), dataColumns = BitLines(size: size)
        let modules = drawing.modules, isFunction = drawing.isFunction
        for y in 0..<size {
            for x in 0..<size {
                if modules[y * size + x] != 0 {
                    functionRows.set(line: y, module: x)
                    functionColumns.set(line: x, module: y)
                }
                if !isFunction[y * size + x] {
                    dataRows.set(line: y, module: x)
                    dataColumns.set(line: x, module: y)
                }
            }
        }
        self.functionRows = functionRows
        self.functionColumns = functionColumns
        self.dataRows = dataRows
        self.dataColumns = dataColumns
        let order = drawing.placementOrder()
        placementX = order.map { UInt8($0.x) }
        placementY = order.map { UInt8($0.y) }
        formatX = format.map(\.x)
        formatY = format.map(\.y)
    }

    /// A symbol grid being drawn: module colours and which are function modules.
    private struct Drawing {
        let size: Int
        var modules: [UInt8]
        var isFunction: [Bool]

        init(size: Int) {
            self.size = size
            modules = [UInt8](repeating: 0, count: size * size)
            isFunction = [Bool](repeating: false, count: size * size)
        }

        mutating func set(x: Int, y: Int, dark: Bool) {
            modules[y * size + x] = dark ? 1 : 0
            isFunction[y * size + x] = true
        }

        /// Row 6 and column 6 alternate dark and light, dark at even indices (§6.3.5).
        mutating func drawTimingPatterns() {
            for i in 0..<size {
                set(x: 6, y: i, dark: i % 2 == 0)
                set(x: i, y: 6, dark: i % 2 == 0)
            }
        }

        /// Three 7×7 finders (§6.3.3), each with its one-module light
        /// separator (§6.3.4): squares at Chebyshev distance 2 and 4 from the
        /// centre are light.
        mutating func drawFinderPatterns() {
            for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
                for dy in -4...4 {
                    for dx in -4...4 {
                        let x = cx + dx, y = cy + dy
                        guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                        let distance = max(abs(dx), abs(dy))
                        set(x: x, y: y, dark: distance != 2 && distance != 4)
                    }
                }
            }
        }

        /// 5×5 alignment patterns at every pair of centres except the three
        /// that would overlap a finder (§6.3.6).
        mutating func drawAlignmentPatterns(centres: [Int]) {
            let last = centres.count - 1
            for (i, cy) in centres.enumerated() {
                for (j, cx) in centres.enumerated() {
                    if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                    for dy in -2...2 {
                        for dx in -2...2 { set(x: cx + dx, y: cy + dy, dark: max(abs(dx), abs(dy)) != 1) }
                    }
                }
            }
        }

        /// Marks the format information modules as function modules, left
        /// light, and draws the dark module (§7.9.1, Figure 25). Returns where
        /// bits 0…14 of each copy go.
        mutating func reserveFormatInformation() -> [(x: Int, y: Int)] {
            var first: [(x: Int, y: Int)] = []
            for i in 0...5 { first.append((8, i)) }           // bits 0–5 down column 8
            first += [(8, 7), (8, 8), (7, 8)]                 // bits 6–8 around the timing patterns
            for i in 9..<15 { first.append((14 - i, 8)) }     // bits 9–14 leftwards along row 8
            var second: [(x: Int, y: Int)] = []
            for i in 0..<8 { second.append((size - 1 - i, 8)) }        // bits 0–7 under the top-right finder
            for i in 8..<15 { second.append((8, size - 15 + i)) }      // bits 8–14 beside the bottom-left finder
            for (x, y) in first + second { set(x: x, y: y, dark: false) }
            set(x: 8, y: size - 8, dark: true)
            return first + second
        }

        /// Two 6×3 copies of the 18 version bits: bit i at (size − 11 + i mod 3,
        /// i div 3) and transposed (§7.10, Figure 27).
        mutating func drawVersionInformation(_ bits: Int) {
            for i in 0..<18 {
                let dark = (bits >> i) & 1 != 0
                let a = size - 11 + i % 3, b = i / 3
                set(x: a, y: b, dark: dark)
                set(x: b, y: a, dark: dark)
            }
        }

        /// Data modules in codeword placement order (§7.7.3): two-module-wide
        /// columns from the right edge, upwards then downwards in turn, right
        /// module before left, skipping function modules; the vertical timing
        /// pattern's column is skipped as a whole.
        func placementOrder() -> [(x: Int, y: Int)] {
            var order: [(x: Int, y: Int)] = []
            order.reserveCapacity(size * size)
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                let upward = (right + 1) & 2 == 0
                for step in 0..<size {
                    let y = upward ? size - 1 - step : step
                    for x in stride(from: right, through: right - 1, by: -1) where !isFunction[y * size + x] {
                        order.append((x, y))
                    }
                }
                right -= 2
            }
            return order
        }
    }
}
