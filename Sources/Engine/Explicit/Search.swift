import Model
import Solver
import Terms

/// A state of one scenario's search. The intruder's knowledge and every signal and claim so far follow
/// from the program counters, so two interleavings that reach the same counters with the same
/// constraints are the same state and are explored once.
struct SearchState: Hashable, Sendable {
    var pcs: [Int]
    var substitution: Substitution
    var constraints: [Deducible]
    /// Conditions that runs have checked (disequalities, integer comparisons), kept for later substitutions.
    var conditions: [Condition]
    /// Old sessions are over: the current runs have started and the old runs are frozen.
    var current: Bool
}

/// The states seen so far, up to subsumption. Two states that differ only in when the intruder had
/// to be able to derive its free variables are not different: the one with the later times allows
/// everything the other does (knowledge only grows), so the other need not be explored. Both sit at
/// the same breadth-first depth, which is a function of the program counters.
struct VisitedStates {
    private struct Shape: Hashable {
        var pcs: [Int]
        var current: Bool
        var substitution: Substitution
        var conditions: [Condition]
        var variables: [Term]
    }
    private var seen: [Shape: [(times: [[Int]], node: Int)]] = [:]

    /// Records `state` as node `node`. Returns nil when a state seen before subsumes it, otherwise
    /// the nodes it subsumes (not to be explored any more).
    mutating func insert(_ state: SearchState, node: Int) -> [Int]? {
        let shape = Shape(pcs: state.pcs, current: state.current, substitution: state.substitution,
                          conditions: state.conditions, variables: state.constraints.map(\.term))
        let times = state.constraints.map(\.time)
        var entries = seen[shape] ?? []
        if entries.contains(where: { dominates($0.times, times) }) { return nil }
        let subsumed = entries.filter { dominates(times, $0.times) }.map(\.node)
        entries.removeAll { dominates(times, $0.times) }
        entries.append((times, node))
        seen[shape] = entries
        return subsumed
    }

    private func dominates(_ a: [[Int]], _ b: [[Int]]) -> Bool {
        zip(a, b).allSatisfy { ta, tb in zip(ta, tb).allSatisfy { $0 >= $1 } }
    }
}

/// What one scenario's search found for one property.
struct Finding: Sendable {
    var property: Int
    /// The executed events, in order: (run, event index).
    var path: [(run: Int, event: Int)]
    var state: SearchState
    /// The substitution and constraints under which the violation happens.
    var solution: Solution
    var violation: String
}

struct SearchLimits: Sendable {
    var maxStates: Int
    var deadline: ContinuousClock.Instant?
    /// Asked now and then: a search that is told to stop ends as inconclusive, with `stopReason`
    /// ("interrupted", a memory limit).
    var isCancelled: @Sendable () -> Bool = { false }
    var stopReason: @Sendable () -> String = { "interrupted" }

    init(maxStates: Int, deadline: ContinuousClock.Instant?, cancellation: Cancellation?) {
        self.maxStates = maxStates
        self.deadline = deadline
        if let cancellation {
            isCancelled = { cancellation.isCancelled }
            stopReason = { cancellation.reason }
        }
    }
}

struct ScenarioSearch {
    let model: ProtocolModel
    let network: Network
    let intruder: LazyIntruder
    let judge: AgreementJudge
    let slots: [GoalSlot]
    let conditionals: [ConditionalSlot]
    let arithmetic: ArithmeticChecker
    /// For run j at program counter pc: the variables whose value can still matter (see `pruned`).
    private let liveVariables: [[Set<Variable>]]

    private(set) var statesExplored = 0
    private(set) var truncated = false
    private(set) var limitHit: String?

    init(model: ProtocolModel, setting: Setting, scenario: Scenario, properties: [(Int, Property)], typeFlaws: Bool,
         arithmetic: ArithmeticChecker) {
        self.model = model
        let runs = scenario.runs.enumerated().map { RunScript(number: $0.offset + 1, spec: $0.element, model: model) }
        self.network = Network(runs: runs, initialKnowledge: Network.intruderKnowledge(model: model, setting: setting, runs: runs))
        self.intruder = LazyIntruder(network: network, unifier: Unifier(typeFlaws: typeFlaws))
        self.judge = AgreementJudge(network: network, model: model)
        self.arithmetic = arithmetic
        var slots: [GoalSlot] = []
        var conditionals: [ConditionalSlot] = []
        for (pi, p) in properties {
            switch p.origin {
            case .claim(let ri, let ei, let goal):
                let partnerRole = goal.partnerRole(in: model)
                for run in runs where run.spec.role == ri && run.spec.isAllHonest && !run.spec.old {
                    guard case .claim(_, let g) = run.events[ei].action else { continue }
                    slots.append(GoalSlot(property: pi, run: run.number - 1, event: ei, goal: g, partnerRole: partnerRole))
                }
            case .conditional(let c):
                conditionals.append(ConditionalSlot(property: pi, when: c.when, secret: c.secret))
            }
        }
        self.slots = slots
        self.conditionals = conditionals
        self.liveVariables = runs.map { run in
            // Always live: what the run has output (the intruder may match it later) and its signals
            // and claims (goals compare them); from pc on, everything the run has still to do.
            var always = Set<Variable>()
            for e in run.events {
                switch e.action {
                case .send, .reveal, .signal, .claim: e.action.terms.forEach { always.formUnion($0.variables) }
                default: break
                }
            }
            var table = Array(repeating: always, count: run.events.count + 1)
            var later = always
            for pc in stride(from: run.events.count - 1, through: 0, by: -1) {
                run.events[pc].action.terms.forEach { later.formUnion($0.variables) }
                table[pc] = later
            }
            return table
        }
    }

    /// Drops the constraints on variables that nothing can bind any more: no run will use them,
    /// no message the intruder holds contains them, no goal mentions them. Such a constraint can
    /// never fail, and keeping it would tell apart states that behave the same.
    func pruned(_ st: SearchState) -> SearchState {
        var live = Set<Variable>()
        for (j, pc) in st.pcs.enumerated() {
            for v in liveVariables[j][pc] { live.formUnion(st.substitution.apply(.variable(v)).variables) }
        }
        for c in st.conditions { for t in c.terms { live.formUnion(st.substitution.apply(t).variables) } }
        var out = st
        out.constraints.removeAll { c in
            guard case .variable(let v) = c.term else { return false }
            return !live.contains(v)
        }
        return out
    }

    private struct Node {
        var state: SearchState
        var parent: Int
        var executed: [(run: Int, event: Int)]
    }

    /// Breadth-first: the first violation found for a property is one of the shortest in this scenario.
    mutating func run(open: Set<Int>, limits: SearchLimits, counter: inout Int) -> [Int: Finding] {
        var found: [Int: Finding] = [:]
        var remaining = open.intersection(slots.map(\.property) + conditionals.map(\.property))
        if remaining.isEmpty { return found }
        // Past the deadline, a scenario is not started at all: thousands of them each exploring a
        // few states before looking at the clock would make a time limit a long wait.
        if let d = limits.deadline, ContinuousClock.now > d {
            limitHit = "time limit"
            return found
        }
        if limits.isCancelled() {
            limitHit = limits.stopReason()
            return found
        }
        var nodes: [Node] = []
        var visited = VisitedStates()
        let initial = SearchState(pcs: Array(repeating: 0, count: network.runs.count), substitution: .identity, constraints: [], conditions: [],
                                  current: !network.runs.contains { $0.spec.old })
        var frontier: [Int] = []
        var dead = Set<Int>()
        let starts = advance(initial)
        remaining.subtract(remaining.filter { aliveFromTheStart($0, starts.map(\.0)) })
        if remaining.isEmpty { return found }
        for (state0, executed, violations) in starts {
            let state = pruned(state0)
            guard let subsumed = visited.insert(state, node: nodes.count) else { continue }
            dead.formUnion(subsumed)
            nodes.append(Node(state: state, parent: -1, executed: executed))
            record(violations, node: nodes.count - 1, nodes: nodes, into: &found, remaining: &remaining)
            frontier.append(nodes.count - 1)
        }
        while !frontier.isEmpty && !remaining.isEmpty {
            var next: [Int] = []
            for index in frontier where !dead.contains(index) {
                check(node: index, nodes: nodes, into: &found, remaining: &remaining)
                if remaining.isEmpty { break }
                counter += 1
                statesExplored += 1
                if counter > limits.maxStates { limitHit = "state limit of \(limits.maxStates) states"; return found }
                if statesExplored % 64 == 0 {
                    if let d = limits.deadline, ContinuousClock.now > d {
                        limitHit = "time limit"
                        return found
                    }
                    if limits.isCancelled() {
                        limitHit = limits.stopReason()
                        return found
                    }
                }
                for (state0, executed, violations) in successors(of: nodes[index].state) {
                    let state = pruned(state0)
                    guard let subsumed = visited.insert(state, node: nodes.count) else { continue }
                    dead.formUnion(subsumed)
                    nodes.append(Node(state: state, parent: index, executed: executed))
                    record(violations, node: nodes.count - 1, nodes: nodes, into: &found, remaining: &remaining)
                    next.append(nodes.count - 1)
                }
            }
            frontier = next
        }
        return found

        func path(_ i: Int) -> [(run: Int, event: Int)] {
            var out: [[(run: Int, event: Int)]] = []
            var j = i
            while j >= 0 { out.append(nodes[j].executed); j = nodes[j].parent }
            return out.reversed().flatMap { $0 }
        }

        func record(_ violations: [(Int, String)], node: Int, nodes: [Node], into found: inout [Int: Finding], remaining: inout Set<Int>) {
            for (p, why) in violations where remaining.contains(p) {
                let st = nodes[node].state
                found[p] = Finding(property: p, path: path(node), state: st,
                                   solution: Solution(substitution: st.substitution, constraints: st.constraints), violation: why)
                remaining.remove(p)
            }
        }

        func check(node: Int, nodes: [Node], into found: inout [Int: Finding], remaining: inout Set<Int>) {
            let st = nodes[node].state
            for slot in slots where remaining.contains(slot.property) && st.pcs[slot.run] > slot.event {
                guard case .secret(let t) = slot.goal else { continue }
                if let sol = derivable(t, in: st) {
                    let shown = sol.substitution.apply(t)
                    found[slot.property] = Finding(property: slot.property, path: path(node), state: st, solution: sol,
                                                   violation: "the intruder knows \(shown), which \(network.runs[slot.run].agent.name) (run \(slot.run + 1)) claims is secret")
                    remaining.remove(slot.property)
                }
            }
            for c in conditionals where remaining.contains(c.property) {
                if let (sol, text) = conditionalViolation(c, in: st) {
                    found[c.property] = Finding(property: c.property, path: path(node), state: st, solution: sol, violation: text)
                    remaining.remove(c.property)
                }
            }
        }
    }

    /// An aliveness claim cannot fail in this scenario when its partner has moved in every initial
    /// state (runs do their first sends at once): program counters only grow.
    private func aliveFromTheStart(_ p: Int, _ starts: [SearchState]) -> Bool {
        let mine = slots.filter { $0.property == p }
        guard !mine.isEmpty, !conditionals.contains(where: { $0.property == p }) else { return false }
        return mine.allSatisfy { slot in
            guard case .aliveness(let partner) = slot.goal, partner.isGround else { return false }
            return starts.allSatisfy { st in
                network.runs.indices.contains { st.pcs[$0] > 0 && .atom(network.runs[$0].agent.atom) == partner }
            }
        }
    }

    /// A solution in which the intruder derives `t` now, if any.
    private mutating func derivable(_ t: Term, in st: SearchState, extra: Substitution? = nil) -> Solution? {
        let s = extra ?? st.substitution
        let (solutions, cut) = intruder.solve(st.constraints + [Deducible(term: t, time: st.pcs)], s)
        if cut { truncated = true }
        return solutions.first { conditionsHold(st.conditions, under: $0.substitution) }
    }

    private mutating func conditionalViolation(_ c: ConditionalSlot, in st: SearchState) -> (Solution, String)? {
        var signals: [String: [(run: Int, data: [Term])]] = [:]
        for (m, run) in network.runs.enumerated() where run.spec.isAllHonest && !run.spec.old {
            for e in run.events.prefix(st.pcs[m]) {
                if case .signal(let n, let ds) = e.action { signals[n, default: []].append((m, ds)) }
            }
        }
        var combos: [[(run: Int, data: [Term])]] = [[]]
        for pattern in c.when {
            let options = (signals[pattern.name] ?? []).filter { $0.data.count == pattern.data.count }
            combos = combos.flatMap { combo in options.map { combo + [$0] } }
        }
        for combo in combos {
            let pairs = zip(c.when, combo).flatMap { p, sig in zip(p.data, sig.data).map { ($0, $1) } }
            for s in intruder.unifier.unify(pairs, under: st.substitution) {
                if let sol = derivable(c.secret, in: st, extra: s) {
                    let secret = sol.substitution.apply(c.secret)
                    let runs = Set(combo.map { "run \($0.run + 1)" }).sorted().joined(separator: ", ")
                    return (sol, "the intruder knows \(secret) although \(c.when.map(\.name).joined(separator: " and ")) hold (\(runs))")
                }
            }
        }
        return nil
    }

    private func conditionsHold(_ conditions: [Condition], under s: Substitution) -> Bool {
        arithmetic.satisfiable(conditions.map { $0.map(s.apply) })
    }

    // MARK: - Transitions

    /// Receives and `Running` signals branch; everything else a run does is executed eagerly (see
    /// docs/engine.md: sends only add to the intruder's knowledge, so doing them early loses no attack).
    private mutating func successors(of st: SearchState) -> [(SearchState, [(run: Int, event: Int)], [(Int, String)])] {
        var out: [(SearchState, [(run: Int, event: Int)], [(Int, String)])] = []
        if !st.current {
            // The intruder ends the old sessions whenever it likes; from then on only current runs move.
            var next = st
            next.current = true
            out += advance(next)
        }
        for (j, run) in network.runs.enumerated() where st.pcs[j] < run.events.count && mayMove(j, st) {
            let e = run.events[st.pcs[j]]
            switch e.action {
            case .receive(_, let pattern):
                let (solutions, cut) = intruder.solve(st.constraints + [Deducible(term: pattern, time: st.pcs)], st.substitution)
                if cut { truncated = true }
                for sol in solutions where conditionsHold(st.conditions, under: sol.substitution) {
                    var next = st
                    next.pcs[j] += 1
                    next.substitution = sol.substitution
                    next.constraints = sol.constraints
                    for (s2, ex, v) in advance(next) { out.append((s2, [(j, st.pcs[j])] + ex, v)) }
                }
            case .running:
                var next = st
                next.pcs[j] += 1
                for (s2, ex, v) in advance(next) { out.append((s2, [(j, st.pcs[j])] + ex, v)) }
            default:
                continue
            }
        }
        return out
    }

    /// Executes every eager event of every run until each run waits at a receive, a `Running`
    /// signal, a failed check, or its end. Checks with several unifiers branch.
    private mutating func advance(_ start: SearchState) -> [(SearchState, [(run: Int, event: Int)], [(Int, String)])] {
        var results: [(SearchState, [(run: Int, event: Int)], [(Int, String)])] = []
        var work: [(SearchState, [(run: Int, event: Int)], [(Int, String)], Set<Int>)] = [(start, [], [], [])]
        while let (st, executed, violations, blocked) = work.popLast() {
            guard let j = network.runs.indices.first(where: { j in
                !blocked.contains(j) && st.pcs[j] < network.runs[j].events.count && mayMove(j, st)
                    && isEager(network.runs[j].events[st.pcs[j]])
            }) else {
                results.append((st, executed, violations))
                continue
            }
            let pc = st.pcs[j]
            var next = st
            next.pcs[j] += 1
            let step = executed + [(j, pc)]
            switch network.runs[j].events[pc].action {
            case .assign(let a, let b), .check(.equal(let a, let b)):
                // Naming a value and checking an equality both unify; no unifier blocks the run.
                let branches = rebind(st, a, b)
                if branches.isEmpty { work.append((st, executed, violations, blocked.union([j]))) }
                for b in branches {
                    var n = b
                    n.pcs[j] += 1
                    work.append((n, step, violations, blocked))
                }
            case .check(let c):
                let instantiated = c.map(st.substitution.apply)
                if conditionsHold(st.conditions + [instantiated], under: st.substitution) {
                    next.conditions.append(instantiated)
                    work.append((next, step, violations, blocked))
                } else {
                    work.append((st, executed, violations, blocked.union([j])))
                }
            case .claim:
                var v = violations
                for slot in slots where slot.run == j && slot.event == pc {
                    if case .secret = slot.goal { continue }
                    let others = slots.filter { $0.property == slot.property && $0.run != j && next.pcs[$0.run] > $0.event }
                    if judge.violated(slot, in: next, others: others) {
                        v.append((slot.property, describe(slot, next)))
                    }
                }
                work.append((next, step, v, blocked))
            default:
                work.append((next, step, violations, blocked))
            }
        }
        return results
    }

    /// Old sessions happen before the current ones: an old run moves only until the intruder ends
    /// the old sessions, a current run only from then on. Trusted servers serve both.
    private func mayMove(_ j: Int, _ st: SearchState) -> Bool {
        let spec = network.runs[j].spec
        if model.trusted.contains(model.roles[spec.role].name) { return true }
        return spec.old != st.current
    }

    private func isEager(_ e: Event) -> Bool {
        switch e.action {
        case .receive: return false
        case .running: return false
        default: return true
        }
    }

    /// Unifies `a` and `b` in the state and re-solves the constraints under the new substitution.
    private mutating func rebind(_ st: SearchState, _ a: Term, _ b: Term) -> [SearchState] {
        var out: [SearchState] = []
        for s in intruder.unifier.unify(a, b, under: st.substitution) {
            let (solutions, cut) = intruder.solve(st.constraints, s)
            if cut { truncated = true }
            for sol in solutions where conditionsHold(st.conditions, under: sol.substitution) {
                out.append(SearchState(pcs: st.pcs, substitution: sol.substitution, constraints: sol.constraints, conditions: st.conditions,
                                       current: st.current))
            }
        }
        return out
    }

    private func describe(_ slot: GoalSlot, _ st: SearchState) -> String {
        let run = network.runs[slot.run]
        let me = "\(run.agent.name) (run \(slot.run + 1), role \(model.roles[run.spec.role].name))"
        switch slot.goal {
        case .secret: return ""
        case .aliveness(let p):
            return "\(me) finished, but \(st.substitution.apply(p)) never ran"
        case .weakAgreement(let p):
            return "\(me) finished with \(st.substitution.apply(p)), who never ran the protocol with \(run.agent.name)"
        case .scytherWeakAgreement, .synchronisation, .messageAgreement, .reachable:
            return slot.goal.map(st.substitution.apply).failure(claimant: me)
        case .agreement(let p, let ds, let inj, _):
            let data = ds.map { st.substitution.apply($0).description }.joined(separator: ", ")
            let partners = network.runs.indices.filter { judge.matches($0, slot, st) }
            if inj && !partners.isEmpty {
                return "\(me) finished with \(st.substitution.apply(p)) on (\(data)), but that partner run already served another run: a replay"
            }
            return "\(me) finished with \(st.substitution.apply(p)) on (\(data)), but no run of \(st.substitution.apply(p)) ran with \(run.agent.name) on these values"
        }
    }
}

extension ScenarioSearch {
    /// A finding as the execution both engines hand to `TraceBuilder`.
    func execution(of f: Finding, slot: GoalSlot?) -> Execution {
        Execution(runs: network.runs.map { r in
                      Execution.Run(number: r.number, role: r.spec.role, agents: r.spec.agents.map(\.atom), old: r.spec.old, events: r.events)
                  },
                  path: f.path, substitution: f.solution.substitution, conditions: f.state.conditions,
                  initialKnowledge: network.initialKnowledge, claim: slot.map { ($0.run, $0.event) }, violation: f.violation)
    }
}
