import ArgumentParser
import Foundation
import QRCode

/// `huiqi qr TEXT`: the in-house encoder on the command line.
struct QRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr",
        abstract: "生成二维码 (encode text as a QR code: SVG, PNG or a 0/1 matrix)",
        discussion: """
            Without --output, SVG and the matrix go to standard output, and so does PNG, as binary.
            --format matrix prints one line per module row, 1 dark and 0 light, without quiet zone.
            """)

    enum Level: String, ExpressibleByArgument, CaseIterable {
        case L, M, Q, H
        init?(argument: String) { self.init(rawValue: argument.uppercased()) }
        var level: QRErrorCorrection {
            switch self {
            case .L: return .low
            case .M: return .medium
            case .Q: return .quartile
            case .H: return .high
            }
        }
    }

    enum ECI: String, ExpressibleByArgument, CaseIterable {
        case auto, on, off
        var mode: QRECIMode {
            switch self {
            case .auto: return .auto
            case .on: return .on
            case .off: return .off
            }
        }
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case svg, png, matrix
    }

    @Argument(help: "要编码的文字或网址 (text to encode, as UTF-8)")
    var text: String?

    @Option(name: .long, help: "纠错等级 (error correction level): L|M|Q|H")
    var ecc: Level = .M

    @Option(name: .long, help: "指定版本 1–40 (force a version)")
    var version: Int?

    @Option(name: .long, help: "指定掩模 0–7 (force a mask)")
    var mask: Int?

    @Flag(inversion: .prefixedNo, help: "在同一版本内提升纠错等级 (raise the level as far as the version allows)")
    var boost = true

    @Option(name: .long, help: "ECI 26 (UTF-8) 声明 (announce UTF-8): auto|on|off")
    var eci: ECI = .auto

    @Option(name: .long, help: "输出格式 (output format): svg|png|matrix")
    var format: Format = .svg

    @Option(name: .long, help: "输出文件；不指定时写到标准输出 (output file; standard output if absent)")
    var output: String?

    @Option(name: .long, help: "PNG 每个模块的像素数 (PNG pixels per module, 1–100)")
    var moduleSize = 8

    @Option(name: .long, help: "静区宽度，模块数 (quiet zone in modules, SVG and PNG)")
    var border = 4

    @Option(name: .long, help: ArgumentHelp("Test harness: encode each JSON line of FILE", visibility: .hidden))
    var batch: String?

    @Option(name: .long, help: "SVG 的标题，默认为要编码的文字 (SVG <title>; defaults to TEXT)")
    var title: String?

    /// Every problem exits with status 1 and one line on standard error.
    func validate() throws {
        if batch == nil && text == nil { try Self.fail("缺少要编码的文字 (missing TEXT); see 'huiqi qr --help'") }
        if batch != nil && text != nil { try Self.fail("--batch 与 TEXT 不能同时使用 (--batch takes no TEXT)") }
        guard (1...100).contains(moduleSize) else { try Self.fail("--module-size must be 1–100, not \(moduleSize)") }
        guard (0...100).contains(border) else { try Self.fail("--border must be 0–100, not \(border)") }
    }

    func run() throws {
        if let batch { return try BatchEncoder.run(path: batch) }
        guard let text else { return }
        let code: QRCode
        do {
            code = try QRCode.encode(text: text, errorCorrection: ecc.level, minVersion: version ?? 1,
                                     maxVersion: version ?? 40, mask: mask, boostErrorCorrection: boost, eci: eci.mode)
        } catch {
            try Self.fail("\(error)")
        }
        let bytes: [UInt8]
        switch format {
        case .svg: bytes = Array(code.svg(title: title ?? text, border: border).utf8)
        case .png: bytes = code.png(moduleSize: moduleSize, border: border)
        case .matrix: bytes = Array(code.matrixText().utf8)
        }
        if let output {
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: output))
            } catch {
                try Self.fail("无法写入 (cannot write) \(output): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }

    /// The message on standard error, exit status 1.
    static func fail(_ message: String) throws -> Never {
        FileHandle.standardError.write(Data("huiqi qr: \(message)\n".utf8))
        throw ExitCode(1)
    }
}

/// `huiqi qr --batch FILE`, for tests that compare thousands of symbols
/// without starting a process for each. Input: one JSON object per line,
///
///     {"text": "…", "ecc": "M", "version": 5, "mask": 3, "boost": false, "eci": "off", "mode": "byte"}
///
/// where all but `text` may be left out (defaults as on the command line;
/// `version` forces one, `minVersion`/`maxVersion` bound it) and `mode`
/// (`numeric`, `alphanumeric` or `byte`) makes the text one segment of that
/// mode instead of the optimal split. Output: one JSON object per line,
/// `{"version": 5, "ecc": "Q", "mask": 3, "matrix": ["0101…", …]}` or `{"error": "…"}`.
enum BatchEncoder {
    struct Case: Decodable {
        var text: String
        var ecc: String?
        var version: Int?
        var minVersion: Int?
        var maxVersion: Int?
        var mask: Int?
        var boost: Bool?
        var eci: String?
        var mode: String?
    }

    struct Result: Encodable {
        var version: Int?
        var ecc: String?
        var mask: Int?
        var matrix: [String]?
        var error: String?
    }

    static func run(path: String) throws {
        let input: String
        do {
            input = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            try QRCommand.fail("无法读取 (cannot read) \(path): \(error.localizedDescription)")
        }
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        var out = Data()
        for line in input.split(separator: "\n", omittingEmptySubsequences: true) {
            let result: Result
            do {
                let c = try decoder.decode(Case.self, from: Data(line.utf8))
                let code = try encode(c)
                result = Result(version: code.version, ecc: code.errorCorrection.letter, mask: code.mask,
                                matrix: code.matrixText().split(separator: "\n").map(String.init))
            } catch {
                result = Result(error: "\(error)")
            }
            out += try encoder.encode(result)
            out.append(UInt8(ascii: "\n"))
        }
        FileHandle.standardOutput.write(out)
    }

    struct BadCase: Error, CustomStringConvertible {
        var description: String
    }

    static func encode(_ c: Case) throws -> QRCode {
        guard let level = QRCommand.Level(argument: c.ecc ?? "M")?.level else { throw BadCase(description: "bad ecc") }
        guard let eci = QRCommand.ECI(rawValue: c.eci ?? "auto")?.mode else { throw BadCase(description: "bad eci") }
        let minVersion = c.version ?? c.minVersion ?? 1, maxVersion = c.version ?? c.maxVersion ?? 40
        let boost = c.boost ?? true
        let mode = c.mode ?? "auto"
        if mode == "auto" {
            return try QRCode.encode(text: c.text, errorCorrection: level, minVersion: minVersion, maxVersion: maxVersion,
                                     mask: c.mask, boostErrorCorrection: boost, eci: eci)
        }
        var segments: [QRSegment] = []
        if eci == .on { segments.append(try .eci(26)) }
        switch mode {
        case "numeric": segments.append(try .numeric(c.text))
        case "alphanumeric": segments.append(try .alphanumeric(c.text))
        case "byte": segments.append(.bytes(Array(c.text.utf8)))
        default: throw BadCase(description: "bad mode \(mode)")
        }
        return try QRCode.encode(segments: segments, errorCorrection: level, minVersion: minVersion,
                                 maxVersion: maxVersion, mask: c.mask, boostErrorCorrection: boost)
    }
}
