import Foundation
import Solver

/// A request to stop that searches honour cooperatively: they look at it between steps and end as
/// `inconclusive` ("interrupted"), and Z3 calls under way are interrupted. Set from another thread
/// (a signal handler's queue); safe to share between the search workers.
package final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var solvers: [ObjectIdentifier: WeakSolver] = [:]

    package init() {}

    package var isCancelled: Bool { lock.withLock { cancelled } }

    /// Stops every search that watches this, and interrupts the Z3 calls they are in.
    package func cancel() {
        let running = lock.withLock { () -> [Z3Solver] in
            cancelled = true
            return solvers.values.compactMap(\.solver)
        }
        for s in running { s.interrupt() }
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
