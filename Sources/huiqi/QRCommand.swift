import ArgumentParser
import Foundation
import QRCode

extension QRErrorCorrection: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.uppercased() {
        case "L": self = .low
        case "M": self = .medium
        case "Q": self = .quartile
        case "H": self = .high
        default: return nil
        }
    }
}

enum ECIArgument: String, ExpressibleByArgument, CaseIterable {
    case auto, on, off
    var mode: QRECIMode { self == .auto ? .auto : (self == .on ? .on : .off) }
}

enum QRFormat: String, ExpressibleByArgument, CaseIterable {
    case svg, png, matrix
}

/// `huiqi qr TEXT`: the in-house encoder on the command line.
struct QRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr", abstract: "生成二维码 (encode text as a QR code: SVG, PNG or a 0/1 matrix)")

    @Argument(help: "要编码的文字或网址 (text to encode)")
    var text: String?

    @Option(name: .long, help: "纠错等级 L|M|Q|H (error correction level)")
    var ecc: QRErrorCorrection = .medium

    @Option(name: .long, help: "指定版本 1–40 (force a version)")
    var version: Int?

    @Option(name: .long, help: "指定掩模 0–7 (force a mask)")
    var mask: Int?

    @Flag(inversion: .prefixedNo, help: "在同一版本内提升纠错等级 (raise the level while the version stays)")
    var boost = true

    @Option(name: .long, help: "ECI 26 (UTF-8) 声明：auto|on|off")
    var eci: ECIArgument = .auto

    @Option(name: .long, help: "输出格式 svg|png|matrix")
    var format: QRFormat = .svg

    @Option(name: .long, help: "输出文件；不指定时写到标准输出 (output file; stdout if absent)")
    var output: String?

    @Option(name: .long, help: "PNG 每个模块的像素数 (pixels per module)")
    var moduleSize = 8

    @Option(name: .long, help: "批量模式：每行一个 JSON {text, ecc, version?, mask?, boost?, eci?}，输出每行一个矩阵 (batch mode for tests)")
    var batch: String?

    func run() throws {
        if let batch { return try runBatch(path: batch) }
        guard let text else { throw ValidationError("缺少要编码的文字 (missing TEXT)") }
        guard moduleSize >= 1 else { throw ValidationError(QRError.invalidModuleSize(moduleSize).description) }
        let code: QRCode
        do {
            code = try QRCode.encode(text: text, errorCorrection: ecc, minVersion: version ?? 1, maxVersion: version ?? 40,
                                     mask: mask, boostErrorCorrection: boost, eci: eci.mode)
        } catch let error as QRError {
            Terminal.printError("huiqi qr: \(error)")
            throw ExitCode(1)
        }
        let bytes: [UInt8]
        switch format {
        case .svg: bytes = Array(code.svg(title: text).utf8)
        case .matrix: bytes = Array(code.matrixText().utf8)
        case .png: bytes = code.png(moduleSize: moduleSize)
        }
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
                Terminal.printError("huiqi qr: 无法写入 (cannot write) \(output)")
                throw ExitCode(1)
            }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }

    struct BatchCase: Decodable {
        let text: String
        let ecc: String
        let version: Int?
        let mask: Int?
        let boost: Bool?
        let eci: String?
    }

    /// One JSON case per line in, one line out: `version mask level matrix-rows-joined-by-commas`,
    /// or `error: …`. Lets tests compare thousands of symbols in one process.
    func runBatch(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var out = ""
        for line in text.split(separator: "\n") where !line.isEmpty {
            let c = try JSONDecoder().decode(BatchCase.self, from: Data(line.utf8))
            guard let level = QRErrorCorrection(argument: c.ecc) else { throw ValidationError("bad ecc \(c.ecc)") }
            do {
                let code = try QRCode.encode(text: c.text, errorCorrection: level, minVersion: c.version ?? 1,
                                             maxVersion: c.version ?? 40, mask: c.mask, boostErrorCorrection: c.boost ?? true,
                                             eci: ECIArgument(rawValue: c.eci ?? "auto")?.mode ?? .auto)
                let letter = ["L", "M", "Q", "H"][code.errorCorrection.rawValue]
                out += "\(code.version) \(code.mask) \(letter) " + code.matrixText().split(separator: "\n").joined(separator: ",") + "\n"
            } catch {
                out += "error: \(error)\n"
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
