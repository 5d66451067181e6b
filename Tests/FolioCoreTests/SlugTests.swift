@testable import FolioCore
import Testing
@Test func placeholder() { #expect(Slug.make("A b") == "a-b") }
