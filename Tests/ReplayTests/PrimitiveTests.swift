import BigInt
@testable import Engine
import Model
@testable import Replay
import Results
import Terms
import Testing

@Suite struct PrimitiveTests {
    @Test func aesGCMRoundTripAndWrongKey() throws {
        let key = Symmetric.random(32), other = Symmetric.random(32)
        let m = Array("attack at dawn".utf8)
        let c = try Symmetric.seal(m, key: key)
        #expect(c.count == Symmetric.sealedLength(m.count))
        #expect(try Symmetric.open(c, key: key) == m)
        #expect(throws: ReplayError.self) { try Symmetric.open(c, key: other) }
        // Key material that is not 32 bytes (a tuple taken as a key) still makes a key.
        let odd = Array("M||Alice".utf8)
        #expect(try Symmetric.open(try Symmetric.seal(m, key: odd), key: odd) == m)
    }

    @Test func rsaOAEPRoundTripShortAndLong() throws {
        let ring = KeyRing(scheme: .rsaOAEP)
        let alice = try ring.pair(of: "Alice"), bob = try ring.pair(of: "Bob")
        for m in [Symmetric.random(40), Symmetric.random(700)] {
            let c = try PublicKeyCrypto.encrypt(m, publicBundle: alice.publicBundle, scheme: .rsaOAEP)
            #expect(c.count == (try PublicKeyCrypto.ciphertextLength(m.count, publicBundle: alice.publicBundle, scheme: .rsaOAEP)))
            #expect(try PublicKeyCrypto.decrypt(c, privateBundle: alice.privateBundle, scheme: .rsaOAEP) == m)
            #expect(throws: ReplayError.self) { try PublicKeyCrypto.decrypt(c, privateBundle: bob.privateBundle, scheme: .rsaOAEP) }
        }
    }

    @Test func ecdsaSignatureVerifiesOnlyUnderTheSignersKey() throws {
        let ring = KeyRing(scheme: .rsaOAEP)
        let ca = try ring.pair(of: "CA"), eve = try ring.pair(of: "Eve")
        let m = Array("pk(SE)".utf8)
        let sig = try PublicKeyCrypto.sign(m, privateBundle: ca.privateBundle)
        #expect(try PublicKeyCrypto.verify(sig, of: m, publicBundle: ca.publicBundle))
        #expect(try !PublicKeyCrypto.verify(sig, of: m, publicBundle: eve.publicBundle))
        #expect(try !PublicKeyCrypto.verify(sig, of: m + [0], publicBundle: ca.publicBundle))
    }

    @Test func textbookRSAIsCubingModN() throws {
        let key = try TextbookRSA.generate()
        #expect(key.n.bitWidth >= 1024)
        let m = Array("K_I".utf8) + Symmetric.random(32)
        let c = try TextbookRSA.encrypt(m, publicBytes: key.publicBytes)
        let x = BigUInt(Data([1] + m))
        #expect(BigUInt(Data(c)) == x.power(3, modulus: key.n))
        #expect(try key.decrypt(c) == m)
        let restored = try TextbookRSA(privateBytes: key.privateBytes)
        #expect(try restored.decrypt(c) == m)
        #expect(throws: ReplayError.self) { try TextbookRSA.encrypt(Symmetric.random(200), publicBytes: key.publicBytes) }
    }

    @Test(arguments: [CryptoChoices.Group.x25519, .p256, .elgamalP256])
    func diffieHellmanCommutes(group: CryptoChoices.Group) throws {
        let world = World(wire: Wire(encoding: .tagged), crypto: CryptoChoices(group: group), witness: [])
        let g = constant("g"), x = Term.atom(Atom("x", sort: .nonce, kind: .fresh(run: 1)))
        let y = Term.atom(Atom("y", sort: .nonce, kind: .fresh(run: 2)))
        let eval = Evaluation(world: world, leaf: { world.leaf($0) })
        let gx = try eval.value(exp(g, x)), gy = try eval.value(exp(g, y))
        #expect(gx != gy)
        // Each side computes from its own secret and the other's public value, on bytes.
        let alice = try world.exponentiate(gy.content, [world.leaf(x).content])
        let bob = try world.exponentiate(gx.content, [world.leaf(y).content])
        #expect(alice == bob)
        #expect(try eval.value(exp(exp(g, x), y)) == alice)
        #expect(alice.content.count == 32)
    }

    @Test func lagrangeAtZeroRecoversTheConstantTerm() throws {
        // f(x) = 1234 + 56x + 7x^2 through x = 1, 2, 3.
        func f(_ x: Int) -> Int { 1234 + 56 * x + 7 * x * x }
        let points = [1, 2, 3].map { (x: Integers.bytes($0), y: Integers.bytes(f($0))) }
        #expect(try Lagrange.atZero(points) == Integers.bytes(1234))
        // Through the user function, as a model writes it.
        let world = World(wire: Wire(encoding: .tagged), crypto: CryptoChoices(), witness: [])
        let lagrange = UserFunction("lagrange0")
        let t = lagrange(tuple(literal(1), literal(f(1))), tuple(literal(2), literal(f(2))), tuple(literal(3), literal(f(3))))
        let v = try Evaluation(world: world, leaf: { world.leaf($0) }).value(t)
        #expect(v.content == Integers.bytes(1234))
    }

    @Test func integersAreBigEndianAndWitnessValuesAreUsed() throws {
        let n = Term.atom(Atom("N", sort: .nonce, kind: .fresh(run: 1)))
        let world = World(wire: Wire(encoding: .tagged), crypto: CryptoChoices(),
                          witness: [.init(name: "N#1", term: n, value: 41)])
        #expect(world.leaf(n).content == Array(repeating: 0, count: 31) + [41])
        let eval = Evaluation(world: world, leaf: { world.leaf($0) })
        #expect(Integers.value(try eval.value(n + 5).content) == 46)
        #expect(Integers.value(try eval.value(n - 42).content) == -1)
    }
}

import Foundation
