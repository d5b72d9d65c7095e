import Foundation
import Model
import Terms

/// Which open goal to refine next. Every choice is complete (each goal must be met in every attack),
/// so the choice decides only how much is explored. The goal with the fewest ways to be met goes
/// first ("fail first"): a goal the intruder cannot meet at all ends the pattern at once, one with a
/// single way is no choice at all. The ways are counted cheaply (`Reach.mayUnify` against every
/// reachable position, without unifying); ties go to the keys that only their owners hold (private
/// and long-term keys, as Scyther's default heuristic `--heuristic=674` does), then to the goal
/// with the most fixed values among its names.
final class GoalSelection {
    let ctx: PatternContext
    let heuristic: GoalHeuristic
    /// The ways a goal's term can be met that do not depend on the pattern (initial knowledge,
    /// composition, outputs of new runs), counted once per term. One selection serves one search.
    private var fixedOptions: [Term: Int] = [:]

    init(ctx: PatternContext, heuristic: GoalHeuristic = .failFirst) {
        self.ctx = ctx
        self.heuristic = heuristic
    }

    func select(in p: Pattern) -> Int? {
        var best: (index: Int, weight: (Int, Int, Int, Double))?
        for (i, g) in p.goals.enumerated() {
            let t = p.apply(g.term)
            if Pattern.isTrivial(t) { continue }
            let w: (Int, Int, Int, Double)
            switch heuristic {
            case .failFirst:
                w = (options(t, in: p, atMost: best?.weight.0 ?? Int.max), longTermKeyLevel(t), g.isKey ? 0 : 1, openRatio(t))
            case .keysFirst:
                w = (0, longTermKeyLevel(t), g.isKey ? 0 : 1, openRatio(t))
            case .inOrder:
                return i
            }
            if best == nil || w < best!.weight { best = (i, w) }
            if w.0 == 0 && heuristic == .failFirst { break }
        }
        return best?.index
    }

    /// An upper bound on the ways to meet `t` in `p`: 1 for a term learnt before (the only way),
    /// otherwise the initial-knowledge schemas, composition and reachable positions of outputs,
    /// of the runs in the pattern and of new runs, that might unify with it. Counting stops past
    /// `limit`: a goal with more ways than the best so far is not chosen anyway.
    func options(_ t: Term, in p: Pattern, atMost limit: Int = Int.max) -> Int {
        if case .app(.pair, _) = t { return 1 }
        if p.learned.contains(where: { p.substitution.same($0.term, t) }) { return 1 }
        var n = fixed(t)
        let typeFlaws = ctx.unifier.typeFlaws
        let s = p.substitution
        for (r, run) in p.runs.enumerated() where n <= limit {
            for e in run.events {
                switch e.action {
                case .send(_, let m): n += Reach.count(t, in: m, under: s, typeFlaws: typeFlaws)
                case .reveal(let m) where p.revealsSessionKey(r, ctx): n += Reach.count(t, in: m, under: s, typeFlaws: typeFlaws)
                default: break
                }
            }
        }
        return n
    }

    private func fixed(_ t: Term) -> Int {
        if let n = fixedOptions[t] { return n }
        let typeFlaws = ctx.unifier.typeFlaws
        var n = 0
        switch t {
        case .app(let f, _) where f.isPublic: n += 1
        case .offset: n += 1
        default: break
        }
        for s in ctx.schemas where Reach.mayUnify(t, s, under: .identity, typeFlaws: typeFlaws) { n += 1 }
        // A compromising adversary's reveals: long-term keys, fresh values.
        for s in ctx.longTermKeySchemas where Reach.mayUnify(t, s, under: .identity, typeFlaws: typeFlaws) { n += 1 }
        if case .atom(let a) = t, a.isFresh, ctx.adversary.capabilities.contains(where: \.revealsRandomness) { n += 1 }
        for templates in ctx.outputTemplates {
            for template in templates {
                for sub in template.positions where Reach.mayUnify(t, sub, under: .identity, typeFlaws: typeFlaws) { n += 1 }
            }
        }
        fixedOptions[t] = n
        return n
    }

    /// 0 for a private or long-term key, 1 for a term that holds one under a single function, 2 otherwise.
    private func longTermKeyLevel(_ t: Term) -> Int {
        switch t {
        case .app(.sk, _), .app(.shk, _): return 0
        case .app(_, let xs) where xs.contains(where: { if case .app(.sk, _) = $0 { return true }; if case .app(.shk, _) = $0 { return true }; return false }):
            return 1
        default: return 2
        }
    }

    /// The share of the term's leaves that are still variables: fewer is more constrained.
    private func openRatio(_ t: Term) -> Double {
        var leaves = 0, open = 0
        func walk(_ u: Term) {
            switch u {
            case .variable: leaves += 1; open += 1
            case .atom, .number: leaves += 1
            case .offset(let b, _): walk(b)
            case .app(_, let xs): xs.forEach(walk)
            }
        }
        walk(t)
        return leaves == 0 ? 0 : Double(open) / Double(leaves)
    }
}

/// How the goal-directed search picks the next goal (measured in `make bench`, part `heuristics`).
package enum GoalHeuristic: String, Sendable, CaseIterable {
    /// The goal with the fewest ways to be met, then the tie-breakers of `keysFirst` (the default).
    case failFirst = "fail-first"
    /// Private and long-term keys, then keys, then the goal with the most fixed names (close to
    /// Scyther's default, without counting).
    case keysFirst = "keys-first"
    /// The first open goal: the baseline.
    case inOrder = "in-order"
}
