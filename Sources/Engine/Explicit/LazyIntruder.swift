import Terms

/// "The intruder can derive `term` from what it had seen at `time`": one receive of an honest run.
struct Deducible: Hashable, Sendable {
    var term: Term
    var time: [Int]
}

/// A solved constraint system: a substitution and constraints whose terms are all variables, each
/// standing for any value the intruder could build at its time.
struct Solution: Hashable, Sendable {
    var substitution: Substitution
    var constraints: [Deducible]
}

/// The lazy intruder: reduces deducibility constraints to solved form, instantiating variables only
/// where a message's shape demands it. A constraint is solved by composing the term from derivable
/// parts, or by unifying it with a term the intruder has analysed out of its knowledge.
struct LazyIntruder {
    var network: Network
    var unifier: Unifier
    /// Recursion guard: a branch that goes deeper is dropped and the search reported incomplete.
    var maxDepth = 40

    final class Outcome {
        var solutions: [Solution] = []
        var seen = Set<Solution>()
        var truncated = false
        /// The last knowledge looked up: composing a term keeps the time and the substitution, so
        /// the next constraint usually needs the same knowledge (equality of an unchanged
        /// substitution is a storage identity check).
        var last: (time: [Int], substitution: Substitution, knowledge: Knowledge)?
    }

    private func knowledge(at time: [Int], under s: Substitution, _ out: Outcome) -> Knowledge {
        if let l = out.last, l.time == time, l.substitution == s { return l.knowledge }
        let k = network.knowledge(at: time, under: s)
        out.last = (time, s, k)
        return k
    }

    func solve(_ constraints: [Deducible], _ s: Substitution) -> (solutions: [Solution], truncated: Bool) {
        let out = Outcome()
        solve(constraints, s, depth: 0, out)
        return (out.solutions, out.truncated)
    }

    private func solve(_ constraints: [Deducible], _ s: Substitution, depth: Int, _ out: Outcome) {
        if depth > maxDepth { out.truncated = true; return }
        var pending = constraints.map { Deducible(term: s.apply($0.term), time: $0.time) }
        guard let i = pending.firstIndex(where: { !$0.term.isVariable }) else {
            let solution = Solution(substitution: s, constraints: normalise(pending))
            if out.seen.insert(solution).inserted { out.solutions.append(solution) }
            return
        }
        let c = pending.remove(at: i)
        let known = knowledge(at: c.time, under: s, out)
        if c.term.isGround && known.canDerive(c.term) {
            // Nothing to instantiate: every other solution is an instance of this one. (Not so for a term
            // with variables: composing it constrains them, unifying it with a message does not.)
            solve(pending, s, depth: depth + 1, out)
            return
        }
        // Unifying with a held pair or an openable ciphertext gives only instances of what composing
        // the same shape gives (its parts are derivable), so those are left to composition.
        let composes: Bool = switch c.term {
        case .app(.pair, _), .app(.senc, _), .app(.aenc, _): true
        default: false
        }
        for u in known.analysed where !u.isVariable && !(composes && known.isTransparent(u)) {
            for s2 in unifier.unify(c.term, u, under: s) { solve(pending, s2, depth: depth + 1, out) }
        }
        // A ciphertext whose key still has variables opens once they name a key the intruder holds:
        // the card encrypts under pk(X), and X may well be the intruder.
        for sealed in known.sealed {
            guard let key = Knowledge.decryptionKey(of: sealed), !key.isGround else { continue }
            for u in known.analysed where !u.isVariable {
                for s2 in unifier.unify(key, u, under: s) where s2 != s { solve(pending + [c], s2, depth: depth + 1, out) }
            }
        }
        switch c.term {
        case .app(.exp, let args):
            // g^(x*y) from a known g^x and a derivable y: how either party, or the intruder, gets a DH key.
            for k in known.analysed {
                guard case .app(.exp, let ks) = k, ks[0] == args[0], ks.count < args.count else { continue }
                var rest = Array(args.dropFirst())
                guard ks.dropFirst().allSatisfy({ e in rest.firstIndex(of: e).map { rest.remove(at: $0) } != nil }) else { continue }
                solve(pending + rest.map { Deducible(term: $0, time: c.time) }, s, depth: depth + 1, out)
            }
            solve(pending + args.map { Deducible(term: $0, time: c.time) }, s, depth: depth + 1, out)
        case .app(let f, let args) where f.isPublic:
            solve(pending + args.map { Deducible(term: $0, time: c.time) }, s, depth: depth + 1, out)
        case .offset(let base, _):
            solve(pending + [Deducible(term: base, time: c.time)], s, depth: depth + 1, out)
        default:
            break
        }
    }

    /// One constraint per variable, at its earliest time, in a canonical order.
    private func normalise(_ cs: [Deducible]) -> [Deducible] {
        var earliest: [Variable: [Int]] = [:]
        for c0 in cs {
            let c = Deducible(term: c0.term, time: network.canonical(c0.time))
            guard case .variable(let v) = c.term else { continue }
            if let t = earliest[v] {
                if zip(c.time, t).allSatisfy({ $0 <= $1 }) { earliest[v] = c.time }
            } else {
                earliest[v] = c.time
            }
        }
        return earliest.sorted { $0.key < $1.key }.map { Deducible(term: .variable($0.key), time: $0.value) }
    }
}
