import Model
import Terms

/// The fixed part of one search: the runs' scripts and what the intruder knows before any message.
/// Knowledge at a point of a trace is determined by how far each run has got (a "time" vector of
/// program counters), which makes it independent of the order of the interleaving.
struct Network {
    var runs: [RunScript]
    var initialKnowledge: [Term]
    /// What each run hands the intruder, by event index (sends, and reveals of old runs), with a
    /// flag for messages that have no variables: those never change under a substitution.
    private let outputs: [[(event: Int, term: Term, ground: Bool)]]
    /// For run j at program counter pc: the program counter just after its last output before pc.
    private let knowledgeTime: [[Int]]

    init(runs: [RunScript], initialKnowledge: [Term]) {
        self.runs = runs
        self.initialKnowledge = initialKnowledge
        self.outputs = runs.map { run in
            run.events.enumerated().compactMap { i, e in
                switch e.action {
                case .send(_, let t): return (i, t, t.isGround)
                case .reveal(let t) where run.spec.old: return (i, t, t.isGround)
                default: return nil
                }
            }
        }
        self.knowledgeTime = zip(runs, outputs).map { run, sent in
            (0...run.events.count).map { pc in (sent.last { $0.event < pc }?.event).map { $0 + 1 } ?? 0 }
        }
    }

    /// The least time with the same knowledge: what the intruder holds changes only with outputs,
    /// so constraints that differ only between two outputs of a run are the same constraint.
    func canonical(_ time: [Int]) -> [Int] {
        time.enumerated().map { j, pc in knowledgeTime[j][pc] }
    }

    /// What the intruder can analyse when run j has executed `time[j]` events.
    func knowledge(at time0: [Int], under s: Substitution) -> Knowledge {
        let time = canonical(time0)
        // The ground messages follow from the time alone: the key holds only the others.
        var all = initialKnowledge, open: [Term] = []
        for (j, sent) in outputs.enumerated() {
            for o in sent where o.event < time[j] {
                if o.ground { all.append(o.term) } else { let t = s.apply(o.term); open.append(t); all.append(t) }
            }
        }
        let key = KnowledgeCache.Key(time: time, open: open)
        if let k = cache.table[key] { return k }
        let k = Knowledge(all, variablesKnown: true)
        if cache.table.count > 50_000 { cache.table.removeAll(keepingCapacity: true) }
        cache.table[key] = k
        return k
    }

    /// Analysed knowledge by the list of messages it comes from: the search asks for the same
    /// knowledge again and again (every receive and every secrecy check of a state).
    let cache = KnowledgeCache()
}

final class KnowledgeCache {
    struct Key: Hashable {
        var time: [Int]
        var open: [Term]
    }
    var table: [Key: Knowledge] = [:]
}

extension Network {
    /// What the intruder holds from the start in a scenario under a setting (`IntruderKnowledge`).
    static func intruderKnowledge(model: ProtocolModel, setting: Setting, runs: [RunScript]) -> [Term] {
        IntruderKnowledge.instances(of: model, setting: setting, agents: runs.flatMap { $0.spec.agents.map(\.atom) })
    }
}
