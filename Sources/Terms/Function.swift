/// The function symbols of the algebra. Keyed functions take the key as their last argument.
public enum Function: Hashable, Sendable, Comparable, CustomStringConvertible {
    case pair
    /// Authenticated symmetric encryption `senc(m, k)`: decrypts with `k`.
    case senc
    /// Public-key encryption `aenc(m, pk(A))`: decrypts with `sk(A)`.
    case aenc
    /// Signature `sign(m, sk(A))`: the message stays readable; verifies with `pk(A)`.
    case sign
    case hash
    /// `mac(m, k)`.
    case mac
    case kdf
    /// Public key of an agent: anyone can compute it from the name.
    case pk
    /// Private key of an agent: no one but the agent (or the intruder, for its own or compromised ones).
    case sk
    /// Long-term symmetric key shared by two agents: `k(A, B) = k(B, A)`, one key per pair.
    case shk
    /// Diffie-Hellman exponentiation, kept flat as `exp(base, e1, e2, ...)` with sorted exponents so that
    /// `exp(exp(g,x),y) = exp(exp(g,y),x)` is syntactic equality.
    case exp
    /// A function declared by a model. A public one the intruder can apply; none has an inverse.
    case user(String, isPublic: Bool)

    /// Whether the intruder can apply this function to arguments it knows.
    package var isPublic: Bool {
        switch self {
        case .sk, .shk: return false
        case .user(_, let p): return p
        default: return true
        }
    }

    public var name: String {
        switch self {
        case .pair: return "pair"
        case .senc: return "senc"
        case .aenc: return "aenc"
        case .sign: return "sign"
        case .hash: return "hash"
        case .mac: return "mac"
        case .kdf: return "kdf"
        case .pk: return "pk"
        case .sk: return "sk"
        case .shk: return "k"
        case .exp: return "exp"
        case .user(let n, _): return n
        }
    }

    /// The sort of `f(...)` for typed matching: keys are keys, everything else is a message.
    package var resultSort: Sort {
        switch self {
        case .pk, .sk, .shk, .kdf: return .key
        default: return .message
        }
    }

    public var description: String { name }

    public static func < (a: Function, b: Function) -> Bool { a.name < b.name }
}
