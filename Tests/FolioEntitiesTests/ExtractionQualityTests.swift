import FolioEntities
import Testing

/// Precision and recall of the tagger against the hand-labelled sample.
struct ExtractionQualityTests {
    /// The levels reached when the sample was labelled; a change that lowers either fails.
    static let minimumPrecision = 0.95
    static let minimumRecall = 0.88

    private func expected(_ p: LabelledPassage) -> Set<String> {
        Set(p.companies.map { "company/\($0)" } + p.places.map { "place/\($0)" }
            + p.technologies.map { "technology/\($0)" } + p.sdgs.map { "sdg/\($0)" })
    }

    @Test func sampleCoversAllFiveSources() {
        #expect(LabelledSample.passages.count >= 40)
        #expect(Set(LabelledSample.passages.map(\.source)) == Set(Fixtures.sources.keys))
        for p in LabelledSample.passages {
            #expect(!Fixtures.lines(p.source, p.first, p.last).isEmpty, "passage \(p.source):\(p.first) is empty")
        }
    }

    @Test func labelsNameExistingTerms() {
        // Organisations may be labelled beyond the gazetteer; the other kinds name its terms.
        let known = Set(Fixtures.gazetteers.terms.map(\.id.description))
        for p in LabelledSample.passages {
            for label in expected(p) where !label.hasPrefix("company/") {
                let exists = known.contains(label)
                #expect(exists, "\(p.source):\(p.first) labels unknown term \(label)")
            }
        }
    }

    @Test func precisionAndRecall() {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var perKind: [String: (tp: Int, fp: Int, fn: Int)] = [:]
        var report: [String] = []
        for p in LabelledSample.passages {
            let text = Fixtures.lines(p.source, p.first, p.last)
            let found = Set(Fixtures.tagger.analyze(markdown: text, linking: false).occurrences.map(\.term.description))
            let want = expected(p)
            for term in found.union(want) {
                let kind = String(term.prefix { $0 != "/" })
                var k = perKind[kind] ?? (0, 0, 0)
                if found.contains(term), want.contains(term) { truePositives += 1; k.tp += 1 }
                else if found.contains(term) { falsePositives += 1; k.fp += 1; report.append("  extra   \(p.source):\(p.first) \(term)") }
                else { falseNegatives += 1; k.fn += 1; report.append("  missing \(p.source):\(p.first) \(term)") }
                perKind[kind] = k
            }
        }
        let precision = Double(truePositives) / Double(max(truePositives + falsePositives, 1))
        let recall = Double(truePositives) / Double(max(truePositives + falseNegatives, 1))
        print("Entity extraction on \(LabelledSample.passages.count) labelled passages: precision \(format(precision)), recall \(format(recall)) (\(truePositives) correct, \(falsePositives) extra, \(falseNegatives) missing)")
        for (kind, k) in perKind.sorted(by: { $0.key < $1.key }) {
            let p = Double(k.tp) / Double(max(k.tp + k.fp, 1)), r = Double(k.tp) / Double(max(k.tp + k.fn, 1))
            print("  \(kind): precision \(format(p)), recall \(format(r))")
        }
        print(report.joined(separator: "\n"))
        #expect(precision >= Self.minimumPrecision)
        #expect(recall >= Self.minimumRecall)
    }

    private func format(_ x: Double) -> String { String(Int((x * 1000).rounded())).paddedPermille }
}

private extension String {
    /// `912` → `0.912`.
    var paddedPermille: String {
        let digits = String(repeating: "0", count: max(0, 3 - count)) + self
        return digits.count > 3 ? "1.000" : "0." + digits
    }
}
