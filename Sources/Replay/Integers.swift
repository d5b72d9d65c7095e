import BigInt
import Foundation

/// Nonces and numbers are 256-bit two's-complement big-endian integers, so `N + 5`, `Nb - 1` and
/// `balance - price` are computed on the same bytes that travel.
enum Integers {
    static let width = 32
    static let modulus = BigInt(1) << 256

    static func bytes(_ n: BigInt) -> Bytes {
        var m = n % modulus
        if m < 0 { m += modulus }
        let raw = Array(BigUInt(m).serialize())
        return Array(repeating: 0, count: max(0, width - raw.count)) + raw.suffix(width)
    }

    static func bytes(_ n: Int) -> Bytes { bytes(BigInt(n)) }

    /// A 32-byte field as a signed integer; other lengths (a value that was never a number) unsigned.
    static func value(_ b: Bytes) -> BigInt {
        let u = BigInt(BigUInt(Data(b)))
        if b.count == width, let first = b.first, first & 0x80 != 0 { return u - modulus }
        return u
    }
}

