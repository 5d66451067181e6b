/// The Porter (1980) stemming algorithm for English, used to index and query words by stem
/// ("manufacturing", "manufactured" → "manufactur"). `Templates/assets/search.js` carries the same
/// algorithm so the browser stems queries exactly as the index was built.
///
/// Words that contain anything but ASCII letters, and words of one or two letters, are returned
/// unchanged.
public enum PorterStemmer {
    /// The stem of `word`, which must already be lower-case.
    public static func stem(_ word: String) -> String {
        var b = Array(word.utf8)
        guard b.count > 2, b.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return word }
        var s = Stemming(b: b)
        s.run()
        b = s.b
        return String(decoding: b, as: UTF8.self)
    }
}

/// The algorithm's state: the word as bytes and the end of the stem under test (`j`).
private struct Stemming {
    var b: [UInt8]
    var j = 0

    init(b: [UInt8]) { self.b = b }

    static let vowels: Set<UInt8> = Set("aeiou".utf8)
    static let y = UInt8(ascii: "y")

    /// Whether `b[i]` is a consonant.
    func cons(_ i: Int) -> Bool {
        let c = b[i]
        if Self.vowels.contains(c) { return false }
        if c == Self.y { return i == 0 ? true : !cons(i - 1) }
        return true
    }

    /// The measure m of `b[0...j]`: the number of VC sequences.
    func m() -> Int {
        var n = 0
        var i = 0
        let end = j
        while true {
            if i > end { return n }
            if !cons(i) { break }
            i += 1
        }
        i += 1
        while true {
            while true {
                if i > end { return n }
                if cons(i) { break }
                i += 1
            }
            i += 1
            n += 1
            while true {
                if i > end { return n }
                if !cons(i) { break }
                i += 1
            }
            i += 1
        }
    }

    /// Whether `b[0...j]` contains a vowel.
    func vowelInStem() -> Bool {
        guard j >= 0 else { return false }
        for i in 0...j where !cons(i) { return true }
        return false
    }

    /// Whether `b[i-1...i]` is a double consonant.
    func doubleC(_ i: Int) -> Bool {
        i >= 1 && b[i] == b[i - 1] && cons(i)
    }

    /// Whether `b[i-2...i]` is consonant-vowel-consonant and the last is not w, x or y.
    func cvc(_ i: Int) -> Bool {
        if i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2) { return false }
        let c = b[i]
        return c != UInt8(ascii: "w") && c != UInt8(ascii: "x") && c != Self.y
    }

    /// Whether the word ends with `s`; sets `j` to the end of the stem before it.
    mutating func ends(_ s: String) -> Bool {
        let suffix = s.utf8
        let n = suffix.count
        guard n <= b.count else { return false }
        var i = b.count - n
        for c in suffix {
            if b[i] != c { return false }
            i += 1
        }
        j = b.count - n - 1
        return true
    }

    /// Replaces the suffix after `j` with `s`.
    mutating func setTo(_ s: String) {
        b.removeSubrange((j + 1)...)
        b.append(contentsOf: s.utf8)
    }

    mutating func r(_ s: String) {
        if m() > 0 { setTo(s) }
    }

    mutating func run() {
        step1ab()
        if b.count > 1 {
            step1c()
            step2()
            step3()
            step4()
            step5()
        }
    }

    mutating func step1ab() {
        if b.last == UInt8(ascii: "s") {
            if ends("sses") {
                b.removeLast(2)
            } else if ends("ies") {
                setTo("i")
            } else if b.count >= 2 && b[b.count - 2] != UInt8(ascii: "s") {
                b.removeLast()
            }
        }
        if ends("eed") {
            if m() > 0 { b.removeLast() }
        } else if (ends("ed") || ends("ing")) && vowelInStem() {
            b.removeSubrange((j + 1)...)
            if ends("at") {
                setTo("ate")
            } else if ends("bl") {
                setTo("ble")
            } else if ends("iz") {
                setTo("ize")
            } else if doubleC(b.count - 1) {
                let c = b[b.count - 1]
                if c != UInt8(ascii: "l") && c != UInt8(ascii: "s") && c != UInt8(ascii: "z") { b.removeLast() }
            } else {
                j = b.count - 1
                if m() == 1 && cvc(b.count - 1) { b.append(UInt8(ascii: "e")) }
            }
        }
    }

    mutating func step1c() {
        if ends("y") && vowelInStem() { b[b.count - 1] = UInt8(ascii: "i") }
    }

    static let step2Rules: [(String, String)] = [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
        ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
        ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
        ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
    ]

    mutating func step2() {
        for (suffix, replacement) in Self.step2Rules where ends(suffix) {
            r(replacement)
            return
        }
    }

    static let step3Rules: [(String, String)] = [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ]

    mutating func step3() {
        for (suffix, replacement) in Self.step3Rules where ends(suffix) {
            r(replacement)
            return
        }
    }

    static let step4Suffixes = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
        "ism", "ate", "iti", "ous", "ive", "ize",
    ]

    mutating func step4() {
        for suffix in Self.step4Suffixes where ends(suffix) {
            if suffix == "ion" {
                guard j >= 0, b[j] == UInt8(ascii: "s") || b[j] == UInt8(ascii: "t") else { return }
            }
            if m() > 1 { b.removeSubrange((j + 1)...) }
            return
        }
    }

    mutating func step5() {
        j = b.count - 1
        if b.last == UInt8(ascii: "e") {
            j = b.count - 2
            let a = m()
            if a > 1 || (a == 1 && !cvc(b.count - 2)) { b.removeLast() }
        }
        j = b.count - 1
        if b.last == UInt8(ascii: "l") && doubleC(b.count - 1) && m() > 1 { b.removeLast() }
    }
}
