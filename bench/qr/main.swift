// Huiqi side of the QR benchmark: encodes per second, in-process, on the
// same payloads as libqrencode_bench.c. Built by run.sh with the QRCode sources.
// Usage: huiqi_bench [seconds] [rounds [short|large]]. With rounds: exactly
// that many rounds (100 URLs, or one large symbol) of each case, or of the
// one named, for instruction counts under callgrind.
import Foundation

let arguments = CommandLine.arguments
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 0 : 0   // 0: run for `seconds`
let seconds = rounds > 0 ? 1e9 : (arguments.count > 1 ? Double(arguments[1]) ?? 2 : 2)
let only = arguments.count > 3 ? arguments[3] : ""

let urls = (0..<100).map { "https://jrfw.example.gov.cn/products/bank-\(String(format: "%03d", $0))-kexindai/?from=qr" }
let largeBytes: [UInt8] = (0..<1270).map { (i: Int) -> UInt8 in 97 + UInt8((i * 7 + i / 26) % 26) }
let large = String(decoding: largeBytes, as: UTF8.self)
var checksum = 0

/// Encodes per second of `round`, which returns how many it encoded.
func rate(_ round: () throws -> Int) rethrows -> Double {
    let clock = ContinuousClock()
    var encoded = 0, done = 0
    let start = clock.now
    var elapsed = Duration.zero
    repeat {
        encoded += try round()
        done += 1
        elapsed = clock.now - start
    } while elapsed < .seconds(seconds) && (rounds == 0 || done < rounds)
    let (s, attoseconds) = elapsed.components
    return Double(encoded) / (Double(s) + Double(attoseconds) * 1e-18)
}

func encode(_ text: String, _ level: QRErrorCorrection, minVersion: Int = 1) throws -> Int {
    let code = try QRCode.encode(text: text, errorCorrection: level, minVersion: minVersion)
    checksum &+= code.isDark(x: code.size / 2, y: code.size / 2) ? 1 : 0
    return code.version
}

if only != "large" {
    let short = try rate {
        for url in urls { _ = try encode(url, .medium) }
        return urls.count
    }
    print(String(format: "huiqi short-url %.0f", short))
}
if only != "short" {
    let big = try rate {
        guard try encode(large, .high, minVersion: 40) == 40 else { fatalError("expected version 40") }
        return 1
    }
    print(String(format: "huiqi v40-H %.0f", big))
}
FileHandle.standardError.write(Data("(checksum \(checksum))\n".utf8))
