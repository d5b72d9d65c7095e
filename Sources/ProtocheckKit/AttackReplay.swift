import Foundation
import Model
import Replay
import Results
import Traces

/// Attacks replayed on real cryptography, for `check --replay`, `report` (and so `make run`) and
/// `protocheck replay`. Each attack travels on the wire its search's typing calls for
/// (`WireEncoding(typeFlaws:)`): typed matching on the tagged wire, where a receiver tells a key from
/// a tuple as the typed search does; matching with `--type-flaws` on the untagged wire, where it
/// cannot, as the untyped search assumes.
package enum AttackReplay {
    /// The checked models with every attack replayed and its outcome set on its result (side by
    /// side, one replay per core; each replay makes its own keys and values).
    package static func replay(_ checked: [CheckedModel]) -> [CheckedModel] {
        let jobs = checked.indices.flatMap { m in checked[m].results.indices.filter { checked[m].results[$0].trace != nil }.map { (m, $0) } }
        let outcomes = concurrentMap(jobs) { m, r in
            let result = checked[m].results[r]
            let trace = result.trace!
            return Replayer(model: checked[m].model, encoding: WireEncoding(typeFlaws: result.bound.typeFlaws)).replay(trace).outcome(of: trace)
        }
        var out = checked
        for ((m, r), o) in zip(jobs, outcomes) { out[m].results[r].replay = o }
        return out
    }

    /// One replayed trace of an attack file: the model it was resolved to and what happened on bytes.
    package struct Replayed: Sendable {
        package var trace: Trace
        package var model: ProtocolModel
        package var report: ReplayReport
    }

    /// What is wrong with an attack file, in words for `protocheck replay FILE: …`.
    package enum FileError: Error, CustomStringConvertible {
        case notATrace(String)
        case noTrace
        package var description: String {
            switch self {
            case .notATrace(let why): return "not an attack trace: \(why)"
            case .noTrace: return "the file holds no attack trace"
            }
        }
    }

    /// Replays every trace of an attack file (a `check --format json` output, an `attacks/` file or a
    /// bare trace). Each trace's model is resolved as `check` resolves its arguments
    /// (`ModelResolver.model(of:)`), `given` first. `encoding` nil takes the wire the trace's search called for,
    /// where the file records its bound, and the tagged wire otherwise.
    package static func replay(file data: Data, encoding: WireEncoding? = nil, resolver: ModelResolver, models given: [ProtocolModel] = []) throws -> [Replayed] {
        let attacks: [(trace: Trace, bound: Bound?)]
        do { attacks = try JSONRenderer.attacks(from: data) } catch { throw FileError.notATrace(describe(error)) }
        guard !attacks.isEmpty else { throw FileError.noTrace }
        let resolved = try attacks.map { a in (a, try given.first { $0.name == a.trace.model } ?? resolver.model(of: a.trace)) }
        return concurrentMap(resolved) { a, model in
            let wire = encoding ?? WireEncoding(typeFlaws: a.bound?.typeFlaws ?? false)
            return Replayed(trace: a.trace, model: model, report: Replayer(model: model, encoding: wire).replay(a.trace))
        }
    }

    /// A decoding error in words: what is wrong and where.
    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let c):
            return "missing \"\(key.stringValue)\"" + path(c)
        case DecodingError.dataCorrupted(let c), DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            return c.debugDescription + path(c)
        default:
            return "\(error)"
        }
    }

    private static func path(_ c: DecodingError.Context) -> String {
        c.codingPath.isEmpty ? "" : " at " + c.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
