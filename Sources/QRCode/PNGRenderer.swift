import CZlib

extension QRCode {
    /// The symbol as a PNG: 1-bit greyscale (0 black, 1 white), each module a
    /// square of `moduleSize` pixels, with a light quiet zone of `border`
    /// modules (§6.3.8 asks for at least 4). The image data is
    /// zlib-compressed, each scanline with filter type 0 (PNG spec §9–10).
    /// A module size below 1 counts as 1, a negative border as 0.
    public func png(moduleSize: Int = 8, border: Int = 4) -> [UInt8] {
        let scale = max(1, moduleSize), border = max(0, border)
        let pixels = (size + 2 * border) * scale
        let rowBytes = (pixels + 7) / 8
        // Scanlines: a filter-type byte, then pixels packed 8 to a byte, most significant first.
        var raw = [UInt8](repeating: 0, count: (rowBytes + 1) * pixels)
        var line = [UInt8](repeating: 0xFF, count: rowBytes)
        raw.withUnsafeMutableBufferPointer { raw in
            line.withUnsafeMutableBufferPointer { line in
                // Each module row gives one scanline, copied `scale` times.
                for moduleRow in 0..<(size + 2 * border) {
                    let y = moduleRow - border
                    line.update(repeating: 0xFF)
                    if y >= 0 && y < size {
                        for x in 0..<size where modules[y * size + x] != 0 {
                            let first = (x + border) * scale
                            for px in first..<(first + scale) { line[px >> 3] &= ~(0x80 >> UInt8(px & 7)) }
                        }
                    }
                    // Padding bits after the last pixel are ignored by readers; they stay white.
                    for copy in 0..<scale {
                        let start = (moduleRow * scale + copy) * (rowBytes + 1)
                        raw[start] = 0   // filter type None
                        UnsafeMutableRawPointer(raw.baseAddress! + start + 1)
                            .copyMemory(from: line.baseAddress!, byteCount: rowBytes)
                    }
                }
            }
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]   // signature (§5.2)
        var header = [UInt8]()
        header.appendBigEndian(UInt32(pixels))
        header.appendBigEndian(UInt32(pixels))
        header += [1, 0, 0, 0, 0]   // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
        png.appendChunk("IHDR", header)
        png.appendChunk("IDAT", Self.zlibCompressed(raw))
        png.appendChunk("IEND", [])
        return png
    }

    /// A zlib stream (RFC 1950) of `data`, compressed by zlib at its fastest
    /// level: QR scanlines are long runs, which level 1 already packs into a
    /// few hundred bytes (about 0.4 KB more than level 9, still one disk block),
    /// at a thirtieth of level 9's time. Should zlib fail (it can only run out
    /// of memory), the data goes in stored deflate blocks (RFC 1951 §3.2.4),
    /// which every reader accepts.
    static func zlibCompressed(_ data: [UInt8]) -> [UInt8] {
        var length = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        let status = data.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { destination in
                compress2(destination.baseAddress, &length, source.baseAddress, uLong(source.count), Z_BEST_SPEED)
            }
        }
        return status == Z_OK ? Array(out.prefix(Int(length))) : storedZlibStream(data)
    }

    /// A zlib stream of `data` in stored (uncompressed) deflate blocks of up
    /// to 65535 bytes each (RFC 1950; RFC 1951 §3.2.4).
    static func storedZlibStream(_ data: [UInt8]) -> [UInt8] {
        var stream: [UInt8] = [0x78, 0x01]   // deflate, 32 KiB window, no dictionary, check bits
        var offset = 0
        repeat {
            let count = min(65535, data.count - offset)
            let isLast = offset + count == data.count
            stream.append(isLast ? 1 : 0)
            stream += [UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            stream += data[offset..<(offset + count)]
            offset += count
        } while offset < data.count
        let checksum = data.withUnsafeBufferPointer { adler32(adler32(0, nil, 0), $0.baseAddress, uInt($0.count)) }
        stream.appendBigEndian(UInt32(checksum))
        return stream
    }
}

extension [UInt8] {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }

    /// Length, type, data, and the CRC-32 of type and data (PNG spec §5.3).
    mutating func appendChunk(_ type: StaticString, _ data: [UInt8]) {
        appendBigEndian(UInt32(data.count))
        let typeStart = count
        type.withUTF8Buffer { append(contentsOf: $0) }
        append(contentsOf: data)
        let crc = self[typeStart...].withUnsafeBufferPointer { crc32(crc32(0, nil, 0), $0.baseAddress, uInt($0.count)) }
        appendBigEndian(UInt32(crc))
    }
}
