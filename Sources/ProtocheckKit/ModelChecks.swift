import Engine
import Foundation
import Synchronization

/// Checks several models side by side, one search per core. Each search is independent (its own Z3
/// context and state store), so the verdicts are the same as one after the other; only the wall time
/// changes, which matters for `make run` and the test that regenerates every model.
public enum ModelChecks {
    /// Results in the order of `models`. The first model's error is thrown (in model order).
    public static func run(_ models: [ProtocolModel], options: @Sendable (ProtocolModel) -> CheckOptions,
                           progress: (@Sendable (Engine.Progress) -> Void)? = nil) throws -> [CheckedModel] {
        let slots = Mutex([Result<[PropertyResult], any Error>?](repeating: nil, count: models.count))
        DispatchQueue.concurrentPerform(iterations: models.count) { i in
            let outcome = Result { try Checker(options: options(models[i]), progress: progress).check(models[i]) }
            slots.withLock { $0[i] = outcome }
        }
        let outcomes = slots.withLock { $0 }
        return try zip(models, outcomes).map { model, outcome in CheckedModel(model: model, results: try outcome!.get()) }
    }
}
