import MustacheTemplates
import XCTest

/// The engine against the Mustache spec's rules (interpolation, sections,
/// inverted sections, comments, delimiters, partials, inheritance) and its
/// own promises (errors with line and column, bounded recursion).
final class MustacheTemplatesTests: XCTestCase {
    private func render(_ source: String, _ data: [String: Any] = [:], partials: [String: String] = [:],
                        file: StaticString = #filePath, line: UInt = #line) -> String {
        var set = TemplateSet()
        do {
            for (name, text) in partials { try set.add(text, named: name) }
            try set.add(source, named: "main")
        } catch {
            XCTFail("does not parse: \(error)", file: file, line: line)
        }
        return String(decoding: set.render("main", context: value(data)), as: UTF8.self)
    }

    private func value(_ any: Any) -> TemplateValue {
        switch any {
        case let s as String: return .text(s)
        case let b as Bool: return .bool(b)
        case let n as Int: return .text(String(n))
        case let d as [String: Any]: return .object(TemplateDictionary(d.mapValues(value)))
        case let a as [Any]: return .list(a.map(value))
        default: fatalError("no template value for \(any)")
        }
    }

    private func syntaxError(_ source: String) -> TemplateSyntaxError? {
        do {
            _ = try Template(source)
            return nil
        } catch {
            return error
        }
    }

    func testInterpolationEscapesUnlessTripleOrAmpersand() {
        let data = ["x": #"<a href="q">&'"#]
        XCTAssertEqual(render("{{x}}", data), "&lt;a href=&quot;q&quot;&gt;&amp;&#39;")
        XCTAssertEqual(render("{{{x}}}|{{& x }}", data), #"<a href="q">&'|<a href="q">&'"#)
        XCTAssertEqual(render("[{{missing}}]"), "[]")
        XCTAssertEqual(render("{{ n }} {{f}}", ["n": 42, "f": false]), "42 false")
        // A quote followed by a combining mark is one Character, and still escaped.
        XCTAssertEqual(render("{{x}}", ["x": "\"\u{301}"]), "&quot;\u{301}")
    }

    func testDottedNamesResolveFromTheFirstPartOnly() {
        let data: [String: Any] = ["a": ["b": ["c": "deep"]], "c": "outer", "site": ["title": "惠企"]]
        XCTAssertEqual(render("{{a.b.c}} {{site.title}}", data), "deep 惠企")
        // `a.c` is looked up in `a` only; the outer `c` is not used.
        XCTAssertEqual(render("[{{a.c}}]", data), "[]")
        XCTAssertEqual(render("{{#a}}{{#b}}{{c}}{{/b}}{{/a}}", data), "deep")
    }

    func testSectionsOverListsFlagsObjectsAndText() {
        let data: [String: Any] = [
            "items": [["n": "1"], ["n": "2"]], "words": ["甲", "乙"], "empty": [Any](),
            "yes": true, "no": false, "blank": "", "phone": "123", "root": "../",
        ]
        XCTAssertEqual(render("{{#items}}<{{n}}{{root}}>{{/items}}", data), "<1../><2../>")
        XCTAssertEqual(render("{{#words}}{{.}},{{/words}}", data), "甲,乙,")
        XCTAssertEqual(render("{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}", data), "none")
        XCTAssertEqual(render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}", data), "Y!N")
        XCTAssertEqual(render("{{#blank}}B{{/blank}}{{^blank}}no blank{{/blank}}", data), "no blank")
        XCTAssertEqual(render("{{#phone}}tel:{{phone}}{{/phone}}{{^missing}}?{{/missing}}", data), "tel:123?")
    }

    func testCommentsAndStandaloneLinesLeaveNoBlankLines() {
        XCTAssertEqual(render("a{{! note }}b"), "ab")
        XCTAssertEqual(render("Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n"), "Begin.\nEnd.\n")
        let template = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n"
        XCTAssertEqual(render(template, ["items": ["a", "b"]]), "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        XCTAssertEqual(render("|\r\n{{#t}}\r\n{{/t}}\r\n|", ["t": true]), "|\r\n|")
        XCTAssertEqual(render("  {{#t}}\n#{{/t}}", ["t": true]), "#")
        // Two tags, or a tag next to other text, are not standalone.
        XCTAssertEqual(render(" {{#t}}{{/t}}\n|", ["t": true]), " \n|")
        XCTAssertEqual(render("x {{#t}}\ny\n{{/t}}", ["t": true]), "x \ny\n")
    }

    func testSetDelimiters() {
        XCTAssertEqual(render("{{=<% %>=}}(<%text%>) {{text}}", ["text": "Hey!"]), "(Hey!) {{text}}")
        XCTAssertEqual(render("[\n{{=| |=}}\n|#t|\n|x|\n|/t|\n]", ["t": true, "x": "<"]), "[\n&lt;\n]")
    }

    func testPartialsInlineIndentedAndRecursive() {
        let partials = ["row": "<li>{{name}}</li>", "block": "|\n{{{content}}}\n|\n", "node": "{{n}}{{#kids}}({{>node}}){{/kids}}"]
        XCTAssertEqual(render("<ul>{{#rows}}{{>row}}{{/rows}}</ul>", ["rows": [["name": "a"], ["name": "b&"]]], partials: partials),
                       "<ul><li>a</li><li>b&amp;</li></ul>")
        // Each line of a standalone partial gets its indentation; the data does not.
        XCTAssertEqual(render("\\\n {{>block}}\n/\n", ["content": "<\n->"], partials: partials), "\\\n |\n <\n->\n |\n/\n")
        let tree: [String: Any] = ["n": "1", "kids": [["n": "2", "kids": [["n": "3", "kids": [Any]()]]]]]
        XCTAssertEqual(render("{{>node}}", tree, partials: partials), "1(2(3))")
        XCTAssertEqual(render("[{{>nowhere}}]", partials: partials), "[]")
        // A partial that includes itself with no end stops instead of overflowing the stack.
        XCTAssertEqual(render("{{>loop}}", partials: ["loop": "x{{>loop}}"]).count, 64)
    }

    func testInheritanceOverridesBlocksAndOutermostWins() {
        let partials = [
            "layout": "<title>{{$title}}默认{{/title}}</title>\n<main>{{$main}}{{/main}}</main>\n",
            "section": "{{<layout}}{{$title}}栏目{{/title}}{{$main}}栏目正文{{/main}}{{/layout}}",
        ]
        XCTAssertEqual(render("{{<layout}}\n{{$main}}\n<p>{{x}}</p>\n{{/main}}\n{{/layout}}\n", ["x": "y"], partials: partials),
                       "<title>默认</title>\n<main><p>y</p>\n</main>\n")
        XCTAssertEqual(render("{{<section}}{{$main}}页面{{/main}}{{/section}}", partials: partials),
                       "<title>栏目</title>\n<main>页面</main>\n")
        XCTAssertEqual(render("{{$title}}no parent{{/title}}"), "no parent")
    }

    /// Standalone lines under inheritance: a parent or block tag pair alone on
    /// a line leaves no line behind, as partials do (a block pair keeps its
    /// line break: it stands for a line of content).
    func testInheritanceStandaloneLines() {
        XCTAssertEqual(render("{{<p}}{{/p}}\n", partials: ["p": "{{$b}}默认{{/b}}"]), "默认")
        XCTAssertEqual(render("Hi,\n  {{<p}}{{/p}}\n", partials: ["p": "one\ntwo\n"]), "Hi,\n  one\n  two\n")
        XCTAssertEqual(render("{{<p}}{{$b}}\n新\n\n:(\n{{/b}}{{/p}}", partials: ["p": "{{$b}}旧{{/b}}"]), "新\n\n:(\n")
        XCTAssertEqual(render("{{<p}}{{$b}}\none\ntwo{{/b}}\n{{/p}}\n", partials: ["p": "Hi,\n  {{$b}}{{/b}}\n"]),
                       "Hi,\n  one\n  two\n")
    }

    /// A block's content loses its own indentation where it is written and
    /// takes the indentation of the place it is expanded; with a standalone
    /// opening tag, the default content's indentation is the block's.
    func testInheritanceReindentsBlocks() {
        XCTAssertEqual(render("{{<p}}{{$b}}\n    one\n    two\n{{/b}}{{/p}}\n", partials: ["p": "Hi,\n  {{$b}}\n  {{/b}}\n"]),
                       "Hi,\n  one\n  two\n")
        XCTAssertEqual(render("{{<p}}{{$b}}\none\ntwo\n{{/b}}{{/p}}\n", partials: ["p": "Hi,\n{{$b}}\n  default\n{{/b}}\n"]),
                       "Hi,\n  one\n  two\n")
        XCTAssertEqual(render("{{<p}}{{$b}}\n{{/b}}{{/p}}\n", partials: ["p": "<ul>\n{{$b}}\n  <li>默认</li>\n{{/b}}\n</ul>\n"]),
                       "<ul>\n</ul>\n", "an empty override leaves nothing")
        XCTAssertEqual(render("{{<p}}{{/p}}\n", partials: ["p": "<ul>\n{{$b}}\n  <li>默认</li>\n{{/b}}\n</ul>\n"]),
                       "<ul>\n  <li>默认</li>\n</ul>\n")
        let nested = [
            "p": "{{<g}}{{$block}}\n  one\n  {{$nested}}\n    two\n  {{/nested}}\n{{/block}}{{/g}}\n",
            "g": "{{$block}}default{{/block}}",
        ]
        XCTAssertEqual(render("{{<p}}{{$nested}}\nthree\n{{/nested}}{{/p}}\n", partials: nested), "one\n  three\n")
    }

    func testSyntaxErrorsGiveLineColumnAndBothLanguages() throws {
        let unclosed = try XCTUnwrap(syntaxError("<p>\n  {{#items}}\n{{name}}\n"))
        XCTAssertEqual([unclosed.line, unclosed.column], [2, 3])
        XCTAssertTrue(unclosed.message.contains("{{/items}}") && unclosed.message.contains("unclosed section"), unclosed.message)
        let mismatched = try XCTUnwrap(syntaxError("{{#a}}\n中文{{/b}}"))
        XCTAssertEqual([mismatched.line, mismatched.column], [2, 3])
        XCTAssertTrue(mismatched.message.contains("第 1 行第 1 列"), mismatched.message)
        XCTAssertEqual(try XCTUnwrap(syntaxError("ok {{name")).column, 4)
        XCTAssertEqual(try XCTUnwrap(syntaxError("{{/x}}")).line, 1)
        XCTAssertNotNil(syntaxError("{{=<%=}}"))
        XCTAssertNotNil(syntaxError("{{<layout}}{{name}}{{/layout}}"))
        XCTAssertNotNil(syntaxError("{{first name}}"))
        XCTAssertNotNil(syntaxError("{{% CONTENT_TYPE: TEXT }}"))
    }
}
