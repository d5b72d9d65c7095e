import Model
import Terms

/// Which open goal to refine next. Every choice is complete (each goal must be met in every attack),
/// so the choice decides only how much is explored: the most constrained goal first, as in Scyther's
/// default heuristic (`--heuristic=674`): keys held by no one but their owners (private and
/// long-term keys), which most branches cannot meet; then the keys that open ciphertexts; then
/// terms with the most fixed values among their names, which few outputs match.
struct GoalSelection {
    let ctx: PatternContext

    func select(in p: Pattern) -> Int? {
        var best: (index: Int, weight: (Int, Int, Double))?
        for (i, g) in p.goals.enumerated() {
            let t = p.apply(g.term)
            if Pattern.isTrivial(t) { continue }
            let w = (longTermKeyLevel(t), g.isKey ? 0 : 1, openRatio(t))
            if best == nil || w < best!.weight { best = (i, w) }
        }
        return best?.index
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
