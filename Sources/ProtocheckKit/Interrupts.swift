import Dispatch
import Engine
import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// SIGINT and SIGTERM as a cooperative stop: the searches watching `cancellation` finish their step,
/// Z3 calls are interrupted, and the command prints what was decided (the rest inconclusive,
/// "interrupted") and exits 128 + the signal (130, 143). The signals are ignored at the C level and
/// read from dispatch sources, so no handler runs on a thread in the middle of Z3 or the runtime:
/// nothing is torn down under a worker, which is how a default SIGINT came to crash a Z3-heavy check.
package final class Interrupts: @unchecked Sendable {
    /// The one stop of the process: every search of a command watches it.
    package static let shared = Interrupts()

    private var current = Cancellation()
    /// What the searches watch.
    package var cancellation: Cancellation { lock.withLock { current } }
    private let lock = NSLock()
    private var received: Int32?
    private var sources: [DispatchSourceSignal] = []
    /// While positive, a second signal does not end the process at once: a folder is being moved
    /// into place, and leaving it half moved would be the partial folder the staging avoids.
    private var committing = 0

    private init() {}

    /// Bounds the searches' resident memory from now on (a signal already received still counts).
    package func limitMemory(_ limit: MemoryLimit) {
        let stopped = lock.withLock { () -> Bool in
            current = Cancellation(memoryLimit: limit)
            return received != nil
        }
        if stopped { cancellation.cancel(reason: "interrupted") }
    }

    /// Installs the handlers (once), before anything a signal could cut short.
    package func install() {
        lock.withLock {
            guard sources.isEmpty else { return }
            for sig in [SIGINT, SIGTERM] {
                ignoreAtCLevel(sig)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler { [unowned self] in self.receive(sig) }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// The first signal stops the searches; a second one, outside a commit, ends the process at once
    /// (`_exit`: no destructors run under workers still inside Z3).
    private func receive(_ sig: Int32) {
        let (first, now) = lock.withLock { () -> (Bool, Bool) in
            defer { if received == nil { received = sig } }
            return (received == nil, received != nil && committing == 0)
        }
        if first {
            FileHandle.standardError.write(Data("protocheck: \(Self.name(sig)) received: stopping the searches (again to quit at once)\n".utf8))
            cancellation.cancel(reason: "interrupted")
        } else if now {
            _exit(128 + sig)
        }
    }

    /// The signal that stopped the command, if one did.
    package var signal: Int32? { lock.withLock { received } }

    /// 130 after SIGINT, 143 after SIGTERM; nil when no signal came.
    package var exitStatus: Int32? { signal.map { 128 + $0 } }

    /// Runs `body` with a second signal deferred until it returns.
    package func committing<T>(_ body: () throws -> T) rethrows -> T {
        lock.withLock { committing += 1 }
        defer { lock.withLock { committing -= 1 } }
        return try body()
    }

    static func name(_ sig: Int32) -> String { sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "signal \(sig)" }
}

/// `signal(sig, SIG_IGN)`, spelt per platform (the instance property `signal` hides the C function).
private func ignoreAtCLevel(_ sig: Int32) {
    #if canImport(Glibc)
    _ = Glibc.signal(sig, SIG_IGN)
    #else
    _ = Darwin.signal(sig, SIG_IGN)
    #endif
}
