import Model
import Terms

/// The rules a compromising adversary (`Capability`) adds to the search: the reveals a goal may be
/// bound to, each with the constraints that say when and of whom, and the judgment of a complete
/// pattern whose reveals depend on which runs match the claiming run (`RunAtClaim.matches`), which
/// only the complete pattern settles.
struct AdversaryRules {
    let ctx: PatternContext

    // MARK: - Reveals

    /// The patterns in which the intruder learns `t` at `node` by a reveal the adversary may make.
    func reveals(_ t: Term, at node: Int, _ base: Pattern) -> [Pattern] {
        var out: [Pattern] = []
        let capabilities = ctx.adversary.capabilities.sorted()
        for schema in ctx.longTermKeySchemas {
            var q = base
            let (key, owner) = q.renamedApart(schema, keeping: IntruderKnowledge.owner)
            for s in ctx.unifier.unify(t, key, under: q.substitution) {
                var r = q
                r.substitution = s
                for c in capabilities where c.revealsLongTermKeys {
                    out += longTermKey(c, owner: owner, t, at: node, r)
                }
            }
        }
        if case .atom(let a) = t, case .fresh(let number) = a.kind, base.runs.indices.contains(number - 1) {
            for c in capabilities where c.revealsRandomness {
                out += randomness(c, a, run: number - 1, at: node, base)
            }
        }
        return out
    }

    /// The runs the property is judged from (the claiming runs, or a conditional property's
    /// signalling runs) and the nodes of their claims or signals.
    private func tests(_ p: Pattern) -> (runs: [Int], nodes: [Int]) {
        if !p.claims.isEmpty { return (p.claims.map(\.run), p.claims.indices.map(p.claimNode)) }
        let runs = p.signals.compactMap { n -> Int? in
            if case .event(let r, _) = p.nodes[n] { return r }
            return nil
        }
        return (Array(Set(runs)).sorted(), p.signals)
    }

    private func longTermKey(_ c: Capability, owner: Term, _ t: Term, at node: Int, _ p: Pattern) -> [Pattern] {
        let (runs, nodes) = tests(p)
        var q = p
        // The intruder's own keys are initial knowledge, not a reveal: the owner is honest.
        if let v = p.apply(owner).asVariable { q.honest.append(v) }
        q.conditions.append(.notEqual(owner, .atom(IntruderKnowledge.intruder)))
        let learned = Learned(term: t, node: node, source: .revealedKey(c, owner: owner))
        switch c {
        case .lkrOthers:
            for r in runs {
                for a in ctx.model.protocolRoles(of: q.runs[r].role).map({ q.runs[r].agents[$0] }) {
                    q.conditions.append(.notEqual(owner, a))
                }
            }
        case .lkrActor:
            var out: [Pattern] = []
            for r in runs {
                let run = q.runs[r]
                for s in ctx.unifier.unify(owner, run.agents[run.role], under: q.substitution) {
                    var u = q
                    u.substitution = s
                    // The actor plays no other role of the test run (Scyther's `isCompromiseAllowed`):
                    // else its key would be its partner's too.
                    for i in ctx.model.protocolRoles(of: run.role) where i != run.role {
                        u.conditions.append(.notEqual(run.agents[run.role], run.agents[i]))
                    }
                    u.learned.append(learned)
                    out.append(u)
                }
            }
            return out
        case .lkrAfter, .lkrAfterCorrect:
            for n in nodes where !q.edge(n, node) { return [] }
        case .skr, .rnr:
            return []
        }
        q.learned.append(learned)
        return [q]
    }

    private func randomness(_ c: Capability, _ value: Atom, run r: Int, at node: Int, _ p: Pattern) -> [Pattern] {
        let run = p.runs[r]
        guard let made = run.events.firstIndex(where: { e in
            if case .fresh(let f) = e.action, case .atom(let a) = f { return a == value }
            return false
        }) else { return [] }
        var out: [Pattern] = []
        for var q in p.extending(r, to: max(run.length, made + 1), ctx) {
            guard q.edge(q.runs[r].nodes[made], node) else { continue }
            q.learned.append(Learned(term: .atom(value), node: node, source: .revealedRandomness(c, run: r)))
            out.append(q)
        }
        return out
    }

    // MARK: - Judging a complete pattern

    /// Whether the reveals of a pattern with every goal met are the adversary's to make: a session
    /// key only of a run that matches no claiming run (SKR); a long-term key after the claim under
    /// LKRaftercorrect only where each claiming run has a matching run. (RNR reveals any run's
    /// randomness, as in Scyther; its eCK reading is the split into eck1 and eck2.)
    func admits(_ p: Pattern) -> Bool {
        if ctx.adversary.isStandard { return true }
        let (tests, _) = self.tests(p)
        var views: [Int: RunAtClaim<Term>] = [:]
        func view(_ m: Int) -> RunAtClaim<Term> {
            if let v = views[m] { return v }
            let v = self.view(m, in: p)
            views[m] = v
            return v
        }
        for l in p.learned {
            switch l.source {
            case .extracted(let output):
                guard case .event(let r, let i) = p.nodes[output], case .reveal = p.runs[r].events[i].action, !p.runs[r].old else { continue }
                if tests.contains(where: { c in c != r && view(r).matches(view(c), in: ctx.model) }) { return false }
            case .revealedKey(.lkrAfterCorrect, _):
                for c in tests where !p.runs.indices.contains(where: { $0 != c && view($0).matches(view(c), in: ctx.model) }) { return false }
            default:
                continue
            }
        }
        return true
    }

    /// Run `m` as matching judges it: its included events, a claiming run's up to its claim.
    private func view(_ m: Int, in p: Pattern) -> RunAtClaim<Term> {
        let run = p.runs[m]
        let end = p.claims.first { $0.run == m }.map(\.event) ?? run.length
        var communications: [Communication<Term>] = []
        for i in 0..<min(end, run.length) {
            if let c = Communication.of(run.events, i, value: p.apply) { communications.append(c) }
        }
        return RunAtClaim(role: run.role, actor: p.apply(run.agents[run.role]), bindings: run.agents.map(p.apply),
                          started: run.length > 0, running: [], communications: communications, in: ctx.model)
    }
}

extension Pattern {
    /// A schema with its variables renamed apart, and what `kept` became.
    mutating func renamedApart(_ schema: Term, keeping kept: Variable) -> (Term, Term) {
        let before = nextSchemaVariable
        let renamed = renamedApart(schema)
        // `renamedApart` numbers the schema's variables in sorted order from `before + 1`.
        let vars = schema.variables.filter(IntruderKnowledge.isSchemaVariable).sorted()
        guard let k = vars.firstIndex(of: kept) else { return (renamed, .variable(kept)) }
        return (renamed, .variable(Variable("X\(before + k + 1)", sort: kept.sort, run: -2)))
    }
}
