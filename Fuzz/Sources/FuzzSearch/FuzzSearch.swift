import FolioSearch
import Foundation

/// libFuzzer entry: any text through the search tokenizer and stemmer that build the index
/// (`Templates/assets/search.js` mirrors them for queries). A term must be non-empty, free of
/// spaces and punctuation, lower-case, at most the longest indexed word, and the same text must
/// always give the same terms.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSearch(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let words = SearchTokenizer.words(text)
    for word in words {
        if word.isEmpty || word.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0 == "," || $0 == "." }) {
            fatalError("a bad word \(word.debugDescription) from \(text.prefix(200).debugDescription)")
        }
        if word.unicodeScalars.count > SearchTokenizer.maximumWordLength * 4 {
            fatalError("a word far longer than the limit: \(word.prefix(80).debugDescription)")
        }
    }
    var cache = StemCache()
    let terms = SearchTokenizer.terms(text, cache: &cache)
    if terms.contains(where: \.isEmpty) { fatalError("an empty term from \(text.prefix(200).debugDescription)") }
    if terms != SearchTokenizer.terms(text) { fatalError("terms differ between runs for \(text.prefix(200).debugDescription)") }
    if terms.count > words.count { fatalError("more terms than words") }
    return 0
}
