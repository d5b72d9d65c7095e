import Model
import Terms

public enum Verdict: String, Codable, Hashable, Sendable {
    /// A trace violates the property.
    case attack
    /// No attack exists within the stated bound; never a proof beyond it.
    case verified
    /// A state, time or depth limit ended the search first.
    case inconclusive
}

/// The bound a verdict holds under.
public struct Bound: Codable, Hashable, Sendable {
    public var maxRuns: Int
    public var typeFlaws: Bool
    public init(maxRuns: Int, typeFlaws: Bool) {
        self.maxRuns = maxRuns
        self.typeFlaws = typeFlaws
    }
}

/// The outcome of checking one property.
public struct PropertyResult: Codable, Hashable, Sendable {
    public var model: String
    public var property: String
    public var kind: PropertyKind
    public var role: String
    public var setting: String
    public var summary: String
    public var verdict: Verdict
    public var bound: Bound
    public var assumptions: [String]
    /// States explored for this property's searches (shared searches count for each property they served).
    public var states: Int
    public var seconds: Double
    /// What stopped the search, for `inconclusive`.
    public var limit: String?
    public var trace: Trace?
    /// `confirmed` or `not-confirmed` when the attack was replayed on real cryptography.
    public var replay: String?
}
