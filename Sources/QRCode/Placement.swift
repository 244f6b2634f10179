/// Putting codewords into the symbol and choosing the mask (ISO/IEC
/// 18004:2015 §7.7.3, §7.8, §7.9). The symbol is kept as bit lines, rows
/// and columns both, so masks are applied and scored 64 modules at a time.
struct Placement {
    let template: SymbolTemplate
    /// The function patterns with the codeword bits placed, not yet masked.
    var rows: BitLines
    var columns: BitLines

    /// Places the codeword bits, most significant first, 1 = dark, in the
    /// template's order (§7.7.3). Remainder bits stay 0.
    init(_ codewords: [UInt8], in template: SymbolTemplate) {
        self.template = template
        rows = template.functionRows
        columns = template.functionColumns
        let wordsPerLine = rows.wordsPerLine
        rows.words.withUnsafeMutableBufferPointer { rows in
            columns.words.withUnsafeMutableBufferPointer { columns in
                template.placementX.withUnsafeBufferPointer { xs in
                    template.placementY.withUnsafeBufferPointer { ys in
                        var k = 0
                        for codeword in codewords {
                            var bits = codeword
                            for _ in 0..<8 {
                                if bits & 0x80 != 0 {
                                    let x = Int(xs[k]), y = Int(ys[k])
                                    let xBit = x + BitLines.padding, yBit = y + BitLines.padding
                                    rows[y * wordsPerLine + xBit >> 6] |= 1 &<< UInt64(xBit & 63)
                                    columns[x * wordsPerLine + yBit >> 6] |= 1 &<< UInt64(yBit & 63)
                                }
                                bits <<= 1
                                k += 1
                            }
                        }
                    }
                }
            }
        }
    }

    /// The symbol with `mask` applied and its format information drawn (§7.8.2, §7.9.1).
    func masked(_ mask: Int, level: QRErrorCorrection) -> (rows: BitLines, columns: BitLines) {
        var maskedRows = rows, maskedColumns = columns
        apply(mask, level: level, rows: &maskedRows, columns: &maskedColumns)
        return (maskedRows, maskedColumns)
    }

    /// The forced mask, or else the one of the eight with the lowest penalty
    /// (§7.8.3), the first on a tie; the format information is part of the
    /// symbol scored. Returns the mask and the modules, row-major, 1 = dark.
    func finish(level: QRErrorCorrection, forcedMask: Int?) -> (mask: Int, modules: [UInt8]) {
        var best = (rows: rows, columns: columns)
        var bestMask = forcedMask ?? 0
        if let forcedMask {
            apply(forcedMask, level: level, rows: &best.rows, columns: &best.columns)
        } else {
            var candidate = best
            var bestPenalty = Int.max
            for mask in Mask.all {
                apply(mask, level: level, rows: &candidate.rows, columns: &candidate.columns)
                let penalty = candidate.rows.words.withUnsafeBufferPointer { rows in
                    candidate.columns.words.withUnsafeBufferPointer { columns in
                        MaskedPenalty.score(rows: rows.baseAddress!, columns: columns.baseAddress!, size: template.size,
                                            wordsPerLine: rows.count / template.size)
                    }
                }
                if penalty < bestPenalty {
                    bestPenalty = penalty
                    bestMask = mask
                    swap(&best, &candidate)
                }
            }
        }
        return (bestMask, Self.modules(of: best.rows))
    }

    /// Writes this placement with `mask` applied, and the format
    /// information for `level` and `mask`, into `maskedRows` and `maskedColumns`.
    private func apply(_ mask: Int, level: QRErrorCorrection, rows maskedRows: inout BitLines,
                       columns maskedColumns: inout BitLines) {
        let size = template.size, wordsPerLine = rows.wordsPerLine
        Mask.rowBits.withUnsafeBufferPointer { patterns in
            rows.words.withUnsafeBufferPointer { unmasked in
                template.dataRows.words.withUnsafeBufferPointer { data in
                    maskedRows.words.withUnsafeMutableBufferPointer { out in
                        Mask.apply(mask, period: Mask.rowPeriod, patterns: patterns.baseAddress!, to: unmasked.baseAddress!,
                                   data: data.baseAddress!, lines: size, wordsPerLine: wordsPerLine, into: out.baseAddress!)
                    }
                }
            }
        }
        Mask.columnBits.withUnsafeBufferPointer { patterns in
            columns.words.withUnsafeBufferPointer { unmasked in
                template.dataColumns.words.withUnsafeBufferPointer { data in
                    maskedColumns.words.withUnsafeMutableBufferPointer { out in
                        Mask.apply(mask, period: Mask.columnPeriod, patterns: patterns.baseAddress!, to: unmasked.baseAddress!,
                                   data: data.baseAddress!, lines: size, wordsPerLine: wordsPerLine, into: out.baseAddress!)
                    }
                }
            }
        }
        // Format modules are function modules, light in the template: set the 1 bits.
        let format = FormatInformation.bits(level: level, mask: mask)
        for i in 0..<30 where (format >> (i % 15)) & 1 != 0 {
            maskedRows.set(line: template.formatY[i], module: template.formatX[i])
            maskedColumns.set(line: template.formatX[i], module: template.formatY[i])
        }
    }

    /// Row-major modules, 1 = dark, from the rows.
    static func modules(of rows: BitLines) -> [UInt8] {
        let size = rows.count, wordsPerLine = rows.wordsPerLine
        return [UInt8](unsafeUninitializedCapacity: size * size) { modules, initialized in
            rows.words.withUnsafeBufferPointer { words in
                for y in 0..<size {
                    let line = words.baseAddress! + y * wordsPerLine + BitLines.padding / 64   // past the padding
                    for x in 0..<size { modules[y * size + x] = UInt8(truncatingIfNeeded: line[x >> 6] &>> UInt64(x & 63)) & 1 }
                }
            }
            initialized = size * size
        }
    }
}
