import Foundation
import Testing
import Model
@testable import Frontends

/// SplitMix64: a tiny deterministic generator, so a failing mutation can be replayed by its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random byte and token mutations of real SPDL files: the parser returns models or an SPDLError
/// inside the source, and never crashes, hangs or recurses without bound.
@Suite struct SPDLFuzzTests {
    static let tokens = ["{", "}", "(", ")", ",", ";", ":", "=", "protocol", "role", "send_1", "recv_1", "send_!2",
                         "claim_x", "claim", "Secret", "Niagree", "Nisynch", "Alive", "Commit", "Running", "Empty",
                         "fresh", "var", "const", "macro", "usertype", "hashfunction", "inversekeys", "pk(", "sk(",
                         "k(", "Nonce", "Agent", "Function", "I", "R", "S", "#", "//", "/*", "*/", "\"", "@x",
                         "\u{00e9}", "\r\n", "\0"]

    func mutate(_ bytes: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var b = bytes
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0 where !b.isEmpty:
                b[at] = UInt8.random(in: 0...255, using: &rng)
            case 1 where !b.isEmpty:
                b.removeSubrange(at..<min(b.count, at + Int.random(in: 1...40, using: &rng)))
            case 2 where !b.isEmpty:
                let piece = b[at..<min(b.count, at + Int.random(in: 1...60, using: &rng))]
                b.insert(contentsOf: piece, at: Int.random(in: 0...b.count, using: &rng))
            case 3:
                b.insert(contentsOf: Array(Self.tokens.randomElement(using: &rng)!.utf8), at: at)
            case 4:
                let open = ["(", "{"].randomElement(using: &rng)!
                b.insert(contentsOf: Array(String(repeating: open + "I,", count: Int.random(in: 50...3000, using: &rng)).utf8), at: at)
            default:
                b = Array(b.prefix(at))
            }
        }
        return b
    }

    @Test func mutatedCorpusNeverCrashes() throws {
        var sources = try Corpus.scytherFiles().map { Array(try Corpus.text($0).utf8) }
        for twin in ["nspk", "nsl", "otway-rees", "iso9798-2-2", "iso9798-2-2-noid"] {
            sources.append(Array(try Corpus.twin(twin).text.utf8))
        }
        var rng = SplitMix64(seed: 0x5EED_5_0D1)
        var parsed = 0, rejected = 0
        for _ in 0..<3000 {
            let base = sources[Int.random(in: 0..<sources.count, using: &rng)]
            let text = String(decoding: mutate(base, &rng), as: UTF8.self)
            do {
                let models = try SPDL.parse(text, file: "fuzz.spdl")
                for m in models { _ = m.validate(); _ = m.properties }
                parsed += 1
            } catch let e as SPDLError {
                rejected += 1
                let lines = text.unicodeScalars.filter { $0 == "\n" }.count + 1
                #expect(e.line >= 1 && e.line <= lines, "\(e)")
                #expect(e.column >= 1)
                #expect(!e.description.isEmpty)
            }
        }
        print("SPDL fuzz: \(parsed) mutants parsed, \(rejected) rejected with an SPDLError")
        #expect(parsed + rejected == 3000)
        #expect(rejected > 0)
    }
}
