// Generated bad input for the gate: mutated SPDL files and expectation files go through the same
// code the command line runs (ModelResolver, Checker, ExpectationGate). Each ends as models with
// properties to check, a typed error, or a gate that fails; never a crash, never a silent pass.
import Engine
import Foundation
import Frontends
import Models
import ProtocheckKit
import Testing

/// SplitMix64, so a failing input can be replayed from its seed.
private struct Mix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private let pieces = ["{", "}", "(", ")", ",", ";", "protocol", "role", "claim_x(I,Secret,n);", "claim(I,Secret,n);", "claim_x(R,Niagree);",
                      "send_1(I,R,n);", "recv_1(I,R,n);", "fresh n: Nonce;", "var n: Nonce;", "// c", "/*", "*/", "\u{00}", "\u{FF}",
                      "\u{00e9}", "\r\n", "@h", "usertype T;", String(repeating: "x", count: 300)]

private func mutate(_ bytes: [UInt8], _ rng: inout Mix) -> [UInt8] {
    var b = bytes
    for _ in 0..<Int.random(in: 1...3, using: &rng) {
        let at = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &rng)
        switch Int.random(in: 0..<5, using: &rng) {
        case 0 where !b.isEmpty: b[at] = UInt8.random(in: 0...255, using: &rng)
        case 1 where !b.isEmpty: b.removeSubrange(at..<min(b.count, at + Int.random(in: 1...80, using: &rng)))
        case 2: b.insert(contentsOf: Array(pieces.randomElement(using: &rng)!.utf8), at: min(at, b.count))
        case 3 where !b.isEmpty: b = Array(b[..<at])
        default: b.insert(contentsOf: b[at..<min(b.count, at + 40)], at: Int.random(in: 0...b.count, using: &rng))
        }
    }
    return b
}

@Suite(.serialized) struct GateFuzzTests {
    static let seeds = try! FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Tests/FrontendsTests/spdl").path)
        .filter { $0.hasSuffix(".spdl") }.sorted()
        .map { try! Data(contentsOf: packageRoot.appendingPathComponent("Tests/FrontendsTests/spdl/\($0)")) }

    @Test func mutatedModelFilesGiveModelsToCheckOrAnError() throws {
        let dir = try scratchFolder("fuzz-spdl")
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = Mix(state: 10)
        var tried = 0, refused = 0, parsed = 0, checked = 0
        for i in 0..<2_000 {
            let seed = Self.seeds[i % Self.seeds.count]
            let file = dir.appendingPathComponent("m\(i).spdl")
            try Data(mutate([UInt8](seed), &rng)).write(to: file)
            tried += 1
            do {
                let models = try ModelResolver(models: Registry.all).resolve(file.path)
                parsed += 1
                // The gate's promise: whatever parses has something to check.
                #expect(!models.isEmpty && models.allSatisfy { !$0.properties.isEmpty }, "input \(i)")
                if checked < 40 {
                    checked += 1
                    for m in models {
                        do {
                            let results = try Checker(options: CheckOptions(maxRuns: 1, maxStates: 200, workers: 1)).check(m)
                            #expect(results.count == m.properties.count, "input \(i)")
                        } catch is CheckError {}
                    }
                }
            } catch is SPDLError {
                refused += 1
            } catch is FileProblem {
                refused += 1
            } catch is CheckError {
                refused += 1
            } catch is NothingToCheck {
                refused += 1
            }
            try? FileManager.default.removeItem(at: file)
        }
        print("fuzz: \(tried) model files tried, \(refused) refused with an error, \(parsed) parsed, \(checked) checked, crashes: 0")
        #expect(tried == refused + parsed)
    }

    @Test func generatedExpectationFilesNeverPassSilently() throws {
        let dir = try scratchFolder("fuzz-expect")
        defer { try? FileManager.default.removeItem(at: dir) }
        let results = try ModelChecks.run(ModelResolver(models: Registry.all).resolve("iso9798-2-2-noid"), resolver: ModelResolver(models: Registry.all), options: { _ in CheckOptions(maxRuns: 2) })
            .flatMap(\.results)
        let names = results.map(\.property) + ["B-nothing"]
        let words = ["attack", "verified", "inconclusive", "verified within 2 runs", "verified for any number of runs", "maybe", "", "[]", "{a: b}"]
        var rng = Mix(state: 20)
        var tried = 0, badFile = 0, failed = 0, passed = 0
        for i in 0..<1_000 {
            var yaml = ""
            for _ in 0..<Int.random(in: 0...2, using: &rng) {
                yaml += ["iso9798-2-2-noid", "nspk", "x"].randomElement(using: &rng)! + ":\n"
                for _ in 0..<Int.random(in: 0...4, using: &rng) {
                    yaml += "  \(names.randomElement(using: &rng)!): \(words.randomElement(using: &rng)!)\n"
                }
            }
            var bytes = [UInt8](yaml.utf8)
            if Int.random(in: 0..<4, using: &rng) == 0 { bytes = mutate(bytes, &rng) }
            let file = dir.appendingPathComponent("e\(i).yaml")
            try Data(bytes).write(to: file)
            tried += 1
            let gate: ExpectationGate
            do { gate = try ExpectationGate.load(file.path, allowNew: false) } catch { badFile += 1; continue }
            let (outcome, _) = gate.judge(results)
            switch outcome {
            case .badFile: badFile += 1
            case .fail: failed += 1
            case .pass:
                passed += 1
                // A pass means every result was listed with a verdict it meets.
                #expect(gate.expectations.unlisted(in: results).isEmpty && gate.expectations.compare(results).isEmpty, "input \(i): \(yaml)")
            }
        }
        print("fuzz: \(tried) expectation files tried, \(badFile) refused, \(failed) failed the gate, \(passed) passed (each listing every verdict), crashes: 0")
        #expect(tried == badFile + failed + passed)
    }
}
