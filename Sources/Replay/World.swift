import BigInt
import Crypto
import Results
import Foundation
import Model
import Terms

/// The concrete values of one replay: every atom's bytes (made once, shared by all runs and the
/// intruder), the agents' keys, and every function of the algebra on bytes.
final class World {
    let wire: Wire
    let crypto: CryptoChoices
    let keys: KeyRing
    let group: Group
    private var witnessByTerm: [Term: Int] = [:]
    private var witnessByName: [String: Int] = [:]
    private var leaves: [Term: Value] = [:]

    init(wire: Wire, crypto: CryptoChoices, witness: [Trace.Witness]) {
        self.wire = wire
        self.crypto = crypto
        self.keys = KeyRing(scheme: crypto.publicKey)
        self.group = Group(choice: crypto.group)
        for w in witness {
            guard let v = w.value else { continue }
            witnessByTerm[w.term] = v
            witnessByName[w.name] = v
        }
    }

    /// The bytes of an atom, or of a variable left free in a trace (a value the intruder chose):
    /// agent names and public message constants as UTF-8, witness integers as 32-byte big-endian,
    /// everything else 32 random bytes (positive, for numbers).
    func leaf(_ t: Term) -> Value {
        if let v = leaves[t] { return v }
        let v: Value
        let sort = t.sort
        if let n = witnessByTerm[t] ?? witnessByName[t.description] {
            v = Value(Tag(sort), Integers.bytes(n))
        } else if case .atom(let a) = t, a.kind == .agent || (a.isPublic && (sort == .message || sort == .agent)) {
            v = Value(Tag(sort), Array(a.name.utf8))
        } else {
            var r = Symmetric.random(32)
            if sort == .number { r[0] &= 0x7f }
            v = Value(Tag(sort), r)
        }
        leaves[t] = v
        return v
    }

    func agentName(_ v: Value) throws -> String {
        guard let s = String(bytes: v.content, encoding: .utf8), !s.isEmpty else { throw ReplayError("not an agent name: \(hex(v.content))") }
        return s
    }

    func offset(_ v: Value, _ n: Int) -> Value {
        Value(v.tag.isNumeric ? v.tag : .number, Integers.bytes(Integers.value(v.content) + BigInt(n)))
    }

    /// `f(args)` on bytes, for every function but `exp` (see `exponentiate`).
    func apply(_ f: Function, _ a: [Value]) throws -> Value {
        switch f {
        case .pair:
            return wire.pair(a[0], a[1])
        case .senc:
            return Value(.senc, try Symmetric.seal(wire.bytes(a[0]), key: a[1].content))
        case .aenc:
            return Value(.aenc, try PublicKeyCrypto.encrypt(wire.bytes(a[0]), publicBundle: a[1].content, scheme: crypto.publicKey))
        case .sign:
            let m = wire.bytes(a[0])
            return Value(.sign, m + (try PublicKeyCrypto.sign(m, privateBundle: a[1].content)))
        case .hash:
            return Value(.hash, Symmetric.hash(wire.bytes(a[0]), sha1: crypto.hash == .sha1))
        case .mac:
            return Value(.mac, Symmetric.mac(wire.bytes(a[0]), key: a[1].content))
        case .kdf:
            return Value(.kdf, Symmetric.kdf(wire.bytes(a[0])))
        case .pk:
            return Value(.pk, try keys.pair(of: agentName(a[0])).publicBundle)
        case .sk:
            return Value(.sk, try keys.pair(of: agentName(a[0])).privateBundle)
        case .shk:
            return Value(.shk, keys.sharedKey(try agentName(a[0]), try agentName(a[1])))
        case .exp:
            return try exponentiate(a[0].content, a.dropFirst().map(\.content))
        case .user("lagrange0", _):
            return Value(.user, try Lagrange.atZero(points(a)))
        case .user(let name, _):
            // A function with no inverse: SHA-256 over its tagged name and its arguments.
            let input = Wire(encoding: .tagged).bytes(Value(.message, Array(name.utf8))) + a.flatMap(wire.bytes)
            return Value(.user, Array(SHA256.hash(data: input)))
        }
    }

    func exponentiate(_ start: Bytes, _ exponents: [Bytes]) throws -> Value {
        var point = start
        for e in exponents { point = try group.raise(point, to: e) }
        return Value(.exp, point)
    }

    /// The points (x, y) of `lagrange0`: its arguments' integers taken two by two, whether given as
    /// pairs or as one tuple.
    private func points(_ args: [Value]) throws -> [(x: Bytes, y: Bytes)] {
        var numbers: [Bytes] = []
        func flatten(_ v: Value) throws {
            if wire.encoding == .tagged {
                if v.tag == .pair { let (a, b) = try wire.split(v); try flatten(a); try flatten(b) } else { numbers.append(v.content) }
            } else {
                guard v.content.count % 32 == 0 else { throw ReplayError("lagrange0 takes 32-byte integers") }
                stride(from: 0, to: v.content.count, by: 32).forEach { numbers.append(Array(v.content[$0..<($0 + 32)])) }
            }
        }
        for a in args { try flatten(a) }
        guard numbers.count >= 2, numbers.count % 2 == 0 else { throw ReplayError("lagrange0 takes points (x, y)") }
        return stride(from: 0, to: numbers.count, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
    }

    /// Whether the base of an `exp` is the group's generator: a constant, not a received value.
    func isGenerator(_ base: Term) -> Bool { if case .atom = base { return true } else { return false } }
}
