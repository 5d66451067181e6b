import FolioContent
import Testing
@Test func FolioContentLoads() { #expect(Bool(true)) }
