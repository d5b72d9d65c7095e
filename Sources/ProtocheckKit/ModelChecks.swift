import Engine
import Foundation
import Model
import Results

/// Checks several models side by side, one search per core. Each search is independent (its own Z3
/// context and state store), so the verdicts are the same as one after the other; only the wall time
/// changes, which matters for `make run` and the test that regenerates every model.
package enum ModelChecks {
    /// Results in the order of `models`. The first model's error is thrown (in model order). Each
    /// trace records where its model came from (`Trace.modelFile`), so that `protocheck replay` finds
    /// the model again.
    /// `resolver` tells a registered model from one read from a file.
    package static func run(_ models: [ProtocolModel], resolver: ModelResolver, options: @Sendable (ProtocolModel) -> CheckOptions,
                           progress: (@Sendable (Engine.Progress) -> Void)? = nil) throws -> [CheckedModel] {
        let outcomes = concurrentMap(models) { m in
            Result { try Checker(options: options(m), progress: progress).check(m) }
        }
        return try zip(models, outcomes).map { model, outcome in
            let origin = resolver.origin(of: model)
            return CheckedModel(model: model, results: try outcome.get().map { r in
                var r = r
                r.trace?.modelFile = origin
                return r
            })
        }
    }
}
