import Foundation
import Results
import Traces

/// One thing that happened on bytes: an honest send or receive, an intruder derivation, a claim.
package struct ReplayStep: Codable, Hashable, Sendable {
    /// The agent of an honest run, or the intruder.
    package var actor: String
    package var run: Int?
    /// `send`, `receive`, `derive`, `claim`, `event`, `reveal`, `knows`.
    package var action: String
    /// The narration's step number, or the derivation rule.
    package var label: String?
    /// The term, as the trace names it.
    package var term: String
    /// The bytes, in full hex.
    package var hex: String

    package init(actor: String, run: Int?, action: String, label: String?, term: String, hex: String) {
        self.actor = actor
        self.run = run
        self.action = action
        self.label = label
        self.term = term
        self.hex = hex
    }
}

/// The outcome of replaying an attack trace against real cryptography.
package struct ReplayReport: Codable, Hashable, Sendable {
    package struct Failure: Codable, Hashable, Sendable {
        /// Index into the trace's `steps`: the step that failed, or the claim when the violation
        /// itself does not hold on bytes. Nil when the intruder's initial knowledge could not be made.
        package var stepIndex: Int?
        package var reason: String

        package init(stepIndex: Int?, reason: String) {
            self.stepIndex = stepIndex
            self.reason = reason
        }
    }

    /// The attack happened on bytes and violates the property there.
    package var confirmed: Bool
    /// The wire the messages travelled on.
    package var encoding: WireEncoding
    package var steps: [ReplayStep]
    /// Why the violation holds (or what was compared), with the byte strings.
    package var evidence: String
    package var failure: Failure?

    package init(confirmed: Bool, encoding: WireEncoding = .tagged, steps: [ReplayStep], evidence: String, failure: Failure?) {
        self.confirmed = confirmed
        self.encoding = encoding
        self.steps = steps
        self.evidence = evidence
        self.failure = failure
    }

    /// The outcome as results carry it: where it failed numbered as `trace`'s text numbers its steps.
    package func outcome(of trace: Trace) -> ReplayOutcome {
        guard !confirmed else { return ReplayOutcome(status: .confirmed, encoding: encoding) }
        return ReplayOutcome(status: .notConfirmed, encoding: encoding,
                             step: failure?.stepIndex.flatMap(trace.shownNumber(ofStepAt:)),
                             reason: failure?.reason ?? "the replay did not confirm the violation")
    }

    /// Text (hex abbreviated `a1b2c3d4…(48 bytes)`) when `text` is true, else pretty JSON. Given the
    /// trace, a failure names its step as the trace's text numbers it; the bytes of each step follow,
    /// indented and unnumbered so that they are not taken for the trace's steps.
    package func render(text: Bool = true, trace: Trace? = nil) -> String {
        guard text else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return (try? encoder.encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
        }
        var head = confirmed ? "replay: CONFIRMED on real cryptography" : "replay: NOT confirmed"
        if let f = failure {
            let at: String
            if let i = f.stepIndex {
                at = trace.flatMap { $0.shownNumber(ofStepAt: i) }.map { "step \($0) of the trace" } ?? "trace step index \(i)"
            } else {
                at = "before the first step"
            }
            head += ": \(at), \(f.reason)"
        }
        var lines = [head]
        for s in steps {
            let who = s.run.map { "\(s.actor)#\($0)" } ?? s.actor
            let label = s.label.map { " [\($0)]" } ?? ""
            lines.append("    \(who) \(s.action)\(label) \(s.term) = \(Self.abbreviate(s.hex))")
        }
        if !evidence.isEmpty { lines.append(evidence) }
        return lines.joined(separator: "\n")
    }

    /// Enough bytes to get past a tagged field's 5-byte header and recognise the value.
    static func abbreviate(_ hex: String) -> String {
        hex.count <= 24 ? hex : "\(hex.prefix(20))…(\(hex.count / 2) bytes)"
    }
}
