import Foundation
import Model
import Terms

/// The checks that rule a pattern out, each sound for executions of any length: a pattern they
/// reject stands for no execution, or only for executions another pattern of the search stands for.
let noFresh = ProcessInfo.processInfo.environment["NOFRESH"] != nil
let noFirst = ProcessInfo.processInfo.environment["NOFIRST"] != nil
struct Pruning {
    let ctx: PatternContext
    let arithmetic: ArithmeticChecker

    /// Whether `p` can still stand for an attack. Orders that freshness implies are added to it.
    func admits(_ p: inout Pattern) -> Bool {
        agentsAdmissible(p) && conditionsSatisfiable(p) && originsUnique(p) && (noFirst || originsFirst(p)) && (noFresh || freshOrder(&p))
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
        for l in p.learned {
            let anchor: Int
            switch l.source {
            case .initial: continue
            case .composed: anchor = l.node
            case .extracted(let output): anchor = output
            }
            for run in p.runs {
                for node in run.nodes {
                    // Events of a run are ordered: once one does not come before, none after it does.
                    guard p.precedes(node, anchor) else { break }
                    if let m = p.message(at: node), p.substitution.isComponent(l.term, of: m.term) { return false }
                }
            }
        }
        return true
    }

    /// A value fresh in one run reaches another run only after the first run's first output that
    /// carries it: that receive is ordered after that output (Scyther's local-constant order).
    private func freshOrder(_ p: inout Pattern) -> Bool {
        for (r2, run2) in p.runs.enumerated() {
            let outputs = ctx.firstOutput[run2.role]
            for (name, first) in outputs {
                guard let k = run2.old ? first.old : first.current, k < run2.length else { continue }
                let value = Atom(name.name, sort: name.sort, kind: .fresh(run: run2.number))
                let source = run2.nodes[k]
                for (r1, run1) in p.runs.enumerated() where r1 != r2 {
                    for (j, node) in run1.nodes.enumerated() {
                        let e = run1.events[j].action
                        guard e.terms.contains(where: { p.substitution.mentions(value, in: $0) }) else { continue }
                        if case .receive = e, !p.edge(source, node) { return false }
                        break
                    }
                }
            }
        }
        return true
    }
}
