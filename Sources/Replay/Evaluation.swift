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
        var memo: [Term: Value] = [:]
        return try value(t, &memo)
    }

    /// The value and every randomised subterm (ciphertext, signature) computed for it, so that a
    /// party that sends `(c, mac(c, k))` can keep the `c` it sent.
    func valueKeepingCiphertexts(_ t: Term) throws -> (Value, [Term: Value]) {
        var memo: [Term: Value] = [:]
        let v = try value(t, &memo)
        return (v, memo.filter { Self.isRandomised($0.key) })
    }

    static func isRandomised(_ t: Term) -> Bool {
        if case .app(let f, _) = t { return f == .senc || f == .aenc || f == .sign }
        return false
    }

    /// Within one message a subterm has one value: `(c, mac(c, k))` encrypts `c` once.
    private func value(_ t: Term, _ memo: inout [Term: Value]) throws -> Value {
        if let v = held(t) ?? memo[t] { return v }
        let v: Value
        switch t {
        case .atom, .variable:
            return try leaf(t)
        case .number(let n):
            return Value(.number, Integers.bytes(n))
        case .offset(let base, let n):
            v = world.offset(try value(base, &memo), n)
        case .app(.exp, let xs):
            let exponents = Array(xs.dropFirst())
            var raised: Value?
            for k in heldExponentials {
                guard case .app(.exp, let ys) = k, ys[0] == xs[0], let rest = remainder(exponents, minus: Array(ys.dropFirst())),
                      !rest.isEmpty, let start = held(k) else { continue }
                if let r = try? world.exponentiate(start.content, rest.map { try value($0, &memo).content }) { raised = r; break }
            }
            if let raised {
                v = raised
            } else {
                let start = world.isGenerator(xs[0]) ? world.group.generator : try value(xs[0], &memo).content
                v = try world.exponentiate(start, exponents.map { try value($0, &memo).content })
            }
        case .app(let f, let xs):
            guard mayApply(f) else { throw ReplayError("cannot compute \(t): \(f.name) is not public and \(t) is not held") }
            v = try world.apply(f, xs.map { try value($0, &memo) })
        }
        memo[t] = v
        return v
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
