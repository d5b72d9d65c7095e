import BigInt
import Foundation
import _CryptoExtras

/// Textbook RSA with e = 3 (c = m^3 mod n), as Gemplus section 5.1 uses it. No padding, on purpose:
/// the attacks of that paper depend on it. The primes come from swift-crypto's RSA key generation
/// (read back from the key's PKCS#1 encoding); only d is computed here, with BigInt.
struct TextbookRSA: Sendable {
    var n: BigUInt
    var d: BigUInt
    var p: BigUInt
    var q: BigUInt

    static let e = BigUInt(3)

    /// A fresh key with a modulus of `bits` bits. Retries until 3 is invertible mod φ(n).
    static func generate(bits: Int = 1024) throws -> TextbookRSA {
        while true {
            let key = try _RSA.Encryption.PrivateKey(unsafeKeySize: .init(bitCount: bits))
            let ints = try DERIntegers.parse(Array(key.derRepresentation))
            // RSAPrivateKey ::= SEQUENCE { version, n, e, d, p, q, dp, dq, qinv }
            guard ints.count >= 6 else { throw ReplayError("unexpected RSA private key encoding") }
            let p = ints[4], q = ints[5]
            let phi = (p - 1) * (q - 1)
            guard let d = e.inverse(phi) else { continue }
            return TextbookRSA(n: p * q, d: d, p: p, q: q)
        }
    }

    var modulusBytes: Int { (n.bitWidth + 7) / 8 }

    /// The public half as bytes: n (e is always 3).
    var publicBytes: Bytes { Array(n.serialize()) }
    var privateBytes: Bytes { LengthPrefixed.join([n, d, p, q].map { Array($0.serialize()) }) }

    init(n: BigUInt, d: BigUInt, p: BigUInt, q: BigUInt) {
        self.n = n
        self.d = d
        self.p = p
        self.q = q
    }

    init(privateBytes b: Bytes) throws {
        let parts = try LengthPrefixed.split(b)
        guard parts.count == 4 else { throw ReplayError("not a textbook RSA private key") }
        let v = parts.map { BigUInt(Data($0)) }
        self.init(n: v[0], d: v[1], p: v[2], q: v[3])
    }

    /// Encrypts bytes as the integer 0x01 || m (the leading byte keeps leading zeros of m).
    static func encrypt(_ m: Bytes, publicBytes: Bytes) throws -> Bytes {
        let n = BigUInt(Data(publicBytes))
        let x = BigUInt(Data([1] + m))
        guard x < n else { throw ReplayError("message of \(m.count) bytes too long for textbook RSA with a \(n.bitWidth)-bit modulus") }
        let c = x.power(e, modulus: n)
        let raw = Array(c.serialize())
        return Array(repeating: 0, count: publicBytes.count - raw.count) + raw
    }

    /// m = c^d mod n, by the Chinese remainder theorem (four times less work in debug builds).
    func decrypt(_ c: Bytes) throws -> Bytes {
        let x = BigUInt(Data(c))
        guard x < n else { throw ReplayError("textbook RSA ciphertext out of range") }
        let m1 = x.power(d % (p - 1), modulus: p)
        let m2 = x.power(d % (q - 1), modulus: q)
        guard let qinv = q.inverse(p) else { throw ReplayError("bad textbook RSA key") }
        let h = (qinv * ((m1 + p - m2 % p) % p)) % p
        let m = Array((m2 + h * q).serialize())
        guard m.first == 1 else { throw ReplayError("textbook RSA decryption gives no well-formed message (wrong key)") }
        return Array(m.dropFirst())
    }
}

/// Reads the INTEGERs of a DER SEQUENCE (enough for a PKCS#1 RSAPrivateKey).
enum DERIntegers {
    static func parse(_ der: Bytes) throws -> [BigUInt] {
        var i = 0
        func length() throws -> Int {
            guard i < der.count else { throw ReplayError("truncated DER") }
            let first = der[i]; i += 1
            if first < 0x80 { return Int(first) }
            let k = Int(first & 0x7f)
            guard k <= 4, i + k <= der.count else { throw ReplayError("bad DER length") }
            var n = 0
            for _ in 0..<k { n = n << 8 | Int(der[i]); i += 1 }
            return n
        }
        guard der.first == 0x30 else { throw ReplayError("DER is not a SEQUENCE") }
        i = 1
        let total = try length()
        let end = i + total
        var out: [BigUInt] = []
        while i < end {
            guard der[i] == 0x02 else { throw ReplayError("DER element is not an INTEGER") }
            i += 1
            let n = try length()
            guard i + n <= der.count else { throw ReplayError("truncated DER integer") }
            out.append(BigUInt(Data(der[i..<(i + n)])))
            i += n
        }
        return out
    }
}
