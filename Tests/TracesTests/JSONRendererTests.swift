import Engine
import Foundation
import Results
import Testing
import Traces

@Suite struct JSONRendererTests {
    @Test func traceSurvivesTheRoundTrip() throws {
        let results = Fixtures.results()
        let json = try JSONRenderer.render(results, version: "0.1.0")
        let traces = try JSONRenderer.traces(from: Data(json.utf8))
        #expect(traces == [Fixtures.loweTrace()])
        #expect(try JSONRenderer.results(from: Data(json.utf8)) == results)
    }

    @Test func documentHasTheContractKeys() throws {
        let json = try JSONRenderer.render(Fixtures.results(), version: "0.1.0")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["tool"] as? String == "protocheck")
        #expect(object["version"] as? String == "0.1.0")
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count == 3)
        let keys: Set<String> = ["model", "property", "kind", "role", "verdict", "bound", "assumptions", "states",
                                 "seconds", "setting", "summary", "limit", "trace", "adversary"]
        // A verified result says how far it reaches; the others do not.
        for r in results { #expect(Set(r.keys) == (r["verdict"] as? String == "verified" ? keys.union(["scope"]) : keys)) }
        #expect(results[1]["scope"] as? String == "bounded")
        #expect(results[0]["verdict"] as? String == "attack")
        #expect(results[2]["kind"] as? String == "non-injective-agreement")
        #expect(results[1]["trace"] is NSNull)
        #expect(results[0]["adversary"] as? String == "ext")
        #expect(results[1]["limit"] is NSNull)
        #expect(results[2]["limit"] as? String == "max-states 1000 reached")
        let bound = try #require(results[0]["bound"] as? [String: Any])
        #expect(bound["maxRuns"] as? Int == 2)
        #expect(bound["typeFlaws"] as? Bool == false)
        let steps = try #require((results[0]["trace"] as? [String: Any])?["steps"] as? [[String: Any]])
        #expect(steps.map { $0["action"] as? String } == ["send", "derive", "derive", "receive", "send", "receive", "send", "derive", "derive", "receive", "claim"])
    }

    @Test func keysAreSortedAndPretty() throws {
        let json = try JSONRenderer.render([Fixtures.result("secret-Na", .secrecy, .verified)], version: "1")
        #expect(json.hasPrefix("{\n  \"results\" : [\n    {\n      \"adversary\" : \"ext\",\n      \"assumptions\" : ["))
        #expect(json.range(of: "\"tool\" : \"protocheck\",\n  \"version\" : \"1\"\n}") != nil)
    }

    @Test func replayOutcomeAndModelFileSurviveTheRoundTrip() throws {
        var results = Fixtures.results()
        results[0].replay = ReplayOutcome(status: .notConfirmed, encoding: .untagged, step: 4, reason: "AES-GCM rejects the ciphertext")
        results[0].trace?.modelFile = "protocols/nspk.spdl"
        let json = try JSONRenderer.render(results, version: "0.1.0")
        #expect(try JSONRenderer.results(from: Data(json.utf8)) == results)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let first = try #require((object["results"] as? [[String: Any]])?.first)
        // DESIGN.md's string, with where and why beside it.
        #expect(first["replay"] as? String == "not-confirmed")
        #expect(first["replayStep"] as? Int == 4)
        #expect(first["replayReason"] as? String == "AES-GCM rejects the ciphertext")
        #expect(first["replayEncoding"] as? String == "untagged")
        #expect((first["trace"] as? [String: Any])?["modelFile"] as? String == "protocols/nspk.spdl")
        #expect(try JSONRenderer.attacks(from: Data(json.utf8)).map(\.bound) == [results[0].bound])
    }

    @Test func aTraceWithoutAModelFileIsARegisteredModels() throws {
        // Every trace written before traces recorded their model file: the key is absent, not null.
        let json = try JSONRenderer.render(trace: Fixtures.loweTrace())
        #expect(!json.contains("modelFile"))
        #expect(try JSONRenderer.traces(from: Data(json.utf8)).first?.modelFile == nil)
    }

    @Test func bareTraceDecodes() throws {
        let json = try JSONRenderer.render(trace: Fixtures.loweTrace())
        #expect(try JSONRenderer.traces(from: Data(json.utf8)) == [Fixtures.loweTrace()])
    }
}
