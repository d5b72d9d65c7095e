/// One step of the intruder's (or an agent's) reasoning: `term` follows from `premises` by `rule`.
package struct DerivationStep: Hashable, Sendable, Codable, CustomStringConvertible {
    package enum Rule: String, Hashable, Sendable, Codable {
        /// The term was received or known from the start.
        case known
        /// A public value: an agent's name, a public constant, a literal.
        case `public`
        /// A component of a tuple.
        case split
        /// The plaintext of `senc(m, k)` with `k`, or of `aenc(m, pk(A))` with `sk(A)`.
        case decrypt
        /// The readable message of a signature.
        case open
        /// The application of a public function (or `t + n`) to derivable arguments.
        case compose
    }

    package var rule: Rule
    package var term: Term
    package var premises: [Term]

    package init(_ rule: Rule, _ term: Term, premises: [Term] = []) {
        self.rule = rule
        self.term = term
        self.premises = premises
    }

    package var description: String {
        switch rule {
        case .known: return "knows \(term)"
        case .public: return "\(term) is public"
        case .split: return "splits \(premises[0]) into \(term)"
        case .decrypt: return "decrypts \(premises[0]) with \(premises[1]): \(term)"
        case .open: return "reads \(term) from the signature \(premises[0])"
        case .compose:
            return premises.isEmpty ? "builds \(term)" : "builds \(term) from " + premises.map(\.description).joined(separator: ", ")
        }
    }
}

/// What an agent or the intruder holds, closed under analysis (splitting tuples, decrypting with
/// derivable keys, reading signatures), with the means to synthesise (compose) new terms.
/// Variables count as known when `variablesKnown` is set: in the lazy intruder a variable left
/// unbound is one the intruder chose, so it can send it again.
package struct Knowledge: Sendable {
    package private(set) var analysed: [Term] = []
    private var members: Set<Term> = []
    private var origin: [Term: DerivationStep] = [:]
    private var pending: [Term] = []
    package var variablesKnown: Bool

    package init(_ initial: [Term] = [], variablesKnown: Bool = true) {
        self.variablesKnown = variablesKnown
        for t in initial { add(t) }
    }

    package func contains(_ t: Term) -> Bool { members.contains(t) }

    /// A held term whose every argument is derivable as well: a pair, or a ciphertext whose key is
    /// derivable. Building a term of the same shape by composition covers every instance of it.
    package func isTransparent(_ u: Term) -> Bool {
        switch u {
        case .app(.pair, _): return true
        case .app(.senc, _), .app(.aenc, _):
            guard let key = Self.decryptionKey(of: u) else { return false }
            return canDerive(key)
        default: return false
        }
    }

    /// Ciphertexts held but not (yet) opened: their key is not derivable.
    package var sealed: [Term] { pending }

    /// Adds a term and closes the knowledge under analysis again.
    package mutating func add(_ t: Term, origin step: DerivationStep? = nil) {
        insert(t, step ?? DerivationStep(.known, t))
        var progress = true
        while progress {
            progress = false
            let waiting = pending
            pending = []
            for c in waiting {
                if let step = decryption(of: c) { insert(step.term, step); progress = true } else { pending.append(c) }
            }
        }
    }

    private mutating func insert(_ t: Term, _ step: DerivationStep) {
        guard members.insert(t).inserted else { return }
        analysed.append(t)
        origin[t] = step
        switch t {
        case .app(.pair, let xs):
            insert(xs[0], DerivationStep(.split, xs[0], premises: [t]))
            insert(xs[1], DerivationStep(.split, xs[1], premises: [t]))
        case .app(.sign, let xs):
            insert(xs[0], DerivationStep(.open, xs[0], premises: [t]))
        case .app(.senc, _), .app(.aenc, _):
            if let step = decryption(of: t) { insert(step.term, step) } else { pending.append(t) }
        default:
            break
        }
    }

    /// The key that opens a ciphertext, if any.
    package static func decryptionKey(of c: Term) -> Term? {
        switch c {
        case .app(.senc, let xs): return xs[1]
        case .app(.aenc, let xs):
            if case .app(.pk, let a) = xs[1] { return .app(.sk, a) }
            return nil
        default: return nil
        }
    }

    private func decryption(of c: Term) -> DerivationStep? {
        guard case .app(_, let xs) = c, let key = Self.decryptionKey(of: c), canDerive(key) else { return nil }
        return DerivationStep(.decrypt, xs[0], premises: [c, key])
    }

    package func canDerive(_ t: Term) -> Bool { derivationRoot(t) != nil }

    /// The last step of a derivation of `t`, if `t` is derivable.
    private func derivationRoot(_ t: Term) -> DerivationStep? {
        if case .atom(let a) = t, a.isPublic { return DerivationStep(.public, t) }
        if let step = origin[t] { return step }
        switch t {
        case .atom(let a): return a.isPublic ? DerivationStep(.public, t) : nil
        case .number: return DerivationStep(.public, t)
        case .variable: return variablesKnown ? DerivationStep(.known, t) : nil
        case .offset(let base, _): return canDerive(base) ? DerivationStep(.compose, t, premises: [base]) : nil
        case .app(.exp, let xs):
            if let step = exponentiation(t, xs) { return step }
            return xs.allSatisfy(canDerive) ? DerivationStep(.compose, t, premises: xs) : nil
        case .app(let f, let xs):
            guard f.isPublic, xs.allSatisfy(canDerive) else { return nil }
            return DerivationStep(.compose, t, premises: xs)
        }
    }

    /// `exp(b, E)` from a known `exp(b, E')` with `E'` a sub-multiset of `E` and the rest derivable:
    /// how both parties, and the intruder, compute a Diffie-Hellman key.
    private func exponentiation(_ t: Term, _ xs: [Term]) -> DerivationStep? {
        let exponents = Array(xs.dropFirst())
        for k in analysed {
            guard case .app(.exp, let ys) = k, ys[0] == xs[0], k != t else { continue }
            var rest = exponents
            var ok = true
            for e in ys.dropFirst() {
                if let i = rest.firstIndex(of: e) { rest.remove(at: i) } else { ok = false; break }
            }
            if ok, !rest.isEmpty, rest.allSatisfy(canDerive) { return DerivationStep(.compose, t, premises: [k] + rest) }
        }
        return nil
    }

    /// A derivation of `t`: every step, premises first, each term once. Nil if `t` is not derivable.
    package func derivation(of t: Term) -> [DerivationStep]? {
        var steps: [DerivationStep] = []
        var done = Set<Term>()
        func walk(_ u: Term) -> Bool {
            if done.contains(u) { return true }
            guard let step = derivationRoot(u) else { return false }
            for p in step.premises where !walk(p) { return false }
            done.insert(u)
            steps.append(step)
            return true
        }
        return walk(t) ? steps : nil
    }
}
