#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether standard error is connected to journald.
///
/// systemd sets `JOURNAL_STREAM=<device>:<inode>` for services whose output goes to the journal;
/// as sd_journal_stream_fd(3) advises, it counts only if it matches standard error's own `fstat`,
/// since a child process or a shell redirect may inherit the variable but not the stream.
enum JournalStream {
    static func isStandardError(environment: [String: String]) -> Bool {
        guard let value = environment["JOURNAL_STREAM"], let (device, inode) = parse(value) else { return false }
        var info = stat()
        guard fstat(2, &info) == 0 else { return false }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
    }

    /// `device:inode`, both decimal.
    static func parse(_ value: String) -> (device: UInt64, inode: UInt64)? {
        let parts = value.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return nil }
        return (device, inode)
    }
}
