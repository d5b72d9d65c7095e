// Models that would let a CI gate pass having checked nothing, or mislead its reader.
import Engine
import Foundation
import Model
import Results
import Terms
import Testing

private let A = agent("A"), B = agent("B")
private let Na = nonce("Na")

@Test func twoClaimsOfOneNameAreAModelError() throws {
    let model = ProtocolModel("twice", title: "t", source: "test") {
        Role("A") {
            Fresh(Na)
            Send("1", aenc(Na, key: pk(B)))
            Claim("secret-Na", .secret(Na))
            Claim("secret-Na", .secret(Na))
        }
        Role("B") { Recv("1", aenc(Na, key: pk(B))) }
    }
    let error = try #require(model.validate().first { $0.message.contains("two properties are named 'secret-Na'") })
    #expect(error.location.line == #line - 5)
    #expect(throws: CheckError.self) { try Checker().check(model) }
}

@Test func aModelWithoutClaimsIsRefusedRatherThanPassed() throws {
    let model = ProtocolModel("silent", title: "t", source: "test") {
        Role("A") { Fresh(Na); Send("1", aenc(Na, key: pk(B))) }
        Role("B") { Recv("1", aenc(Na, key: pk(B))) }
    }
    #expect(model.validate().isEmpty)
    #expect {
        try Checker().check(model)
    } throws: { error in
        guard case CheckError.noProperties(let name, _) = error else { return false }
        return name == "silent" && "\(error)".contains("makes no claims")
    }
}

/// The DSL records #filePath: an error names this file by its path from the package root, not by
/// `EngineTests/GateModelTests.swift` (#fileID), which names no file a user can open.
@Test func aModelErrorNamesTheRealFilePath() throws {
    let model = ProtocolModel("broken", title: "t", source: "test") {
        Role("A") { Send("1", Na) }
        Role("B") { Recv("1", Na) }
    }
    let error = try #require(model.validate().first)
    let shown = error.description
    #expect(shown.hasPrefix("Tests/EngineTests/GateModelTests.swift:\(#line - 5):") || shown.hasPrefix("\(#filePath):\(#line - 5):"), "\(shown)")
}

@Test func aRunningSignalAfterTheLastSendIsWarnedAbout() throws {
    let late = ProtocolModel("late-running", title: "t", source: "test") {
        Role("A") {
            Fresh(Na)
            Send("1", senc(Na, A, key: k(A, B)))
            Running(with: B, Na)
        }
        Role("B") {
            Recv("1", senc(Na, A, key: k(A, B)))
            Claim("B-ni-agree", .agreement(with: A, on: [Na], injective: false))
        }
    }
    let warning = try #require(late.warnings().first)
    #expect(warning.location.line == #line - 8)
    #expect(warning.description.contains("role A: Running with B comes after the role's last send"))
    // The verdict it explains: agreement fails although the protocol is fine.
    let result = try #require(try Checker(options: CheckOptions(maxRuns: 2)).check(late).first)
    #expect(result.verdict == .attack)

    let onTime = ProtocolModel("on-time", title: "t", source: "test") {
        Role("A") {
            Fresh(Na)
            Running(with: B, Na)
            Send("1", senc(Na, A, key: k(A, B)))
        }
        Role("B") {
            Recv("1", senc(Na, A, key: k(A, B)))
            Claim("B-ni-agree", .agreement(with: A, on: [Na], injective: false))
        }
    }
    #expect(onTime.warnings().isEmpty)
    #expect(try Checker(options: CheckOptions(maxRuns: 2)).check(onTime).first?.verdict == .verified)
}
