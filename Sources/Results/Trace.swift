import Model
import Terms

/// An attack: the runs of the scenario, every step in order (honest sends and receives, the
/// intruder's derivations, the violated claim), and the concrete witness values the solver chose.
/// `protocheck replay` reads exactly this value back from JSON.
package struct Trace: Codable, Hashable, Sendable {
    package struct Run: Codable, Hashable, Sendable {
        package var number: Int
        package var role: String
        /// The agent playing the role.
        package var agent: String
        /// Role name -> agent, for every role name of the protocol as this run sees it.
        package var bindings: [String: String]
        /// An old session of a compromised-session setting: its Reveal events went to the intruder.
        package var old: Bool

        package init(number: Int, role: String, agent: String, bindings: [String: String], old: Bool) {
            self.number = number
            self.role = role
            self.agent = agent
            self.bindings = bindings
            self.old = old
        }
    }

    package struct Step: Codable, Hashable, Sendable {
        /// `reveal`: a compromising adversary (or an old session) hands the intruder `term`; `note`
        /// says what it is and under which capability.
        package enum Action: String, Codable, Hashable, Sendable { case send, receive, derive, claim, event, reveal }
        /// Agent name of an honest run, or the intruder's name for derivations.
        package var actor: String
        package var run: Int?
        package var action: Action
        /// The message's step number in the narration, for sends and receives.
        package var label: String?
        package var term: Term
        /// For derivations: how the intruder got `term`.
        package var rule: DerivationStep.Rule?
        package var premises: [Term]?
        /// The signal or claim name, for `event` and `claim` steps.
        package var note: String?

        package init(actor: String, run: Int?, action: Action, label: String? = nil, term: Term,
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
    package struct Witness: Codable, Hashable, Sendable {
        package var name: String
        package var term: Term
        package var value: Int?

        package init(name: String, term: Term, value: Int?) {
            self.name = name
            self.term = term
            self.value = value
        }
    }

    package var model: String
    /// Where the model came from: the path of the model file as it was given to `check` (an SPDL
    /// file), or nil for a registered model, which is all older traces name. `protocheck replay`
    /// resolves it the way `check` resolves its arguments.
    package var modelFile: String?
    package var property: String
    package var kind: PropertyKind
    package var role: String
    package var setting: String
    /// The adversary the attack was found under; nil for the standard one (older traces name none).
    package var adversary: Adversary?
    package var intruder: String
    package var runs: [Run]
    package var steps: [Step]
    package var witness: [Witness]
    /// The violation in words.
    package var violation: String

    package init(model: String, property: String, kind: PropertyKind, role: String, setting: String, intruder: String,
                runs: [Run], steps: [Step], witness: [Witness], violation: String, modelFile: String? = nil, adversary: Adversary? = nil) {
        self.adversary = adversary
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
    package var length: Int { steps.filter { $0.action == .send || $0.action == .receive }.count }
}
