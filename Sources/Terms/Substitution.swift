/// A finite map from variables to terms, kept idempotent: no bound variable occurs in any image.
package struct Substitution: Hashable, Sendable, CustomStringConvertible {
    package private(set) var bindings: [Variable: Term]

    package init(_ bindings: [Variable: Term] = [:]) { self.bindings = bindings }

    package static let identity = Substitution()

    package var isEmpty: Bool { bindings.isEmpty }

    package subscript(v: Variable) -> Term? { bindings[v] }

    package func apply(_ t: Term) -> Term {
        if bindings.isEmpty { return t }
        return changed(t) ?? t
    }

    /// `t` with the bindings applied, or nil when none applies: rebuilding (and comparing) only
    /// the spine that changes keeps this linear in the size of the term.
    private func changed(_ t: Term) -> Term? {
        switch t {
        case .atom, .number: return nil
        case .variable(let v): return bindings[v]
        case .offset(let base, let n): return changed(base).map { .plus($0, n) }
        case .app(let f, let args):
            var new: [Term]?
            for (i, a) in args.enumerated() {
                guard let b = changed(a) else { continue }
                if new == nil { new = args }
                new![i] = b
            }
            return new.map { .apply(f, $0) }
        }
    }

    /// Adds `v := t` (t already under this substitution) and keeps the map idempotent.
    package func binding(_ v: Variable, to t: Term) -> Substitution {
        let single = Substitution([v: t])
        var out = bindings.mapValues { single.apply($0) }
        out[v] = t
        return Substitution(out)
    }

    package var description: String {
        "{" + bindings.sorted { $0.key < $1.key }.map { "\($0.key) := \($0.value)" }.joined(separator: ", ") + "}"
    }
}
