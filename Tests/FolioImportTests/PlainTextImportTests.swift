import Foundation
import Testing

@testable import FolioImport

/// Tables laid out with spaces by `pdftotext -layout`, on the foreign fixtures and made-up pages.
@Suite struct LayoutTableTests {
    func lines(_ fixture: String, _ first: Int, _ last: Int) throws -> [SourceLine] {
        let url = Fixtures.root.appendingPathComponent("Tests/ForeignReports/\(fixture)")
        let all = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        return (first...last).map { SourceLine(all[$0 - 1], number: $0) }
    }

    /// The articles that `source`, imported as a `pdftotext` text, becomes.
    static func importPlainText(_ source: String, title: String) throws -> String {
        let converted = ConvertedDocumentTests()
        return converted.body(try converted.importAlone(source, ext: "txt", title: title).files)
    }

    @Test func cellsStandTwoOrMoreSpacesApart() {
        let cells = LayoutTable.cells("     -1       1200k  500k one word")
        #expect(cells == [.init(column: 5, text: "-1"), .init(column: 14, text: "1200k"), .init(column: 21, text: "500k one word")])
    }

    /// bzip2-manual.txt lines 338–349: a header split over two lines, a blank line, nine rows.
    @Test func theRowsOfAManualsTableAreFound() throws {
        let source = try lines("bzip2-manual.txt", 334, 352)
        let rows = LayoutTable.rows(in: source)
        let numbers = rows.keys.sorted().map { source[$0].number }
        #expect(numbers == [339] + Array(341...349))
        #expect(rows[source.firstIndex { $0.number == 341 }!] == ["-1", "1200k", "500k", "350k", "914704"])
        // The prose above, with single spaces, is no row.
        #expect(!numbers.contains { $0 < 339 })
    }

    /// crc-paper.txt lines 1304–1310: footnote marks under two columns continue the row above.
    @Test func aShorterLineInsideABlockStandsUnderItsColumns() throws {
        let source = try lines("crc-paper.txt", 1304, 1310)
        let rows = LayoutTable.rows(in: source)
        let marks = try #require(rows[source.firstIndex { $0.number == 1307 }!])
        #expect(marks.first == "" && marks.contains("3") && marks.contains("4,5"))
        #expect(rows[source.firstIndex { $0.number == 1306 }!] == ["CRC-32", "2.083", "1.164,5", "1.79"])
    }

    /// Equations (crc-paper.txt lines 105–115) and two columns of prose are no table.
    @Test func equationsAndColumnsOfProseAreNoTable() throws {
        #expect(LayoutTable.rows(in: try lines("crc-paper.txt", 105, 115)).isEmpty)
        let prose = [
            "The widget reads its settings from a file      Every setting has a default that suits most",
            "in your home folder, which it creates when     users, and the manual lists each of them with",
            "it first starts and finds none in place.       its meaning and the values it may take.",
        ].enumerated().map { SourceLine($0.element, number: $0.offset + 1) }
        #expect(LayoutTable.rows(in: prose).isEmpty)
    }

    @Test func aCaptionedLaidOutTableBecomesAGFMTableUnderItsCaption() throws {
        let source = """
            Off-Grid Solar in Kenya


            1 Markets

            Three companies sell most of the kits. Their customers pay for the
            power they use by mobile money.

            Table 1 Leading off-grid solar companies

            Company          Headquarters     Customers (million)
            Zorvex           Nairobi          3.0
            Quallon Solar    Nairobi          2.1
            Brightgrid       London           0.6

            Sales grew in every county.

            """
        let text = try Self.importPlainText(source, title: "Off-Grid Solar in Kenya")
        #expect(text.contains("""
            <p id="table-1" class="table-caption"><span class="table-label">Table 1</span> Leading off-grid solar companies</p>

            | Company | Headquarters | Customers (million) |
            | --- | --- | --- |
            | Zorvex | Nairobi | 3.0 |
            | Quallon Solar | Nairobi | 2.1 |
            | Brightgrid | London | 0.6 |

            Sales grew in every county.
            """), "\(text)")
        #expect(text.contains("Three companies sell most of the kits. Their customers pay for the power they use by mobile money."))
    }
}

/// Footnote markers that `pdftotext` glued to their words, with the notes at the page's foot.
@Suite struct PlainNoteMarkerTests {
    func page(_ text: String) -> [SourceLine] {
        text.components(separatedBy: "\n").enumerated().map { SourceLine($0.element, number: $0.offset + 1) }
    }

    @Test func aMarkerWithItsNoteBelowBecomesASuperscript() {
        var lines = page("""
            1 Introduction

            Cities lose 40% of their water through leaks.1 The bank finances metering,2 and
            losses fell to 35%.3 in pilot districts.

            1 World Bank, Water Loss Review, 2021.
            2 ADB project 51234-001.
            3 "Utility data", 2023.
            """)
        let marked = PlainNoteMarkers.mark(&lines, pageOf: Array(repeating: 0, count: lines.count))
        #expect(marked == 3)
        #expect(lines[2].text == "Cities lose 40% of their water through leaks.<sup>1</sup> The bank finances metering,<sup>2</sup> and")
        #expect(lines[3].text == "losses fell to 35%.<sup>3</sup> in pilot districts.")
        #expect(lines[0].text == "1 Introduction")
    }

    @Test func gluedMarkersAndTheNotesAtThePagesFootBecomeFootnotes() throws {
        let source = """
            Water for Growing Cities


            1 Introduction

            Cities in South Asia lose up to 40% of their treated water through leaks.1 Utilities
            replace old mains, and the bank finances district metering.2

            1 World Bank, Water Loss Review, 2021.
            2 ADB project 51234-001.

                                              1
            \u{0C}2 Non-Revenue Water

            Karachi estimates its losses at 35%.3 Leak detection cuts them by a third.

            3 KWSC, Annual Report 2023, p. 12.

                                              2

            """
        let text = try LayoutTableTests.importPlainText(source, title: "Water for Growing Cities")
        #expect(text.contains("through leaks.[^1] Utilities replace old mains, and the bank finances district metering.[^2]"), "\(text)")
        #expect(text.contains("[^1]: World Bank, Water Loss Review, 2021."))
        #expect(text.contains("[^2]: ADB project 51234-001."))
        #expect(text.contains("at 35%.[^3] Leak detection") && text.contains("[^3]: KWSC, Annual Report 2023, p. 12."))
    }

    @Test func numbersAndFormulasAreNoMarkers() {
        let text = """
            In 2021.1 tonnes of CO2 left the km2 plot; version 2.1 ships, as does H2 and ipv6 in case1.

            1 Notes on the plot.
            2 Notes on the version.
            6 Notes on the protocol.
            """
        var lines = page(text)
        #expect(PlainNoteMarkers.mark(&lines, pageOf: Array(repeating: 0, count: lines.count)) == 1)
        #expect(lines[0].text.hasSuffix("in case<sup>1</sup>."))
        // A note on another page, or above the marker, makes no marker.
        var split = page("See the leaks.1\n\n1 World Bank.")
        #expect(PlainNoteMarkers.mark(&split, pageOf: [0, 1, 1]) == 0)
    }
}

/// The cover data `folio add` reads from a new report's first page.
@Suite struct CoverMetadataTests {
    func detect(_ text: String) -> MetadataDetector.Detected {
        MetadataDetector().detect(text.components(separatedBy: "\n").enumerated().map { SourceLine($0.element, number: $0.offset + 1) })
    }

    @Test func aPublishedByLineNamesThePublisherAndATitleLineNoAuthor() {
        let cover = detect("""
            Water for Growing Cities
            A Policy Brief
            Published by the Riverside Forum, June 2024
            1 Why Metering Matters
            Cities lose water through leaks, and metering finds them.
            """)
        #expect(cover.subtitle == "A Policy Brief")
        #expect(cover.publisher == "Riverside Forum")
        #expect(cover.date == "2024-06")
        #expect(cover.authors.isEmpty, "\(cover.authors)")
    }

    /// A sentence of the text that names a company is no publisher; a cover line of the name is.
    @Test func aSentenceThatNamesACompanyIsNoPublisher() {
        let sentence = detect("""
            Record Investments in the West
            The deal was signed by Anhui Logistics Co., Ltd. last year.
            Another paragraph follows here.
            """)
        #expect(sentence.publisher == nil, "\(sentence.publisher ?? "")")
        let name = detect("""
            Digital Industry in Transition
            Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH
            Bonn, May 2022
            """)
        #expect(name.publisher == "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH")
    }

    /// A publisher line's seat after the name and the name's abbreviation in brackets are no
    /// part of the name; a comma inside the name is.
    @Test func aPublisherLineLosesItsSeatAndAbbreviation() {
        let think = detect("""
            Chips and Power
            Published by Center for Strategic and International Studies (CSIS), Washington, 2024.
            """)
        #expect(think.publisher == "Center for Strategic and International Studies", "\(think.publisher ?? "")")
        let ministry = detect("""
            White Paper on Health
            Published by Ministry of Health, Labour and Welfare, 2023.
            """)
        #expect(ministry.publisher == "Ministry of Health, Labour and Welfare", "\(ministry.publisher ?? "")")
        let house = detect("""
            Europe and China
            Published by Chatham House, London, March 2025.
            """)
        #expect(house.publisher == "Chatham House", "\(house.publisher ?? "")")
    }

    @Test func wordsOfAPublicationsTitleOrOfTheTextAreNoPersonsName() {
        let cover = detect("""
            Powering Growth
            Regional Energy Outlook 2025
            Nairobi, March 2025
            Amina Otieno and Li Wei
            Introduction
            The regional energy market grows, and the outlook is good.
            """)
        #expect(cover.authors == ["Amina Otieno", "Li Wei"])
        #expect(cover.date == "2025-03")
    }
}
