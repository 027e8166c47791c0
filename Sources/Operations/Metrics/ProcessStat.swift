/// The fields of `/proc/<pid>/stat` the process metrics need (see proc(5)).
struct ProcessStat: Hashable, Sendable {
    /// Field 14, `utime`, in clock ticks.
    var userTicks: UInt64
    /// Field 15, `stime`, in clock ticks.
    var systemTicks: UInt64
    /// Field 22, `starttime`, clock ticks after boot.
    var startTimeTicks: UInt64
    /// Field 23, `vsize`, in bytes.
    var virtualBytes: UInt64
    /// Field 24, `rss`, in pages.
    var residentPages: UInt64

    /// Parses one `stat` line; `nil` when it is not in the documented shape.
    init?(parsing text: String) {
        // The command name (field 2) is in parentheses and may contain spaces and ')'.
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        func field(_ n: Int) -> UInt64? {
            let index = n - 3
            guard fields.indices.contains(index) else { return nil }
            return UInt64(fields[index].trimmingCharacters())
        }
        guard let utime = field(14), let stime = field(15), let start = field(22), let vsize = field(23),
            let rss = field(24)
        else { return nil }
        userTicks = utime
        systemTicks = stime
        startTimeTicks = start
        virtualBytes = vsize
        residentPages = rss
    }

    /// The `btime` line of `/proc/stat`: boot time in Unix seconds.
    static func bootTime(parsing text: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix("btime ") {
            return Double(line.dropFirst("btime ".count).trimmingCharacters())
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> Substring {
        var slice = self
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return slice
    }
}
