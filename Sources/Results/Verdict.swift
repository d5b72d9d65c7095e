import Model
import Terms

package enum Verdict: String, Codable, Hashable, Sendable {
    /// A trace violates the property.
    case attack
    /// No attack exists, within the stated bound or for any number of runs (see `Scope`).
    case verified
    /// A pattern, state, memory or time limit, or an interrupt, ended the search first.
    case inconclusive
}

extension Verdict {
    /// The verdict of a reachability property from the search for its witness, which both engines run
    /// as the search for an attack: a trace that reaches the claim makes the property hold whatever
    /// the bound (the trace is its witness); a search that finds none makes it fail, within the bound
    /// or, when the search closed unbounded, for any number of runs.
    package static func reachability(searched v: Verdict, _ scope: Scope?) -> (Verdict, Scope?) {
        switch v {
        case .attack: return (.verified, .unbounded)
        case .verified: return (.attack, nil)
        case .inconclusive: return (.inconclusive, nil)
        }
    }
}

/// How far a `verified` reaches.
package enum Scope: String, Codable, Hashable, Sendable {
    /// No attack for any number of runs: the search closed without the run bound cutting a branch.
    case unbounded
    /// No attack within the stated bound; never a proof beyond it.
    case bounded
}

/// The bound a verdict holds under.
package struct Bound: Codable, Hashable, Sendable {
    package var maxRuns: Int
    package var typeFlaws: Bool
    package init(maxRuns: Int, typeFlaws: Bool) {
        self.maxRuns = maxRuns
        self.typeFlaws = typeFlaws
    }
}

/// The outcome of checking one property.
package struct PropertyResult: Codable, Hashable, Sendable {
    /// How expectation files and the matrix name the result: the property, and the adversary
    /// when it is not the standard one (`secret-K under pfs`).
    package var identity: String { adversary.isStandard ? property : "\(property) under \(adversary.name)" }

    package var model: String
    package var property: String
    package var kind: PropertyKind
    package var role: String
    package var setting: String
    package var summary: String
    package var verdict: Verdict
    /// For `verified` only: whether the proof holds for any number of runs or within the bound.
    package var scope: Scope?
    package var bound: Bound
    /// What the adversary could reveal beyond the network.
    package var adversary: Adversary
    package var assumptions: [String]
    /// States explored for this property's searches (shared searches count for each property they served).
    package var states: Int
    package var seconds: Double
    /// What stopped the search, for `inconclusive`.
    package var limit: String?
    package var trace: Trace?
    /// Set when the attack was replayed on real cryptography (`check --replay`, the committed files).
    package var replay: ReplayOutcome?

    package init(model: String, property: String, kind: PropertyKind, role: String, setting: String, summary: String,
                verdict: Verdict, scope: Scope? = nil, bound: Bound, adversary: Adversary = .standard, assumptions: [String], states: Int, seconds: Double,
                limit: String? = nil, trace: Trace? = nil, replay: ReplayOutcome? = nil) {
        self.model = model
        self.property = property
        self.kind = kind
        self.role = role
        self.setting = setting
        self.summary = summary
        self.verdict = verdict
        self.scope = scope
        self.bound = bound
        self.adversary = adversary
        self.assumptions = assumptions
        self.states = states
        self.seconds = seconds
        self.limit = limit
        self.trace = trace
        self.replay = replay
    }
}
