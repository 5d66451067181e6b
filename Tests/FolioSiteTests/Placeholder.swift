import FolioSite
import Testing
@Test func FolioSiteLoads() { #expect(Bool(true)) }
