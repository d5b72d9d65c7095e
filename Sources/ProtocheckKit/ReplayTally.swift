import Engine
import Foundation
import Model
import Replay
import Results

/// How many of the attacks a search finds replay as confirmed on real cryptography, per model and
/// in all: what `scripts/replay-all.sh` prints over the registered models and Scyther's library.
package struct ReplayTally: Sendable {
    /// One model checked under one typing.
    package struct Line: Sendable {
        package var model: String
        /// The model file, for a model read from one.
        package var file: String?
        package var typeFlaws: Bool
        package var attacks: Int
        package var confirmed: Int
        /// The attacks that did not replay: property and what went wrong.
        package var failures: [(property: String, outcome: ReplayOutcome)]
        /// Properties the search could not decide (a state or time limit): their attacks, if any,
        /// are not counted.
        package var inconclusive: Int

        /// `otway-rees --type-flaws: 3 of 3 attacks confirmed (untagged wire)`
        package var description: String {
            var head = file.map { "\($0) \(model)" } ?? model
            if typeFlaws { head += " --type-flaws" }
            var notes: [String] = []
            if typeFlaws { notes.append("untagged wire") }
            if inconclusive > 0 { notes.append("\(inconclusive) properties inconclusive") }
            var out = "\(head): \(confirmed) of \(attacks) attacks confirmed" + (notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")")
            for f in failures {
                let at = f.outcome.step.map { "step \($0)" } ?? "before the first step"
                out += "\n    NOT confirmed: \(f.property), \(at): \(f.outcome.reason ?? "")"
            }
            return out
        }
    }

    package var lines: [Line] = []
    /// Targets that could not be checked at all (a file protocheck cannot read, a model it rejects).
    package var skipped: [String] = []

    package init() {}

    package var attacks: Int { lines.reduce(0) { $0 + $1.attacks } }
    package var confirmed: Int { lines.reduce(0) { $0 + $1.confirmed } }

    /// `total: 140 of 140 attacks confirmed (models checked: 62, not checked: 5)`
    package var total: String {
        "total: \(confirmed) of \(attacks) attacks confirmed (models checked: \(lines.count)" + (skipped.isEmpty ? ")" : ", not checked: \(skipped.count))")
    }

    /// Checks each model under `options` (one after the other: each search uses every core), replays
    /// its attacks on the wire its typing calls for, and counts. `report` sees each line as it is made.
    package mutating func add(_ models: [ProtocolModel], resolver: ModelResolver, options: (ProtocolModel) -> CheckOptions, report: (String) -> Void = { _ in }) {
        for model in models {
            if let error = model.validate().first {
                note("\(resolver.origin(of: model).map { "\($0) " } ?? "")\(model.name): not checked: line \(error.location.line): \(error.message)", report)
                continue
            }
            let opts = options(model)
            let checked: [CheckedModel]
            do {
                checked = AttackReplay.replay(try ModelChecks.run([model], resolver: resolver, options: { _ in opts }))
            } catch {
                note("\(model.name): not checked: \(error)", report)
                continue
            }
            let results = checked.flatMap(\.results)
            let attacks = results.filter { $0.verdict == .attack }
            // An attack without a trace has nothing to replay: it counts as not confirmed.
            let failures = attacks.filter { $0.replay?.confirmed != true }.map { r in
                (property: r.property, outcome: r.replay ?? ReplayOutcome(status: .notConfirmed, encoding: WireEncoding(typeFlaws: opts.typeFlaws),
                                                                          reason: "the search gave no trace"))
            }
            let line = Line(model: model.name, file: resolver.origin(of: model), typeFlaws: opts.typeFlaws,
                            attacks: attacks.count, confirmed: attacks.count - failures.count, failures: failures,
                            inconclusive: results.filter { $0.verdict == .inconclusive }.count)
            lines.append(line)
            report(line.description)
        }
    }

    package mutating func note(_ skippedTarget: String, _ report: (String) -> Void = { _ in }) {
        skipped.append(skippedTarget)
        report(skippedTarget)
    }
}
