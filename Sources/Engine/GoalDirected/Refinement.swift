import Model
import Terms

/// The ways the intruder can come to hold a goal's term, each a refined pattern (Scyther's goal
/// bindings, Cremers CCS 2008): the node where it learnt the term before (C-minimality), its initial
/// knowledge, composition from parts, or extraction from an honest output of a run in the pattern
/// or of a new run, opening ciphertexts on the way with keys that become goals.
struct Refinement {
    let ctx: PatternContext
    /// Runs a pattern may hold: a binding that needs one more is not made, and the search records
    /// that the bound cut it.
    let maxRuns: Int

    struct Outcome {
        var patterns: [Pattern] = []
        /// A new run would have been needed beyond the bound.
        var cutByBound = false
    }

    func refine(_ p: Pattern, goal index: Int) -> Outcome {
        var out = Outcome()
        let goal = p.goals[index]
        let t = p.apply(goal.term)
        var base = p
        base.goals.remove(at: index)
        // A goal that a substitution made a tuple is a goal for each part.
        if case .app(.pair, _) = t {
            base.addGoal(t, at: goal.consumer, isKey: goal.isKey)
            out.patterns.append(base)
            return out
        }
        if let n = p.learnedNode(of: t) {
            if base.edge(n, goal.consumer) { out.patterns.append(base) }
            return out
        }
        let node = base.newNode(.learn)
        guard base.edge(node, goal.consumer) else { return out }

        // Extraction from the runs already in the pattern, then from new runs: patterns that reuse
        // what they have stay small, and attacks of few runs are found first.
        for r in base.runs.indices {
            for i in base.runs[r].events.indices where isOutput(base, r, i) {
                out.patterns += extract(t, at: node, from: r, event: i, base)
            }
        }
        for (role, templates) in ctx.outputTemplates.enumerated() {
            let revealing = ctx.setting.oldSessions && ctx.model.roles[role].reveals && !ctx.model.trustedRoles.contains(role)
            for template in templates where template.positions.contains(where: { Reach.mayUnify(t, $0, under: .identity, typeFlaws: ctx.unifier.typeFlaws) }) {
                // A new run's reveal is an output when it is an old session, or under SKR.
                var olds: [Bool] = template.onlyOld ? (ctx.sessionKeyReveal ? [false] : []) : [false]
                if revealing { olds.append(true) }
                for old in olds {
                    var q = base
                    let r = q.addRun(role: role, old: old, ctx)
                    let found = extract(t, at: node, from: r, event: template.event, q)
                    if found.isEmpty { continue }
                    if base.runs.count >= maxRuns { out.cutByBound = true; continue }
                    out.patterns += found
                }
            }
        }
        // The intruder's initial knowledge.
        for schema in ctx.schemas {
            var q = base
            let s = q.renamedApart(schema)
            for sub in ctx.unifier.unify(t, s, under: q.substitution) {
                var r = q
                r.substitution = sub
                r.learned.append(Learned(term: t, node: node, source: .initial))
                out.patterns.append(r)
            }
        }
        // A compromising adversary's reveals.
        if !ctx.adversary.isStandard {
            out.patterns += AdversaryRules(ctx: ctx).reveals(t, at: node, base)
        }
        // Composition from parts.
        for parts in compositions(of: t) {
            var q = base
            q.learned.append(Learned(term: t, node: node, source: .composed))
            for part in parts { q.addGoal(part, at: node) }
            out.patterns.append(q)
        }
        return out
    }

    private func isOutput(_ p: Pattern, _ r: Int, _ i: Int) -> Bool {
        switch p.runs[r].events[i].action {
        case .send: return true
        case .reveal: return p.revealsSessionKey(r, ctx)
        default: return false
        }
    }

    /// Binds `t` to a position of run `r`'s output at `event` (extending the run to it), every
    /// ciphertext around the position opened with a key that becomes a goal.
    private func extract(_ t: Term, at node: Int, from r: Int, event i: Int, _ p: Pattern) -> [Pattern] {
        guard let raw = p.runs[r].events[i].action.outputTerm else { return [] }
        var out: [Pattern] = []
        let typeFlaws = ctx.unifier.typeFlaws
        let s0 = p.substitution
        var found: [(Term, [Term])] = []
        Reach.positions(in: raw, under: s0, keys: []) { sub, keys in
            if Reach.mayUnify(t, sub, under: s0, typeFlaws: typeFlaws) { found.append((sub, keys)) }
        }
        for (sub, keys) in found {
            let opaque: Bool
            if case .variable(let v) = sub {
                // The variable takes the goal's term whole; a value holding it deeper is not followed.
                opaque = ctx.unifier.typeFlaws || v.sort == .message
            } else {
                opaque = false
            }
            for s in ctx.unifier.unify(t, sub, under: p.substitution) {
                var q = p
                q.substitution = s
                for var e in q.extending(r, to: max(q.runs[r].length, i + 1), ctx) {
                    guard e.edge(e.runs[r].nodes[i], node) else { continue }
                    e.learned.append(Learned(term: t, node: node, source: .extracted(output: e.runs[r].nodes[i])))
                    for k in keys { e.addGoal(k, at: node, isKey: true) }
                    if opaque { e.opaque = true }
                    out.append(e)
                }
            }
        }
        return out
    }

    /// The sets of parts from which the intruder builds `t` itself.
    private func compositions(of t: Term) -> [[Term]] {
        switch t {
        case .offset(let base, _):
            return [[base]]
        case .app(.exp, let xs):
            // g^(x*y) from the parts, or from a power it holds and the missing exponents: how both
            // parties of Diffie-Hellman, and the intruder, compute a key.
            let base = xs[0], exponents = Array(xs.dropFirst())
            if exponents.count == 1 { return [[base, exponents[0]]] }
            var out: [[Term]] = []
            for mask in 1..<(1 << exponents.count) - 1 {
                var held: [Term] = [], rest: [Term] = []
                for (i, e) in exponents.enumerated() {
                    if mask & (1 << i) != 0 { held.append(e) } else { rest.append(e) }
                }
                var power = base
                for e in held { power = .exp(power, e) }
                out.append([power] + rest)
            }
            return out
        case .app(let f, let xs) where f.isPublic && f != .pair:
            return [xs]
        default:
            return []
        }
    }
}

extension Pattern {
    /// A schema of the initial knowledge with its variables renamed apart from every other.
    mutating func renamedApart(_ schema: Term) -> Term {
        let vars = schema.variables.filter(IntruderKnowledge.isSchemaVariable)
        if vars.isEmpty { return schema }
        var map: [Variable: Term] = [:]
        for v in vars.sorted() {
            nextSchemaVariable += 1
            map[v] = .variable(Variable("X\(nextSchemaVariable)", sort: v.sort, run: -2))
        }
        return Substitution(map).apply(schema)
    }
}

extension Event.Action {
    /// What the event hands the intruder when it is an output: a send's message, a reveal's term.
    var outputTerm: Term? {
        switch self {
        case .send(_, let t), .reveal(let t): return t
        default: return nil
        }
    }
}
