import Engine
import Frontends
import Model
import Replay
import Results
import Testing

/// An SPDL model under a compromising adversary, unedited: its `claim(R, SKR, t)` names the session
/// key that session-key reveal (SKR) hands over, and the Denning-Sacco replay (Denning and Sacco,
/// CACM 1981) of Needham-Schroeder's symmetric-key protocol is found and confirmed on real cryptography.
@Test func sessionKeyRevealOfAnSPDLModelFindsDenningSacco() throws {
    let (text, path) = try Corpus.twin("nssk-skr")
    let m = try #require(try SPDL.parse(text, file: path).first)
    func check(_ adversary: String) throws -> PropertyResult {
        var options = CheckOptions(maxRuns: 4, properties: ["Secret_R1"])
        options.adversary = try #require(Adversary.parse(adversary))
        return try #require(try Checker(options: options).check(m).first)
    }
    #expect(try check("ext").verdict == .verified)
    let r = try check("br")
    #expect(r.verdict == .attack)
    #expect(r.identity == "Secret_R1 under br")
    let trace = try #require(r.trace)
    let reveal = try #require(trace.steps.first { $0.action == .reveal })
    // An initiator's run hands over its key, and the responder later claims that same key.
    let revealer = try #require(trace.runs.first { $0.number == reveal.run })
    #expect(revealer.role == "I")
    #expect(reveal.note?.contains("[SKR]") == true)
    #expect(trace.steps.last?.term == reveal.term)
    let replay = Replayer(model: m).replay(trace)
    #expect(replay.confirmed, "\(replay.render())")
}
