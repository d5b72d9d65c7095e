import BigInt
import Foundation

/// The user function `lagrange0(points...)`: the value at 0 of the polynomial through the points
/// (x, y), over the prime field of P-256 (p = 2^256 - 2^224 + 2^192 + 2^96 - 1), the secret-sharing
/// reconstruction a model may use. Coordinates are big-endian integers reduced mod p; the result is
/// 32 bytes big-endian.
enum Lagrange {
    static let prime = BigInt(BigUInt("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", radix: 16)!)

    static func atZero(_ points: [(x: Bytes, y: Bytes)]) throws -> Bytes {
        let p = prime
        func mod(_ a: BigInt) -> BigInt { let r = a % p; return r < 0 ? r + p : r }
        let xs = points.map { mod(BigInt(BigUInt(Data($0.x)))) }
        let ys = points.map { mod(BigInt(BigUInt(Data($0.y)))) }
        guard Set(xs).count == xs.count else { throw ReplayError("lagrange0: two points share an x coordinate") }
        var sum = BigInt(0)
        for i in xs.indices {
            var num = BigInt(1), den = BigInt(1)
            for j in xs.indices where j != i {
                num = mod(num * xs[j])
                den = mod(den * (xs[j] - xs[i]))
            }
            guard let inv = den.inverse(p) else { throw ReplayError("lagrange0: singular points") }
            sum = mod(sum + ys[i] * num * inv)
        }
        let raw = Array(BigUInt(sum).serialize())
        return Array(repeating: 0, count: 32 - raw.count) + raw
    }
}
