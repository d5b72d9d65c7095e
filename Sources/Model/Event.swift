import Foundation
import Terms

/// A condition a role checks, or a property's side condition. Equalities of terms are settled by
/// unification; the rest (disequalities, integer comparisons) by the solver.
public enum Condition: Hashable, Sendable, CustomStringConvertible {
    case equal(Term, Term)
    case notEqual(Term, Term)
    /// Integer comparison `lhs >= rhs`, e.g. a balance covering a price.
    case atLeast(Term, Term)

    package var terms: [Term] {
        switch self {
        case .equal(let a, let b), .notEqual(let a, let b), .atLeast(let a, let b): return [a, b]
        }
    }

    package func map(_ f: (Term) -> Term) -> Condition {
        switch self {
        case .equal(let a, let b): return .equal(f(a), f(b))
        case .notEqual(let a, let b): return .notEqual(f(a), f(b))
        case .atLeast(let a, let b): return .atLeast(f(a), f(b))
        }
    }

    public var description: String {
        switch self {
        case .equal(let a, let b): return "\(a) = \(b)"
        case .notEqual(let a, let b): return "\(a) ≠ \(b)"
        case .atLeast(let a, let b): return "\(a) ≥ \(b)"
        }
    }
}

/// What a role claims at a point of its script: secrecy, one of Lowe's authentication properties, or
/// one of Scyther's (docs/modelling.md gives each its meaning, docs/spdl.md how SPDL's claims map here).
public enum Goal: Hashable, Sendable {
    /// The intruder never learns the term (from this role's view, with honest partners).
    case secret(Term)
    /// The partner agent has executed some event.
    case aliveness(of: Term)
    /// The partner has run the protocol apparently with this agent.
    case weakAgreement(with: Term)
    /// The partner has executed a matching `Running` signal with this agent and the same data;
    /// injective: every commit has its own partner run (a replay violates it).
    case agreement(with: Term, on: [Term], injective: Bool, tag: String)
    /// Scyther's weak agreement (`Weakagree`): a run played by the partner, in any role and not of a
    /// helper protocol, was set up with the same set of agents as the claimant's run. Lowe's weak
    /// agreement asks instead for a run of the partner's role that names the claimant in its role.
    case scytherWeakAgreement(with: Term)
    /// Non-injective synchronisation (Cremers, Mauw and de Vink; Scyther's `Nisynch`): one run of each
    /// role in the claim's causal past (`ProtocolModel.causalPast`) such that every communication of
    /// that past was sent and received by these runs with the same content, sender and recipient, each
    /// send before its receive.
    case synchronisation
    /// Non-injective agreement on messages (Scyther's `Niagree`): synchronisation without the order,
    /// so a message the intruder builds before its sender sends it does not break it.
    case messageAgreement
    /// The claim can be reached with honest agents (Scyther's `Reachable`): a property that holds
    /// when some execution reaches it. Its witness is a trace; "attack" means no execution does.
    case reachable

    package var kind: PropertyKind {
        switch self {
        case .secret: return .secrecy
        case .aliveness: return .aliveness
        case .weakAgreement: return .weakAgreement
        case .agreement(_, _, let inj, _): return inj ? .injectiveAgreement : .nonInjectiveAgreement
        case .scytherWeakAgreement: return .scytherWeakAgreement
        case .synchronisation: return .synchronisation
        case .messageAgreement: return .messageAgreement
        case .reachable: return .reachability
        }
    }

    package var terms: [Term] {
        switch self {
        case .secret(let t): return [t]
        case .aliveness(let a), .weakAgreement(let a), .scytherWeakAgreement(let a): return [a]
        case .agreement(let a, let ds, _, _): return [a] + ds
        case .synchronisation, .messageAgreement, .reachable: return []
        }
    }

    package func map(_ f: (Term) -> Term) -> Goal {
        switch self {
        case .secret(let t): return .secret(f(t))
        case .aliveness(let a): return .aliveness(of: f(a))
        case .weakAgreement(let a): return .weakAgreement(with: f(a))
        case .agreement(let a, let ds, let inj, let tag): return .agreement(with: f(a), on: ds.map(f), injective: inj, tag: tag)
        case .scytherWeakAgreement(let a): return .scytherWeakAgreement(with: f(a))
        case .synchronisation, .messageAgreement, .reachable: return self
        }
    }

    /// The term a trace shows for the claim: its one term, its terms as a tuple, or for a goal with no
    /// term (synchronisation, message agreement, reachability) a public constant naming its kind.
    package var shown: Term {
        switch terms.count {
        case 0: return .atom(Atom(kind.rawValue, sort: .message, kind: .constant(isPublic: true)))
        case 1: return terms[0]
        default: return .tuple(terms)
        }
    }

    /// Synchronisation and message agreement: judged on the runs of the claim's causal past.
    package var isSynchronisation: Bool {
        switch self {
        case .synchronisation, .messageAgreement: return true
        default: return false
        }
    }

    public static func agreement(with a: Term, on data: [Term], injective: Bool) -> Goal {
        .agreement(with: a, on: data, injective: injective, tag: "")
    }
}

package enum PropertyKind: String, Hashable, Sendable, Codable, CaseIterable {
    case secrecy, aliveness
    case weakAgreement = "weak-agreement"
    case nonInjectiveAgreement = "non-injective-agreement"
    case injectiveAgreement = "injective-agreement"
    case scytherWeakAgreement = "scyther-weak-agreement"
    case synchronisation = "non-injective-synchronisation"
    case messageAgreement = "non-injective-message-agreement"
    case reachability
    case custom
}

/// Where an event was written, so that model errors can point at the line.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }
    /// The DSL records `#filePath`, the file's absolute path (`#fileID` would name
    /// `Models/Broken.swift` for `models/Newcomer/Broken.swift`); under the working folder it is
    /// shown relative to it, as a compiler would.
    public var description: String { "\(Self.shown(file)):\(line):\(column)" }

    /// `path` relative to `directory` (the working folder) when it lies under it; otherwise as it is.
    package static func shown(_ path: String, relativeTo directory: String = FileManager.default.currentDirectoryPath) -> String {
        guard path.hasPrefix("/"), !directory.isEmpty else { return path }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}

/// Who a message is from and for, as the role script names them. SPDL writes both on every send and
/// receive; a DSL message need not. Synchronisation compares them where both sides give them.
public struct Endpoints: Hashable, Sendable {
    public var from: Term
    public var to: Term
    public init(from: Term, to: Term) {
        self.from = from
        self.to = to
    }
    package func map(_ f: (Term) -> Term) -> Endpoints { Endpoints(from: f(from), to: f(to)) }
}

/// One step of a role script.
public struct Event: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        /// Send a message (with the step number of the narration).
        case send(label: String, Term)
        /// Receive a message matching the pattern; unbound names in it get bound.
        case receive(label: String, Term)
        /// Generate a fresh value for the name.
        case fresh(Term)
        /// Bind a name to a value computed from what the role knows.
        case assign(Term, Term)
        /// Abort the run unless the condition holds.
        case check(Condition)
        /// The partner's side of an agreement: "I am running the protocol with `peer` on `data`".
        /// `tag` pairs it with the claims that name the same tag, when a role runs several agreements.
        case running(peer: Term, data: [Term], tag: String)
        /// Record an event that conditional properties talk about.
        case signal(name: String, data: [Term])
        /// In a run marked as an old, compromised session, hand the term to the intruder; elsewhere nothing.
        case reveal(Term)
        /// A property, checked when the run reaches this point.
        case claim(name: String, Goal)
    }

    public var action: Action
    public var location: SourceLocation
    /// For a send or receive: its sender and recipient, when the script names them.
    public var endpoints: Endpoints?

    public init(_ action: Action, location: SourceLocation, endpoints: Endpoints? = nil) {
        self.action = action
        self.location = location
        self.endpoints = endpoints
    }

    package var label: String? {
        switch action {
        case .send(let l, _), .receive(let l, _): return l
        default: return nil
        }
    }

    package func map(_ f: (Term) -> Term) -> Event {
        let a: Action
        switch action {
        case .send(let l, let t): a = .send(label: l, f(t))
        case .receive(let l, let t): a = .receive(label: l, f(t))
        case .fresh(let t): a = .fresh(f(t))
        case .assign(let v, let t): a = .assign(f(v), f(t))
        case .check(let c): a = .check(c.map(f))
        case .running(let p, let ds, let tag): a = .running(peer: f(p), data: ds.map(f), tag: tag)
        case .signal(let n, let ds): a = .signal(name: n, data: ds.map(f))
        case .reveal(let t): a = .reveal(f(t))
        case .claim(let n, let g): a = .claim(name: n, g.map(f))
        }
        return Event(a, location: location, endpoints: endpoints?.map(f))
    }
}

extension Event.Action {
    /// How a `Running` event is named in traces and reports: `Running`, or `Running:tag`.
    package static func runningName(_ tag: String) -> String { tag.isEmpty ? "Running" : "Running:\(tag)" }

    /// The terms an event mentions.
    package var terms: [Term] {
        switch self {
        case .send(_, let t), .receive(_, let t), .fresh(let t), .reveal(let t): return [t]
        case .assign(let a, let b): return [a, b]
        case .check(let c): return c.terms
        case .running(let p, let ds, _): return [p] + ds
        case .signal(_, let ds): return ds
        case .claim(_, let g): return g.terms
        }
    }
}
