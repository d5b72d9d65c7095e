import Terms

/// An honest run reading received bytes against its pattern: it decrypts with its own keys,
/// verifies every signature and AEAD tag, compares each value it already knows and binds the rest.
struct Matcher {
    let world: World
    /// Evaluates a term under the run's names (its own knowledge).
    let evaluate: (Term, Env) throws -> Value

    var wire: Wire { world.wire }

    func match(_ p: Term, _ v: Value, _ env: inout Env) throws {
        switch p {
        case .variable(let x):
            if let known = env[x] {
                guard wire.same(known, v) else {
                    throw ReplayError("\(x) received as \(abbreviated(v.content)), expected \(abbreviated(known.content))")
                }
            } else {
                if wire.encoding == .tagged, !Sort(x.sort.base).accepts(v.tag.sort) {
                    throw ReplayError("\(x) expects a \(x.sort) field, received a \(v.tag.sort) one")
                }
                env[x] = v
            }
        case .offset(.variable(let x), let n) where env[x] == nil:
            try match(.variable(x), world.offset(v, -n), &env)
        case .app(.pair, let xs):
            if wire.encoding == .tagged {
                let (a, b) = try wire.split(v)
                try match(xs[0], a, &env)
                try match(xs[1], b, &env)
            } else {
                env = try sequence(flattened(p)[...], v.content[...], env)
            }
        case .app(.senc, let xs):
            try expect(.senc, v)
            let key = try evaluate(xs[1], env)
            let plain = try Symmetric.open(v.content, key: key.content)
            try match(xs[0], try wire.field(plain), &env)
            env.made[p] = v
        case .app(.aenc, let xs):
            try expect(.aenc, v)
            guard case .app(.pk, let owner) = xs[1] else { throw ReplayError("cannot decrypt under \(xs[1])") }
            let sk = try evaluate(.app(.sk, owner), env)
            let plain = try PublicKeyCrypto.decrypt(v.content, privateBundle: sk.content, scheme: world.crypto.publicKey)
            try match(xs[0], try wire.field(plain), &env)
            env.made[p] = v
        case .app(.sign, let xs):
            try expect(.sign, v)
            guard case .app(.sk, let owner) = xs[1] else { throw ReplayError("cannot verify a signature by \(xs[1])") }
            let n = PublicKeyCrypto.signatureLength
            guard v.content.count >= n else { throw ReplayError("signature too short") }
            let body = Array(v.content.dropLast(n)), sig = Array(v.content.suffix(n))
            let pk = try evaluate(.app(.pk, owner), env)
            guard try PublicKeyCrypto.verify(sig, of: body, publicBundle: pk.content) else {
                throw ReplayError("ECDSA signature does not verify under \(Term.app(.pk, owner))")
            }
            try match(xs[0], try wire.field(body), &env)
            env.made[p] = v
        case .app(.exp, _) where !p.variables.allSatisfy({ env[$0] != nil }):
            // A received Diffie-Hellman half: its exponent stays unknown to the receiver, which
            // keeps the element to raise it to its own exponent later.
            try expect(.exp, v)
            env.made[p] = v
        default:
            guard p.variables.allSatisfy({ env[$0] != nil }) else {
                throw ReplayError("cannot check \(p): it depends on names not yet received")
            }
            let expected = try evaluate(p, env)
            guard wire.same(expected, v) else {
                throw ReplayError("received \(abbreviated(v.content)) where \(p) = \(abbreviated(expected.content)) was expected")
            }
        }
    }

    private func expect(_ tag: Tag, _ v: Value) throws {
        if wire.encoding == .tagged, v.tag != tag { throw ReplayError("expected a \(tag) field, received a \(v.tag) one") }
    }

    // MARK: untagged messages

    /// An untagged tuple is the concatenation of all its leaves, however nested.
    private func flattened(_ t: Term) -> [Term] {
        if case .app(.pair, let xs) = t { return flattened(xs[0]) + flattened(xs[1]) }
        return [t]
    }

    /// Splits concatenated bytes among the components: a component of known length takes that
    /// many bytes, the last takes the rest, and an unbound one in between tries its sort's usual
    /// length first and then every other, backtracking when a later component fails.
    private func sequence(_ ps: ArraySlice<Term>, _ b: ArraySlice<UInt8>, _ env: Env) throws -> Env {
        guard let first = ps.first else {
            if b.isEmpty { return env }
            throw ReplayError("\(b.count) bytes left over after the message")
        }
        if ps.count == 1 {
            var e = env
            try match(first, Value(.message, Array(b)), &e)
            return e
        }
        var candidates: [Int]
        if let n = Lengths(world: world).of(first, leaf: { env[$0]?.content.count }) {
            candidates = [n]
        } else {
            let usual = first.sort == .agent || first.sort == .message ? [] : [32]
            candidates = usual + (0...b.count).filter { !usual.contains($0) }
        }
        var failure: Error = ReplayError("message too short for \(first)")
        for n in candidates where n <= b.count {
            do {
                var e = env
                try match(first, Value(.message, Array(b.prefix(n))), &e)
                return try sequence(ps.dropFirst(), b.dropFirst(n), e)
            } catch {
                failure = error
            }
        }
        throw failure
    }
}

/// Byte lengths of terms under the untagged encoding, where they can be known without decrypting.
struct Lengths {
    let world: World

    func of(_ t: Term, leaf: (Variable) -> Int?) -> Int? {
        switch t {
        case .variable(let v): return leaf(v)
        case .atom: return world.leaf(t).content.count
        case .number, .offset: return Integers.width
        case .app(let f, let xs):
            switch f {
            case .pair:
                guard let a = of(xs[0], leaf: leaf), let b = of(xs[1], leaf: leaf) else { return nil }
                return a + b
            case .senc: return of(xs[0], leaf: leaf).map(Symmetric.sealedLength)
            case .aenc:
                guard let n = of(xs[0], leaf: leaf), case .app(.pk, let owner) = xs[1], case .atom = owner[0],
                      let pk = try? world.apply(.pk, [world.leaf(owner[0])]) else { return nil }
                return try? PublicKeyCrypto.ciphertextLength(n, publicBundle: pk.content, scheme: world.crypto.publicKey)
            case .sign: return of(xs[0], leaf: leaf).map { $0 + PublicKeyCrypto.signatureLength }
            case .hash: return world.crypto.hash == .sha1 ? 20 : 32
            case .mac, .kdf, .shk, .user: return 32
            case .exp: return world.group.length(exponents: xs.count - 1)
            case .pk, .sk:
                guard case .atom = xs[0] else { return nil }
                return (try? world.apply(f, [world.leaf(xs[0])]))?.content.count
            }
        }
    }
}

/// `a1b2c3d4…(48 bytes)`: enough of a value to recognise it.
func abbreviated(_ b: Bytes) -> String {
    b.count <= 8 ? hex(b) : hex(Array(b.prefix(4))) + "…(\(b.count) bytes)"
}
