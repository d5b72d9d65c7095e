import Engine
import Model
import Results
import Terms
import Testing

private let A = agent("A"), B = agent("B")
private let Na = nonce("Na"), Nb = nonce("Nb"), K = key("K")

@Test func roleThatSendsWhatItCannotBuildIsReportedBeforeSearch() throws {
    let model = ProtocolModel("broken", title: "broken", source: "test") {
        Role("A") {
            Send("1", senc(Na, key: k(B, agent("C"))))
        }
        Role("B") { Recv("1", Na) }
    }
    let errors = model.validate()
    let first = try #require(errors.first)
    #expect(first.message.contains("role A"))
    #expect(first.message.contains("step 1"))
    #expect(first.message.contains("Na"))
    #expect(first.location.file.hasSuffix("ModelErrorTests.swift"))
    #expect(throws: CheckError.self) { try Checker().check(model) }
}

@Test func claimAboutATermTheRoleNeverHasIsAnError() throws {
    let model = ProtocolModel("claims-k", title: "t", source: "test") {
        Role("A") {
            Fresh(Na)
            Send("1", aenc(Na, key: pk(B)))
            Claim("A-secret-K", .secret(K))
        }
        Role("B") { Recv("1", aenc(Na, key: pk(B))) }
    }
    let errors = model.validate()
    #expect(errors.contains { $0.message.contains("A-secret-K") && $0.message.contains("never has") })
}

@Test func unknownPropertyIsAnError() throws {
    let model = ProtocolModel("ok", title: "t", source: "test") {
        Role("A") { Fresh(Na); Send("1", aenc(Na, key: pk(B))); Claim("s", .secret(Na)) }
        Role("B") { Recv("1", aenc(Na, key: pk(B))) }
    }
    #expect(throws: CheckError.self) { try Checker(options: CheckOptions(properties: ["nope"])).check(model) }
    let r = try Checker(options: CheckOptions(maxRuns: 2)).check(model)
    #expect(r.first?.verdict == .verified)
}
