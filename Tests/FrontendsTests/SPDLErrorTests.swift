import Testing
@testable import Frontends

/// Errors point at the offending token: file, line, column, the line itself and a caret.
@Suite struct SPDLErrorTests {
    func error(_ source: String) -> SPDLError? {
        do {
            _ = try SPDL.parse(source, file: "bad.spdl")
            return nil
        } catch {
            return error as? SPDLError
        }
    }

    @Test func missingSemicolonPointsAtTheNextToken() throws {
        let e = try #require(error("""
        protocol p(I,R)
        {
            role I
            {
                fresh n: Nonce
                send_1(I,R, n);
            }
        }
        """))
        #expect(e.line == 6 && e.column == 9)
        #expect(e.message == "expected ';' after the declaration, found 'send_1'")
        #expect(e.description == """
        bad.spdl:6:9: error: expected ';' after the declaration, found 'send_1'
                send_1(I,R, n);
                ^~~~~~
        """)
    }

    @Test func undeclaredNameInsideAnEncryption() throws {
        let e = try #require(error("protocol p(I,R) {\n  role I { fresh n: Nonce; send_1(I,R, {I,nx}pk(R)); }\n  role R { }\n}"))
        #expect((e.line, e.column) == (2, 43))
        #expect(e.message == "undeclared name 'nx'")
        #expect(e.description.hasSuffix("\n  role I { fresh n: Nonce; send_1(I,R, {I,nx}pk(R)); }\n" + String(repeating: " ", count: 42) + "^~"))
    }

    @Test func caretKeepsTabsSoItLinesUp() throws {
        let e = try #require(error("protocol p(I) {\n\trole I {\n\t\tclaim_i1(I, Secret);\n\t}\n}"))
        #expect((e.line, e.column) == (3, 15))
        #expect(e.message == "claim Secret needs the term that stays secret")
        #expect(e.description.hasSuffix("\t\tclaim_i1(I, Secret);\n\t\t            ^~~~~~"))
    }

    @Test(arguments: [
        ("usertype T;\nprotocol p(I) { role I { var x: Time; } }", 2, 33, "unknown type 'Time' (declare it with 'usertype Time;')"),
        ("protocol p(X) { role X { } }\nprotocol p(Y) { role Y { } }", 2, 10, "protocol 'p' is defined twice (first on line 1)"),
        ("protocol p(I,R) { role I { claim_x(I, Alive, n); } role R { } }", 1, 46, "claim Alive takes a role of the protocol, not 'n'"),
        ("protocol p(I,R) { role I { claim_x(I, Commit, I2, I); } role R { } }", 1, 47, "claim Commit takes a role of the protocol as its partner (claim(R, Commit, R', data)), not 'I2'"),
        ("protocol p(I) { role I { match(x, I); } }", 1, 26, "'match' (pattern matching) is not supported by protocheck yet"),
        ("protocol p(I) { fresh n: Nonce; role I { send_1(I,I, n); } }", 1, 54, "'n' is declared at protocol level (line 1), outside the role; protocheck does not support that yet: declare it in the role"),
        ("const a, b: Nonce;\ninversekeys(a, b);", 2, 13, "inversekeys with 'a', which is not a constant of type Function, is not supported by protocheck yet"),
        ("untrusted Eve;", 1, 1, "the 'untrusted' declaration is not supported by protocheck yet"),
        ("protocol p(I,R) { role I { send_1(R,I, I); } role R { } }", 1, 35, "role I can only send as itself, not 'R'"),
        ("protocol p(I,R) { role I { send(I,R, I); } role R { } }", 1, 28, "'send' needs a label, as in send_1"),
        ("protocol p(I,R) { role I { claim_x(I, Foo); } role R { } }", 1, 39, "claim type 'Foo' is not supported by protocheck (Scyther's claim types: Secret, SKR, Alive, Weakagree, Niagree, Nisynch, Commit, Running, Reachable, Empty, SID, NotEqual)"),
        ("protocol p(I,R) { role I { send_1(I,R, h(I)); } role R { } }", 1, 40, "unknown function 'h' (declare it with 'hashfunction h;' or 'const h: Function;')"),
        ("protocol p(I,R) { role I { send_1(I,R, k(I)); } role R { } }", 1, 40, "k takes two arguments (k(A,B)), not 1"),
        ("protocol p(I,R) { role I { } }", 1, 14, "role 'R' has no role block"),
        ("macro m = (m, m);\nprotocol p(I,R) { role I { send_1(I,R, m); } role R { } }", 1, 12, "macro 'm' refers to itself"),
        ("/* open\nprotocol p(I) { }", 1, 1, "unterminated comment"),
        ("protocol p(I) { role I { send_1(I,I, $); } }", 1, 38, "unexpected character '$'"),
        ("protocol p(I,R) { role I { send_1(I,R, ()); } role R { } }", 1, 41, "empty term list"),
    ] as [(String, Int, Int, String)])
    func namesTheConstructLineAndColumn(_ source: String, _ line: Int, _ column: Int, _ message: String) throws {
        let e = try #require(error(source))
        #expect(e.message == message)
        #expect((e.line, e.column) == (line, column), "\(e)")
        #expect(e.file == "bad.spdl")
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() throws {
        let deep = String(repeating: "(", count: 100_000) + "I" + String(repeating: ")", count: 100_000)
        let e = try #require(error("protocol p(I,R) { role I { send_1(I,R, \(deep)); } role R { } }"))
        #expect(e.message == "terms nested more than \(Parser.maxNesting) deep")
        let braces = String(repeating: "{", count: 100_000)
        #expect(error("protocol p(I,R) { role I { send_1(I,R, \(braces)") != nil)
    }

    @Test func macrosCannotBlowUpExponentially() throws {
        var source = "macro m0 = (I, I);\n"
        for n in 1...40 { source += "macro m\(n) = (m\(n - 1), m\(n - 1));\n" }
        source += "protocol p(I,R) { role I { send_1(I,R, m40); } role R { } }"
        let e = try #require(error(source))
        #expect(e.message.hasPrefix("term too large after macro expansion"))
    }
}

/// Errors that a CI gate must not let through, or must word so that the reader finds the cause.
@Suite struct SPDLGateErrorTests {
    @Test func aLabelWrittenTwiceIsRefusedAtTheSecondClaim() throws {
        let source = """
            protocol p(I,R) {
              role I { fresh n: Nonce; send_1(I,R,{n}pk(R)); claim_x(I,Secret,n);
                claim_x(I,Secret,n); }
              role R { var n: Nonce; recv_1(I,R,{n}pk(R)); }
            }
            """
        #expect {
            _ = try SPDL.parse(source, file: "dup.spdl")
        } throws: { error in
            guard let e = error as? SPDLError else { return false }
            return e.line == 3 && e.column == 5 && e.message.contains("claim Secret_x is written twice") && e.message.contains("first on line 2")
        }
    }

    /// An error on a line of a megabyte shows an excerpt around the column, not the whole line.
    @Test func anErrorOnAHugeLineShowsAnExcerpt() throws {
        let filler = String(repeating: "const c: Nonce; ", count: 65_536)
        let source = filler + "$" + filler
        let error = try #require(throws: SPDLError.self) { _ = try SPDL.parse(source, file: "long.spdl") }
        #expect(error.column == filler.unicodeScalars.count + 1)
        let text = error.description
        #expect(text.utf8.count < 600, "\(text.utf8.count) bytes")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "long.spdl:1:\(filler.unicodeScalars.count + 1): error: unexpected character '$'")
        #expect(lines[1].hasPrefix("…") && lines[1].hasSuffix("…"))
        // The caret stands under the '$' of the excerpt.
        let caret = try #require(lines[2].firstIndex(of: "^"))
        #expect(Array(lines[1])[lines[2].distance(from: lines[2].startIndex, to: caret)] == "$")
    }
}
