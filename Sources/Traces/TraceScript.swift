import Results
import Terms

/// A trace arranged for reading: the honest steps (sends, receives, events, claims) numbered in order,
/// each carrying the intruder derivations that lead up to it. The text, Mermaid and SVG renderings all
/// draw from this one arrangement, so they number and group steps alike.
struct TraceScript {
    struct Entry {
        var number: Int
        var step: Trace.Step
        /// The intruder's derivations since the previous entry: what it needed to build this receive's
        /// message, or to learn a claimed secret.
        var derivations: [Trace.Step]
    }

    var trace: Trace
    var entries: [Entry]
    /// Derivations after the last honest step (typically how the intruder learns the secret).
    var trailing: [Trace.Step]

    init(_ trace: Trace) {
        self.trace = trace
        var entries: [Entry] = []
        var pending: [Trace.Step] = []
        for step in trace.steps {
            if step.action == .derive {
                pending.append(step)
            } else {
                // A send or reveal needs nothing from the intruder: its derivations wait for the next step that does.
                let carried = step.handsToIntruder ? [] : pending
                if !step.handsToIntruder { pending = [] }
                entries.append(Entry(number: entries.count + 1, step: step, derivations: carried))
            }
        }
        self.entries = entries
        self.trailing = pending
    }

    var intruder: String { trace.intruder }

    /// `Alice (run 1)`, or the bare actor for a step outside any run.
    func who(_ step: Trace.Step) -> String {
        guard let run = step.run else { return step.actor }
        return "\(step.actor) (run \(run))"
    }

    /// Sender and receiver of a message step; nil for steps that are not messages.
    func ends(_ step: Trace.Step) -> (from: String, to: String)? {
        switch step.action {
        case .send: return (who(step), intruder)
        case .receive: return (intruder, who(step))
        default: return nil
        }
    }

    func run(numbered n: Int) -> Trace.Run? { trace.runs.first { $0.number == n } }

    /// `run 1: A played by Alice, with B = Eve`
    static func describe(_ run: Trace.Run) -> String {
        let partners = run.bindings.filter { $0.key != run.role }.sorted { $0.key < $1.key }
        var line = "run \(run.number): \(run.role) played by \(run.agent)"
        if !partners.isEmpty { line += ", with " + partners.map { "\($0.key) = \($0.value)" }.joined(separator: ", ") }
        if run.old { line += " (old session)" }
        return line
    }

    /// What the intruder did in one derivation, without its name: `decrypts {K}pk(Eve) with sk(Eve): K`.
    /// Written defensively: a step with fewer premises than its rule names still prints.
    static func describeDerivation(_ step: Trace.Step) -> String {
        let t = step.term.description
        let p = (step.premises ?? []).map(\.description)
        switch step.rule {
        case .known?: return "knows \(t)"
        case .public?: return "\(t) is public"
        case .split?: return p.isEmpty ? "splits off \(t)" : "splits \(p[0]) into \(t)"
        case .decrypt?:
            if p.count >= 2 { return "decrypts \(p[0]) with \(p[1]): \(t)" }
            return p.isEmpty ? "decrypts \(t)" : "decrypts \(p[0]): \(t)"
        case .open?: return p.isEmpty ? "reads \(t) from a signature" : "reads \(t) from the signature \(p[0])"
        case .compose?: return p.isEmpty ? "builds \(t)" : "builds \(t) from " + p.joined(separator: ", ")
        case nil: return "derives \(t)"
        }
    }

    /// The non-message steps in words, without the actor: `claims secret-K: K#1`, `signals running: (A, Na#1)`.
    static func describeMark(_ step: Trace.Step) -> String {
        switch step.action {
        case .claim: return "claims \(step.note ?? "")" + ": \(step.term)"
        case .event: return "signals \(step.note ?? "event")" + ": \(step.term)"
        case .reveal: return "reveals \(step.term)" + (step.note.map { " (\($0))" } ?? "")
        default: return step.term.description
        }
    }

    /// `Na#1 = 17`, or the witness term where the solver gave no number.
    static func describe(_ w: Trace.Witness) -> String {
        let shown = w.term.description
        guard let v = w.value else { return "\(w.name) = \(shown)" }
        return shown == w.name || shown == String(v) ? "\(w.name) = \(v)" : "\(w.name) = \(shown) (\(v))"
    }
}

extension Trace {
    /// The number the renderings give the step at `index` of `steps`: honest steps are numbered in
    /// order, and an intruder derivation counts as the numbered step it leads up to (the one it is
    /// printed under). Nil for an index past the steps. This is how a replay names where it failed.
    package func shownNumber(ofStepAt index: Int) -> Int? {
        guard steps.indices.contains(index) else { return nil }
        var number = 0
        var pending: [Int] = []
        for (i, step) in steps.enumerated() {
            if step.action == .derive { pending.append(i); continue }
            number += 1
            if i == index { return number }
            // As in `TraceScript`: a send carries no derivations; they wait for the next step.
            if !step.handsToIntruder {
                if pending.contains(index) { return number }
                pending = []
            }
        }
        // Derivations after the last honest step are printed under it.
        return max(number, 1)
    }
}

extension Trace.Step {
    /// A send or a reveal: the step gives the intruder a term and needs none from it.
    package var handsToIntruder: Bool { action == .send || action == .reveal }

    /// A derivation in the words the renderings use, without the actor: `decrypts {K}pk(Eve) with
    /// sk(Eve): K`. Replay names a failed derivation this way.
    package var derivationWords: String { TraceScript.describeDerivation(self) }
}
