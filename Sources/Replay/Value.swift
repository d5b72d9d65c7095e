import Foundation
import Results
import Terms

typealias Bytes = [UInt8]

/// What kind of value a field carries: the sort of an atom, or the function that built it.
enum Tag: UInt8, Sendable {
    case agent = 0x01, nonce, key, number, message
    case pair = 0x10, senc, aenc, sign, hash, mac, kdf, pk, sk, shk, exp, user

    /// A value of a model's own type goes on the wire as its base sort: the wire cannot tell a
    /// `SessionKey` from another key.
    init(_ sort: Sort) {
        switch sort.base {
        case .agent: self = .agent
        case .nonce: self = .nonce
        case .key: self = .key
        case .number: self = .number
        case .message: self = .message
        }
    }

    init(_ f: Function) {
        switch f {
        case .pair: self = .pair
        case .senc: self = .senc
        case .aenc: self = .aenc
        case .sign: self = .sign
        case .hash: self = .hash
        case .mac: self = .mac
        case .kdf: self = .kdf
        case .pk: self = .pk
        case .sk: self = .sk
        case .shk: self = .shk
        case .exp: self = .exp
        case .user: self = .user
        }
    }

    /// The sort a typed receiver sees in this field (mirrors `Function.resultSort`).
    var sort: Sort {
        switch self {
        case .agent: return .agent
        case .nonce: return .nonce
        case .key, .kdf, .pk, .sk, .shk: return .key
        case .number: return .number
        default: return .message
        }
    }

    var isNumeric: Bool { self == .nonce || self == .number }
}

/// A concrete value: its payload and, for the tagged encoding, what kind of field it is.
struct Value: Hashable, Sendable {
    var tag: Tag
    var content: Bytes

    init(_ tag: Tag, _ content: Bytes) {
        self.tag = tag
        self.content = content
    }
}

/// Encoding and decoding of fields under one wire encoding.
struct Wire: Sendable {
    var encoding: WireEncoding

    /// The bytes of a value as a field of a message (and as the plaintext of a cipher).
    func bytes(_ v: Value) -> Bytes {
        guard encoding == .tagged else { return v.content }
        let n = UInt32(v.content.count)
        return [v.tag.rawValue, UInt8(n >> 24), UInt8((n >> 16) & 0xff), UInt8((n >> 8) & 0xff), UInt8(n & 0xff)] + v.content
    }

    func pair(_ a: Value, _ b: Value) -> Value { Value(.pair, bytes(a) + bytes(b)) }

    /// Reads one whole field from bytes (tagged: tag and length must account for every byte;
    /// untagged: the bytes are the field, of a kind the receiver cannot tell).
    func field(_ b: Bytes) throws -> Value {
        guard encoding == .tagged else { return Value(.message, b) }
        let (v, next) = try field(b, at: 0)
        guard next == b.count else { throw ReplayError("\(b.count - next) trailing bytes after a field") }
        return v
    }

    func field(_ b: Bytes, at i: Int) throws -> (Value, Int) {
        guard b.count - i >= 5 else { throw ReplayError("truncated field header") }
        guard let tag = Tag(rawValue: b[i]) else { throw ReplayError("unknown field tag 0x\(String(b[i], radix: 16))") }
        let n = Int(b[i + 1]) << 24 | Int(b[i + 2]) << 16 | Int(b[i + 3]) << 8 | Int(b[i + 4])
        guard b.count - i - 5 >= n else { throw ReplayError("field of \(n) bytes truncated") }
        return (Value(tag, Array(b[(i + 5)..<(i + 5 + n)])), i + 5 + n)
    }

    /// The two halves of a tagged pair.
    func split(_ v: Value) throws -> (Value, Value) {
        guard v.tag == .pair else { throw ReplayError("expected a tuple, found a \(v.tag) field") }
        let (a, i) = try field(v.content, at: 0)
        let (b, j) = try field(v.content, at: i)
        guard j == v.content.count else { throw ReplayError("trailing bytes in a tuple") }
        return (a, b)
    }

    /// Whether two values are the same message. Integers compare by value whatever their sort tag.
    func same(_ a: Value, _ b: Value) -> Bool {
        if encoding == .untagged || (a.tag.isNumeric && b.tag.isNumeric) { return a.content == b.content }
        return a == b
    }
}

struct ReplayError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

func hex(_ b: Bytes) -> String {
    let digits = Array("0123456789abcdef")
    var out = ""
    out.reserveCapacity(b.count * 2)
    for x in b { out.append(digits[Int(x >> 4)]); out.append(digits[Int(x & 0xf)]) }
    return out
}
