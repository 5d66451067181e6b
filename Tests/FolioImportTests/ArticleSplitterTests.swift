import FolioContent
import Testing
@testable import FolioImport

@Suite struct ArticleSplitterTests {
    let meta = CorpusDocument(slug: "doc", title: "The Report", publisher: "P", date: "2024", language: "en", source: "Content/sources/doc.txt")

    func split(_ text: String, hints: ImportHints.Document, companies: [String: [String]] = [:]) -> (ArticleSplitter.Result, [ImportFinding]) {
        var findings: [ImportFinding] = []
        let splitter = ArticleSplitter(hints: hints, companies: CompanyResolver(table: companies), metadata: meta, labels: [])
        let result = splitter.split(Fixtures.lines(text), findings: &findings)
        return (result, findings)
    }

    @Test func titleSplitOverTwoHeadingsIsMergedAsInCmia2021Lines998To1000() {
        var hints = ImportHints.Document()
        hints.toc = "CONTENTS"
        hints.byline = "toc-company"
        let text = """
        # THE REPORT

        # CONTENTS

        The Chengdu-Chongqing Economic Circle To Empower High-quality Development .....\tFORD (64)
        Powering Good .....\tHITACHIABB (76)


        # The Chengdu-Chongqing Economic Circle

        ## To Empower High-quality Development

        Chen Anning

        *Executive Vice President of Ford Motor Company*

        ## Introduction

        Text.

        ## **Powering Good**

        Claudio Facchin  
        *CEO, Hitachi ABB Power Grids*

        Body.
        """
        let (result, findings) = split(text, hints: hints, companies: ["Ford": ["FORD", "Ford Motor Company"], "Hitachi ABB Power Grids": ["HITACHIABB"]])
        #expect(result.articles.map(\.title) == ["The Chengdu-Chongqing Economic Circle: To Empower High-quality Development", "Powering Good"])
        #expect(result.articles.map(\.company) == ["Ford", "Hitachi ABB Power Grids"])
        #expect(result.articles[0].authors == [Author(name: "Chen Anning", role: "Executive Vice President of Ford Motor Company")])
        #expect(result.articles[1].authors == [Author(name: "Claudio Facchin", role: "CEO, Hitachi ABB Power Grids")])
        #expect(result.articles[0].lines.first { !$0.text.isEmpty }?.text == "## Introduction")
        #expect(result.articles[0].sourceLines == 9...19)
        #expect(findings.contains { $0.code == "IMP010" && $0.sourceLine == 9 })
        #expect(findings.contains { $0.code == "IMP001" })
    }

    @Test func entryWithoutHeadingStartsAfterTheContentsAsInCst2024Lines49To68() {
        var hints = ImportHints.Document()
        hints.toc = "CONTENTS"
        let text = """
        ## Preface

        Preface text.

        ## CONTENTS

        - 1 Preface
        - 6 Chapter 1:  
        The Booming Digital Era
        - 9 Chapter 2 Later


        As the digital industry grows rapidly.

        ## Chapter 2

        # Later

        Text.
        """
        let (result, findings) = split(text, hints: hints)
        #expect(result.articles.map(\.title) == ["Preface", "Chapter 1: The Booming Digital Era", "Chapter 2: Later"])
        #expect(result.articles[1].lines.first?.text == "As the digital industry grows rapidly.")
        #expect(!result.articles[0].lines.contains { $0.text.contains("CONTENTS") || $0.text.contains("Booming") })
        #expect(findings.contains { $0.code == "TOC002" && $0.sourceLine == 13 })
    }

    @Test func sectionEntryMissingFromTheBodyIsReported() {
        var hints = ImportHints.Document()
        hints.toc = "Contents"
        hints.articles = #"^\d\. "#
        let text = """
        # Contents

        1. One.....\t1
        1.1 Present.....\t1
        1.2 Missing section.....\t2
        2. Two.....\t3


        # 1. One

        ## 1.1 Present

        Text.

        # 2. Two

        Text.
        """
        let (result, findings) = split(text, hints: hints)
        #expect(result.articles.map(\.title) == ["1. One", "2. Two"])
        #expect(findings.filter { $0.code == "TOC005" }.map(\.sourceLine) == [5])
    }

    @Test func degenerateInputsGiveFindingsNotCrashes() {
        var hints = ImportHints.Document()
        hints.toc = "CONTENTS"
        hints.byline = "toc-company"
        let (empty, emptyFindings) = split("", hints: hints)
        #expect(empty.articles.isEmpty)
        #expect(emptyFindings.map(\.code).sorted() == ["SPL002", "TOC004"])
        let (last, lastFindings) = split("# CONTENTS\n\nOnly Title .....\tACME (1)\n\n\n## Only Title", hints: hints)
        #expect(last.articles.map(\.title) == ["Only Title"])
        #expect(lastFindings.contains { $0.code == "IMP042" })
    }
}
