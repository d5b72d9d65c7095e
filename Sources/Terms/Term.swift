/// A message term. Terms are values; build compound ones through the static constructors so that they
/// stay in normal form (flat `exp`, folded integer offsets, right-nested tuples).
public indirect enum Term: Hashable, Sendable {
    case atom(Atom)
    case variable(Variable)
    /// An integer literal (prices, balances, counters).
    case number(Int)
    /// `t + n` with `n != 0` and `t` neither a number nor an offset: `N+5`, `Nb-1`, `B1-price`.
    case offset(Term, Int)
    case app(Function, [Term])
}

// MARK: - Normalising constructors

extension Term {
    /// A right-nested tuple: `(a, b, c)` is `pair(a, pair(b, c))`, so a variable can stand for a tail.
    public static func tuple(_ items: [Term]) -> Term {
        precondition(!items.isEmpty, "empty tuple")
        var result = items[items.count - 1]
        for item in items.dropLast().reversed() { result = .app(.pair, [item, result]) }
        return result
    }

    public static func tuple(_ items: Term...) -> Term { tuple(items) }

    /// `t + n`, folding nested offsets and literals.
    public static func plus(_ t: Term, _ n: Int) -> Term {
        switch t {
        case .number(let m): return .number(m + n)
        case .offset(let base, let m): return m + n == 0 ? base : .offset(base, m + n)
        default: return n == 0 ? t : .offset(t, n)
        }
    }

    /// Diffie-Hellman exponentiation in normal form.
    public static func exp(_ base: Term, _ exponent: Term) -> Term {
        if case .app(.exp, let args) = base {
            return .app(.exp, [args[0]] + (Array(args.dropFirst()) + [exponent]).sorted())
        }
        return .app(.exp, [base, exponent])
    }

    /// Rebuilds `f(args)` in normal form (used after substitution).
    public static func apply(_ f: Function, _ args: [Term]) -> Term {
        if f == .shk { return .app(.shk, args.sorted()) }
        if f == .exp {
            var result = args[0]
            for e in args.dropFirst() { result = exp(result, e) }
            return result
        }
        return .app(f, args)
    }
}

// MARK: - Inspection

extension Term {
    package var isVariable: Bool { if case .variable = self { return true } else { return false } }

    package var asVariable: Variable? { if case .variable(let v) = self { return v } else { return nil } }

    package var sort: Sort {
        switch self {
        case .atom(let a): return a.sort
        case .variable(let v): return v.sort
        case .number: return .number
        case .offset(let t, _): return t.sort
        case .app(let f, _): return f.resultSort
        }
    }

    /// Whether the term contains no variable.
    package var isGround: Bool {
        switch self {
        case .atom, .number: return true
        case .variable: return false
        case .offset(let t, _): return t.isGround
        case .app(_, let args): return args.allSatisfy(\.isGround)
        }
    }

    package func contains(_ v: Variable) -> Bool {
        switch self {
        case .atom, .number: return false
        case .variable(let w): return v == w
        case .offset(let t, _): return t.contains(v)
        case .app(_, let args): return args.contains { $0.contains(v) }
        }
    }

    package func forEachVariable(_ body: (Variable) -> Void) {
        switch self {
        case .atom, .number: return
        case .variable(let v): body(v)
        case .offset(let t, _): t.forEachVariable(body)
        case .app(_, let args): for a in args { a.forEachVariable(body) }
        }
    }

    package var variables: Set<Variable> {
        var out = Set<Variable>()
        forEachVariable { out.insert($0) }
        return out
    }

    /// Every subterm, the term itself included.
    package var subterms: [Term] {
        var out: [Term] = []
        func walk(_ t: Term) {
            out.append(t)
            switch t {
            case .offset(let b, _): walk(b)
            case .app(_, let args): args.forEach(walk)
            default: break
            }
        }
        walk(self)
        return out
    }

    /// The components of a right-nested tuple (a non-tuple is a tuple of one).
    package var tupleComponents: [Term] {
        var out: [Term] = []
        var t = self
        while case .app(.pair, let args) = t {
            out.append(args[0])
            t = args[1]
        }
        out.append(t)
        return out
    }

    /// Replaces atoms and variables bottom-up; used to instantiate role templates for a run.
    package func mapLeaves(_ transform: (Term) -> Term) -> Term {
        switch self {
        case .atom, .variable, .number: return transform(self)
        case .offset(let t, let n): return .plus(t.mapLeaves(transform), n)
        case .app(let f, let args): return .apply(f, args.map { $0.mapLeaves(transform) })
        }
    }

    /// Size in symbols, used to order candidate derivations.
    package var size: Int {
        switch self {
        case .atom, .variable, .number: return 1
        case .offset(let t, _): return 1 + t.size
        case .app(_, let args): return args.reduce(1) { $0 + $1.size }
        }
    }
}

// MARK: - Ordering (a total order, for canonical forms and sorted exponents)

extension Term: Comparable {
    private var rank: Int {
        switch self {
        case .number: return 0
        case .atom: return 1
        case .variable: return 2
        case .offset: return 3
        case .app: return 4
        }
    }

    public static func < (a: Term, b: Term) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x < y
        case (.atom(let x), .atom(let y)): return x < y
        case (.variable(let x), .variable(let y)): return x < y
        case (.offset(let s, let m), .offset(let t, let n)): return s == t ? m < n : s < t
        case (.app(let f, let xs), .app(let g, let ys)):
            if f != g { return f < g }
            if xs.count != ys.count { return xs.count < ys.count }
            for (x, y) in zip(xs, ys) where x != y { return x < y }
            return false
        default: return a.rank < b.rank
        }
    }
}

// MARK: - Printing (Alice&Bob style)

extension Term: CustomStringConvertible {
    public var description: String {
        switch self {
        case .atom(let a): return a.description
        case .variable(let v): return v.description
        case .number(let n): return String(n)
        case .offset(let t, let n): return n >= 0 ? "\(t)+\(n)" : "\(t)-\(-n)"
        case .app(.pair, _): return "(" + tupleComponents.map(\.description).joined(separator: ", ") + ")"
        case .app(let f, let args):
            switch f {
            case .senc, .aenc:
                let body = args[0].tupleComponents.map(\.description).joined(separator: ", ")
                return "{\(body)}\(args[1])"
            case .exp:
                return args.dropFirst().reduce(args[0].description) { "\($0)^\($1)" }
            default:
                let inner = args.count == 1 ? args[0].tupleComponents : args
                return "\(f.name)(" + inner.map(\.description).joined(separator: ", ") + ")"
            }
        }
    }
}
