import FolioImport
import Testing
@Test func importModuleLoads() { #expect(SourceLine("a", number: 1).number == 1) }
