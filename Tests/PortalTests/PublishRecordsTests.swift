import XCTest
@testable import PortalSite

/// The records publishing trusts: sealed files that fail as a whole when
/// cut or edited, numbers that do not overflow, and paths that cannot leave
/// the output folder.
final class PublishRecordsTests: XCTestCase {
    func testSealedTextRoundTripsAndRefusesEveryCutAndEdit() throws {
        let header = "huiqi test 1\tabc"
        let sealed = Array(SealedText.seal(header: header, records: ["1\tproducts/a/index.html", "ff\tqr.png"]).utf8)
        let records = try XCTUnwrap(SealedText.open(sealed, header: header))
        XCTAssertEqual(records.map { $0.map { String(decoding: $0, as: UTF8.self) } },
                       [["1", "products/a/index.html"], ["ff", "qr.png"]])
        XCTAssertNil(SealedText.open(sealed, header: "huiqi test 1\tother"), "written for another manifest")
        for cut in 0..<sealed.count {
            XCTAssertNil(SealedText.open(Array(sealed[..<cut]), header: header), "cut at byte \(cut)")
        }
        for i in sealed.indices where sealed[i] != UInt8(ascii: "\n") {
            var edited = sealed
            edited[i] = edited[i] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
            XCTAssertNil(SealedText.open(edited, header: header), "byte \(i) changed")
        }
    }

    func testNumbersAreDigitsAndDoNotOverflow() {
        XCTAssertEqual(SealedText.number(ArraySlice("18446744073709551615".utf8)), UInt64.max)
        XCTAssertNil(SealedText.number(ArraySlice("18446744073709551616".utf8)))
        XCTAssertEqual(SealedText.number(ArraySlice("ffffffffffffffff".utf8), radix: 16), UInt64.max)
        XCTAssertNil(SealedText.number(ArraySlice("1f".utf8)))
        XCTAssertNil(SealedText.number(ArraySlice("-1".utf8)))
        XCTAssertNil(SealedText.number(ArraySlice("".utf8)))
    }

    func testOnlyPlainRelativePathsAreSafe() {
        for good in ["index.html", "products/a/qr.png", ".well-known/x", "a..b/c"] {
            XCTAssertEqual(OutputPath.safe(good), good)
            XCTAssertEqual(OutputPath.safe(ArraySlice(good.utf8)), good)
        }
        for bad in ["", "/etc/passwd", "a//b", "a/", "../x", "a/../../x", "./a", "a/.", "a\tb", "a\nb", "a\u{0}b", "a\rb", ".."] {
            XCTAssertNil(OutputPath.safe(bad), bad.debugDescription)
            XCTAssertNil(OutputPath.safe(ArraySlice(bad.utf8)), bad.debugDescription)
        }
    }

    func testManifestIsSortedByPathAndReadBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = Manifest(entries: ["b/index.html": .init(size: 10, hash: 1), "a.html": .init(size: 9, hash: 0xabc)])
        let lines = manifest.text.split(separator: "\n")
        XCTAssertEqual(lines.dropFirst().dropLast().map { $0.split(separator: "\t")[2] }, ["a.html", "b/index.html"])
        try Data(manifest.text.utf8).write(to: folder.appendingPathComponent(Manifest.fileName))
        let read = try XCTUnwrap(Manifest.read(folder: folder.path))
        XCTAssertEqual(read.entries, manifest.entries)
        XCTAssertEqual(read.identity, manifest.identity)
    }
}
