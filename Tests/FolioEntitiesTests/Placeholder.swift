import FolioEntities
import Testing
@Test func entitiesModuleLoads() { #expect(EntityTags().sdgs.isEmpty) }
