import Foundation
import MustacheTemplates
import XCTest

/// Runs the official Mustache spec (github.com/mustache/spec, `specs/*.json`)
/// when `MUSTACHE_SPEC_DIR` names a copy of its `specs` folder: the core
/// modules and inheritance. The spec is not part of this repository; the
/// behaviours it checks have tests of their own in `MustacheTemplatesTests`.
final class MustacheSpecTests: XCTestCase {
    static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]

    func testOfficialSpec() throws {
        guard let dir = ProcessInfo.processInfo.environment["MUSTACHE_SPEC_DIR"] else {
            throw XCTSkip("MUSTACHE_SPEC_DIR not set")
        }
        var failures: [String] = []
        var passed = 0
        for module in Self.modules {
            let data = try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent(module + ".json"))
            let spec = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for case let test as [String: Any] in spec["tests"] as? [Any] ?? [] {
                let name = "\(module): \(test["name"] ?? "")"
                var set = TemplateSet()
                do {
                    for (partial, text) in test["partials"] as? [String: String] ?? [:] { try set.add(text, named: partial) }
                    try set.add(test["template"] as! String, named: "main")
                } catch {
                    failures.append("\(name): does not parse: \(error)")
                    continue
                }
                let out = String(decoding: set.render("main", context: Self.value(test["data"] ?? [:]) ?? .text("")), as: UTF8.self)
                if out == test["expected"] as? String { passed += 1 } else {
                    failures.append("\(name)\n  expected \((test["expected"] as? String ?? "").debugDescription)\n  got      \(out.debugDescription)")
                }
            }
        }
        print("Mustache spec: \(passed) passed, \(failures.count) failed")
        XCTAssertEqual(failures, [], failures.joined(separator: "\n"))
    }

    static func value(_ any: Any) -> TemplateValue? {
        switch any {
        case let s as String: return .text(s)
        case let n as NSNumber:
            // JSONSerialization gives true and false as NSNumber too; their objCType is "c".
            if String(cString: n.objCType) == "c" { return .bool(n.boolValue) }
            let d = n.doubleValue
            return .text(d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d))
        case let d as [String: Any]: return .object(TemplateDictionary(d.compactMapValues(value)))
        case let a as [Any]: return .list(a.compactMap(value))
        default: return nil
        }
    }
}
