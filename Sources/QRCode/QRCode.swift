/// A QR Code symbol (Model 2, ISO/IEC 18004:2015): the grid of dark and
/// light modules, built by the steps of §7 in order.
public struct QRCode: Sendable {
    public let version: Int
    public let errorCorrection: QRErrorCorrection
    public let mask: Int
    public let size: Int
    /// Row-major, 1 = dark.
    let modules: [UInt8]

    public func isDark(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size && y < size && modules[y * size + x] != 0
    }

    // MARK: - Encoding

    /// Encodes text in UTF-8 with the segmentation that takes the fewest bits.
    public static func encode(text: String, errorCorrection: QRErrorCorrection = .medium, minVersion: Int = 1,
                              maxVersion: Int = 40, mask: Int? = nil, boostErrorCorrection: Bool = true,
                              eci: QRECIMode = .auto) throws -> QRCode {
        let bytes = Array(text.utf8)
        let useECI = eci == .on || (eci == .auto && bytes.contains { $0 >= 0x80 })
        try checkArguments(minVersion: minVersion, maxVersion: maxVersion, mask: mask)
        // Count fields differ by version group, so the best split can too.
        var cache: [Int: [QRSegment]] = [:]
        return try encode(errorCorrection: errorCorrection, minVersion: minVersion, maxVersion: maxVersion, mask: mask,
                          boostErrorCorrection: boostErrorCorrection) { version in
            let group = version <= 9 ? 9 : (version <= 26 ? 26 : 40)
            if let s = cache[group] { return s }
            let s = (useECI ? [QRSegment.eci(26)] : []) + QRSegmentOptimizer.segments(for: bytes, version: group)
            cache[group] = s
            return s
        }
    }

    public static func encode(segments: [QRSegment], errorCorrection: QRErrorCorrection, minVersion: Int = 1,
                              maxVersion: Int = 40, mask: Int? = nil, boostErrorCorrection: Bool = true) throws -> QRCode {
        try checkArguments(minVersion: minVersion, maxVersion: maxVersion, mask: mask)
        return try encode(errorCorrection: errorCorrection, minVersion: minVersion, maxVersion: maxVersion, mask: mask,
                          boostErrorCorrection: boostErrorCorrection) { _ in segments }
    }

    static func checkArguments(minVersion: Int, maxVersion: Int, mask: Int?) throws {
        guard (1...40).contains(minVersion) else { throw QRError.invalidVersion(minVersion) }
        guard (1...40).contains(maxVersion) else { throw QRError.invalidVersion(maxVersion) }
        guard minVersion <= maxVersion else { throw QRError.invalidVersionRange(min: minVersion, max: maxVersion) }
        if let mask, !(0...7).contains(mask) { throw QRError.invalidMask(mask) }
    }

    private static func encode(errorCorrection: QRErrorCorrection, minVersion: Int, maxVersion: Int, mask: Int?,
                               boostErrorCorrection: Bool, segmentsFor: (Int) -> [QRSegment]) throws -> QRCode {
        // 1. The smallest version that holds the data (§7.1).
        var version = minVersion
        var segments: [QRSegment]
        var usedBits: Int
        while true {
            segments = segmentsFor(version)
            let capacity = QRTables.dataCodewords(version: version, ecc: errorCorrection) * 8
            if let used = QRSegment.totalBits(segments, version: version), used <= capacity {
                usedBits = used
                break
            }
            if version >= maxVersion {
                throw QRError.dataTooLong(bits: QRSegment.totalBits(segments, version: version) ?? Int.max,
                                          capacityBits: capacity, errorCorrection: errorCorrection, maxVersion: maxVersion)
            }
            version += 1
        }
        // 2. The strongest error correction that still fits this version.
        var ecc = errorCorrection
        if boostErrorCorrection {
            for level in QRErrorCorrection.allCases where level > ecc
                && usedBits <= QRTables.dataCodewords(version: version, ecc: level) * 8 {
                ecc = level
            }
        }
        // 3. Data bits: segments, terminator, padding (§7.4.9–7.4.10).
        let capacityBits = QRTables.dataCodewords(version: version, ecc: ecc) * 8
        var bb = BitBuffer()
        for s in segments {
            bb.append(s.mode.indicator, bits: 4)
            if s.mode != .eci { bb.append(s.count, bits: s.mode.countBits(version: version)) }
            bb.append(s.bits)
        }
        bb.append(0, bits: min(4, capacityBits - bb.count))
        bb.append(0, bits: (8 - bb.count % 8) % 8)
        var data = bb.words
        var pad: UInt8 = 0xEC
        while data.count * 8 < capacityBits {
            data.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        // 4. Blocks, error correction, interleaving (§7.5–7.6); 5. the matrix (§7.7–7.9).
        let codewords = interleaveWithErrorCorrection(data, version: version, ecc: ecc)
        var matrix = QRMatrix(version: version)
        matrix.drawFunctionPatterns()
        matrix.placeCodewords(codewords)
        let chosen = mask ?? matrix.bestMask(ecc: ecc)
        matrix.applyMask(chosen)
        matrix.drawFormatBits(ecc: ecc, mask: chosen)
        return QRCode(version: version, errorCorrection: ecc, mask: chosen, size: matrix.size, modules: matrix.modules)
    }

    /// Splits data into blocks, appends each block's Reed–Solomon codewords,
    /// and interleaves them (§7.6).
    static func interleaveWithErrorCorrection(_ data: [UInt8], version: Int, ecc: QRErrorCorrection) -> [UInt8] {
        let blockCount = QRTables.errorCorrectionBlocks[ecc.rawValue][version]
        let eccLength = QRTables.eccCodewordsPerBlock[ecc.rawValue][version]
        let rawCodewords = QRTables.rawDataModules(version: version) / 8
        let shortBlocks = blockCount - rawCodewords % blockCount
        let shortLength = rawCodewords / blockCount
        let divisor = ReedSolomon.divisors[eccLength]
        var blocks: [[UInt8]] = []
        var k = 0
        for i in 0..<blockCount {
            let length = shortLength - eccLength + (i < shortBlocks ? 0 : 1)
            let slice = data[k..<(k + length)]
            k += length
            var block = Array(slice)
            // Short blocks get a placeholder so every block has the same length here.
            if i < shortBlocks { block.append(0) }
            block += ReedSolomon.remainder(slice, divisor: divisor)
            blocks.append(block)
        }
        var result: [UInt8] = []
        result.reserveCapacity(rawCodewords)
        for i in 0..<blocks[0].count {
            for (j, block) in blocks.enumerated() where i != shortLength - eccLength || j >= shortBlocks {
                result.append(block[i])
            }
        }
        return result
    }
}
