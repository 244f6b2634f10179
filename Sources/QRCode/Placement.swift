/// Putting codewords into the grid and choosing the mask (ISO/IEC 18004:2015
/// §7.7.3, §7.8, §7.9).
enum Placement {
    /// The template's function patterns with the codeword bits placed, most
    /// significant bit first, 1 = dark (§7.7.3). Remainder bits stay 0.
    static func place(_ codewords: [UInt8], in template: SymbolTemplate) -> [UInt8] {
        var modules = template.functionModules
        modules.withUnsafeMutableBufferPointer { modules in
            template.placementOrder.withUnsafeBufferPointer { order in
                codewords.withUnsafeBufferPointer { codewords in
                    var k = 0
                    for codeword in codewords {
                        for shift in stride(from: 7, through: 0, by: -1) {
                            modules[Int(order[k])] = (codeword >> UInt8(shift)) & 1
                            k += 1
                        }
                    }
                }
            }
        }
        return modules
    }

    /// Applies the forced mask, or else each of the eight in turn with its
    /// format information drawn, keeping the one with the lowest penalty
    /// (§7.8.3); the format information is part of the scored symbol.
    static func masked(_ unmasked: [UInt8], template: SymbolTemplate, level: QRErrorCorrection,
                       forcedMask: Int?) -> (mask: Int, modules: [UInt8]) {
        let size = template.size
        var best = [UInt8](repeating: 0, count: size * size)
        var candidate = forcedMask == nil ? best : []
        var bestMask = forcedMask ?? 0
        unmasked.withUnsafeBufferPointer { unmasked in
            template.isData.withUnsafeBufferPointer { isData in
                Mask.rows.withUnsafeBufferPointer { rows in
                    if let forcedMask {
                        best.withUnsafeMutableBufferPointer { out in
                            Mask.apply(forcedMask, to: unmasked.baseAddress!, isData: isData.baseAddress!, size: size,
                                       rows: rows.baseAddress!, into: out.baseAddress!)
                            drawFormatInformation(level: level, mask: forcedMask, template: template, into: out)
                        }
                        return
                    }
                    var bestPenalty = Int.max
                    for mask in Mask.all {
                        let penalty = candidate.withUnsafeMutableBufferPointer { out in
                            Mask.apply(mask, to: unmasked.baseAddress!, isData: isData.baseAddress!, size: size,
                                       rows: rows.baseAddress!, into: out.baseAddress!)
                            drawFormatInformation(level: level, mask: mask, template: template, into: out)
                            return Penalty.score(UnsafePointer(out.baseAddress!), size: size)
                        }
                        if penalty < bestPenalty {
                            bestPenalty = penalty
                            bestMask = mask
                            swap(&best, &candidate)
                        }
                    }
                }
            }
        }
        return (bestMask, best)
    }

    /// Both copies of the 15 format bits (§7.9.1).
    static func drawFormatInformation(level: QRErrorCorrection, mask: Int, template: SymbolTemplate,
                                      into modules: UnsafeMutableBufferPointer<UInt8>) {
        let bits = FormatInformation.bits(level: level, mask: mask)
        for (i, position) in template.formatPositions.enumerated() {
            modules[Int(position)] = UInt8((bits >> (i % 15)) & 1)
        }
    }
}
