/// Questions about `σ(t)` answered without building `σ(t)`: the searches ask them of every event of
/// every pattern, and building each applied term would allocate on every question.
extension Substitution {
    /// `σ(t)` at its top: a bound variable's image (already fully applied, the map being idempotent),
    /// anything else as it stands.
    @inline(__always)
    public func resolved(_ t: Term) -> Term {
        if case .variable(let v) = t, let image = bindings[v] { return image }
        return t
    }

    /// Whether `σ(a) == σ(b)`.
    public func same(_ a: Term, _ b: Term) -> Bool {
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
    public func mentions(_ a: Atom, in t: Term) -> Bool {
        switch resolved(t) {
        case .atom(let b): return a == b
        case .variable, .number: return false
        case .offset(let base, _): return mentions(a, in: base)
        case .app(_, let xs): return xs.contains { mentions(a, in: $0) }
        }
    }

    /// Whether `σ(t)` is `σ(m)` or a component of the tuple `σ(m)`.
    public func isComponent(_ t: Term, of m: Term) -> Bool {
        if same(m, t) { return true }
        if case .app(.pair, let xs) = resolved(m) { return isComponent(t, of: xs[0]) || isComponent(t, of: xs[1]) }
        return false
    }
}
