import Testing

@testable import Extraction

@Suite("Word sets")
struct WordSetTests {
    @Test func findsEveryMemberAndNoOtherWordOfALargeSet() {
        let members = (0..<5_000).map { "word\($0)" }
        let set = WordSet(members)
        #expect(set.count == members.count)
        #expect(members.allSatisfy(set.contains))
        let strangers = (5_000..<20_000).map { "word\($0)" } + ["", "word", "Word1", "word1 ", "wor d1"]
        #expect(!strangers.contains(where: set.contains))
    }

    @Test func duplicatesAreStoredOnceInInsertionOrder() {
        var set: WordSet = ["talks", "summit", "talks"]
        #expect(set.count == 2)
        set.formUnion(["summit", "meeting", "encounter", "encounter"])
        #expect(Array(set) == ["talks", "summit", "meeting", "encounter"])
        #expect(set.contains("meeting") && set.contains("encounter"))
    }

    @Test func nonASCIIWordsMatchByTheirBytes() {
        let set: WordSet = ["zelenskyy", "київ", "président", "🇺🇦"]
        #expect(set.contains("київ") && set.contains("président") && set.contains("🇺🇦"))
        #expect(!set.contains("киів") && !set.contains("president"))
    }

    @Test func anEmptySetContainsNothing() {
        let set = WordSet()
        #expect(set.isEmpty && !set.contains("") && !set.contains("a"))
    }

    @Test func copiesAreIndependent() {
        let original: WordSet = ["a"]
        var copy = original
        copy.formUnion(["b"])
        #expect(!original.contains("b") && copy.contains("b"))
    }
}
