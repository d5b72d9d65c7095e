import Results
import Model
import Terms

/// One honest run executing its role script as real code: its names bound to bytes, its position
/// in the script, what it signalled and which claims it reached.
struct HonestRun {
    struct Reached {
        var name: String
        var goal: Goal
        /// The goal's terms as this run holds them, in `goal.terms` order.
        var values: [Value]
    }

    let spec: Trace.Run
    let role: Role
    var pc = 0
    var env: Env = [:]
    var signals: [(name: String, data: [Value])] = []
    /// The `Running` events it executed: their tag and (peer, data...).
    var running: [(tag: String, data: [Value])] = []
    var claims: [Reached] = []
    /// Its sends and receives as they happened, each with the index of its step in the replay (the
    /// order synchronisation judges).
    var exchanged: [(communication: Communication<Value>, step: Int)] = []
    /// Whether the run executed any event (for aliveness).
    var active = false
    var stopped: String?

    init(spec: Trace.Run, role: Role, model: ProtocolModel, world: World) {
        self.spec = spec
        self.role = role
        for name in model.roleNames {
            let agent = name == role.me ? spec.agent : spec.bindings[name.name]
            if let agent { env[name] = world.leaf(.atom(.agent(agent))) }
        }
    }

    var me: Value? { env[role.me] }

    /// How the searches name this run's instance of a template term (`RunNaming`).
    func instance(_ t: Term) -> Term { naming(t) }

    private var naming: RunNaming {
        var agents: [Variable: Term] = [role.me: .atom(.agent(spec.agent))]
        for (name, agent) in spec.bindings where name != role.name { agents[Variable(name, sort: .agent)] = .atom(.agent(agent)) }
        return RunNaming(role: role, number: spec.number, agents: agents)
    }
}
