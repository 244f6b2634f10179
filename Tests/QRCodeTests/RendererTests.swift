import CZlib
#if canImport(FoundationXML)
import FoundationXML
#else
import Foundation
#endif
import XCTest
@testable import QRCode

final class RendererTests: XCTestCase {
    private let code = try! QRCode.encode(text: "https://jrfw.example.gov.cn/products/gonghang-kexindai/")

    func testMatrixText() {
        let lines = code.matrixText().split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, code.size + 1)
        XCTAssertEqual(lines.last, "")
        for (y, line) in lines.dropLast().enumerated() {
            XCTAssertEqual(line.count, code.size)
            XCTAssertEqual(line.map { $0 == "1" }, (0..<code.size).map { code.isDark(x: $0, y: y) })
        }
    }

    func testSVGStructure() throws {
        let svg = code.svg(title: "扫码 <a & \"b\" 'c'>\u{1}", widthMillimetres: 25.4, ariaLabel: "产品页")
        let side = code.size + 8
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" "
                                    + "width=\"25.4mm\" height=\"25.4mm\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"产品页\">"))
        XCTAssertTrue(svg.contains("<title>扫码 &lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;\u{FFFD}</title>"))
        XCTAssertTrue(svg.contains("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"))
        XCTAssertEqual(svg.components(separatedBy: "<path").count, 2)
        XCTAssertTrue(svg.hasSuffix("\"/></svg>"))
        XCTAssertNotNil(try XMLDocument(xmlString: svg))

        let inline = code.svg(title: "t", border: 2, includeXMLNamespace: false, role: false)
        XCTAssertTrue(inline.hasPrefix("<svg viewBox=\"0 0 \(code.size + 4) \(code.size + 4)\" shape-rendering=\"crispEdges\">"))
        XCTAssertFalse(code.svg(title: "t", widthMillimetres: .nan).contains("mm"))
        XCTAssertTrue(code.svg(title: "t", widthMillimetres: 30).contains("width=\"30mm\""))
        XCTAssertTrue(code.svg(title: "t", border: -3).contains("viewBox=\"0 0 \(code.size) \(code.size)\""))
    }

    func testSVGPathPaintsExactlyTheDarkModules() throws {
        let svg = code.svg(title: "t")
        XCTAssertTrue(svg.contains("<path fill=\"none\" stroke=\"#000\" d=\""))
        let d = try XCTUnwrap(svg.range(of: " d=\"").map { svg[$0.upperBound...] }?.prefix { $0 != "\"" })
        // A row starts with an absolute move to the middle of its first run's
        // first module (`M4 4.5`), later runs with a relative one (`m2 0`); each
        // `h` strokes a run one module wide.
        let pattern = try NSRegularExpression(pattern: "(?:M(\\d+) (\\d+)\\.5|m(\\d+) 0)h(\\d+)")
        let text = String(d)
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        XCTAssertEqual(matches.map { $0.range.length }.reduce(0, +), text.utf16.count, "path is only runs")
        func number(_ m: NSTextCheckingResult, _ group: Int) -> Int? {
            m.range(at: group).location == NSNotFound ? nil : Int((text as NSString).substring(with: m.range(at: group)))
        }
        var painted = Set<Int>()
        var pen = (x: -1, y: -1)
        for m in matches {
            if let x = number(m, 1), let y = number(m, 2) {
                XCTAssertGreaterThan(y, pen.y, "one absolute move per row, rows in order")
                pen = (x, y)
            } else {
                let gap = try XCTUnwrap(number(m, 3))
                XCTAssertGreaterThan(gap, 0, "runs in a row are apart")
                pen.x += gap
            }
            let run = try XCTUnwrap(number(m, 4))
            for x in pen.x..<(pen.x + run) { painted.insert((pen.y - 4) * code.size + (x - 4)) }
            pen.x += run
        }
        let dark = Set((0..<(code.size * code.size)).filter { code.isDark(x: $0 % code.size, y: $0 / code.size) })
        XCTAssertEqual(painted, dark)
    }

    /// CRC-32 of PNG (ISO 3309), bit by bit: independent of zlib's.
    private func crc32Reference(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private func be32(_ bytes: [UInt8], _ at: Int) -> Int {
        Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
    }

    func testPNGStructureAndPixels() throws {
        for (scale, border) in [(1, 4), (3, 4), (8, 0), (10, 4)] {
            let png = code.png(moduleSize: scale, border: border)
            XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            var offset = 8
            var chunks: [(type: String, data: [UInt8])] = []
            while offset < png.count {
                let length = be32(png, offset)
                let type = String(decoding: png[(offset + 4)..<(offset + 8)], as: UTF8.self)
                let data = Array(png[(offset + 8)..<(offset + 8 + length)])
                XCTAssertEqual(UInt32(be32(png, offset + 8 + length)), crc32Reference(png[(offset + 4)..<(offset + 8 + length)]),
                               "CRC of \(type)")
                chunks.append((type, data))
                offset += 12 + length
            }
            XCTAssertEqual(offset, png.count)
            XCTAssertEqual(chunks.map(\.type), ["IHDR", "IDAT", "IEND"])
            let pixels = (code.size + 2 * border) * scale
            let header = chunks[0].data
            XCTAssertEqual(be32(header, 0), pixels)
            XCTAssertEqual(be32(header, 4), pixels)
            XCTAssertEqual(Array(header[8...]), [1, 0, 0, 0, 0])

            let rowBytes = (pixels + 7) / 8
            var raw = [UInt8](repeating: 0, count: (rowBytes + 1) * pixels)
            var rawLength = uLong(raw.count)
            let status = chunks[1].data.withUnsafeBufferPointer { src in
                raw.withUnsafeMutableBufferPointer { dst in
                    uncompress(dst.baseAddress, &rawLength, src.baseAddress, uLong(src.count))
                }
            }
            XCTAssertEqual(status, Z_OK)
            XCTAssertEqual(Int(rawLength), raw.count)
            for py in 0..<pixels {
                XCTAssertEqual(raw[py * (rowBytes + 1)], 0, "filter type None")
                for px in 0..<pixels {
                    let byte = raw[py * (rowBytes + 1) + 1 + px / 8]
                    let black = byte & (0x80 >> UInt8(px % 8)) == 0
                    XCTAssertEqual(black, code.isDark(x: px / scale - border, y: py / scale - border))
                }
            }
        }
    }

    func testStoredFallbackIsAValidZlibStream() {
        let data = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for stream in [QRCode.zlibCompressed(data), QRCode.storedZlibStream(data), QRCode.storedZlibStream([])] {
            var out = [UInt8](repeating: 0, count: data.count)
            var length = uLong(out.count)
            let status = stream.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { uncompress($0.baseAddress, &length, src.baseAddress, uLong(src.count)) }
            }
            XCTAssertEqual(status, Z_OK)
            XCTAssertEqual(Array(out.prefix(Int(length))), stream.count > 20 ? data : [])
        }
    }
}
