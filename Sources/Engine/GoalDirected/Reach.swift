import Terms

/// Where the intruder can reach into a message, and a quick test of whether a goal could unify
/// with what it finds there.
enum Reach {
    /// Every position of `m` the intruder can reach (through pairs, ciphertexts it can open, and
    /// signatures), with the keys that open the ciphertexts on the way; `m` is read under `s`. Keys
    /// themselves are not reachable, nor anything under a hash or another one-way function.
    static func positions(in m: Term, under s: Substitution = .identity, keys: [Term], _ visit: (Term, [Term]) -> Void) {
        let x = s.resolved(m)
        visit(x, keys)
        switch x {
        case .app(.pair, let xs):
            positions(in: xs[0], under: s, keys: keys, visit)
            positions(in: xs[1], under: s, keys: keys, visit)
        case .app(.senc, let xs):
            positions(in: xs[0], under: s, keys: keys + [xs[1]], visit)
        case .app(.aenc, let xs):
            if case .app(.pk, let a) = s.resolved(xs[1]) { positions(in: xs[0], under: s, keys: keys + [.app(.sk, a)], visit) }
        case .app(.sign, let xs):
            positions(in: xs[0], under: s, keys: keys, visit)
        default:
            break
        }
    }

    /// How many reachable positions of `σ(m)` might unify with `goal` (`mayUnify`): `positions`
    /// without the keys, and without allocating, for counting a goal's options.
    static func count(_ goal: Term, in m: Term, under s: Substitution, typeFlaws: Bool) -> Int {
        let x = s.resolved(m)
        var n = mayUnify(goal, x, under: s, typeFlaws: typeFlaws) ? 1 : 0
        switch x {
        case .app(.pair, let xs):
            n += count(goal, in: xs[0], under: s, typeFlaws: typeFlaws) + count(goal, in: xs[1], under: s, typeFlaws: typeFlaws)
        case .app(.senc, let xs), .app(.sign, let xs):
            n += count(goal, in: xs[0], under: s, typeFlaws: typeFlaws)
        case .app(.aenc, let xs):
            if case .app(.pk, _) = s.resolved(xs[1]) { n += count(goal, in: xs[0], under: s, typeFlaws: typeFlaws) }
        default:
            break
        }
        return n
    }

    /// False only when `goal` (already under `s`) and `σ(t)` cannot unify: different atoms or
    /// functions, or a variable whose sort refuses the other side. Cheap, and conservative where
    /// unification works modulo an equation (exponents, shared keys, offsets).
    static func mayUnify(_ goal: Term, _ t: Term, under s: Substitution, typeFlaws: Bool) -> Bool {
        let y = s.resolved(t)
        switch (goal, y) {
        case (.variable(let v), .variable(let w)): return typeFlaws || v.sort.accepts(w.sort) || w.sort.accepts(v.sort)
        case (_, .variable(let v)): return typeFlaws || v.sort.accepts(goal.sort)
        case (.variable(let v), _): return typeFlaws || v.sort.accepts(y.sort)
        case (.atom(let a), .atom(let b)): return a == b
        case (.number(let m), .number(let n)): return m == n
        case (.offset, _), (_, .offset): return true
        case (.app(let f, let xs), .app(let g, let ys)):
            guard f == g, xs.count == ys.count else { return false }
            if f == .shk || f == .exp { return true }
            for (a, b) in zip(xs, ys) where !mayUnify(a, b, under: s, typeFlaws: typeFlaws) { return false }
            return true
        default:
            return false
        }
    }
}
