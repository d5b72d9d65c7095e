/// The type of a term, used for typed matching. A variable of sort `.message` accepts any term;
/// with `--type-flaws` every variable does.
///
/// A sort may name an atomic type of the model's own (SPDL's `SessionKey` and `usertype`s): under
/// Scyther's typed matching a variable of such a type takes atoms of that type only, never a value of
/// another type or a compound key such as `k(A,B)`. The name rides on the base sort the value is
/// built as (a key, or a number for the arithmetic), so that replay and Z3 need not know it.
public struct Sort: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Base: String, Hashable, Sendable, CaseIterable {
        case agent, nonce, key, number, message
    }

    public var base: Base
    /// The model's own type, or nil for the base sort itself.
    public var type: String?

    public init(_ base: Base, type: String? = nil) {
        self.base = base
        self.type = type
    }

    public static let agent = Sort(.agent)
    public static let nonce = Sort(.nonce)
    public static let key = Sort(.key)
    public static let number = Sort(.number)
    public static let message = Sort(.message)

    /// Nonces and numbers live in the integers, so `N + 5` and balances are arithmetic.
    package var isNumeric: Bool { base == .nonce || base == .number }

    /// A small number for hashing.
    var code: Int {
        let b: Int
        switch base {
        case .agent: b = 0
        case .nonce: b = 1
        case .key: b = 2
        case .number: b = 3
        case .message: b = 4
        }
        return type.map { b &+ 8 &* nameFingerprint($0) } ?? b
    }

    /// Whether a variable of this sort may be bound to a term of sort `other`.
    package func accepts(_ other: Sort) -> Bool { self == .message || self == other }

    /// The sort as it is written in traces: `nonce`, or `nonce:TimeStamp` for a type of the model's.
    package var rawValue: String { type.map { "\(base.rawValue):\($0)" } ?? base.rawValue }

    package init?(rawValue: String) {
        let parts = rawValue.split(separator: ":", maxSplits: 1).map(String.init)
        guard let first = parts.first, let base = Base(rawValue: first) else { return nil }
        self.init(base, type: parts.count == 2 ? parts[1] : nil)
    }

    public var description: String { type ?? base.rawValue }

    public static func < (a: Sort, b: Sort) -> Bool { a.rawValue < b.rawValue }
}

extension Sort: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let raw = try c.decode(String.self)
        guard let sort = Sort(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown sort '\(raw)'")
        }
        self = sort
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
