/// Appends JSON text to a byte buffer: the hot-path encoder of the output events.
///
/// `JSONEncoder` spends most of its time in generic dispatch, metadata look-ups and an
/// intermediate tree; events have a fixed shape, so writing them field by field is several
/// times cheaper. Output is compact JSON (no spaces), UTF-8, with `/` unescaped, like the
/// `JSONEncoder` configuration it replaces. Commas are managed by the writer: call
/// ``key(_:)`` before each member of an object and ``element()`` before each array element.
///
/// The bytes go to a raw buffer that the writer owns (one capacity check per write, no
/// uniqueness check or bounds check per byte as with `[UInt8].append`); ``bytes`` copies them
/// out once. Containers nest at most 64 deep (the events nest 4).
struct JSONByteWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// Bit `d`: the open container at depth `d + 1` already has a member.
    private var hasMember: UInt64 = 0
    /// Open objects and arrays.
    private var depth = 0
    /// False once a non-finite number was written (JSON cannot hold it).
    private(set) var isValid = true

    init(capacity: Int = 1024) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The JSON written so far.
    var bytes: [UInt8] { [UInt8](UnsafeBufferPointer(start: base, count: count)) }

    /// Makes room for `n` more bytes.
    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if count &+ n > capacity { grow(count &+ n) }
    }

    @inline(never)
    private mutating func grow(_ needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = c
    }

    /// Appends one byte; room must have been reserved.
    @inline(__always)
    private mutating func put(_ b: UInt8) {
        base[count] = b
        count &+= 1
    }

    /// Appends bytes; room must have been reserved.
    @inline(__always)
    private mutating func put(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress, buffer.count > 0 else { return }
        (base + count).initialize(from: source, count: buffer.count)
        count &+= buffer.count
    }

    mutating func beginObject() {
        reserve(1)
        put(UInt8(ascii: "{"))
        open()
    }

    mutating func endObject() {
        reserve(1)
        put(UInt8(ascii: "}"))
        depth -= 1
    }

    mutating func beginArray() {
        reserve(1)
        put(UInt8(ascii: "["))
        open()
    }

    mutating func endArray() {
        reserve(1)
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
        reserve(n + 4)
        separate()
        put(UInt8(ascii: "\""))
        put(UnsafeBufferPointer(start: name.utf8Start, count: n))
        put(UInt8(ascii: "\""))
        put(UInt8(ascii: ":"))
    }

    /// Starts an array element.
    mutating func element() {
        reserve(1)
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
        reserve(n + 2)
        put(UInt8(ascii: "\""))
        var run = 0
        var i = 0
        while i < n {
            let b = buffer[i]
            if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                put(UnsafeBufferPointer(rebasing: buffer[run..<i]))
                // An escape is at most 6 bytes for the 1 reserved; keep room for the rest too.
                reserve(6 + (n - i) + 1)
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
        reserve(4)
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
        reserve(20)
        if value < 0 { put(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1
        var rest = magnitude
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        var p = count + digits - 1
        repeat {
            let (q, r) = magnitude.quotientAndRemainder(dividingBy: 10)
            base[p] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: r)
            p -= 1
            magnitude = q
        } while magnitude > 0
        count += digits
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
            reserve(buffer.count)
            put(buffer)
        }
    }

    /// A comma before every member but the first of the innermost container; room for one
    /// byte must have been reserved.
    @inline(__always)
    private mutating func separate() {
        guard depth > 0 else { return }
        let bit: UInt64 = 1 << UInt64(depth - 1)
        if hasMember & bit != 0 { put(UInt8(ascii: ",")) } else { hasMember |= bit }
    }

    /// The escape of `"`, `\` or a control character; room for 6 bytes must have been reserved.
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
