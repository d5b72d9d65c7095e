/// Questions about `σ(t)` answered without building `σ(t)`: the searches ask them of every event of
/// every pattern, and building each applied term would allocate on every question.
extension Substitution {
    /// `σ(t)` at its top: a bound variable's image (already fully applied, the map being idempotent),
    /// anything else as it stands.
    @inline(__always)
    package func resolved(_ t: Term) -> Term {
        if case .variable(let v) = t, let image = bindings[v] { return image }
        return t
    }

    /// Whether `σ(a) == σ(b)`.
    package func same(_ a: Term, _ b: Term) -> Bool {
        let x = resolved(a), y = resolved(b)
        switch (x, y) {
        case (.atom(let p), .atom(let q)): return p == q
        case (.number(let m), .number(let n)): return m == n
        case (.variable(let v), .variable(let w)): return v == w
        case (.offset(let s, let m), .offset(let t, let n)): return m == n && same(s, t)
        case (.app(let f, let xs), .app(let g, let ys)):
            guard f == g, xs.count == ys.count else { return false }
            // Substitution may reorder the arguments of these normal forms: compare them built.
            if f == .shk || f == .exp { return apply(x) == apply(y) }
            for (s, t) in zip(xs, ys) where !same(s, t) { return false }
            return true
        default:
            return false
        }
    }

    /// Whether the atom `a` occurs in `σ(t)`.
    package func mentions(_ a: Atom, in t: Term) -> Bool {
        switch resolved(t) {
        case .atom(let b): return a == b
        case .variable, .number: return false
        case .offset(let base, _): return mentions(a, in: base)
        case .app(_, let xs): return xs.contains { mentions(a, in: $0) }
        }
    }

    /// A hash of `σ(t)`, equal for terms that `same` finds equal (the arguments of the normal forms
    /// that substitution may reorder are combined in any order).
    package func hash(_ t: Term) -> Int {
        switch resolved(t) {
        case .atom(let a): return a.hashValue
        case .variable(let v): return v.hashValue &* 31
        case .number(let n): return n &* 1_000_003
        case .offset(let b, let n): return hash(b) &* 17 &+ n
        case .app(let f, let xs):
            var h = f.hashValue
            if f == .shk || f == .exp {
                for x in xs.dropFirst(f == .exp ? 1 : 0) { h = h &+ hash(x) &* 0x9E37_79B9 }
                if f == .exp { h = h ^ hash(xs[0]) }
            } else {
                for x in xs { h = (h &* 31) ^ hash(x) }
            }
            return h
        }
    }

    /// Calls `body` with `σ(c)` for `m` and each component of the tuple `σ(m)` (unresolved below the top).
    package func forEachComponent(of m: Term, _ body: (Term) -> Void) {
        body(m)
        if case .app(.pair, let xs) = resolved(m) {
            forEachComponent(of: xs[0], body)
            forEachComponent(of: xs[1], body)
        }
    }

    /// Every fresh atom in `σ(t)`, each with the first index it was found at.
    package func collectFresh(in t: Term, at index: Int, into found: inout [Atom: Int]) {
        switch resolved(t) {
        case .atom(let a): if a.isFresh, found[a] == nil { found[a] = index }
        case .variable, .number: return
        case .offset(let b, _): collectFresh(in: b, at: index, into: &found)
        case .app(_, let xs): for x in xs { collectFresh(in: x, at: index, into: &found) }
        }
    }

    /// Whether `σ(t)` is `σ(m)` or a component of the tuple `σ(m)`.
    package func isComponent(_ t: Term, of m: Term) -> Bool {
        if same(m, t) { return true }
        if case .app(.pair, let xs) = resolved(m) { return isComponent(t, of: xs[0]) || isComponent(t, of: xs[1]) }
        return false
    }
}
