import ArgumentParser
import Foundation
import PortalModel

/// `huiqi new KIND ID`: a new content file with every field of its kind.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "新建内容文件，列出全部字段和中文说明 (scaffold a content file with every field)",
        discussion: "KIND: " + (ContentKinds.all.map(\.kind.rawValue) + ["product-csv"]).joined(separator: " | "))

    @Argument(help: "类型 (kind)")
    var kind: String

    @Argument(help: "编号，即文件名 (id = file name)")
    var id: String

    @Option(name: .long, help: "内容目录 (content folder)")
    var content = "content"

    func run() throws {
        guard ContentID.isValid(id) else {
            throw ValidationError("编号只能用小写英文字母、数字和 -，1–64 位 (id: lowercase a-z, 0-9 and -): \(id)")
        }
        let (relative, text): (String, String)
        if kind == "product-csv" {
            (relative, text) = ("products/\(id).csv", "\u{FEFF}" + ScaffoldTemplate.productCSV())
        } else {
            guard let k = ContentKinds.named(kind) else {
                let known = ContentKinds.all.map(\.kind.rawValue) + ["product-csv"]
                throw ValidationError("未知类型 (unknown kind) \(kind)；可用: \(known.joined(separator: " "))")
            }
            let ext = k.formats[0].extensions[0]
            (relative, text) = ("\(k.folder)/\(id).\(ext)", ScaffoldTemplate.text(for: k.kind, id: id))
        }
        let url = URL(fileURLWithPath: content).appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path) {
            Terminal.printError("huiqi new: \(url.path) 已存在，未覆盖 (exists; not overwritten)")
            throw ExitCode(1)
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        print("已创建 (created) \(url.path)")
    }
}

/// `huiqi schema`: JSON Schema files for editors' YAML language server.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "生成各类内容的 JSON Schema，供编辑器自动补全和校验 (write JSON Schemas)")

    @Option(name: .long, help: "输出目录 (output folder)")
    var output = "content/schemas"

    func run() throws {
        let dir = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for kind in ContentKind.allCases {
            try JSONSchemaExport.json(for: kind).write(to: dir.appendingPathComponent("\(kind.rawValue).schema.json"))
        }
        print("已写入 \(ContentKind.allCases.count) 个 JSON Schema → \(output)/")
    }
}
