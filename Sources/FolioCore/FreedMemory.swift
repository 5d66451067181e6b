import Foundation

/// Memory the process freed but still holds. glibc's allocator keeps freed pages resident, in
/// the arena of the thread that freed them, until it needs them again; a build that lets go of
/// a phase's data (the pages' HTML, the tagging) calls ``returnToSystem()`` so the next phase
/// does not grow on top of pages no one uses.
public enum FreedMemory {
    /// Gives the whole free pages of every arena back to the system (`malloc_trim`); nothing
    /// where the C library has no such call.
    public static func returnToSystem() {
        _ = trim?(0)
    }

    /// `malloc_trim`, looked up once; nil outside glibc.
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        // A null handle is RTLD_DEFAULT in glibc: the symbol is looked up in every loaded library.
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()
}
