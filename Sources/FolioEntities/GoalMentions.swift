/// Finds goals named by number: `SDG 7`, `SDG7`, `SDG-7`, `SDGs 7 and 13`, `Sustainable
/// Development Goal 6`, and `Goal 13` (weak: it counts only where the article names the SDGs).
/// Counts such as `17 SDGs` or `169 SDG targets` name no goal.
enum GoalMentions {
    struct Found {
        var start: Int
        var end: Int
        var goals: [Int]
        /// `Goal 13`: needs the article to name the SDGs elsewhere.
        var weak: Bool
        /// The text names the SDGs (`SDG`, `SDGs`, `Sustainable Development Goal`).
        var namesGoals: Bool
    }

    static func scan(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [Found] {
        var found: [Found] = []
        var i = start
        while i < end {
            // Every form starts with `S`, `s` or `G`.
            let first = text[i]
            guard first == 0x53 || first == 0x73 || first == 0x47,
                  ByteClass.isWordStart(text, i, segmentStart: start) else { i += 1; continue }
            if matches(text, i, end, "SDG", caseSensitive: true) {
                var j = i + 3
                if j < end, text[j] == 0x73 { j += 1 }
                if j < end, ByteClass.isWordByte(text[j]), !(text[j] >= 0x30 && text[j] <= 0x39) { i = j; continue }
                let (goals, after) = numberList(text, j, end)
                found.append(Found(start: i, end: goals.isEmpty ? j : after, goals: goals, weak: false, namesGoals: true))
                i = max(after, j)
                continue
            }
            if matches(text, i, end, "Sustainable Development Goal", caseSensitive: false) {
                var j = i + 28
                if j < end, text[j] == 0x73 || text[j] == 0x53 { j += 1 }
                let (goals, after) = numberList(text, j, end)
                found.append(Found(start: i, end: goals.isEmpty ? j : after, goals: goals, weak: false, namesGoals: true))
                i = max(after, j)
                continue
            }
            if matches(text, i, end, "Goal", caseSensitive: true), i + 4 < end, text[i + 4] == 0x20 {
                let (goals, after) = numberList(text, i + 4, end, single: true)
                if !goals.isEmpty {
                    found.append(Found(start: i, end: after, goals: goals, weak: true, namesGoals: false))
                    i = after
                    continue
                }
            }
            i += 1
        }
        return found.filter { !$0.goals.isEmpty || $0.namesGoals }
    }

    private static func matches(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ word: StaticString, caseSensitive: Bool) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= end else { return false }
        let p = word.utf8Start
        for k in 0..<n {
            var a = text[i + k], b = p[k]
            if !caseSensitive {
                if a >= 0x41, a <= 0x5A { a |= 0x20 }
                if b >= 0x41, b <= 0x5A { b |= 0x20 }
            }
            if a != b { return false }
        }
        return true
    }

    /// Reads ` 7`, `-7`, `7, 9 and 13`: goal numbers 1–17 not followed by another digit,
    /// separated by commas, slashes, `and` or `&`.
    private static func numberList(_ text: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int, single: Bool = false) -> ([Int], Int) {
        var goals: [Int] = []
        var j = from
        var lastEnd = from
        while j < end {
            var k = j
            // Separator before a number.
            if goals.isEmpty {
                if k < end, text[k] == 0x20 || text[k] == 0x2D || text[k] == 0x23 { k += 1 }
            } else {
                while k < end, text[k] == 0x20 || text[k] == 0x2C || text[k] == 0x2F || text[k] == 0x26 { k += 1 }
                if matches(text, k, end, "and ", caseSensitive: true) { k += 4 }
                while k < end, text[k] == 0x20 { k += 1 }
            }
            var value = 0, digits = 0
            while k < end, text[k] >= 0x30, text[k] <= 0x39, digits < 3 { value = value * 10 + Int(text[k] - 0x30); k += 1; digits += 1 }
            guard digits > 0, digits <= 2, (1...17).contains(value) else { break }
            if k < end, ByteClass.isWordByte(text[k]) { break }
            // "SDG 7.2" is a target of goal 7; "17.5%" is not a goal.
            if k < end, text[k] == 0x25 { break }
            goals.append(value)
            lastEnd = k
            j = k
            if k + 1 < end, text[k] == 0x2E, text[k + 1] >= 0x30, text[k + 1] <= 0x39 {
                j = k + 1
                while j < end, text[j] >= 0x30, text[j] <= 0x39 || text[j] == 0x2E { j += 1 }
                lastEnd = j
            }
            if single { break }
        }
        return (goals, lastEnd)
    }
}
