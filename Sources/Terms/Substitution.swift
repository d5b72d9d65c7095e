/// A finite map from variables to terms, kept idempotent: no bound variable occurs in any image.
public struct Substitution: Hashable, Sendable, CustomStringConvertible {
    public private(set) var bindings: [Variable: Term]

    public init(_ bindings: [Variable: Term] = [:]) { self.bindings = bindings }

    public static let identity = Substitution()

    public var isEmpty: Bool { bindings.isEmpty }

    public subscript(v: Variable) -> Term? { bindings[v] }

    public func apply(_ t: Term) -> Term {
        if bindings.isEmpty { return t }
        switch t {
        case .atom, .number: return t
        case .variable(let v): return bindings[v] ?? t
        case .offset(let base, let n): return .plus(apply(base), n)
        case .app(let f, let args):
            var changed = false
            let new = args.map { a -> Term in
                let b = apply(a)
                if b != a { changed = true }
                return b
            }
            return changed ? .apply(f, new) : t
        }
    }

    /// Adds `v := t` (t already under this substitution) and keeps the map idempotent.
    public func binding(_ v: Variable, to t: Term) -> Substitution {
        let single = Substitution([v: t])
        var out = bindings.mapValues { single.apply($0) }
        out[v] = t
        return Substitution(out)
    }

    public var description: String {
        "{" + bindings.sorted { $0.key < $1.key }.map { "\($0.key) := \($0.value)" }.joined(separator: ", ") + "}"
    }
}
