import FolioCore
import Foundation
import Testing
import Yams

/// Keys that could hold aliases are refused in YAML that uses aliases, before the parser hashes
/// an exponential expansion; everything else, aliases as values included, is left to the parser.
@Suite struct YAMLAliasKeysTests {
    /// Ten anchors, each a list of ten aliases of the one before: 10¹⁰ nodes when expanded.
    static let laughs = ["a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        + (1..<10).map { "a\($0): &a\($0) [" + Array(repeating: "*a\($0 - 1)", count: 10).joined(separator: ", ") + "]" }

    @Test(arguments: [
        ("*a9: boom", 11), ("b: [*a9: boom]", 11), ("b: {*a9 : boom}", 11), ("? *a9\n: boom", 11),
        ("? [x, *a9]\n: boom", 11), ("[*a9]: boom", 11), ("b:\n  - {c: 1, [*a8, *a9]: boom}", 12),
    ])
    func aKeyThatCouldHoldAnAliasIsFoundAtItsLine(key: String, line: Int) {
        let text = (Self.laughs + [key]).joined(separator: "\n") + "\n"
        #expect(YAMLAliasKeys.firstLine(in: text) == line, "\(key)")
    }

    /// A double quote inside a plain scalar (`l"`) starts no quoted scalar, so the alias keys after
    /// it are still found (the fuzzer's case: the rest of the text was skipped as one long string).
    @Test func aQuoteInsideAPlainScalarHidesNothing() {
        let text = (["a0: &a0 [\"lol\", l\"]"] + Self.laughs.dropFirst() + ["a4: [*a3, *a8:, *a8]"]).joined(separator: "\n") + "\n"
        #expect(YAMLAliasKeys.firstLine(in: text) == 11)
        let single = "a: it's\nb: &b [x]\nc: [*b: y]\n"
        #expect(YAMLAliasKeys.firstLine(in: single) == 3)
    }

    @Test func aComplexKeyBeforeTheFirstAliasIsFoundToo() {
        let text = "? [a, b]\n: pair\n" + Self.laughs.joined(separator: "\n") + "\n"
        #expect(YAMLAliasKeys.firstLine(in: text) == 1)
    }

    @Test(arguments: [
        "title: \"Why Chongqing?\"\nsummary: 'a *b: c'\ntags: [x, y]\n",
        "a: &a [1, 2]\nb: *a\nc: [*a, *a]\nd:\n  - *a\n",
        "\"*not an alias\": 1\n'[x]': 2\n# *a: in a comment\n",
        "? [a, b]\n: pair without aliases\n[c, d]: also fine\n",
        "title: Revenue grew 5% [note 3]\n",
    ])
    func ordinaryYAMLIsLeftAlone(text: String) throws {
        #expect(YAMLAliasKeys.firstLine(in: text) == nil, "\(text)")
        _ = try Yams.compose(yaml: text)
    }

    @Test func theFrontMatterAndConfigurationParsersRefuseTheBombQuickly() throws {
        let bomb = (Self.laughs + ["b: [x, *a8: y]"]).joined(separator: "\n") + "\n"
        #expect(throws: FolioError.configuration(file: "folio.yml", line: 11, message: YAMLAliasKeys.message, hint: YAMLAliasKeys.hint)) {
            try FolioConfig.parse(bomb)
        }
    }
}

/// YAML breaks lines at a lone carriage return, NEL, LS and PS too; Folio counts lines at line
/// feeds, so a parser error must never name a line past the end of the file.
@Suite struct YAMLLineBreakTests {
    @Test func anErrorAfterLoneCarriageReturnsNamesALineOfTheFile() throws {
        let text = "title: My site\ndescription: a\r\r\r\r\r\r\r\r\rb: [\n"
        do {
            _ = try FolioConfig.parse(text)
            Issue.record("accepted")
        } catch let FolioError.configuration(file, line, _, _) {
            #expect(file == "folio.yml")
            #expect(line.map { (1...3).contains($0) } == true, "line \(String(describing: line)) of a 3-line file")
        }
    }

    @Test func windowsLineEndingsAndPlainTextAreLeftAlone() {
        #expect(YAMLText.prepared("a: 1\r\nb: 2\r\n") == "a: 1\r\nb: 2\r\n")
        #expect(YAMLText.prepared("a: x\ry\u{2028}z") == "a: x y z")
    }
}
