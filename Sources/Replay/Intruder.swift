import Results
import Model
import Terms

/// The intruder on bytes: what it really holds (messages seen, initial knowledge, compromised and
/// revealed keys), and its derivations executed with real cryptography.
struct Intruder {
    let name: String
    let world: World
    private(set) var holdings: [Term: Value] = [:]
    private(set) var order: [Term] = []

    init(name: String, world: World) {
        self.name = name
        self.world = world
    }

    mutating func add(_ t: Term, _ v: Value) {
        if holdings[t] == nil { order.append(t) }
        holdings[t] = v
    }

    /// Whether it holds these bytes under any name.
    func holdsBytes(_ v: Value) -> Term? { order.first { holdings[$0]!.content == v.content } }

    /// The bytes of `t` if the intruder holds them without any construction: recorded or known
    /// under that name, public, a value it chose itself, or a key whose bytes it got under
    /// another name (e.g. a revealed session key).
    func held(_ t: Term) -> Value? {
        if let v = holdings[t] { return v }
        switch t {
        case .atom(let a):
            let v = world.leaf(t)
            return a.isPublic || holdsBytes(v) != nil ? v : nil
        case .number(let n):
            return Value(.number, Integers.bytes(n))
        case .variable:
            // A variable the lazy intruder left open: a value of its own choosing.
            return world.leaf(t)
        case .app(.pk, let xs):
            // Anyone's public key, from a name it holds (the PKI is public).
            guard held(xs[0]) != nil else { return nil }
            return try? evaluation(holdingsOnly: false).value(t)
        case .app(.sk, let xs), .app(.shk, let xs):
            guard xs.allSatisfy({ if case .atom = $0 { return true } else { return false } }),
                  let v = try? evaluation(holdingsOnly: false).value(t), holdsBytes(v) != nil else { return nil }
            return v
        default:
            return nil
        }
    }

    /// Evaluation by the intruder: held terms, public atoms and public functions.
    /// With `holdingsOnly`, sk and k(,) are computed by the world (only to compare bytes).
    func evaluation(holdingsOnly: Bool = true, restrictedTo premises: [Term: Value]? = nil) -> Evaluation {
        let world = self.world
        if !holdingsOnly {
            return Evaluation(world: world, leaf: { world.leaf($0) })
        }
        let lookup: (Term) -> Value? = premises.map { p in { t in p[t] ?? Self.publicLeaf(t, world) } } ?? { t in self.held(t) }
        let exps = (premises.map { Array($0.keys) } ?? order).filter { if case .app(.exp, _) = $0 { return true } else { return false } }
        return Evaluation(world: world, held: lookup, heldExponentials: exps,
                          leaf: { t in throw ReplayError("the intruder does not hold \(t)") },
                          mayApply: { $0.isPublic })
    }

    private static func publicLeaf(_ t: Term, _ world: World) -> Value? {
        switch t {
        case .atom(let a): return a.isPublic ? world.leaf(t) : nil
        case .number(let n): return Value(.number, Integers.bytes(n))
        default: return nil
        }
    }

    /// The bytes of a message it sends: held, or built from what it holds with public functions.
    func obtain(_ t: Term) throws -> Value {
        if let v = held(t) { return v }
        return try evaluation().value(t)
    }

    /// Executes one derivation of the trace on bytes. Its premises must be held as bytes.
    mutating func derive(_ rule: DerivationStep.Rule, _ t: Term, premises: [Term]) throws -> Value {
        func need(_ p: Term) throws -> Value {
            guard let v = held(p) else { throw ReplayError("the intruder does not hold \(p)") }
            return v
        }
        let v: Value
        switch rule {
        case .known:
            v = try need(t)
        case .public:
            guard let p = Self.publicLeaf(t, world) ?? { if case .app(.pk, _) = t { return try? evaluation().value(t) } else { return nil } }() else {
                throw ReplayError("\(t) is not public")
            }
            v = p
        case .split:
            guard let whole = premises.first else { throw ReplayError("split without a premise") }
            v = try split(whole, try need(whole), looking: t)
        case .decrypt:
            guard premises.count == 2 else { throw ReplayError("decrypt takes a ciphertext and a key") }
            let c = try need(premises[0]), k = try need(premises[1])
            switch premises[0] {
            case .app(.senc, let xs) where xs[0] == t:
                v = try world.wire.field(try Symmetric.open(c.content, key: k.content))
            case .app(.aenc, let xs) where xs[0] == t:
                v = try world.wire.field(try PublicKeyCrypto.decrypt(c.content, privateBundle: k.content, scheme: world.crypto.publicKey))
            default:
                throw ReplayError("\(t) is not the plaintext of \(premises[0])")
            }
        case .open:
            guard let s = premises.first, case .app(.sign, let xs) = s, xs[0] == t else { throw ReplayError("\(t) is not the message of a signature") }
            let sv = try need(s)
            guard sv.content.count >= PublicKeyCrypto.signatureLength else { throw ReplayError("not a signature") }
            v = try world.wire.field(Array(sv.content.dropLast(PublicKeyCrypto.signatureLength)))
        case .compose:
            var given: [Term: Value] = [:]
            for p in premises { given[p] = try need(p) }
            v = try evaluation(restrictedTo: given).value(t)
        }
        add(t, v)
        return v
    }

    /// A component of a held tuple: tagged bytes carry their own structure; untagged ones are cut
    /// at the lengths the trace's terms imply.
    private func split(_ whole: Term, _ v: Value, looking t: Term) throws -> Value {
        guard case .app(.pair, let xs) = whole else { throw ReplayError("\(whole) is not a tuple") }
        let a: Value, b: Value
        if world.wire.encoding == .tagged {
            (a, b) = try world.wire.split(v)
        } else {
            guard let n = Lengths(world: world).of(xs[0], leaf: { world.leaf(.variable($0)).content.count }), n <= v.content.count else {
                throw ReplayError("cannot tell where \(xs[0]) ends in untagged bytes")
            }
            a = Value(.message, Array(v.content.prefix(n)))
            b = Value(.message, Array(v.content.dropFirst(n)))
        }
        if xs[0] == t { return a }
        if xs[1] == t { return b }
        if xs[1].tupleComponents.contains(t) || xs[1].subterms.contains(t) { return try split(xs[1], b, looking: t) }
        throw ReplayError("\(t) is not a component of \(whole)")
    }
}
