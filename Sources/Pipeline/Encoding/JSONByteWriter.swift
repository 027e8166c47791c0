/// Appends JSON text to a byte buffer: the hot-path encoder of the output events.
///
/// `JSONEncoder` spends most of its time in generic dispatch, metadata look-ups and an
/// intermediate tree; events have a fixed shape, so writing them field by field is several
/// times cheaper. Output is compact JSON (no spaces), UTF-8, with `/` unescaped, like the
/// `JSONEncoder` configuration it replaces. Commas are managed by the writer: call
/// ``key(_:)`` before each member of an object and ``element()`` before each array element.
///
/// The bytes go to one array the writer owns, reserved once; containers nest at most 64 deep
/// (the events nest 4).
struct JSONByteWriter: ~Copyable {
    private var storage: [UInt8] = []
    /// Bit `d`: the open container at depth `d + 1` already has a member.
    private var hasMember: UInt64 = 0
    /// Open objects and arrays.
    private var depth = 0
    /// False once a non-finite number was written (JSON cannot hold it).
    private(set) var isValid = true

    init(capacity: Int = 1024) {
        storage.reserveCapacity(max(64, capacity))
    }

    /// The JSON written so far.
    var bytes: [UInt8] { storage }

    /// Appends one byte.
    @inline(__always)
    private mutating func put(_ b: UInt8) {
        storage.append(b)
    }

    /// Appends bytes.
    @inline(__always)
    private mutating func put(_ buffer: UnsafeBufferPointer<UInt8>) {
        storage.append(contentsOf: buffer)
    }

    mutating func beginObject() {
        put(UInt8(ascii: "{"))
        open()
    }

    mutating func endObject() {
        put(UInt8(ascii: "}"))
        depth -= 1
    }

    mutating func beginArray() {
        put(UInt8(ascii: "["))
        open()
    }

    mutating func endArray() {
        put(UInt8(ascii: "]"))
        depth -= 1
    }

    @inline(__always)
    private mutating func open() {
        depth += 1
        precondition(depth <= 64, "JSONByteWriter nests at most 64 containers")
        hasMember &= ~(1 << UInt64(depth - 1))
    }

    /// Starts an object member; `name` must need no escaping (the writer's callers pass literals).
    mutating func key(_ name: StaticString) {
        let n = name.utf8CodeUnitCount
        let comma = takeMemberSlot()
        // `,"name":` assembled on the stack and appended once: keys are a fifth of the bytes
        // written, and every append pays a uniqueness and a capacity check.
        let count = n + 3 + (comma ? 1 : 0)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            var k = 0
            if comma {
                buffer[0] = UInt8(ascii: ",")
                k = 1
            }
            buffer[k] = UInt8(ascii: "\"")
            for j in 0..<n { buffer[k + 1 + j] = name.utf8Start[j] }
            buffer[k + 1 + n] = UInt8(ascii: "\"")
            buffer[k + 2 + n] = UInt8(ascii: ":")
            put(UnsafeBufferPointer(buffer))
        }
    }

    /// Starts an array element.
    mutating func element() {
        separate()
    }

    mutating func string(_ value: String) {
        // One contiguous view (small strings are copied to the stack): runs without escapes
        // are copied whole.
        var value = value
        value.withUTF8 { append(quoted: $0) }
    }

    private mutating func append(quoted buffer: UnsafeBufferPointer<UInt8>) {
        let n = buffer.count
        put(UInt8(ascii: "\""))
        var run = 0
        var i = 0
        while i < n {
            let b = buffer[i]
            if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                put(UnsafeBufferPointer(rebasing: buffer[run..<i]))
                appendEscape(b)
                run = i + 1
            }
            i += 1
        }
        put(UnsafeBufferPointer(rebasing: buffer[run..<n]))
        put(UInt8(ascii: "\""))
    }

    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func null() {
        put(UInt8(ascii: "n"))
        put(UInt8(ascii: "u"))
        put(UInt8(ascii: "l"))
        put(UInt8(ascii: "l"))
    }

    mutating func int(_ value: Int) {
        int(Int64(value))
    }

    mutating func int(_ value: Int32) {
        int(Int64(value))
    }

    /// Decimal digits, written from the last one back.
    mutating func int(_ value: Int64) {
        if value < 0 { put(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1
        var rest = magnitude
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        let start = storage.count
        storage.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        var p = start + digits - 1
        repeat {
            let (q, r) = magnitude.quotientAndRemainder(dividingBy: 10)
            storage[p] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: r)
            p -= 1
            magnitude = q
        } while magnitude > 0
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
        var text = value.description
        text.withUTF8 { buffer in
            put(buffer)
        }
    }

    /// A comma before every member but the first of the innermost container.
    @inline(__always)
    private mutating func separate() {
        if takeMemberSlot() { put(UInt8(ascii: ",")) }
    }

    /// Notes a new member of the open container; `true` when a comma must precede it.
    @inline(__always)
    private mutating func takeMemberSlot() -> Bool {
        guard depth > 0 else { return false }
        let bit: UInt64 = 1 << UInt64(depth - 1)
        if hasMember & bit != 0 { return true }
        hasMember |= bit
        return false
    }

    /// The escape of `"`, `\` or a control character.
    private mutating func appendEscape(_ b: UInt8) {
        put(UInt8(ascii: "\\"))
        switch b {
        case UInt8(ascii: "\""): put(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): put(UInt8(ascii: "\\"))
        case 0x0A: put(UInt8(ascii: "n"))
        case 0x0D: put(UInt8(ascii: "r"))
        case 0x09: put(UInt8(ascii: "t"))
        case 0x08: put(UInt8(ascii: "b"))
        case 0x0C: put(UInt8(ascii: "f"))
        default:
            let hex: StaticString = "0123456789abcdef"
            put(UInt8(ascii: "u"))
            put(UInt8(ascii: "0"))
            put(UInt8(ascii: "0"))
            put(hex.utf8Start[Int(b >> 4)])
            put(hex.utf8Start[Int(b & 0xF)])
        }
    }
}
