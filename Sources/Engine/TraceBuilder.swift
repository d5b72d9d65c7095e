import Model
import Results
import Solver
import Terms

/// An execution an engine found, in the terms both engines share: its runs, their events in the
/// order they happen, and the constraints under which they do. `TraceBuilder` turns it into a trace.
struct Execution {
    struct Run {
        var number: Int
        var role: Int
        /// The agent behind each role name, indexed like the model's roles.
        var agents: [Atom]
        var old: Bool
        /// Its `Reveal` events handed their terms to the intruder: an old session's, or a session-key
        /// reveal (SKR).
        var revealsSessionKey: Bool = false
        /// The role's script as the run names it (`RunNaming`).
        var events: [Event]
        var agent: Atom { agents[role] }
    }
    var runs: [Run]
    /// The events that happen, in order: (index into `runs`, event index).
    var path: [(run: Int, event: Int)]
    var substitution: Substitution
    /// Disequalities and integer conditions the runs checked.
    var conditions: [Condition]
    var initialKnowledge: [Term]
    /// The claim the execution violates, for claims: (index into `runs`, event index).
    var claim: (run: Int, event: Int)?
    /// The violation in words, on the symbolic terms.
    var violation: String
    /// A compromising adversary's reveals of long-term keys and fresh values, each after the first
    /// `after` events of `path`.
    var reveals: [Reveal] = []

    /// Not a step of any run (the note names the run of a fresh value): replay takes a reveal with a
    /// run for that run's `Reveal` event.
    struct Reveal {
        var after: Int
        var term: Term
        var note: String
    }
}

/// Turns an execution into a trace a person can follow: free variables get concrete values (Z3 picks
/// the integers: nonces, N+5, balances), and before each receive the intruder's derivation of the
/// message is spelled out from what it had seen by then.
struct TraceBuilder {
    let model: ProtocolModel
    let property: Property
    let setting: Setting
    let solver: Z3Solver

    func build(_ f: Execution) -> Trace {
        let s0 = f.substitution
        let execution = f
        // An injective agreement fails for two claims at once: both are shown.
        let claimName = String(property.name.split(separator: "@").first ?? "")
        let slot = f.claim
        // Free variables left by the lazy intruder: values the intruder chooses.
        var free = Set<Variable>()
        for (run, event) in f.path { execution.runs[run].events[event].map(s0.apply).action.terms.forEach { free.formUnion($0.variables) } }
        // Each free variable gets a value of its own (nE, nE2, ...): one value for all of them would
        // make, say, the four points of a Lagrange interpolation share an x coordinate.
        var bindings: [Variable: Term] = [:]
        var madeUp: [Term] = []
        func value(_ own: Atom) -> Term {
            let n = madeUp.filter { $0.sort == own.sort }.count + 1
            let t = Term.atom(Atom(n == 1 ? own.name : "\(own.name)\(n)", sort: own.sort, kind: own.kind))
            madeUp.append(t)
            return t
        }
        for v in free.sorted() where v.sort != .number {
            bindings[v] = v.sort.base == .agent ? .atom(AgentRef.intruder.atom) : value(IntruderKnowledge.ownValue(for: v.sort))
        }
        var s = s0
        for (v, t) in bindings.sorted(by: { $0.key < $1.key }) { s = s.binding(v, to: s.apply(t)) }

        // Z3 chooses the integers: fresh values distinct, every checked condition true.
        var conditions = f.conditions.map { ArithmeticChecker.constraint($0.map(s.apply)) }
        var numericLeaves: [Term] = []
        for (run, event) in f.path {
            for t in execution.runs[run].events[event].map(s.apply).action.terms {
                for sub in t.subterms where sub.sort.isNumeric && (isLeaf(sub)) && !numericLeaves.contains(sub) { numericLeaves.append(sub) }
            }
        }
        // The intruder's own numbers differ from each other and from the runs' fresh values.
        let own = madeUp.filter { numericLeaves.contains($0) }
        for (i, a) in own.enumerated() {
            conditions.append(ArithmeticChecker.constraint(.atLeast(a, .number(0))))
            let freshLeaves = numericLeaves.filter { if case .atom(let a) = $0 { return a.isFresh } else { return false } }
            for b in own[(i + 1)...] + freshLeaves {
                conditions.append(ArithmeticChecker.constraint(.notEqual(a, b)))
            }
        }
        var witness: [Trace.Witness] = []
        var values: [Term: Int] = [:]
        if case .satisfiable(let m) = solver.check(conditions, alsoEvaluate: numericLeaves) {
            values = m.integers
            for (v, t) in m.terms where bindings[v] == nil && v.sort.isNumeric { s = s.binding(v, to: t) }
        }
        for leaf in numericLeaves {
            let t = s.apply(leaf)
            if case .variable(let v) = t, let value = values[leaf] {
                s = s.binding(v, to: .number(value))
            }
        }
        for leaf in numericLeaves.sorted() where leaf.isGround {
            if let value = values[leaf] { witness.append(Trace.Witness(name: leaf.description, term: leaf, value: value)) }
        }
        for (v, t) in bindings.sorted(by: { $0.key < $1.key }) {
            witness.append(Trace.Witness(name: v.description, term: s.apply(t), value: nil))
        }

        var steps: [Trace.Step] = []
        var seen: [Term] = execution.initialKnowledge
        let eve = AgentRef.intruder.name
        var derived = Set<Term>()
        func derive(_ t: Term) {
            let k = Knowledge(seen.map(s.apply), variablesKnown: false)
            guard let d = k.derivation(of: t) else { return }
            for step in d where step.rule != .known && step.rule != .public && derived.insert(step.term).inserted {
                steps.append(Trace.Step(actor: eve, run: nil, action: .derive, term: step.term, rule: step.rule, premises: step.premises))
            }
        }
        var pendingReveals = f.reveals.sorted { $0.after < $1.after }[...]
        func reveal(upTo k: Int) {
            while let r = pendingReveals.first, r.after <= k {
                pendingReveals = pendingReveals.dropFirst()
                let t = s.apply(r.term)
                steps.append(Trace.Step(actor: eve, run: nil, action: .reveal, term: t, note: r.note))
                seen.append(t)
            }
        }
        for (k, (j, event)) in f.path.enumerated() {
            reveal(upTo: k)
            let run = execution.runs[j]
            let e = run.events[event].map(s.apply)
            let who = run.agent.name
            switch e.action {
            case .send(let label, let t):
                steps.append(Trace.Step(actor: who, run: run.number, action: .send, label: label, term: t))
                seen.append(t)
            case .reveal(let t) where run.old || run.revealsSessionKey:
                let note = run.old ? Capability.oldSessionNote : Capability.skr.revealNote(run: run.number)
                steps.append(Trace.Step(actor: who, run: run.number, action: .reveal, term: t, note: note))
                seen.append(t)
            case .receive(let label, let t):
                derive(t)
                steps.append(Trace.Step(actor: who, run: run.number, action: .receive, label: label, term: t))
            case .running(let peer, let ds, let tag):
                steps.append(Trace.Step(actor: who, run: run.number, action: .event, term: .tuple([peer] + ds), note: Event.Action.runningName(tag)))
            case .signal(let name, let ds):
                steps.append(Trace.Step(actor: who, run: run.number, action: .event, term: .tuple(ds), note: name))
            case .claim(let name, let goal) where goal.kind != .secrecy && (slot.map({ $0.run == j && $0.event == event }) ?? false
                                                                            || (property.kind == .injectiveAgreement && name == claimName)):
                let shown = goal.shown
                steps.append(Trace.Step(actor: who, run: run.number, action: .claim, term: shown, note: name))
            default:
                break
            }
        }
        reveal(upTo: f.path.count)
        // The secret itself, derived at the end.
        switch property.origin {
        case .claim(_, _, .secret(let t)):
            if let slot { derive(s.apply(execution.runs[slot.run].events[slot.event].map(s.apply).action.terms.first ?? t)) }
        case .conditional(let c):
            derive(s.apply(c.secret))
        default:
            break
        }
        if case .conditional(let c) = property.origin {
            steps.append(Trace.Step(actor: eve, run: nil, action: .claim, term: s.apply(c.secret), note: property.name))
        } else if let slot, case .claim(_, .secret) = execution.runs[slot.run].events[slot.event].action {
            let e = execution.runs[slot.run].events[slot.event].map(s.apply)
            steps.append(Trace.Step(actor: execution.runs[slot.run].agent.name, run: execution.runs[slot.run].number, action: .claim,
                                    term: e.action.terms.first ?? .number(0), note: property.name))
        }

        let runs = execution.runs.map { r in
            Trace.Run(number: r.number, role: model.roles[r.role].name, agent: r.agent.name,
                      bindings: Dictionary(uniqueKeysWithValues: model.protocolRoles(of: r.role).map { (model.roles[$0].name, r.agents[$0].name) }),
                      old: r.old)
        }
        // The violation was worded on the symbolic state: show the values chosen since.
        var violation = f.violation
        for v in free.sorted(by: { $0.description.count > $1.description.count }) {
            violation = violation.replacing(v.description, with: s.apply(.variable(v)).description)
        }
        return Trace(model: model.name, property: property.name, kind: property.kind, role: property.role, setting: setting.name,
                     intruder: eve, runs: runs, steps: steps, witness: witness, violation: violation,
                     adversary: property.adversary.isStandard ? nil : property.adversary)
    }

    private func isLeaf(_ t: Term) -> Bool {
        switch t {
        case .atom, .variable: return true
        default: return false
        }
    }
}


