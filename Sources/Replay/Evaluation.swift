import Terms

/// Computing a term's bytes from what some party holds: an honest run (its names, its keys) or the
/// intruder (the terms it holds, public functions only).
struct Evaluation {
    let world: World
    /// Terms already held as bytes (the intruder's holdings; nothing for an honest run).
    var held: (Term) -> Value? = { _ in nil }
    /// Held exponentiations, from which `exp` can continue (how DH keys are computed by a party
    /// that holds `g^x` but not `x`).
    var heldExponentials: [Term] = []
    /// Atoms and variables.
    var leaf: (Term) throws -> Value
    /// Which functions this party may apply.
    var mayApply: (Function) -> Bool = { _ in true }

    func value(_ t: Term) throws -> Value {
        if let v = held(t) { return v }
        switch t {
        case .atom, .variable:
            return try leaf(t)
        case .number(let n):
            return Value(.number, Integers.bytes(n))
        case .offset(let base, let n):
            return world.offset(try value(base), n)
        case .app(.exp, let xs):
            let exponents = Array(xs.dropFirst())
            for k in heldExponentials {
                guard case .app(.exp, let ys) = k, ys[0] == xs[0], let rest = remainder(exponents, minus: Array(ys.dropFirst())),
                      !rest.isEmpty, let start = held(k) else { continue }
                if let v = try? world.exponentiate(start.content, rest.map { try value($0).content }) { return v }
            }
            let start = world.isGenerator(xs[0]) ? world.group.generator : try value(xs[0]).content
            return try world.exponentiate(start, exponents.map { try value($0).content })
        case .app(let f, let xs):
            guard mayApply(f) else { throw ReplayError("cannot compute \(t): \(f.name) is not public and \(t) is not held") }
            return try world.apply(f, xs.map(value))
        }
    }

    private func remainder(_ all: [Term], minus part: [Term]) -> [Term]? {
        var rest = all
        for e in part {
            guard let i = rest.firstIndex(of: e) else { return nil }
            rest.remove(at: i)
        }
        return rest
    }
}
