import Model

/// Scyther's protocol description language (SPDL), read into the same `ProtocolModel` values the
/// Swift DSL builds. One model per `protocol` block; the model and its properties keep SPDL's names
/// (the property of `claim_i1(I, Secret, ni)` is `Secret_i1`, as Scyther prints it) so that verdicts
/// can be compared claim by claim. Anything SPDL can say that protocheck cannot check is an
/// `SPDLError` naming the construct; nothing is dropped silently.
///
/// Readings taken (each translated model also lists the ones it uses in `readings`):
///
/// - Types: `Nonce` is a nonce, `Agent` an agent, `SessionKey` and `Key` keys, `Ticket` any message,
///   and every other `usertype` a nonce: an atomic value, as Scyther's typed matching gives it
///   (protocheck has no user sorts, so a `TimeStamp` variable also accepts a `Nonce`). An untyped
///   `fresh` is a nonce, an untyped `var` a ticket.
/// - `{t}pk(X)` is `aenc`, `{t}sk(X)` is `sign` (readable by anyone, as in Scyther), `{t}h` with `h` a
///   hash function is `h(t)`, any other key gives `senc`. `inversekeys(f, g)` of two public constants
///   is accepted: both keys are public, so `{t}f` is `senc(t, f)`, which anyone can build and open.
/// - `k(A,B)` is Scyther's directional long-term key: `kdf(k(A,B), A)`, derived from protocheck's
///   bidirectional `k(A,B)` and its first agent, so that `k(A,B)` and `k(B,A)` differ as in Scyther
///   (`Options.bidirectionalKeys` reads it as the bidirectional key itself).
/// - The first `hashfunction` is protocheck's `hash`; further ones are public user functions. A
///   `const f: Function` applied as `f(x)` is a public user function; used bare it is a public constant.
/// - Claims: `Secret` and `SKR` are secrecy. `Alive` and `Weakagree` are one property per other role
///   (Scyther requires every partner to be alive; its verdict is the conjunction of ours).
///   `Niagree` and `Nisynch` are agreement with each role that has an event in the claim's causal
///   past (the events that precede it, following each receive back to its send by label): the data
///   are the messages the claimant exchanged with that partner whose partner-side event is in that
///   past, each side with its own view of the message; the partner gets a `Running` signal just
///   before its last send in that past. Scyther's "Ni" means non-injective: both are non-injective
///   agreement by default (`Options.nisynchInjective` reads `Nisynch` as injective agreement instead).
///   Synchronisation also demands that each message was sent before it was received and covers
///   messages between third parties; protocheck checks agreement on the claimant's own exchanges.
///   With several partners the properties are named `Niagree_i3/R`, `Niagree_i3/S`.
///   `Commit`/`Running` with explicit data are agreement and its signal (`claim(R, Commit, I, d...)`).
///   `Empty` claims check nothing in Scyther and produce no property. `Reachable` is an error.
/// - Labels are kept as written (`send_!2` has label `!2`) and link a send to the receives with the
///   same label when the causal past of a claim is computed.
/// - An unlabelled claim is named after its role and its rank among the role's unlabelled claims
///   (`claim(S, Secret, Ni)` is `Secret_S1`), as in Scyther's output.
public enum SPDL {
    public struct Options: Hashable, Sendable {
        /// Read `Nisynch` as injective agreement (a replay violates it) rather than non-injective.
        public var nisynchInjective: Bool
        /// Read `k(A,B)` as protocheck's bidirectional key (`k(A,B) = k(B,A)`) rather than Scyther's
        /// directional one.
        public var bidirectionalKeys: Bool
        public init(nisynchInjective: Bool = false, bidirectionalKeys: Bool = false) {
            self.nisynchInjective = nisynchInjective
            self.bidirectionalKeys = bidirectionalKeys
        }
    }

    /// Parses every `protocol` block of an SPDL source. `file` names the source in errors and
    /// locations.
    public static func parse(_ source: String, file: String) throws -> [ProtocolModel] {
        try parse(source, file: file, options: Options())
    }

    public static func parse(_ source: String, file: String, options: Options) throws -> [ProtocolModel] {
        let text = SourceText(source, file: file)
        var parser = try Parser(text)
        let items = try parser.file()
        let translator = try Translator(text, items, options: options)
        return try translator.models()
    }
}
