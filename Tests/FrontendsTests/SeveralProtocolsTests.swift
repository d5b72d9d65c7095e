import Engine
@testable import Frontends
import Model
import Results
import Terms
import Testing

/// Several protocols in one file run side by side, as Scyther runs them; helper protocols serve the
/// others and are never a partner. Each verdict comes from a real search.
@Suite struct SeveralProtocolsTests {
    func verdicts(_ m: ProtocolModel, runs: Int, _ names: Set<String>? = nil) throws -> [String: Verdict] {
        let results = try Checker(options: CheckOptions(maxRuns: runs, properties: names)).check(m)
        return Dictionary(uniqueKeysWithValues: results.map { ($0.property, $0.verdict) })
    }

    @Test func eachProtocolGetsAModelWithTheOthersRolesBeside() throws {
        let (text, path) = try Corpus.twin("nsl-beside-broken")
        let models = try SPDL.parse(text, file: path)
        #expect(models.map(\.name) == ["nsl-broken", "nsl"])
        let nsl = try #require(models.last)
        #expect(nsl.roles.map(\.name) == ["I", "R", "nsl-broken.I", "nsl-broken.R"])
        #expect(nsl.roles.map(\.foreign) == [nil, nil, ForeignProtocol(name: "nsl-broken", isHelper: false), ForeignProtocol(name: "nsl-broken", isHelper: false)])
        // Only nsl's own claims are its properties; the other protocol's names are its own.
        #expect(nsl.properties.map(\.name) == ["Secret_i1", "Nisynch_i2", "Secret_r1"])
        let foreignNames = nsl.roles[2].events.flatMap { $0.action.terms.flatMap(\.variables) }
        #expect(!foreignNames.isEmpty && foreignNames.allSatisfy { $0.name.hasPrefix("nsl-broken.") })
        #expect(nsl.validate().isEmpty, "\(nsl.validate())")
        // The broken protocol makes no claims but still gets a model (as Scyther's protocols do).
        #expect(models[0].properties.isEmpty)
    }

    /// NSL's claims hold alone and fail beside the broken variant: the multi-protocol attack of
    /// Scyther's nsl3-updated-both.spdl. Scyther gives the same verdicts (Secret_r1 holds).
    @Test func theMultiProtocolAttackNeedsBothProtocols() throws {
        let (text, path) = try Corpus.twin("nsl-beside-broken")
        let beside = try #require(try SPDL.parse(text, file: path).last)
        let together = try verdicts(beside, runs: 3)
        #expect(together == ["Secret_i1": .attack, "Nisynch_i2": .attack, "Secret_r1": .verified])

        let alone = String(text[text.range(of: "protocol nsl(I,R)")!.lowerBound...])
        let single = try #require(try SPDL.parse(alone, file: path).first)
        #expect(single.roles.count == 2)
        #expect(try verdicts(single, runs: 3) == ["Secret_i1": .verified, "Nisynch_i2": .verified, "Secret_r1": .verified])
    }

    /// A helper protocol's runs serve the others (R's message is reached only through one) but are
    /// never a partner: the helper run that I plays does not make I alive.
    @Test func helperRunsServeButAreNeverPartners() throws {
        let (text, path) = try Corpus.twin("helper")
        let models = try SPDL.parse(text, file: path)
        // The helper protocol makes no claims: no model of its own.
        #expect(models.map(\.name) == ["alive"])
        let m = try #require(models.first)
        #expect(m.roles.map(\.name) == ["I", "R", "@sign.X"])
        #expect(m.roles[2].isHelper)
        #expect(try verdicts(m, runs: 3) == ["Alive_r1": .attack, "Reachable_r2": .verified])

        // Without the helper, nobody signs I's name: R's claim is never reached.
        let alone = String(text[text.range(of: "protocol alive(I,R)")!.lowerBound...])
        let single = try #require(try SPDL.parse(alone, file: path).first)
        #expect(try verdicts(single, runs: 3, ["Reachable_r2"]) == ["Reachable_r2": .attack])
    }

    /// The alive claim's attack trace is replayed on real cryptography with the helper run in it.
    @Test func theHelperAttackTraceShowsTheHelperRun() throws {
        let (text, path) = try Corpus.twin("helper")
        let m = try #require(try SPDL.parse(text, file: path).first)
        let r = try #require(try Checker(options: CheckOptions(maxRuns: 3, properties: ["Alive_r1"])).check(m).first)
        let trace = try #require(r.trace)
        #expect(trace.runs.contains { $0.role == "@sign.X" })
        #expect(!trace.runs.contains { $0.role == "I" })
    }
}
