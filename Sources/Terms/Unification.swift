/// Syntactic unification modulo the two equations of the algebra: the Diffie-Hellman commutation of
/// exponents (handled by trying exponent permutations) and integer offsets (`x + 5 = N` binds
/// `x := N - 5`). It returns every most general unifier, usually none or one.
package struct Unifier: Sendable {
    /// When false, a variable only binds to a term of its declared sort.
    package var typeFlaws: Bool

    package init(typeFlaws: Bool = false) { self.typeFlaws = typeFlaws }

    package func unify(_ a: Term, _ b: Term, under s: Substitution = .identity) -> [Substitution] {
        var out: [Substitution] = []
        unify(a, b, s) { out.append($0) }
        return out
    }

    package func unify(_ pairs: [(Term, Term)], under s: Substitution = .identity) -> [Substitution] {
        unifyAll(pairs, s)
    }

    private func canBind(_ v: Variable, _ t: Term) -> Bool {
        if t.contains(v) { return false }
        return typeFlaws || v.sort.accepts(t.sort)
    }

    /// Unifies `σ(a)` and `σ(b)`, reading the substitution as it goes (a bound variable's image is
    /// already fully applied) rather than building both sides first: the searches unify a goal with
    /// every position of every output, and most attempts fail at the top.
    private func unify(_ a0: Term, _ b0: Term, _ s: Substitution, _ emit: (Substitution) -> Void) {
        let a = s.resolved(a0), b = s.resolved(b0)
        if a == b { emit(s); return }
        if case .variable(let v) = a {
            let t = s.apply(b)
            if t == a { emit(s); return }
            if canBind(v, t) { emit(s.binding(v, to: t)); return }
        }
        if case .variable(let v) = b {
            let t = s.apply(a)
            if canBind(v, t) { emit(s.binding(v, to: t)); return }
        }
        switch (a, b) {
        case (.offset(let x, let m), .offset(let y, let n)):
            unify(x, .plus(s.apply(y), n - m), s, emit)
        case (.offset(let x, let m), _):
            unifyOffset(x, m, b, s, emit)
        case (_, .offset(let y, let n)):
            unifyOffset(y, n, a, s, emit)
        case (.app(.shk, _), .app(.shk, _)), (.app(.exp, _), .app(.exp, _)):
            // Substitution may reorder these normal forms' arguments (and flatten an exponent's
            // base): compare them built.
            unifyModuloEquations(s.apply(a), s.apply(b), s, emit)
        case (.app(let f, let xs), .app(let g, let ys)) where f == g && xs.count == ys.count:
            for r in unifyAll(zip(xs, ys).map { ($0, $1) }, s) { emit(r) }
        default:
            return
        }
    }

    /// `k(A, B) = k(B, A)` and the commutation of Diffie-Hellman exponents: every pairing of the arguments.
    private func unifyModuloEquations(_ a: Term, _ b: Term, _ s: Substitution, _ emit: (Substitution) -> Void) {
        if a == b { emit(s); return }
        var seen = Set<Substitution>()
        switch (a, b) {
        case (.app(.shk, let xs), .app(.shk, let ys)) where xs.count == ys.count:
            for perm in permutations(ys) {
                for r in unifyAll(zip(xs, perm).map { ($0, $1) }, s) where seen.insert(r).inserted { emit(r) }
            }
        case (.app(.exp, let xs), .app(.exp, let ys)) where xs.count == ys.count:
            for perm in permutations(Array(ys.dropFirst())) {
                for r in unifyAll(zip(xs, [ys[0]] + perm).map { ($0, $1) }, s) where seen.insert(r).inserted { emit(r) }
            }
        default:
            // Different arities: no pairing of the arguments can make them equal.
            return
        }
    }

    /// `x + m = t`: only a variable can absorb the offset.
    private func unifyOffset(_ x0: Term, _ m: Int, _ t: Term, _ s: Substitution, _ emit: (Substitution) -> Void) {
        guard case .variable(let v) = s.resolved(x0), t.sort.isNumeric || typeFlaws else { return }
        let image = Term.plus(s.apply(t), -m)
        // Typed: a balance never takes the value of a nonce, N + 5 never that of a balance.
        guard canBind(v, image) else { return }
        emit(s.binding(v, to: image))
    }

    private func unifyAll(_ pairs: [(Term, Term)], _ s: Substitution) -> [Substitution] {
        var current = [s]
        for (a, b) in pairs {
            var next: [Substitution] = []
            for c in current { unify(a, b, c) { next.append($0) } }
            current = next
            if current.isEmpty { break }
        }
        return current
    }
}

func permutations<T>(_ items: [T]) -> [[T]] {
    if items.count <= 1 { return [items] }
    var out: [[T]] = []
    for i in items.indices {
        var rest = items
        let head = rest.remove(at: i)
        for p in permutations(rest) { out.append([head] + p) }
    }
    return out
}
