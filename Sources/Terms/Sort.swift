/// The type of a term, used for typed matching. A variable of sort `.message` accepts any term;
/// with `--type-flaws` every variable does.
public enum Sort: String, Hashable, Sendable, Codable, CaseIterable {
    case agent, nonce, key, number, message

    /// Nonces and numbers live in the integers, so `N + 5` and balances are arithmetic.
    package var isNumeric: Bool { self == .nonce || self == .number }

    /// A small number for hashing.
    var code: Int {
        switch self {
        case .agent: return 0
        case .nonce: return 1
        case .key: return 2
        case .number: return 3
        case .message: return 4
        }
    }

    /// Whether a variable of this sort may be bound to a term of sort `other`.
    package func accepts(_ other: Sort) -> Bool { self == .message || self == other }
}
