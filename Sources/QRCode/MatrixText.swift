extension QRCode {
    /// The modules as text: one line per row, `1` dark and `0` light, each
    /// line ending in a newline; no quiet zone.
    public func matrixText() -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity((size + 1) * size)
        for y in 0..<size {
            for x in 0..<size { bytes.append(modules[y * size + x] != 0 ? UInt8(ascii: "1") : UInt8(ascii: "0")) }
            bytes.append(UInt8(ascii: "\n"))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
