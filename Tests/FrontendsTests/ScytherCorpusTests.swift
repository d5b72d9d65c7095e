import Foundation
import Testing
import Model
import Engine
import Results
@testable import Frontends

@Suite struct ScytherCorpusTests {
    @Test func everyFileParsesOrNamesWhatIsUnsupported() throws {
        let files = try Corpus.scytherFiles()
        #expect(files.count > 40)
        var parsed = 0, unsupported = 0, models = 0, invalid = 0
        for url in files {
            do {
                let ms = try SPDL.parse(try Corpus.text(url), file: url.path)
                parsed += 1
                models += ms.count
                for m in ms {
                    let errors = m.validate()
                    if !errors.isEmpty {
                        invalid += 1
                        print("invalid \(url.lastPathComponent) \(m.name): \(errors.map(\.description).joined(separator: "\n"))")
                    }
                }
            } catch let e as SPDLError {
                unsupported += 1
                #expect(e.file == url.path)
                #expect(e.line >= 1 && e.column >= 1)
                print("unsupported \(url.lastPathComponent): \(e.description)")
            }
        }
        print("Scyther corpus: \(parsed) files parsed (\(models) protocols, \(invalid) failing validation), \(unsupported) unsupported, of \(files.count)")
        #expect(parsed + unsupported == files.count)
        // Every file of Scyther's library is read and every model passes validation.
        #expect(unsupported == 0 && invalid == 0)
        #expect(models > files.count)
    }
}

extension ScytherCorpusTests {
    static let classics = ["ns3.spdl", "nsl3.spdl", "needham-schroeder.spdl", "needham-schroeder-lowe.spdl",
                           "otwayrees.spdl", "yahalom.spdl", "denning-sacco.spdl", "woo-lam.spdl"]

    @Test(arguments: classics)
    func classicParsesAndValidates(_ file: String) throws {
        let url = Corpus.protocols.appendingPathComponent(file)
        let models = try SPDL.parse(try Corpus.text(url), file: url.path)
        #expect(!models.isEmpty)
        for m in models {
            #expect(m.validate().isEmpty, "\(m.name): \(m.validate())")
            #expect(m.location.file == url.path)
            #expect(!m.properties.isEmpty)
        }
    }

    /// Every claim Scyther reports for a file we parse is one of our properties, under the name
    /// Scyther prints (or that name with `/Partner` when one claim became one property per partner).
    @Test func claimNamesMatchScythersOutput() throws {
        var compared = 0
        for url in try Corpus.scytherFiles() {
            let name = url.lastPathComponent
            guard FileManager.default.fileExists(atPath: Corpus.expected.appendingPathComponent(name + ".out").path),
                  let models = try? SPDL.parse(try Corpus.text(url), file: name) else { continue }
            for claim in try Corpus.expectedClaims(name) {
                let model = try #require(models.first { $0.name == claim.protocolName }, "\(name): no protocol \(claim.protocolName)")
                let matching = ScytherResults.properties(for: claim, in: model)
                #expect(!matching.isEmpty, "\(name): \(claim.protocolName),\(claim.role) \(claim.claim) has no property")
                compared += 1
            }
        }
        #expect(compared > 150)
    }

    @Test func unlabelledClaimsAreNumberedPerRole() throws {
        let url = Corpus.protocols.appendingPathComponent("yahalom.spdl")
        let m = try #require(try SPDL.parse(try Corpus.text(url), file: "yahalom.spdl").first)
        #expect(m.properties.filter { $0.role == "S" }.map(\.name) == ["Secret_S1", "Secret_S2"])
    }
}

extension ScytherCorpusTests {
    @Test func readsScythersRecordedVerdicts() throws {
        let v = ScytherResults.parse("claim\tns3,R\tSecret_r1\tni\tFail\t[at least 1 attack]\nnot a claim\n"
                                     + "claim\tns3,I\tNisynch_i4\t-\tOk\t[proof of correctness]\n")
        #expect(v == [
            ScytherVerdict(protocolName: "ns3", role: "R", claim: "Secret_r1", parameter: "ni", holds: false, reason: "at least 1 attack"),
            ScytherVerdict(protocolName: "ns3", role: "I", claim: "Nisynch_i4", parameter: "-", holds: true, reason: "proof of correctness"),
        ])
        #expect(v[1].proved && !v[0].proved)
        // Every line of the library's recorded files is a claim we read.
        var lines = 0, read = 0
        for url in try FileManager.default.contentsOfDirectory(at: Corpus.expected, includingPropertiesForKeys: nil) {
            let text = try Corpus.text(url)
            lines += text.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("claim") }.count
            read += ScytherResults.parse(text).count
        }
        #expect(lines > 150 && read == lines)
    }

    @Test func aClaimAboutSeveralPartnersMatchesOnePropertyPerPartner() throws {
        let (text, path) = try Corpus.twin("otway-rees")
        let m = try #require(try SPDL.parse(text, file: path).first)
        let claim = try #require(m.properties.first { $0.name.contains("/") })
        let base = String(claim.name.prefix { $0 != "/" })
        let v = ScytherVerdict(protocolName: m.name, role: claim.role, claim: base, parameter: "-", holds: true, reason: "")
        let matched = ScytherResults.properties(for: v, in: m)
        #expect(matched.count >= 2 && matched.allSatisfy { $0.name.hasPrefix(base + "/") && $0.role == claim.role })
        var other = v
        other.role = "nobody"
        #expect(ScytherResults.properties(for: other, in: m).isEmpty)
    }
}

extension ScytherCorpusTests {
    /// Files whose verdicts depend on what this front end gives Scyther's meaning to: two protocols
    /// side by side (nsl3-updated-both), a helper protocol (andrew-ban-concrete), synchronisation
    /// that fails where message agreement holds (denning-sacco). The real search at 3 runs gives
    /// every verdict Scyther recorded.
    @Test(arguments: ["nsl3-updated-both.spdl", "andrew-ban-concrete.spdl", "denning-sacco.spdl"])
    func recordedVerdictsAgree(_ file: String) throws {
        let url = Corpus.protocols.appendingPathComponent(file)
        let models = try SPDL.parse(try Corpus.text(url), file: file)
        let claims = try Corpus.expectedClaims(file)
        #expect(claims.contains { $0.holds } && claims.contains { !$0.holds })
        for model in models {
            let results = try Checker(options: CheckOptions(maxRuns: 3)).check(model)
            let verdict = Dictionary(uniqueKeysWithValues: results.map { ($0.property, $0.verdict) })
            for claim in claims where claim.protocolName == model.name {
                let parts = ScytherResults.properties(for: claim, in: model).map { verdict[$0.name] }
                #expect(!parts.isEmpty)
                let ours: Verdict = parts.contains(.attack) ? .attack : parts.allSatisfy { $0 == .verified } ? .verified : .inconclusive
                #expect(ours == (claim.holds ? .verified : .attack), "\(file) \(claim.protocolName) \(claim.claim): Scyther \(claim.holds ? "Ok" : "Fail"), protocheck \(ours)")
            }
        }
    }
}
