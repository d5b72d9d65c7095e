import Foundation

/// The process's resident memory, as the kernel counts it: what the OOM killer looks at, so what a
/// memory bound must watch (the allocator's own counts miss Z3's).
package enum ResidentMemory {
    /// Bytes resident now, from `/proc/self/statm` (its second field, in pages); nil where there is
    /// no /proc (macOS), where no bound applies.
    package static func bytes() -> Int? {
        // open/read rather than Foundation: this runs in the searches' poll, and must not allocate much.
        let fd = open("/proc/self/statm", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return nil }
        let fields = buffer[0..<n].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

/// A bound on resident memory that a `Cancellation` watches: past it, the searches stop as
/// inconclusive with the limit named, instead of the kernel killing the process with nothing printed.
package struct MemoryLimit: Sendable, Hashable {
    package var bytes: Int
    /// How the limit reads in a verdict: `memory limit of 8 GiB`.
    package var reason: String

    package init(bytes: Int, named name: String) {
        self.bytes = bytes
        self.reason = "memory limit of \(name)"
    }
}
