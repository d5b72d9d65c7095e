import Model
import Terms

/// The checks that rule a pattern out, each sound for executions of any length: a pattern they
/// reject stands for no execution, or only for executions another pattern of the search stands for.
struct Pruning {
    let ctx: PatternContext
    let arithmetic: ArithmeticChecker

    /// Whether `p` can still stand for an attack. Orders that freshness implies are added to it.
    func admits(_ p: inout Pattern) -> Bool {
        agentsAdmissible(p) && conditionsSatisfiable(p) && originsUnique(p) && originsFirst(p) && freshOrder(&p)
    }

    /// Runs are played by honest agents, claims are made by all-honest runs, and no untrusted role
    /// is played by a trusted agent; role names stand for agents.
    private func agentsAdmissible(_ p: Pattern) -> Bool {
        for v in p.honest {
            if case .atom(let a) = p.apply(.variable(v)), a == IntruderKnowledge.intruder { return false }
        }
        for v in p.untrusted {
            let t = p.apply(.variable(v))
            guard t.sort == .agent else { return false }
            if case .atom(let a) = t, ctx.trustedAgents.contains(a) { return false }
        }
        return true
    }

    /// Checked disequalities and integer conditions. A disequality of terms without numbers holds
    /// unless both sides became the same term: free values can always be chosen apart. The rest goes
    /// to Z3.
    private func conditionsSatisfiable(_ p: Pattern) -> Bool {
        var numeric: [Condition] = []
        for c in p.conditions {
            let d = c.map(p.apply)
            switch d {
            case .notEqual(let a, let b):
                if a == b { return false }
                if mentionsNumbers(a) || mentionsNumbers(b) { numeric.append(d) }
            case .equal(let a, let b):
                if a != b { numeric.append(d) }
            case .atLeast:
                numeric.append(d)
            }
        }
        return numeric.isEmpty || arithmetic.satisfiable(numeric)
    }

    private func mentionsNumbers(_ t: Term) -> Bool { t.subterms.contains { $0.sort.isNumeric } }

    /// A term is learnt once: two entries for the same term must have learnt it the same way.
    private func originsUnique(_ p: Pattern) -> Bool {
        guard p.learned.count > 1 else { return true }
        for (i, l) in p.learned.enumerated() {
            for m in p.learned[(i + 1)...] where m.source != l.source && p.substitution.same(l.term, m.term) { return false }
        }
        return true
    }

    /// A term is learnt where it is first available: not after an honest message that carried it
    /// in clear (a send shows it, a receive means the intruder built it).
    private func originsFirst(_ p: Pattern) -> Bool {
        let s = p.substitution
        // The terms learnt other than initially, by their head symbol: a component whose head
        // differs cannot be one of them.
        var pending: [Head: [(term: Term, anchor: Int)]] = [:]
        for l in p.learned {
            switch l.source {
            case .initial, .revealedKey, .revealedRandomness: continue
            case .composed: pending[Head(s.resolved(l.term)), default: []].append((l.term, l.node))
            case .extracted(let output): pending[Head(s.resolved(l.term)), default: []].append((l.term, output))
            }
        }
        guard !pending.isEmpty else { return true }
        for run in p.runs {
            for node in run.nodes {
                guard let m = p.message(at: node, ctx) else { continue }
                var carried = false
                s.forEachComponent(of: m.term) { c in
                    guard !carried, let candidates = pending[Head(s.resolved(c))] else { return }
                    carried = candidates.contains { p.precedes(node, $0.anchor) && s.same(c, $0.term) }
                }
                if carried { return false }
            }
        }
        return true
    }

    /// The top symbol of a term.
    private enum Head: Hashable {
        case atom(Atom), variable(Variable), number(Int), offset, function(Function)
        init(_ t: Term) {
            switch t {
            case .atom(let a): self = .atom(a)
            case .variable(let v): self = .variable(v)
            case .number(let n): self = .number(n)
            case .offset: self = .offset
            case .app(let f, _): self = .function(f)
            }
        }
    }

    /// A value fresh in one run reaches another run only after the first run's first output that
    /// carries it: that receive is ordered after that output (Scyther's local-constant order).
    private func freshOrder(_ p: inout Pattern) -> Bool {
        let s = p.substitution
        for run1 in p.runs {
            // Every receive that mentions a value comes after that value's first output; the first
            // receive of a run that mentions it is enough, the run's order gives the others.
            var seen = Set<Atom>()
            for j in 0..<run1.length {
                guard let mentions = run1.receives[j] else { continue }
                var found: [Atom: Int] = [:]
                for a in mentions.fresh { found[a] = j }
                for v in mentions.variables { s.collectFresh(in: .variable(v), at: j, into: &found) }
                for (value, _) in found where seen.insert(value).inserted {
                    guard case .fresh(let number) = value.kind, number != run1.number else { continue }
                    let r2 = number - 1
                    guard p.runs.indices.contains(r2) else { continue }
                    let run2 = p.runs[r2]
                    guard let output = ctx.firstOutput[run2.role][Variable(value.name, sort: value.sort)],
                          let k = p.revealsSessionKey(r2, ctx) ? output.old : output.current, k < run2.length else { continue }
                    if !p.edge(run2.nodes[k], run1.nodes[j]) { return false }
                }
            }
        }
        return true
    }
}
