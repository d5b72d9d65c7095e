import Results
import Model
import Terms
import Traces

/// Replays an attack trace against real cryptography: honest runs execute their role scripts on
/// bytes, the intruder executes the trace's derivations on the bytes it really holds, and the
/// property's violation is checked on bytes.
package struct Replayer: Sendable {
    package let model: ProtocolModel
    package let encoding: WireEncoding

    package init(model: ProtocolModel, encoding: WireEncoding = .tagged) {
        self.model = model
        self.encoding = encoding
    }

    package func replay(_ trace: Trace) -> ReplayReport {
        var session = Session(model: model, trace: trace, wire: Wire(encoding: encoding))
        return session.run()
    }
}

/// One replay's mutable state.
struct Session {
    let model: ProtocolModel
    let trace: Trace
    let world: World
    var runs: [Int: HonestRun] = [:]
    var intruder: Intruder
    var steps: [ReplayStep] = []

    init(model: ProtocolModel, trace: Trace, wire: Wire) {
        self.model = model
        self.trace = trace
        self.world = World(wire: wire, crypto: model.crypto, witness: trace.witness)
        self.intruder = Intruder(name: trace.intruder, world: world)
        for r in trace.runs {
            guard let role = model.role(named: r.role) else { continue }
            var run = HonestRun(spec: r, role: role, model: model, world: world)
            for (p, v) in RunParameters.values(for: run, in: trace, model: model, world: world) { run.env[p] = v }
            runs[r.number] = run
        }
    }

    mutating func run() -> ReplayReport {
        do {
            try giveInitialKnowledge()
        } catch {
            return report(failure: .init(stepIndex: nil, reason: "initial knowledge: \(error)"))
        }
        for (i, step) in trace.steps.enumerated() {
            do {
                try execute(step)
            } catch {
                return report(failure: .init(stepIndex: i, reason: "\(describe(step)): \(error)"))
            }
        }
        for n in runs.keys.sorted() { finish(n) }
        let verdict = Violation(session: self).check()
        // A violation that does not hold on bytes fails at the claim (or the last step, for a claim the intruder makes).
        let claimIndex = trace.steps.lastIndex { $0.action == .claim } ?? max(0, trace.steps.count - 1)
        return ReplayReport(confirmed: verdict.holds, encoding: world.wire.encoding, steps: steps, evidence: verdict.evidence,
                            failure: verdict.holds ? nil : .init(stepIndex: claimIndex, reason: verdict.evidence))
    }

    private func report(failure: ReplayReport.Failure) -> ReplayReport {
        ReplayReport(confirmed: false, encoding: world.wire.encoding, steps: steps, evidence: "", failure: failure)
    }

    private func describe(_ s: Trace.Step) -> String {
        if s.action == .derive { return "\(s.actor) \(s.derivationWords)" }
        let who = s.run.map { "\(s.actor)#\($0)" } ?? s.actor
        return "\(who) \(s.action.rawValue)\(s.label.map { " \($0)" } ?? "") \(s.term)"
    }

    private mutating func record(_ actor: String, _ run: Int?, _ action: String, _ label: String?, _ term: Term, _ v: Value) {
        steps.append(ReplayStep(actor: actor, run: run, action: action, label: label, term: term.description, hex: hex(world.wire.bytes(v))))
    }

    // MARK: the intruder's initial knowledge (docs/modelling.md)

    private mutating func giveInitialKnowledge() throws {
        var agents = [Atom.agent(trace.intruder)]
        for r in trace.runs { agents.append(.agent(r.agent)); agents += r.bindings.values.map { .agent($0) } }
        let setting = model.setting(named: trace.setting) ?? Setting.standard
        // The intruder's nonce and key are public constants: every party evaluates them alike.
        let initial = IntruderKnowledge.instances(of: model, setting: setting, agents: agents).filter { t in
            if case .atom(let a) = t { return a.isPublic == false }
            return true
        }
        let full = Evaluation(world: world, leaf: { [world] in world.leaf($0) })
        var given = Set<Term>()
        // k(A, Eve) and k(Eve, A) are one shared key: give and print it once.
        for t in initial where given.insert(t).inserted {
            let v = try full.value(t)
            intruder.add(t, v)
            record(trace.intruder, nil, "knows", nil, t, v)
        }
    }

    // MARK: trace steps

    private mutating func execute(_ step: Trace.Step) throws {
        switch step.action {
        case .derive:
            guard let rule = step.rule else { throw ReplayError("a derivation without a rule") }
            let v = try intruder.derive(rule, step.term, premises: step.premises ?? [])
            record(trace.intruder, nil, "derive", rule.rawValue, step.term, v)
        case .reveal where step.run != nil, .send where step.label == "reveal":
            // A run handing the session key its `Reveal` names to the intruder: an old session, or
            // a compromising adversary's session-key reveal (older traces show it as a send). Only
            // these reveals are a run's steps.
            let n = try runNumber(step)
            let e = try advance(n) { if case .reveal = $0.action { return true } else { return false } }
            guard case .reveal(let t) = e.action else { throw ReplayError("run \(n) reveals nothing") }
            let v = try evaluate(t, in: n)
            runs[n]!.pc += 1
            intruder.add(step.term, v)
            record(step.actor, n, "reveal", step.note, step.term, v)
        case .reveal:
            // A compromising adversary's reveal of a long-term key or of a run's fresh value: the
            // value the world gives that name, as the agents and runs that hold it compute it.
            let full = Evaluation(world: world, leaf: { [world] in world.leaf($0) })
            let v = try full.value(step.term)
            intruder.add(step.term, v)
            record(trace.intruder, step.run, "reveal", step.note, step.term, v)
        case .send:
            let n = try runNumber(step)
            let e = try advance(n) { if case .send(let l, _) = $0.action { return step.label == nil || l == step.label } else { return false } }
            guard case .send(let label, let t) = e.action else { return }
            let (v, made) = try evaluation(runs[n]!.env).valueKeepingCiphertexts(t)
            runs[n]!.env.made.merge(made) { old, _ in old }
            exchanged(n, e, label: label, isSend: true, v)
            runs[n]!.pc += 1
            runs[n]!.active = true
            intruder.add(step.term, v)
            record(step.actor, n, "send", label, step.term, v)
        case .receive:
            let n = try runNumber(step)
            let e = try advance(n) { if case .receive(let l, _) = $0.action { return step.label == nil || l == step.label } else { return false } }
            guard case .receive(let label, let pattern) = e.action else { return }
            let v = try intruder.obtain(step.term)
            var env = runs[n]!.env
            try matcher(for: n).match(pattern, v, &env)
            runs[n]!.env = env
            exchanged(n, e, label: label, isSend: false, v)
            runs[n]!.pc += 1
            runs[n]!.active = true
            record(step.actor, n, "receive", label, step.term, v)
        case .claim where step.run == nil:
            // The intruder's own claim (a conditional secrecy property): it must really hold the term.
            let v = try intruder.obtain(step.term)
            intruder.add(step.term, v)
            record(trace.intruder, nil, "claim", step.note, step.term, v)
        case .claim:
            let n = try runNumber(step)
            let name = step.note.map { String($0.split(separator: "@").first ?? "") } ?? claimName
            _ = try advance(n) { if case .claim(let c, _) = $0.action { return c == name } else { return false } }
            try local(n)
        case .event:
            guard let n = step.run, runs[n] != nil else { return }
            let named: (Event) -> Bool = { e in
                switch e.action {
                case .signal(let s, _): return s == step.note
                case .running(_, _, let tag): return Event.Action.runningName(tag) == step.note
                default: return false
                }
            }
            if let e = try? advance(n, to: named), named(e) { try local(n) }
        }
    }

    var claimName: String { String(trace.property.split(separator: "@").first ?? "") }

    /// Records run n's send or receive at its position, with the sender and recipient its script
    /// names (as far as the run can evaluate them), for synchronisation.
    private mutating func exchanged(_ n: Int, _ e: Event, label: String, isSend: Bool, _ v: Value) {
        let ends = e.endpoints.flatMap { ends -> (from: Value, to: Value)? in
            guard let a = try? evaluate(ends.from, in: n), let b = try? evaluate(ends.to, in: n) else { return nil }
            return (a, b)
        }
        let c = Communication(label: label, isSend: isSend, message: v, endpoints: ends, event: runs[n]!.pc)
        runs[n]!.exchanged.append((c, steps.count))
    }

    private func runNumber(_ step: Trace.Step) throws -> Int {
        guard let n = step.run, runs[n] != nil else { throw ReplayError("no run \(step.run.map(String.init) ?? "?") in the trace") }
        return n
    }

    /// Executes the run's local events (fresh, assign, check, signal, reveal, claims) up to the
    /// first event satisfying `target`, which it returns without executing.
    @discardableResult
    private mutating func advance(_ n: Int, to target: (Event) -> Bool) throws -> Event {
        while true {
            let run = runs[n]!
            if let why = run.stopped { throw ReplayError("run \(n) stopped earlier: \(why)") }
            guard run.pc < run.role.events.count else { throw ReplayError("run \(n) has no such step left in role \(run.role.name)") }
            let e = run.role.events[run.pc]
            if target(e) { return e }
            switch e.action {
            case .send(let l, _), .receive(let l, _):
                throw ReplayError("run \(n) of \(run.role.name) is at step \(l), not at this one")
            default:
                try local(n)
            }
        }
    }

    /// Executes the local event at the run's position.
    private mutating func local(_ n: Int) throws {
        let run = runs[n]!
        let e = run.role.events[run.pc]
        let actor = run.spec.agent
        switch e.action {
        case .fresh(let t):
            guard let v = t.asVariable else { throw ReplayError("Fresh of \(t)") }
            let atom = run.instance(t)
            runs[n]!.env[v] = world.leaf(atom)
        case .assign(let name, let t):
            guard let v = name.asVariable else { throw ReplayError("Assign to \(name)") }
            let value = try evaluate(t, in: n)
            if let old = run.env[v], !world.wire.same(old, value) { throw ReplayError("\(v) is already \(abbreviated(old.content)), not \(abbreviated(value.content))") }
            runs[n]!.env[v] = value
        case .check(let c):
            try check(c, in: n)
        case .running(let peer, let data, let tag):
            let values = try ([peer] + data).map { try evaluate($0, in: n) }
            runs[n]!.running.append((tag, values))
            runs[n]!.active = true
            record(actor, n, "event", Event.Action.runningName(tag), .tuple(([peer] + data).map(run.instance)), values.count == 1 ? values[0] : Value(.message, values.flatMap(world.wire.bytes)))
        case .signal(let name, let data):
            let values = try data.map { try evaluate($0, in: n) }
            runs[n]!.signals.append((name, values))
            runs[n]!.active = true
            record(actor, n, "event", name, .tuple(data.map(run.instance)), values.count == 1 ? values[0] : Value(.message, values.flatMap(world.wire.bytes)))
        case .reveal(let t):
            if run.spec.old {
                let v = try evaluate(t, in: n)
                let named = run.instance(t)
                intruder.add(named, v)
                record(actor, n, "reveal", nil, named, v)
            }
        case .claim(let name, let goal):
            let values = try goal.terms.map { try evaluate($0, in: n) }
            runs[n]!.claims.append(.init(name: name, goal: goal, values: values))
            record(actor, n, "claim", name, run.instance(goal.shown), values.last ?? Value(.message, []))
        case .send, .receive:
            throw ReplayError("not a local event")
        }
        runs[n]!.pc += 1
    }

    private func check(_ c: Condition, in n: Int) throws {
        switch c {
        case .equal(let a, let b):
            let x = try evaluate(a, in: n), y = try evaluate(b, in: n)
            guard world.wire.same(x, y) else { throw ReplayError("check \(c) fails: \(abbreviated(x.content)) ≠ \(abbreviated(y.content))") }
        case .notEqual(let a, let b):
            let x = try evaluate(a, in: n), y = try evaluate(b, in: n)
            guard !world.wire.same(x, y) else { throw ReplayError("check \(c) fails: both are \(abbreviated(x.content))") }
        case .atLeast(let a, let b):
            let x = Integers.value(try evaluate(a, in: n).content), y = Integers.value(try evaluate(b, in: n).content)
            guard x >= y else { throw ReplayError("check \(c) fails: \(x) < \(y)") }
        }
    }

    /// After the trace, each run goes on with its local events (its claims) until it would have
    /// to send or receive; a failing check stops it there.
    /// Runs the local steps that follow the trace's last step of run n, as the search does eagerly:
    /// not a `Running` signal (the search schedules those like receives), and nothing of an old run,
    /// which stopped when the intruder ended the old sessions.
    private mutating func finish(_ n: Int) {
        if runs[n]?.spec.old == true { return }
        while let run = runs[n], run.stopped == nil, run.pc < run.role.events.count {
            switch run.role.events[run.pc].action {
            case .send, .receive: return
            case .running: return
            default:
                do { try local(n) } catch { runs[n]!.stopped = "\(error)"; return }
            }
        }
    }

    // MARK: an honest run's own computation

    func evaluate(_ t: Term, in n: Int) throws -> Value {
        try evaluate(t, env: runs[n]!.env)
    }

    func evaluate(_ t: Term, env: Env) throws -> Value {
        try evaluation(env).value(t)
    }

    /// A run's own computation: its names, and the ciphertexts it already holds kept as bytes.
    private func evaluation(_ env: Env) -> Evaluation {
        let world = self.world
        let halves = env.made.keys.filter { if case .app(.exp, _) = $0 { return true } else { return false } }
        return Evaluation(world: world, held: { env.made[$0] }, heldExponentials: halves, leaf: { leaf in
            switch leaf {
            case .variable(let v):
                guard let value = env[v] else { throw ReplayError("\(v) is not bound yet") }
                return value
            default:
                return world.leaf(leaf)
            }
        })
    }

    private func matcher(for n: Int) -> Matcher {
        let session = self
        return Matcher(world: world, evaluate: { t, env in try session.evaluate(t, env: env) })
    }
}
