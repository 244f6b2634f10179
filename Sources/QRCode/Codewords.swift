/// From segments to the final codeword sequence (ISO/IEC 18004:2015 §7.4.9–7.6).
enum Codewords {
    /// The data codewords: each segment's mode indicator, count and data;
    /// the terminator (up to four 0 bits, §7.4.9); 0 bits to a codeword
    /// boundary; then the pad codewords 11101100 and 00010001 in turn (§7.4.10).
    static func data(segments: [QRSegment], version: Int, capacity: Int) -> [UInt8] {
        let capacityBits = capacity * 8
        var bits = BitBuffer(reservingBits: capacityBits)
        for segment in segments {
            bits.append(segment.mode.indicator, bits: 4)
            bits.append(segment.characterCount, bits: segment.mode.characterCountBits(version: version))
            bits.append(segment.data)
        }
        bits.append(0, bits: min(4, capacityBits - bits.count))
        bits.append(0, bits: (8 - bits.count % 8) % 8)
        var codewords = bits.bytes
        codewords.reserveCapacity(capacity)
        var pad: UInt8 = 0b1110_1100
        while codewords.count < capacity {
            codewords.append(pad)
            pad ^= 0b1110_1100 ^ 0b0001_0001
        }
        return codewords
    }

    /// Splits the data codewords into the blocks of Table 9, computes each
    /// block's error-correction codewords (§7.5.2), and interleaves: the
    /// i-th data codeword of every block in turn, then the i-th
    /// error-correction codeword of every block (§7.6). Blocks differ in
    /// length by at most one data codeword; the longer come last.
    static func withErrorCorrection(data: [UInt8], version: Int, level: QRErrorCorrection) -> [UInt8] {
        let blockCount = QRTables.errorCorrectionBlocks[level.ordinal][version]
        let eccLength = QRTables.eccCodewordsPerBlock[level.ordinal][version]
        let total = QRTables.totalCodewords(version: version)
        let longBlocks = total % blockCount
        let shortBlocks = blockCount - longBlocks
        let shortDataLength = total / blockCount - eccLength
        let dataTotal = data.count
        var result = [UInt8](repeating: 0, count: total)
        var ecc = [UInt8](repeating: 0, count: eccLength)
        data.withUnsafeBufferPointer { data in
            ReedSolomon.generators[eccLength].withUnsafeBufferPointer { generator in
                GaloisField.products.withUnsafeBufferPointer { products in
                    result.withUnsafeMutableBufferPointer { out in
                        ecc.withUnsafeMutableBufferPointer { ecc in
                            var start = 0
                            for block in 0..<blockCount {
                                let length = shortDataLength + (block < shortBlocks ? 0 : 1)
                                let blockData = UnsafeBufferPointer(rebasing: data[start..<(start + length)])
                                for j in 0..<shortDataLength { out[j * blockCount + block] = blockData[j] }
                                if length > shortDataLength {
                                    out[shortDataLength * blockCount + block - shortBlocks] = blockData[shortDataLength]
                                }
                                ReedSolomon.remainder(of: blockData, generator: generator, products: products, into: ecc)
                                for j in 0..<eccLength { out[dataTotal + j * blockCount + block] = ecc[j] }
                                start += length
                            }
                        }
                    }
                }
            }
        }
        return result
    }
}
