// Huiqi side of the QR benchmark: encodes per second, in-process, on the
// same payloads as libqrencode_bench.c. Built by run.sh with the QRCode sources.
import Foundation

let seconds = CommandLine.arguments.count > 1 ? Double(CommandLine.arguments[1]) ?? 2 : 2
let urls = (0..<100).map { "https://jrfw.example.gov.cn/products/bank-\(String(format: "%03d", $0))-kexindai/?from=qr" }
let largeBytes: [UInt8] = (0..<1270).map { (i: Int) -> UInt8 in 97 + UInt8((i * 7 + i / 26) % 26) }
let large = String(decoding: largeBytes, as: UTF8.self)

func rate(_ body: () throws -> Int) rethrows -> Double {
    let clock = ContinuousClock()
    var n = 0
    let start = clock.now
    var elapsed = Duration.zero
    repeat {
        n += try body()
        elapsed = clock.now - start
    } while elapsed < .milliseconds(Int(seconds * 1000))
    let (s, attoseconds) = elapsed.components
    return Double(n) / (Double(s) + Double(attoseconds) * 1e-18)
}

var checksum = 0
let short = try rate {
    for url in urls {
        let code = try QRCode.encode(text: url, errorCorrection: .medium)
        checksum &+= code.isDark(x: code.size / 2, y: code.size / 2) ? 1 : 0
    }
    return urls.count
}
print(String(format: "huiqi short-url %.0f", short))
let big = try rate {
    let code = try QRCode.encode(text: large, errorCorrection: .high, minVersion: 40)
    precondition(code.version == 40)
    checksum &+= code.isDark(x: code.size / 2, y: code.size / 2) ? 1 : 0
    return 1
}
print(String(format: "huiqi v40-H %.0f", big))
FileHandle.standardError.write("(checksum \(checksum))\n".data(using: .utf8)!)
