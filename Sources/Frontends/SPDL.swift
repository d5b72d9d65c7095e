import Model

/// Scyther's protocol description language (SPDL), read into the same `ProtocolModel` values the
/// Swift DSL builds, with Scyther's meaning. One model per `protocol` block that makes claims; the
/// model and its properties keep SPDL's names (the property of `claim_i1(I, Secret, ni)` is
/// `Secret_i1`, as Scyther prints it) so that verdicts can be compared claim by claim. Anything SPDL
/// can say that protocheck cannot check is an `SPDLError` naming the construct; nothing is dropped
/// silently. docs/spdl.md gives the whole mapping.
///
/// Readings taken (each translated model also lists the ones it uses in `readings`):
///
/// - Several protocols in a file run side by side, as in Scyther: each protocol's model holds its own
///   roles and, beside them, every other protocol's roles (named `protocol.role`, claims dropped), so
///   runs of one protocol can break another's claims. Helper protocols (`@name`) give no model of
///   their own unless they make claims; their runs serve others and are never anyone's partner.
/// - Types: `Nonce` is a nonce, `Agent` an agent, `Ticket` any message; `SessionKey` and every
///   `usertype` an atomic type of its own (`Sort.type`), as Scyther's typed matching gives it: a
///   `TimeStamp` variable takes `TimeStamp` atoms only, a `SessionKey` variable session keys only, not
///   `k(A,B)`. `SessionKey` and `Key` are built as keys, the other types as nonces. An untyped `fresh`
///   is a nonce, an untyped `var` a ticket.
/// - `{t}pk(X)` is `aenc`, `{t}sk(X)` is `sign` (readable by anyone, as in Scyther), `{t}h` with `h` a
///   hash function is `h(t)`, any other key gives `senc`. `inversekeys(f, g)` of two public constants
///   is accepted: both keys are public, so `{t}f` is `senc(t, f)`, which anyone can build and open.
/// - `k(A,B)` is Scyther's directional long-term key: `kdf(k(A,B), A)`, derived from protocheck's
///   bidirectional `k(A,B)` and its first agent, so that `k(A,B)` and `k(B,A)` differ as in Scyther
///   (`Options.bidirectionalKeys` reads it as the bidirectional key itself).
/// - The first `hashfunction` is protocheck's `hash`; further ones are public user functions. A
///   `const f: Function` applied as `f(x)` is a public user function; used bare it is a public constant.
/// - Roles send what they are written to send, as in Scyther, even what they cannot build
///   (`SendDiscipline.asWritten`; the readings name each such step).
/// - Claims, with Scyther's meaning: `Secret` and `SKR` are secrecy; `Alive` is aliveness and
///   `Weakagree` Scyther's weak agreement, one property per other role (or for the role the claim
///   names); `Niagree` is message agreement and `Nisynch` synchronisation on the claim's causal past;
///   `Commit`/`Running` agreement and its signal; `Reachable` reachability; `NotEqual` a check;
///   `Empty` and `SID` signals with no property.
/// - An unlabelled claim is named after its role and its rank among the role's claim statements
///   (`claim(S, Secret, Ni)` is `Secret_S1`), as in Scyther's output.
package enum SPDL {
    package struct Options: Hashable, Sendable {
        /// Read `k(A,B)` as protocheck's bidirectional key (`k(A,B) = k(B,A)`) rather than Scyther's
        /// directional one.
        package var bidirectionalKeys: Bool
        package init(bidirectionalKeys: Bool = false) {
            self.bidirectionalKeys = bidirectionalKeys
        }
    }

    /// Parses every `protocol` block of an SPDL source. `file` names the source in errors and
    /// locations.
    package static func parse(_ source: String, file: String) throws -> [ProtocolModel] {
        try parse(source, file: file, options: Options())
    }

    package static func parse(_ source: String, file: String, options: Options) throws -> [ProtocolModel] {
        let text = SourceText(source, file: file)
        var parser = try Parser(text)
        let items = try parser.file()
        let translator = try Translator(text, items, options: options)
        return try translator.models()
    }
}
