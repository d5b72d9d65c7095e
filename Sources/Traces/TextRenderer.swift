import Results
import Model

/// `--format text`: a verdict line per result with its assumptions, and for an attack the trace in
/// Alice&Bob style. Nothing is sorted or dated, so the same results always print the same text.
package enum TextRenderer {
    package static func render(_ results: [PropertyResult]) -> String {
        var out = ""
        for (i, r) in results.enumerated() {
            if i > 0 { out += "\n" }
            out += verdictLine(r) + "\n"
            out += "    property: \(r.summary)\n"
            if r.setting != Setting.standard.name { out += "    setting: \(r.setting)\n" }
            for a in r.assumptions { out += "    assuming: \(a)\n" }
            if r.verdict == .inconclusive { out += "    limit: \(r.limit ?? "not recorded")\n" }
            if r.verdict == .attack {
                if let trace = r.trace {
                    out += "\n" + indent(render(trace: trace, heading: false), by: 4)
                } else if r.kind == .reachability {
                    out += "    (\(Wording.meaning(r)))\n"
                } else {
                    out += "    (no trace recorded)\n"
                }
            }
            // A reachability property's witness.
            if r.verdict == .verified, r.kind == .reachability, let trace = r.trace {
                out += "\n" + indent(render(trace: trace, heading: false), by: 4)
            }
        }
        return out
    }

    /// The trace alone, as an attack file or `protocheck replay` prints it.
    package static func render(trace: Trace) -> String { render(trace: trace, heading: true) }

    /// `attested-k  secret-K (secrecy, SE's view)  ATTACK  [bound: max-runs 2, typed; states 1234; 0.12 s]`;
    /// after a replay, `ATTACK, confirmed on real cryptography` or `ATTACK, NOT confirmed: step 4, reason`.
    package static func verdictLine(_ r: PropertyResult) -> String {
        let replay = r.replay.map { ", " + Wording.replay($0) } ?? ""
        return "\(r.model)  \(r.identity) (\(Wording.kind(r.kind)), \(Wording.view(r.role)))  \(Wording.verdict(r))\(replay)  [\(Wording.boundDetails(r))]"
    }

    static func render(trace: Trace, heading: Bool) -> String {
        let script = TraceScript(trace)
        var out = ""
        if heading {
            out += "\(trace.kind == .reachability ? "witness for" : "attack on") \(trace.model) \(trace.property) (\(Wording.kind(trace.kind)), \(Wording.view(trace.role))), setting \(trace.setting)" + (trace.adversary.map { ", adversary \($0.name)" } ?? "") + "\n"
        }
        for run in trace.runs { out += TraceScript.describe(run) + "\n" }
        out += "\n"
        out += steps(script)
        out += "\n\(Wording.traceLabel(trace.kind)): \(trace.violation)\n"
        if !trace.witness.isEmpty {
            out += "Witness:\n"
            for w in trace.witness { out += "  " + TraceScript.describe(w) + "\n" }
        }
        return out
    }

    /// The numbered Alice&Bob lines, derivations indented under the step that needed them.
    static func steps(_ script: TraceScript) -> String {
        let digits = String(script.entries.count).count
        let arrowWidth = script.entries.compactMap { script.ends($0.step) }.map { "\($0.from) -> \($0.to)".count }.max() ?? 0
        let derivationIndent = String(repeating: " ", count: 2 + digits + 2 + 2)
        var out = ""
        func derivations(_ steps: [Trace.Step]) {
            for d in steps { out += derivationIndent + "\(d.actor) " + TraceScript.describeDerivation(d) + "\n" }
        }
        for entry in script.entries {
            let number = String(entry.number)
            out += "  " + String(repeating: " ", count: digits - number.count) + number + ". "
            let step = entry.step
            if let (from, to) = script.ends(step) {
                out += pad("\(from) -> \(to)", to: arrowWidth) + " : \(step.term)"
                if let label = step.label { out += "   [msg \(label)]" }
            } else {
                out += "\(script.who(step)) " + TraceScript.describeMark(step)
            }
            out += "\n"
            derivations(entry.derivations)
        }
        derivations(script.trailing)
        return out
    }

    static func pad(_ s: String, to width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    static func indent(_ text: String, by n: Int) -> String {
        let prefix = String(repeating: " ", count: n)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : prefix + $0 }
            .joined(separator: "\n")
    }
}
