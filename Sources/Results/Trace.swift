import Model
import Terms

/// An attack: the runs of the scenario, every step in order (honest sends and receives, the
/// intruder's derivations, the violated claim), and the concrete witness values the solver chose.
/// `protocheck replay` reads exactly this value back from JSON.
public struct Trace: Codable, Hashable, Sendable {
    public struct Run: Codable, Hashable, Sendable {
        public var number: Int
        public var role: String
        /// The agent playing the role.
        public var agent: String
        /// Role name -> agent, for every role name of the protocol as this run sees it.
        public var bindings: [String: String]
        /// An old session of a compromised-session setting: its Reveal events went to the intruder.
        public var old: Bool

        public init(number: Int, role: String, agent: String, bindings: [String: String], old: Bool) {
            self.number = number
            self.role = role
            self.agent = agent
            self.bindings = bindings
            self.old = old
        }
    }

    public struct Step: Codable, Hashable, Sendable {
        public enum Action: String, Codable, Hashable, Sendable { case send, receive, derive, claim, event }
        /// Agent name of an honest run, or the intruder's name for derivations.
        public var actor: String
        public var run: Int?
        public var action: Action
        /// The message's step number in the narration, for sends and receives.
        public var label: String?
        public var term: Term
        /// For derivations: how the intruder got `term`.
        public var rule: DerivationStep.Rule?
        public var premises: [Term]?
        /// The signal or claim name, for `event` and `claim` steps.
        public var note: String?

        public init(actor: String, run: Int?, action: Action, label: String? = nil, term: Term,
                    rule: DerivationStep.Rule? = nil, premises: [Term]? = nil, note: String? = nil) {
            self.actor = actor
            self.run = run
            self.action = action
            self.label = label
            self.term = term
            self.rule = rule
            self.premises = premises
            self.note = note
        }
    }

    /// A concrete value chosen for an atom or a variable (integers for nonces and numbers, as Z3's model gives them).
    public struct Witness: Codable, Hashable, Sendable {
        public var name: String
        public var term: Term
        public var value: Int?

        public init(name: String, term: Term, value: Int?) {
            self.name = name
            self.term = term
            self.value = value
        }
    }

    public var model: String
    /// Where the model came from: the path of the model file as it was given to `check` (an SPDL
    /// file), or nil for a registered model, which is all older traces name. `protocheck replay`
    /// resolves it the way `check` resolves its arguments.
    public var modelFile: String?
    public var property: String
    public var kind: PropertyKind
    public var role: String
    public var setting: String
    public var intruder: String
    public var runs: [Run]
    public var steps: [Step]
    public var witness: [Witness]
    /// The violation in words.
    public var violation: String

    public init(model: String, property: String, kind: PropertyKind, role: String, setting: String, intruder: String,
                runs: [Run], steps: [Step], witness: [Witness], violation: String, modelFile: String? = nil) {
        self.model = model
        self.modelFile = modelFile
        self.property = property
        self.kind = kind
        self.role = role
        self.setting = setting
        self.intruder = intruder
        self.runs = runs
        self.steps = steps
        self.witness = witness
        self.violation = violation
    }
    /// Honest sends and receives: the length by which attacks are ranked.
    public var length: Int { steps.filter { $0.action == .send || $0.action == .receive }.count }
}
