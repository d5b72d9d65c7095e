/// Syntactic unification modulo the two equations of the algebra: the Diffie-Hellman commutation of
/// exponents (handled by trying exponent permutations) and integer offsets (`x + 5 = N` binds
/// `x := N - 5`). It returns every most general unifier, usually none or one.
public struct Unifier: Sendable {
    /// When false, a variable only binds to a term of its declared sort.
    public var typeFlaws: Bool

    public init(typeFlaws: Bool = false) { self.typeFlaws = typeFlaws }

    public func unify(_ a: Term, _ b: Term, under s: Substitution = .identity) -> [Substitution] {
        var out: [Substitution] = []
        unify(s.apply(a), s.apply(b), s) { out.append($0) }
        return out
    }

    public func unify(_ pairs: [(Term, Term)], under s: Substitution = .identity) -> [Substitution] {
        var current = [s]
        for (a, b) in pairs {
            current = current.flatMap { unify(a, b, under: $0) }
            if current.isEmpty { break }
        }
        return current
    }

    private func canBind(_ v: Variable, _ t: Term) -> Bool {
        if t.contains(v) { return false }
        return typeFlaws || v.sort.accepts(t.sort)
    }

    private func unify(_ a: Term, _ b: Term, _ s: Substitution, _ emit: (Substitution) -> Void) {
        if a == b { emit(s); return }
        switch (a, b) {
        case (.variable(let v), _) where canBind(v, b):
            emit(s.binding(v, to: b))
        case (_, .variable(let v)) where canBind(v, a):
            emit(s.binding(v, to: a))
        case (.offset(let x, let m), .offset(let y, let n)):
            unify(x, .plus(y, n - m), s, emit)
        case (.offset(let x, let m), _):
            unifyOffset(x, m, b, s, emit)
        case (_, .offset(let y, let n)):
            unifyOffset(y, n, a, s, emit)
        case (.app(.shk, let xs), .app(.shk, let ys)) where xs.count == ys.count:
            var seen = Set<Substitution>()
            for perm in permutations(ys) {
                for r in unifyAll(zip(xs, perm).map { ($0, $1) }, s) where seen.insert(r).inserted { emit(r) }
            }
        case (.app(.exp, let xs), .app(.exp, let ys)):
            guard xs.count == ys.count else { return }
            var seen = Set<Substitution>()
            for perm in permutations(Array(ys.dropFirst())) {
                let pairs = zip(xs, [ys[0]] + perm).map { ($0, $1) }
                for r in unifyAll(pairs, s) where seen.insert(r).inserted { emit(r) }
            }
        case (.app(let f, let xs), .app(let g, let ys)) where f == g && xs.count == ys.count:
            for r in unifyAll(zip(xs, ys).map { ($0, $1) }, s) { emit(r) }
        default:
            return
        }
    }

    /// `x + m = t`: only a variable can absorb the offset.
    private func unifyOffset(_ x: Term, _ m: Int, _ t: Term, _ s: Substitution, _ emit: (Substitution) -> Void) {
        guard case .variable(let v) = x, t.sort.isNumeric || typeFlaws else { return }
        let image = Term.plus(t, -m)
        // Typed: a balance never takes the value of a nonce, N + 5 never that of a balance.
        guard canBind(v, image) else { return }
        emit(s.binding(v, to: image))
    }

    private func unifyAll(_ pairs: [(Term, Term)], _ s: Substitution) -> [Substitution] {
        var current = [s]
        for (a, b) in pairs {
            var next: [Substitution] = []
            for c in current { unify(c.apply(a), c.apply(b), c) { next.append($0) } }
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
