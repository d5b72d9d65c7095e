import Crypto
import Foundation
import Model
import _CryptoExtras

/// Each agent's long-term key pairs, made on first use and kept for one replay. `pk(X)` and
/// `sk(X)` are bundles of an encryption key (RSA-OAEP-2048, or textbook RSA e=3 when the model says
/// so) and a P-256 ECDSA key, because the abstract model uses one key pair for both.
final class KeyRing {
    struct Pair {
        var publicBundle: Bytes
        var privateBundle: Bytes
    }

    let scheme: CryptoChoices.PublicKey
    private var pairs: [String: Pair] = [:]
    private var shared: [[String]: Bytes] = [:]

    init(scheme: CryptoChoices.PublicKey) { self.scheme = scheme }

    func pair(of agent: String) throws -> Pair {
        if let p = pairs[agent] { return p }
        let ecdsa = P256.Signing.PrivateKey()
        let encPublic: Bytes, encPrivate: Bytes
        switch scheme {
        case .rsaOAEP:
            let rsa = try _RSA.Encryption.PrivateKey(keySize: .bits2048)
            encPublic = Array(rsa.publicKey.derRepresentation)
            encPrivate = Array(rsa.derRepresentation)
        case .textbookRSAe3:
            let rsa = try TextbookRSA.generate()
            encPublic = rsa.publicBytes
            encPrivate = rsa.privateBytes
        }
        let p = Pair(publicBundle: LengthPrefixed.join([encPublic, Array(ecdsa.publicKey.x963Representation)]),
                     privateBundle: LengthPrefixed.join([encPrivate, Array(ecdsa.rawRepresentation)]))
        pairs[agent] = p
        return p
    }

    /// `k(A, B)`: 32 random bytes per pair of agents, the same both ways, as the searches read it
    /// (`k(A,B) = k(B,A)`). A directional key (Scyther's, as the SPDL front end reads it) is derived
    /// from this one and its first agent, so it differs both ways as it should.
    func sharedKey(_ a: String, _ b: String) -> Bytes {
        let pair = [a, b].sorted()
        if let k = shared[pair] { return k }
        let k = Symmetric.random(32)
        shared[pair] = k
        return k
    }
}

/// Public-key encryption and signatures on key bundles.
enum PublicKeyCrypto {
    /// OAEP-SHA256 with a 2048-bit key fits 190 bytes; longer plaintexts are wrapped: OAEP carries a
    /// fresh AES key and AES-GCM the message (mode byte 1), composition of library primitives only.
    static let oaepLimit = 190

    static func encrypt(_ m: Bytes, publicBundle: Bytes, scheme: CryptoChoices.PublicKey) throws -> Bytes {
        let parts = try LengthPrefixed.split(publicBundle)
        guard parts.count == 2 else { throw ReplayError("not a public key") }
        switch scheme {
        case .textbookRSAe3:
            return try TextbookRSA.encrypt(m, publicBytes: parts[0])
        case .rsaOAEP:
            let key: _RSA.Encryption.PublicKey
            do { key = try _RSA.Encryption.PublicKey(derRepresentation: parts[0]) } catch { throw ReplayError("not an RSA public key") }
            if m.count <= oaepLimit { return [0] + Array(try key.encrypt(m, padding: .PKCS1_OAEP_SHA256)) }
            let k = Symmetric.random(32)
            return [1] + Array(try key.encrypt(k, padding: .PKCS1_OAEP_SHA256)) + (try Symmetric.seal(m, key: k))
        }
    }

    static func decrypt(_ c: Bytes, privateBundle: Bytes, scheme: CryptoChoices.PublicKey) throws -> Bytes {
        let parts = try LengthPrefixed.split(privateBundle)
        guard parts.count == 2 else { throw ReplayError("not a private key") }
        switch scheme {
        case .textbookRSAe3:
            return try TextbookRSA(privateBytes: parts[0]).decrypt(c)
        case .rsaOAEP:
            let key: _RSA.Encryption.PrivateKey
            do { key = try _RSA.Encryption.PrivateKey(derRepresentation: parts[0]) } catch { throw ReplayError("not an RSA private key") }
            guard let mode = c.first, c.count >= 257 else { throw ReplayError("RSA-OAEP ciphertext too short") }
            let head = Array(c[1..<257])
            do {
                let inner = Array(try key.decrypt(head, padding: .PKCS1_OAEP_SHA256))
                if mode == 0 { return inner }
                return try Symmetric.open(Array(c[257...]), key: inner)
            } catch let e as ReplayError {
                throw e
            } catch {
                throw ReplayError("RSA-OAEP decryption fails under this private key")
            }
        }
    }

    /// Length of an encryption of `n` bytes.
    static func ciphertextLength(_ n: Int, publicBundle: Bytes, scheme: CryptoChoices.PublicKey) throws -> Int {
        let parts = try LengthPrefixed.split(publicBundle)
        switch scheme {
        case .textbookRSAe3: return parts[0].count
        case .rsaOAEP: return n <= oaepLimit ? 257 : 257 + Symmetric.sealedLength(n)
        }
    }

    static let signatureLength = 64

    static func sign(_ m: Bytes, privateBundle: Bytes) throws -> Bytes {
        let parts = try LengthPrefixed.split(privateBundle)
        guard parts.count == 2, let key = try? P256.Signing.PrivateKey(rawRepresentation: parts[1]) else {
            throw ReplayError("not a signing key")
        }
        return Array(try key.signature(for: m).rawRepresentation)
    }

    static func verify(_ sig: Bytes, of m: Bytes, publicBundle: Bytes) throws -> Bool {
        let parts = try LengthPrefixed.split(publicBundle)
        guard parts.count == 2, let key = try? P256.Signing.PublicKey(x963Representation: parts[1]) else {
            throw ReplayError("not a verification key")
        }
        guard let s = try? P256.Signing.ECDSASignature(rawRepresentation: sig) else { return false }
        return key.isValidSignature(s, for: m)
    }
}
