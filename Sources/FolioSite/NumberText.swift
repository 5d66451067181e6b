/// Numbers written as ASCII digits straight into a byte buffer, for the files a build writes by
/// the thousand (search shards, map paths), where a `String` per number dominated the cost.
enum NumberText {
    /// Appends `number` in `radix` (2 to 36, lower-case letters above 9), as
    /// `String(number, radix: radix)` writes it.
    @inline(__always)
    static func append(_ number: Int, radix: Int, to out: inout [UInt8]) {
        if number < 0 { out.append(0x2D) }
        var value = number.magnitude
        let base = UInt(radix)
        // Room for every digit of a 64-bit magnitude, in binary too.
        var digits: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                let digit = UInt8(value % base)
                buffer[count] = digit < 10 ? 0x30 + digit : 0x57 + digit
                count += 1
                value /= base
            } while value > 0
            for k in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[k]) }
        }
    }
}
