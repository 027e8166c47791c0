/// The string hash of the extraction lookup tables (``TokenVocabulary``, ``StanceVocabulary``,
/// ``WordSet``): 64-bit FNV-1a over the word's UTF-8 bytes, then a shift-xor so that the low bits
/// (table slots) depend on every byte. A few nanoseconds for a word, where `Hasher`'s SipHash
/// costs more than the rest of a lookup.
enum WordHash {
    @inline(__always)
    static func of<S: Sequence>(_ utf8: S) -> UInt64 where S.Element == UInt8 {
        var h = seed
        for b in utf8 { h = step(h, b) }
        return finish(h)
    }

    /// The state before the first byte.
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The state after one more byte.
    @inline(__always)
    static func step(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x100_0000_01b3 }

    /// The hash of the bytes stepped in.
    @inline(__always)
    static func finish(_ h: UInt64) -> UInt64 { h ^ (h >> 29) }

    /// The hash of `word`, read from one contiguous view of its UTF-8 (small strings are copied
    /// to the stack).
    @inline(__always)
    static func of(_ word: String) -> UInt64 {
        var copy = word
        return copy.withUTF8 { of($0) }
    }
}
