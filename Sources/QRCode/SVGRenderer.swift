extension QRCode {
    /// The symbol as a standalone SVG document (or, without the namespace,
    /// an element to inline in HTML).
    ///
    /// The viewBox is measured in modules, quiet zone included; a light
    /// rectangle fills it and the dark modules are one `<path>` of
    /// horizontal runs, each stroked one module wide along the middle of its
    /// row. `shape-rendering="crispEdges"` keeps module edges sharp at any scale.
    ///
    /// - Parameters:
    ///   - title: said by screen readers and shown as a tooltip; XML-escaped.
    ///   - border: quiet zone in modules; the standard asks for at least 4 (§6.3.8). Negative counts as 0.
    ///   - widthMillimetres: printed width and height; omitted when nil, not finite or not positive.
    ///   - includeXMLNamespace: needed for a standalone .svg file, not for SVG inline in HTML.
    ///   - ariaLabel: if given, an `aria-label` on the root, for when the title is not the best label.
    ///   - role: add `role="img"`, so assistive technology treats the whole as one image.
    public func svg(title: String, border: Int = 4, widthMillimetres: Double? = nil, includeXMLNamespace: Bool = true,
                    ariaLabel: String? = nil, role: Bool = true) -> String {
        let border = max(0, border)
        let side = size + 2 * border
        var out = [UInt8]()
        out.reserveCapacity(size * size * 3 + 400)
        out.append("<svg")
        if includeXMLNamespace { out.append(" xmlns=\"http://www.w3.org/2000/svg\"") }
        out.append(" viewBox=\"0 0 "); out.append(decimal: side); out.append(" "); out.append(decimal: side); out.append("\"")
        if let mm = widthMillimetres, mm.isFinite, mm > 0 {
            let length = Self.millimetres(mm)
            out.append(text: " width=\"\(length)mm\" height=\"\(length)mm\"")
        }
        out.append(" shape-rendering=\"crispEdges\"")
        if role { out.append(" role=\"img\"") }
        if let ariaLabel {
            out.append(" aria-label=\"")
            out.append(xmlEscaped: ariaLabel)
            out.append("\"")
        }
        out.append("><title>")
        out.append(xmlEscaped: title)
        out.append("</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"none\" stroke=\"#000\" d=\"")
        out.append(contentsOf: pathData(border: border))
        out.append("\"/></svg>")
        return String(decoding: out, as: UTF8.self)
    }

    /// The path's `d`: a line through the middle of each row's dark runs,
    /// drawn by the stroke: `M4 4.5h7` for a row's first run, then `m2 0h2`
    /// for each next one (the gap, then the run). Half the bytes of a filled
    /// rectangle per run (`M4 4h7v1h-7z`), and this is most of an SVG's bytes:
    /// a product's QR code file fits in one 4 KB disk block. Written into a
    /// buffer sized for the worst case.
    private func pathData(border: Int) -> [UInt8] {
        let digits = String(size + 2 * border).utf8.count
        let runs = size * ((size + 1) / 2)
        return [UInt8](unsafeUninitializedCapacity: size * (6 + 2 * digits) + runs * (5 + 2 * digits)) { buffer, count in
            var out = ByteWriter(buffer: buffer)
            modules.withUnsafeBufferPointer { modules in
                for y in 0..<size {
                    let row = y * size
                    var x = 0
                    var previousEnd: Int?   // where the pen stopped in this row
                    while x < size {
                        guard modules[row + x] != 0 else { x += 1; continue }
                        var end = x + 1
                        while end < size && modules[row + end] != 0 { end += 1 }
                        if let previousEnd {
                            out.put(UInt8(ascii: "m")); out.put(decimal: x - previousEnd)
                            out.put(UInt8(ascii: " ")); out.put(UInt8(ascii: "0"))
                        } else {
                            out.put(UInt8(ascii: "M")); out.put(decimal: x + border)
                            out.put(UInt8(ascii: " ")); out.put(decimal: y + border)
                            out.put(UInt8(ascii: ".")); out.put(UInt8(ascii: "5"))
                        }
                        out.put(UInt8(ascii: "h")); out.put(decimal: end - x)
                        previousEnd = end
                        x = end
                    }
                }
            }
            count = out.count
        }
    }

    /// At most three decimals, no trailing zeros: 25, 25.4, 0.125.
    private static func millimetres(_ mm: Double) -> String {
        let thousandths = Int(mm * 1000 + 0.5)   // mm > 0: rounds half up
        let whole = thousandths / 1000, fraction = thousandths % 1000
        guard fraction != 0 else { return String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }
}

/// Bytes into a buffer the caller sized for the worst case (a value type, so
/// no runtime exclusivity checks, as a captured counter would have).
private struct ByteWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    mutating func put(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }

    /// A non-negative integer in decimal.
    mutating func put(decimal value: Int) {
        var end = count + 1, rest = value / 10
        while rest > 0 { end += 1; rest /= 10 }
        var v = value, k = end
        repeat { k -= 1; buffer[k] = UInt8(ascii: "0") + UInt8(v % 10); v /= 10 } while v > 0
        count = end
    }
}

extension [UInt8] {
    /// ASCII literals go here: a plain `append(_: String)` would win overload
    /// resolution for literals and cost a String per call.
    mutating func append(_ ascii: StaticString) {
        ascii.withUTF8Buffer { append(contentsOf: $0) }
    }

    mutating func append(text: String) { append(contentsOf: text.utf8) }

    /// A non-negative integer in decimal, without going through String.
    mutating func append(decimal value: Int) {
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// Text as XML character data or attribute value: the five markup
    /// characters escaped, and characters XML 1.0 forbids anywhere (C0
    /// controls other than tab, newline and return; U+FFFE, U+FFFF)
    /// replaced by U+FFFD.
    mutating func append(xmlEscaped text: String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": append("&amp;")
            case "<": append("&lt;")
            case ">": append("&gt;")
            case "\"": append("&quot;")
            case "'": append("&apos;")
            case "\t", "\n", "\r": append(UInt8(scalar.value))
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": append("\u{FFFD}")
            default: UTF8.encode(scalar) { append($0) }
            }
        }
    }
}
