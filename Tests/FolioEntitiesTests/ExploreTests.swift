import FolioEntities
import Foundation
import Testing

@Test func exploreCorpus() {
    let want = (ProcessInfo.processInfo.environment["EXPLORE_TERMS"] ?? "").split(separator: ",").map(String.init)
    for name in Fixtures.sources.keys.sorted() {
        let result = Fixtures.tagger.analyze(markdown: Fixtures.source(name), linking: false)
        print("== \(name)")
        for o in result.occurrences.sorted(by: { $0.count > $1.count }) {
            print("  \(o.term) \(o.bodyCount)+\(o.footnoteCount)")
        }
        print("  goals:", result.goalEvidence.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.explicitMentions)/\($0.value.phraseOccurrences)" }.joined(separator: " "))
    }
    // Mention texts for chosen terms, over many small chunks so every mention is listed.
    for name in Fixtures.sources.keys.sorted() where !want.isEmpty {
        let lines = Fixtures.source(name).split(separator: "\n", omittingEmptySubsequences: false)
        var counts: [String: Int] = [:]
        for line in lines {
            let r = Fixtures.tagger.analyze(markdown: String(line) + "\n", linking: false)
            for o in r.occurrences where want.contains(o.term.description) {
                for m in o.mentions { counts["\(o.term) «\(m.text)»", default: 0] += 1 }
            }
        }
        for (k, v) in counts.sorted(by: { $0.key < $1.key }) { print("  \(name) \(k) \(v)") }
    }
}
