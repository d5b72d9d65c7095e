/// How messages travel when an attack is replayed: `tagged` gives every field a type tag and a length,
/// so a receiver can never take one kind of value for another; `untagged` concatenates raw fields,
/// which lets a type-flaw attack (a tuple read as a key) survive on bytes. It lives here, beside the
/// outcome that names it, so that renderers can say which wire confirmed an attack without
/// depending on replay.
package enum WireEncoding: String, Codable, Hashable, Sendable {
    case tagged, untagged

    /// The wire whose receivers read messages as the search's matching does: typed matching is a
    /// tagged wire, matching with `--type-flaws` (a variable takes any term) an untagged one.
    package init(typeFlaws: Bool) { self = typeFlaws ? .untagged : .tagged }
}

/// What replaying an attack on real cryptography gave, as every rendering shows it beside the
/// verdict. A value of its own (not the full replay report with its bytes), so that results stay
/// small and the committed files carry only what a reader needs.
package struct ReplayOutcome: Codable, Hashable, Sendable {
    package enum Status: String, Codable, Hashable, Sendable {
        case confirmed
        case notConfirmed = "not-confirmed"
    }

    package var status: Status
    package var encoding: WireEncoding
    /// Where a replay that is not confirmed failed: the step as the trace's text numbers it (the
    /// intruder's derivations count as the numbered step they lead up to). Nil when it failed before
    /// the first step (the intruder's initial knowledge) or when it was confirmed.
    package var step: Int?
    /// Why it is not confirmed: the operation on bytes that failed, or the violation that did not hold.
    package var reason: String?

    package init(status: Status, encoding: WireEncoding, step: Int? = nil, reason: String? = nil) {
        self.status = status
        self.encoding = encoding
        self.step = step
        self.reason = reason
    }

    package var confirmed: Bool { status == .confirmed }
}
