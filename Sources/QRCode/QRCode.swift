/// A QR Code symbol, Model 2 (ISO/IEC 18004:2015): a square of dark and
/// light modules, made by the steps of §7.1 in order: choose segments and
/// version, build the data codewords, add error correction and interleave,
/// place the modules, choose and apply a mask, add format information.
public struct QRCode: Sendable, Equatable {
    /// 1…40; the symbol is 4 · version + 17 modules wide.
    public let version: Int
    /// The level used, which may be above the one asked for (see `encode`).
    public let errorCorrection: QRErrorCorrection
    /// The data mask, 0…7.
    public let mask: Int
    /// Modules per side.
    public let size: Int
    /// Row-major, 1 = dark.
    let modules: [UInt8]

    /// Whether the module at column x, row y is dark; anything outside the
    /// symbol (the quiet zone) is light.
    public func isDark(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size && y < size && modules[y * size + x] != 0
    }

    // MARK: - Encoding

    /// Encodes text as UTF-8 in the segments that take the fewest bits, in
    /// the smallest version from `minVersion` to `maxVersion` that holds it.
    ///
    /// - Parameters:
    ///   - errorCorrection: the lowest level acceptable.
    ///   - mask: a mask to force; by default the one with the lowest penalty (§7.8.3).
    ///   - boostErrorCorrection: raise the level as far as the version
    ///     chosen still holds the data; the symbol gets no larger.
    ///   - eci: whether to announce UTF-8 with ECI 26 (`.auto`: only for non-ASCII text).
    public static func encode(text: String, errorCorrection: QRErrorCorrection = .medium, minVersion: Int = 1,
                              maxVersion: Int = 40, mask: Int? = nil, boostErrorCorrection: Bool = true,
                              eci: QRECIMode = .auto) throws -> QRCode {
        try validate(minVersion: minVersion, maxVersion: maxVersion, mask: mask)
        let bytes = Array(text.utf8)
        let announceUTF8: Bool
        switch eci {
        case .on: announceUTF8 = true
        case .off: announceUTF8 = false
        case .auto: announceUTF8 = bytes.contains { $0 >= 0x80 }
        }
        let eciBits = announceUTF8 ? 4 + QRSegment.utf8Designator.data.count : 0
        // The best split depends on the count field widths, so on the version group: plan each group at most once.
        var plans: [QRSegmentOptimizer.Plan?] = [nil, nil, nil]
        let version = try smallestVersion(minVersion: minVersion, maxVersion: maxVersion, level: errorCorrection) { v in
            let group = QRSegment.versionGroup(v)
            if plans[group] == nil { plans[group] = QRSegmentOptimizer.plan(bytes, versionGroup: group) }
            return plans[group]!.bits + eciBits
        }
        var segments = plans[QRSegment.versionGroup(version)]!.segments(of: bytes)
        if announceUTF8 { segments.insert(QRSegment.utf8Designator, at: 0) }
        return makeSymbol(segments: segments, version: version, level: errorCorrection, mask: mask,
                          boostErrorCorrection: boostErrorCorrection)
    }

    /// Encodes segments as given, in the smallest version from `minVersion`
    /// to `maxVersion` that holds them; the other parameters as for `encode(text:)`.
    public static func encode(segments: [QRSegment], errorCorrection: QRErrorCorrection, minVersion: Int = 1,
                              maxVersion: Int = 40, mask: Int? = nil, boostErrorCorrection: Bool = true) throws -> QRCode {
        try validate(minVersion: minVersion, maxVersion: maxVersion, mask: mask)
        let version = try smallestVersion(minVersion: minVersion, maxVersion: maxVersion, level: errorCorrection) { v in
            let length = QRSegment.bitLength(of: segments, version: v)
            // A count too large for its field cannot be encoded at this version at all.
            return length.countsFit ? length.bits : Int.max
        }
        return makeSymbol(segments: segments, version: version, level: errorCorrection, mask: mask,
                          boostErrorCorrection: boostErrorCorrection)
    }

    static func validate(minVersion: Int, maxVersion: Int, mask: Int?) throws {
        guard QRTables.versions.contains(minVersion) else { throw QRError.invalidVersion(minVersion) }
        guard QRTables.versions.contains(maxVersion) else { throw QRError.invalidVersion(maxVersion) }
        guard minVersion <= maxVersion else { throw QRError.invalidVersionRange(min: minVersion, max: maxVersion) }
        if let mask, !Mask.all.contains(mask) { throw QRError.invalidMask(mask) }
    }

    /// The smallest version in range whose data capacity at `level` holds
    /// `bits(version)` bits. If none does, looks on up to 40 to say which would.
    static func smallestVersion(minVersion: Int, maxVersion: Int, level: QRErrorCorrection,
                                bits: (Int) -> Int) throws -> Int {
        for version in minVersion...40 {
            let capacity = QRTables.dataCodewords(version: version, level: level) * 8
            guard bits(version) <= capacity else { continue }
            if version <= maxVersion { return version }
            let maxCapacity = QRTables.dataCodewords(version: maxVersion, level: level) * 8
            throw QRError.versionTooSmall(maxVersion: maxVersion, bits: bits(maxVersion), capacityBits: maxCapacity,
                                          errorCorrection: level, smallestFittingVersion: version)
        }
        throw QRError.dataTooLong(bits: bits(40), capacityBits: QRTables.dataCodewords(version: 40, level: level) * 8,
                                  errorCorrection: level)
    }

    /// Steps after the version is known; the segments fit it at `level`.
    private static func makeSymbol(segments: [QRSegment], version: Int, level: QRErrorCorrection, mask: Int?,
                                   boostErrorCorrection: Bool) -> QRCode {
        // Raise the level while the data still fits this version.
        let bits = QRSegment.bitLength(of: segments, version: version).bits
        var level = level
        if boostErrorCorrection {
            for higher in QRErrorCorrection.allCases where higher > level
                && bits <= QRTables.dataCodewords(version: version, level: higher) * 8 {
                level = higher
            }
        }
        let data = Codewords.data(segments: segments, version: version,
                                  capacity: QRTables.dataCodewords(version: version, level: level))
        let codewords = Codewords.withErrorCorrection(data: data, version: version, level: level)
        let template = SymbolTemplate.of(version: version)
        let (chosenMask, modules) = Placement(codewords, in: template).finish(level: level, forcedMask: mask)
        return QRCode(version: version, errorCorrection: level, mask: chosenMask, size: template.size, modules: modules)
    }
}
