import CZlib

extension QRCode {
    /// SVG with the dark modules as one path in a viewBox measured in
    /// modules, the light background and quiet zone drawn, and a title that
    /// says where the code leads.
    public func svg(title: String, border: Int = 4, widthMillimetres: Double? = nil,
                    includeXMLNamespace: Bool = true) -> String {
        let border = max(0, border)
        let dim = size + border * 2
        var path = ""
        path.reserveCapacity(size * size * 4)
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else { x += 1; continue }
                var run = 1
                while x + run < size && isDark(x: x + run, y: y) { run += 1 }
                // One horizontal run per subpath keeps the path short.
                path += "M\(x + border),\(y + border)h\(run)v1h-\(run)z"
                x += run
            }
        }
        var attrs = includeXMLNamespace ? " xmlns=\"http://www.w3.org/2000/svg\"" : ""
        attrs += " viewBox=\"0 0 \(dim) \(dim)\""
        if let mm = widthMillimetres {
            let w = mm == mm.rounded() ? String(Int(mm)) : String(mm)
            attrs += " width=\"\(w)mm\" height=\"\(w)mm\""
        }
        attrs += " shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"\(escapeXML(title))\""
        return "<svg\(attrs)><title>\(escapeXML(title))</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"\(path)\" fill=\"#000\"/></svg>"
    }

    /// The matrix as text: one line per row, 1 dark and 0 light, no quiet zone.
    public func matrixText() -> String {
        var out = ""
        out.reserveCapacity((size + 1) * size)
        for y in 0..<size {
            for x in 0..<size { out += isDark(x: x, y: y) ? "1" : "0" }
            out += "\n"
        }
        return out
    }

    /// An 8-bit grayscale PNG with the quiet zone, each module a square of
    /// `moduleSize` pixels, compressed with zlib.
    public func png(moduleSize: Int = 8, border: Int = 4) -> [UInt8] {
        let scale = max(1, moduleSize), border = max(0, border)
        let pixels = (size + border * 2) * scale
        var raw = [UInt8]()
        raw.reserveCapacity((pixels + 1) * pixels)
        for py in 0..<pixels {
            raw.append(0)   // filter type None
            let y = py / scale - border
            for px in 0..<pixels {
                raw.append(isDark(x: px / scale - border, y: y) ? 0 : 255)
            }
        }
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var ihdr = [UInt8]()
        ihdr += be32(UInt32(pixels)) + be32(UInt32(pixels))
        ihdr += [8, 0, 0, 0, 0]   // bit depth 8, grayscale, deflate, no filter, no interlace
        out += chunk("IHDR", ihdr)
        out += chunk("IDAT", deflate(raw))
        out += chunk("IEND", [])
        return out
    }

    private func escapeXML(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    private func be32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
    }

    private func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        var crc = crc32(0, nil, 0)
        crc = (typeBytes + data).withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        return be32(UInt32(data.count)) + typeBytes + data + be32(UInt32(crc))
    }

    private func deflate(_ data: [UInt8]) -> [UInt8] {
        var destLength = compressBound(uLong(data.count))
        var dest = [UInt8](repeating: 0, count: Int(destLength))
        let status = data.withUnsafeBufferPointer { src in
            dest.withUnsafeMutableBufferPointer { dst in
                compress2(dst.baseAddress, &destLength, src.baseAddress, uLong(src.count), 9)
            }
        }
        precondition(status == Z_OK, "zlib compress2 failed with \(status)")
        return Array(dest.prefix(Int(destLength)))
    }
}
