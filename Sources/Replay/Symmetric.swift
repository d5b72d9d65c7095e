import Crypto
import Foundation

/// The symmetric primitives: AES-256-GCM, SHA-2/SHA-1, HMAC-SHA256, HKDF-SHA256.
enum Symmetric {
    /// An AES-256 key from key material: the material itself when it is 32 bytes, else its
    /// SHA-256 (so that a tuple taken as a key under a type flaw still makes a key).
    static func aesKey(_ material: Bytes) -> SymmetricKey {
        material.count == 32 ? SymmetricKey(data: material) : SymmetricKey(data: Array(SHA256.hash(data: material)))
    }

    static func seal(_ plaintext: Bytes, key material: Bytes) throws -> Bytes {
        guard let combined = try AES.GCM.seal(plaintext, using: aesKey(material)).combined else {
            throw ReplayError("AES-GCM produced no combined form")
        }
        return Array(combined)
    }

    static func open(_ ciphertext: Bytes, key material: Bytes) throws -> Bytes {
        do {
            return Array(try AES.GCM.open(AES.GCM.SealedBox(combined: ciphertext), using: aesKey(material)))
        } catch {
            throw ReplayError("AES-GCM rejects the ciphertext under this key (authentication tag mismatch)")
        }
    }

    /// Length of `seal(p)` for a plaintext of `n` bytes: nonce, ciphertext, tag.
    static func sealedLength(_ n: Int) -> Int { 12 + n + 16 }

    static func hash(_ data: Bytes, sha1: Bool) -> Bytes {
        sha1 ? Array(Insecure.SHA1.hash(data: data)) : Array(SHA256.hash(data: data))
    }

    static func mac(_ data: Bytes, key: Bytes) -> Bytes {
        Array(HMAC<SHA256>.authenticationCode(for: data, using: SymmetricKey(data: key)))
    }

    static func kdf(_ data: Bytes) -> Bytes {
        let k = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: data), info: Array("protocheck kdf".utf8), outputByteCount: 32)
        return k.withUnsafeBytes { Array($0) }
    }

    static func random(_ n: Int) -> Bytes {
        var g = SystemRandomNumberGenerator()
        return (0..<n).map { _ in UInt8.random(in: 0...255, using: &g) }
    }
}
