import Crypto
import Foundation
import Model

/// Diffie-Hellman `exp` on bytes. `exp(g, x)` is x times the generator; each further exponent is a
/// key agreement of that exponent's scalar with the value so far, so `exp(exp(g,x),y)` and
/// `exp(exp(g,y),x)` give the same bytes.
/// - X25519: every value is a 32-byte u-coordinate and the generator is u = 9, so any number of
///   exponents works (scalar multiplication commutes).
/// - P-256 ECDH and ElGamal over P-256 (Gemplus 5.2) are realised alike: exp(g, x) is the public
///   point (X9.63, 65 bytes), exp(g, x, y) the ECDH shared x-coordinate (32 bytes); a third
///   exponent has no meaning on an x-coordinate and fails.
struct Group: Sendable {
    var choice: CryptoChoices.Group

    var generator: Bytes {
        switch choice {
        case .x25519: return [9] + Array(repeating: 0, count: 31)
        case .p256, .elgamalP256: return Array(try! P256.KeyAgreement.PrivateKey(rawRepresentation: Array(repeating: 0, count: 31) + [1]).publicKey.x963Representation)
        }
    }

    /// One exponentiation: `point^e`.
    func raise(_ point: Bytes, to exponent: Bytes) throws -> Bytes {
        switch choice {
        case .x25519:
            let scalar = exponent.count == 32 ? exponent : Array(SHA256.hash(data: exponent))
            let priv = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: scalar)
            guard let pub = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: point) else {
                throw ReplayError("not an X25519 value (\(point.count) bytes)")
            }
            guard let s = try? priv.sharedSecretFromKeyAgreement(with: pub) else { throw ReplayError("X25519 rejects the value") }
            return s.withUnsafeBytes { Array($0) }
        case .p256, .elgamalP256:
            let priv = p256Scalar(exponent)
            if point == generator { return Array(priv.publicKey.x963Representation) }
            guard point.count == 65, let pub = try? P256.KeyAgreement.PublicKey(x963Representation: point) else {
                throw ReplayError("not a P-256 point (\(point.count) bytes): P-256 exp takes at most two exponents")
            }
            let s = try priv.sharedSecretFromKeyAgreement(with: pub)
            return s.withUnsafeBytes { Array($0) }
        }
    }

    /// A valid P-256 scalar from any bytes: the bytes if they are one, else hashed until one.
    private func p256Scalar(_ b: Bytes) -> P256.KeyAgreement.PrivateKey {
        var candidate = b.count == 32 ? b : Array(SHA256.hash(data: b))
        while true {
            if let k = try? P256.KeyAgreement.PrivateKey(rawRepresentation: candidate) { return k }
            candidate = Array(SHA256.hash(data: candidate))
        }
    }

    /// Length of `exp(b, e1..en)` (for splitting untagged messages).
    func length(exponents: Int) -> Int {
        switch choice {
        case .x25519: return 32
        case .p256, .elgamalP256: return exponents == 1 ? 65 : 32
        }
    }
}
