/// Appends JSON text to a byte buffer: the hot-path encoder of the output events.
///
/// `JSONEncoder` spends most of its time in generic dispatch, metadata look-ups and an
/// intermediate tree; events have a fixed shape, so writing them field by field is several
/// times cheaper. Output is compact JSON (no spaces), UTF-8, with `/` unescaped, like the
/// `JSONEncoder` configuration it replaces. Commas are managed by the writer: call
/// ``key(_:)`` before each member of an object and ``element()`` before each array element.
struct JSONByteWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the innermost open object or array already has a member.
    private var hasMember: [Bool] = []
    /// False once a non-finite number was written (JSON cannot hold it).
    private(set) var isValid = true

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
        hasMember.reserveCapacity(8)
    }

    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        hasMember.append(false)
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        hasMember.removeLast()
    }

    mutating func beginArray() {
        bytes.append(UInt8(ascii: "["))
        hasMember.append(false)
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        hasMember.removeLast()
    }

    /// Starts an object member; `name` must need no escaping (the writer's callers pass literals).
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// Starts an array element.
    mutating func element() {
        separate()
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        // One contiguous view (small strings are copied to the stack): a tight check, then one
        // block copy when nothing needs escaping.
        var value = value
        value.withUTF8 { buffer in
            if buffer.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
                bytes.append(contentsOf: buffer)
            } else {
                for b in buffer { appendEscaped(b) }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func null() {
        bytes.append(contentsOf: "null".utf8)
    }

    mutating func int(_ value: Int) {
        int(Int64(value))
    }

    mutating func int(_ value: Int32) {
        int(Int64(value))
    }

    /// Decimal digits written least significant first, then reversed in place.
    mutating func int(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let first = bytes.count
        repeat {
            let (q, r) = magnitude.quotientAndRemainder(dividingBy: 10)
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: r))
            magnitude = q
        } while magnitude > 0
        var lo = first
        var hi = bytes.count - 1
        while lo < hi {
            bytes.swapAt(lo, hi)
            lo += 1
            hi -= 1
        }
    }

    /// A finite double in Swift's shortest round-tripping form; a non-finite value writes
    /// `null` and marks the output invalid.
    mutating func double(_ value: Double) {
        guard value.isFinite else {
            isValid = false
            null()
            return
        }
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            int(Int64(value))  // whole numbers without ".0"
            return
        }
        bytes.append(contentsOf: value.description.utf8)
    }

    private mutating func separate() {
        guard let last = hasMember.last else { return }
        if last { bytes.append(UInt8(ascii: ",")) } else { hasMember[hasMember.count - 1] = true }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// One byte of a string, escaped if JSON requires it (`"`, `\`, control characters).
    private mutating func appendEscaped(_ b: UInt8) {
        if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") {
            bytes.append(b)
            return
        }
        bytes.append(UInt8(ascii: "\\"))
        switch b {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            bytes.append(contentsOf: "u00".utf8)
            bytes.append(Self.hex[Int(b >> 4)])
            bytes.append(Self.hex[Int(b & 0xF)])
        }
    }
}
