import Model
import Results
import Solver
import Terms

/// Turns a pattern with every goal met into an attack trace: the claim made to fail in every
/// execution of it, agents and free values chosen, the partial order linearised, runs numbered in
/// the order they start.
enum Realisation {
    /// The pattern with the orders that keep would-be partners after their claims, so that the claim
    /// fails in every execution of it; nil when that cannot be done.
    static func violating(_ p: Pattern, _ query: Query, _ ctx: PatternContext) -> Pattern? {
        if query.synchronisation(ctx) != nil { return query.synchronisationViolated(p, ctx) }
        guard case .authentication = query.kind else { return p }
        var r = p
        for c in r.claims.indices {
            let claimNode = r.claimNode(c)
            let always = Set(query.partners(of: c, in: r, ctx))
            for m in query.partners(of: c, in: r, ctx, .regardless) where !always.contains(m) && m != r.claims[c].run {
                let run = r.runs[m]
                if !r.precedes(run.nodes[0], claimNode) {
                    _ = r.edge(claimNode, run.nodes[0])
                } else {
                    for (i, node) in run.nodes.enumerated() where !r.precedes(node, claimNode) {
                        if case .running = run.events[i].action { _ = r.edge(claimNode, node) }
                    }
                }
            }
        }
        let possible = r.claims.indices.map { query.partners(of: $0, in: r, ctx, .possibly) }
        return hasPerfectMatching(possible) ? nil : r
    }

    static func trace(_ p0: Pattern, _ query: Query, _ ctx: PatternContext, solver: Z3Solver) -> Trace {
        var p = p0
        let model = ctx.model
        // The events in an order the pattern allows; runs numbered as they first act.
        let order = linearised(p)
        var firstActs: [Int] = []
        for (r, _) in order where !firstActs.contains(r) { firstActs.append(r) }
        firstActs += p.runs.indices.filter { !firstActs.contains($0) }
        // Honest agents: one name each, in the order the runs first act and name them.
        var names: [Variable: Term] = [:]
        let honest = Set(p.honest.compactMap { p.apply(.variable($0)).asVariable })
        var next = 0
        let taken = Set(p.runs.flatMap { $0.agents.compactMap { if case .atom(let a) = p.apply($0) { return a.name } else { return nil } } })
        func name(_ v: Variable) {
            var name: String
            repeat {
                name = next < AgentRef.honestNames.count ? AgentRef.honestNames[next] : "Agent\(next + 1)"
                next += 1
            } while taken.contains(name)
            names[v] = .atom(.agent(name))
        }
        for run in firstActs.map({ p.runs[$0] }) {
            for a in [run.agents[run.role]] + run.agents {
                guard let v = p.apply(a).asVariable, honest.contains(v), names[v] == nil else { continue }
                name(v)
            }
        }
        // Then an honest agent whose long-term key was revealed and who plays no run.
        for v in honest.sorted() where names[v] == nil { name(v) }
        // Every other agent a run was set up with and the search left open is the intruder.
        for run in p.runs {
            for a in run.agents {
                if let v = p.apply(a).asVariable, names[v] == nil { names[v] = .atom(IntruderKnowledge.intruder) }
            }
        }
        var s = p.substitution
        for (v, t) in names.sorted(by: { $0.key < $1.key }) { s = s.binding(v, to: t) }
        p.substitution = s

        var number: [Int: Int] = [:]
        for (r, _) in order where number[p.runs[r].number] == nil { number[p.runs[r].number] = number.count + 1 }
        for run in p.runs where number[run.number] == nil { number[run.number] = number.count + 1 }
        func renumbered(_ t: Term) -> Term {
            p.apply(t).mapLeaves { leaf in
                switch leaf {
                case .atom(let a):
                    if case .fresh(let n) = a.kind, let m = number[n] { return .atom(Atom(a.name, sort: a.sort, kind: .fresh(run: m))) }
                    return leaf
                case .variable(let v) where v.run > 0:
                    return .variable(Variable(v.name, sort: v.sort, run: number[v.run] ?? v.run))
                default:
                    return leaf
                }
            }
        }
        // The runs whose session key the intruder was handed: each such reveal served a goal.
        let revealing = Set(p.learned.compactMap { l -> Int? in
            guard case .extracted(let output) = l.source, case .event(let r, let i) = p.nodes[output],
                  case .reveal = p.runs[r].events[i].action else { return nil }
            return r
        })
        let byNumber = p.runs.indices.sorted { number[p.runs[$0].number]! < number[p.runs[$1].number]! }
        let position = Dictionary(uniqueKeysWithValues: byNumber.enumerated().map { ($1, $0) })
        let runs = byNumber.map { r -> Execution.Run in
            let run = p.runs[r]
            let agents = run.agents.map { a -> Atom in
                if case .atom(let x) = p.apply(a) { return x }
                return IntruderKnowledge.intruder
            }
            return Execution.Run(number: number[run.number]!, role: run.role, agents: agents, old: run.old,
                                 revealsSessionKey: revealing.contains(r), events: run.events.map { $0.map(renumbered) })
        }
        let agents = runs.flatMap(\.agents)
        let claim: (run: Int, event: Int)? = {
            guard !p.claims.isEmpty else { return nil }
            // The claim the trace shows failing: the last one to happen.
            let last = p.claims.max { a, b in
                order.firstIndex { $0 == (a.run, a.event) } ?? 0 < order.firstIndex { $0 == (b.run, b.event) } ?? 0
            }!
            return (position[last.run]!, last.event)
        }()
        // The substitution too, for what no event shows: a conditional property's own names.
        var named: [Variable: Term] = [:]
        for (v, t) in p.substitution.bindings {
            named[v.run > 0 ? Variable(v.name, sort: v.sort, run: number[v.run] ?? v.run) : v] = renumbered(t)
        }
        // The adversary's other reveals, each where the order allows it among the events.
        var reveals: [Execution.Reveal] = []
        for l in p.learned {
            let note: String
            switch l.source {
            case .revealedKey(let c, let owner): note = c.revealNote(owner: renumbered(owner).description)
            case .revealedRandomness(let c, let r): note = c.revealNote(run: number[p.runs[r].number]!)
            default:
                continue
            }
            // Before the first event that needs it: in a linear order of the pattern every event
            // that must come before the reveal comes before that one.
            let after = order.firstIndex { e in p.precedes(l.node, p.runs[e.run].nodes[e.event]) } ?? order.count
            reveals.append(Execution.Reveal(after: after, term: renumbered(l.term), note: note))
        }
        var execution = Execution(runs: runs, path: order.map { (position[$0.run]!, $0.event) }, substitution: Substitution(named),
                                  conditions: p.conditions.map { $0.map(renumbered) },
                                  initialKnowledge: IntruderKnowledge.instances(of: model, setting: ctx.setting, agents: agents),
                                  claim: claim, violation: violation(p, query, ctx, runs: runs, claim: claim,
                                                                     numberOf: { number[p.runs[$0].number]! }, renumbered))
        execution.reveals = reveals
        return TraceBuilder(model: model, property: query.property, setting: ctx.setting, solver: solver).build(execution)
    }

    /// The included events in an order the pattern allows: at each point the event of the lowest run
    /// that may happen next, old sessions first.
    private static func linearised(_ p: Pattern) -> [(run: Int, event: Int)] {
        var events: [(run: Int, event: Int, node: Int)] = []
        for (r, run) in p.runs.enumerated() {
            for (i, n) in run.nodes.enumerated() { events.append((r, i, n)) }
        }
        var placed = Set<Int>()
        var out: [(run: Int, event: Int)] = []
        while out.count < events.count {
            let ready = events.filter { e in
                !placed.contains(e.node) && events.allSatisfy { o in placed.contains(o.node) || o.node == e.node || !p.precedes(o.node, e.node) }
            }
            guard let pick = ready.min(by: { a, b in
                (p.runs[a.run].old ? 0 : 1, a.run, a.event) < (p.runs[b.run].old ? 0 : 1, b.run, b.event)
            }) else { break }
            placed.insert(pick.node)
            out.append((pick.run, pick.event))
        }
        return out
    }

    /// The violation in words, as the explicit search words it.
    private static func violation(_ p: Pattern, _ query: Query, _ ctx: PatternContext, runs: [Execution.Run],
                                  claim: (run: Int, event: Int)?, numberOf: (Int) -> Int, _ named: (Term) -> Term) -> String {
        let model = ctx.model
        if case .conditional(let c) = query.kind {
            let signalling = Set(p.signals.compactMap { n -> Int? in
                guard case .event(let r, _) = p.nodes[n] else { return nil }
                return numberOf(r)
            }).sorted().map { "run \($0)" }.joined(separator: ", ")
            return "the intruder knows \(named(Query.ownNames(of: c).apply(c.secret))) although \(c.when.map(\.name).joined(separator: " and ")) hold (\(signalling))"
        }
        guard let claim else { return "" }
        let run = runs[claim.run]
        let me = "\(run.agent.name) (run \(run.number), role \(model.roles[run.role].name))"
        guard case .claim(_, let goal) = run.events[claim.event].action else { return "" }
        switch goal {
        case .secret(let t):
            return "the intruder knows \(t), which \(run.agent.name) (run \(run.number)) claims is secret"
        case .aliveness(let a):
            return "\(me) finished, but \(a) never ran"
        case .weakAgreement(let a):
            return "\(me) finished with \(a), who never ran the protocol with \(run.agent.name)"
        case .scytherWeakAgreement, .synchronisation, .messageAgreement, .reachable:
            return goal.failure(claimant: me)
        case .agreement(let a, let ds, let injective, _):
            let data = ds.map(\.description).joined(separator: ", ")
            if injective, p.claims.count > 1, p.claims.indices.allSatisfy({ !query.partners(of: $0, in: p, ctx, .possibly).isEmpty }) {
                return "\(me) finished with \(a) on (\(data)), but that partner run already served another run: a replay"
            }
            return "\(me) finished with \(a) on (\(data)), but no run of \(a) ran with \(run.agent.name) on these values"
        }
    }
}
