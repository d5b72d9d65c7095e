import Foundation
import Solver

/// A request to stop that searches honour cooperatively: they look at it between steps and end as
/// `inconclusive` with `reason` ("interrupted", or the memory limit passed), and Z3 calls under way
/// are interrupted. Set from another thread (a signal handler's queue); safe to share between the
/// search workers.
package final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var why = "interrupted"
    private var solvers: [ObjectIdentifier: WeakSolver] = [:]
    /// Resident memory is read at most this often: the searches ask far more often than memory can
    /// grow by much, and each read is a system call.
    private static let memoryPoll = Duration.milliseconds(50)
    private var lastMemoryRead = ContinuousClock.now - memoryPoll
    /// Past it, the searches are cancelled with the limit as their reason.
    package let memoryLimit: MemoryLimit?

    package init(memoryLimit: MemoryLimit? = nil) {
        self.memoryLimit = memoryLimit
    }

    package var isCancelled: Bool {
        if let memoryLimit, memoryReadDue(), let resident = ResidentMemory.bytes(), resident > memoryLimit.bytes {
            cancel(reason: memoryLimit.reason)
        }
        return lock.withLock { cancelled }
    }

    /// Why the searches stop: the reason of the first `cancel`.
    package var reason: String { lock.withLock { why } }

    /// Stops every search that watches this, and interrupts the Z3 calls they are in. Only the first
    /// reason is kept: an interrupt after a memory limit does not rename the limit.
    package func cancel(reason: String = "interrupted") {
        let running = lock.withLock { () -> [Z3Solver] in
            if !cancelled { why = reason }
            cancelled = true
            return solvers.values.compactMap(\.solver)
        }
        for s in running { s.interrupt() }
    }

    private func memoryReadDue() -> Bool {
        let now = ContinuousClock.now
        return lock.withLock {
            guard !cancelled, now - lastMemoryRead >= Self.memoryPoll else { return false }
            lastMemoryRead = now
            return true
        }
    }

    /// A worker's solver, to interrupt on cancel while the worker lives.
    func watch(_ solver: Z3Solver) {
        lock.withLock { solvers[ObjectIdentifier(solver)] = WeakSolver(solver: solver) }
        if isCancelled { solver.interrupt() }
    }

    func forget(_ solver: Z3Solver) {
        _ = lock.withLock { solvers.removeValue(forKey: ObjectIdentifier(solver)) }
    }

    private struct WeakSolver { weak var solver: Z3Solver? }
}
