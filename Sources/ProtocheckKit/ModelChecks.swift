import Engine
import Foundation
import Results

/// Checks several models side by side, one search per core. Each search is independent (its own Z3
/// context and state store), so the verdicts are the same as one after the other; only the wall time
/// changes, which matters for `make run` and the test that regenerates every model.
public enum ModelChecks {
    /// Results in the order of `models`. The first model's error is thrown (in model order).
    public static func run(_ models: [ProtocolModel], options: @Sendable (ProtocolModel) -> CheckOptions,
                           progress: (@Sendable (Engine.Progress) -> Void)? = nil) throws -> [CheckedModel] {
        let slots = Slots(count: models.count)
        DispatchQueue.concurrentPerform(iterations: models.count) { i in
            slots.set(i, Result { try Checker(options: options(models[i]), progress: progress).check(models[i]) })
        }
        return try zip(models, slots.all).map { model, outcome in CheckedModel(model: model, results: try outcome!.get()) }
    }

    /// One slot per model, written by the worker that checked it. (NSLock rather than Synchronization's
    /// Mutex, which needs macOS 15 where the package supports 13.)
    private final class Slots: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Result<[PropertyResult], any Error>?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: Result<[PropertyResult], any Error>) { lock.withLock { values[i] = value } }
        var all: [Result<[PropertyResult], any Error>?] { lock.withLock { values } }
    }
}
