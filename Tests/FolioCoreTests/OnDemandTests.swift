import FolioCore
import Foundation
import Synchronization
import Testing

struct OnDemandTests {
    @Test func madeOnceWhenFirstAskedForEvenFromManyThreads() {
        let made = Atomic<Int>(0)
        let value = OnDemand<[Int]> {
            made.add(1, ordering: .relaxed)
            return Array(0..<1000)
        }
        #expect(made.load(ordering: .relaxed) == 0, "nothing is made before it is asked for")
        let sums = ConcurrentMap.map(Array(0..<64)) { _ in value.value.reduce(0, +) }
        #expect(Set(sums) == [499_500])
        #expect(made.load(ordering: .relaxed) == 1)
    }

    @Test func neverMadeWhenNobodyAsks() {
        let made = Atomic<Int>(0)
        _ = OnDemand<Int> {
            made.add(1, ordering: .relaxed)
            return 1
        }
        #expect(made.load(ordering: .relaxed) == 0)
    }
}
