// The lazy scenario walk makes exactly the scenarios, in exactly the order, of the enumeration it
// replaced (kept below as the reference): verdicts and the attack reported depend on that order.
@testable import Engine
import Model
import Models
import Terms
import Testing

@Test(arguments: Registry.all.map(\.name))
func theLazyWalkMakesTheScenariosOfTheFullEnumeration(_ name: String) throws {
    let model = try #require(Registry.model(named: name))
    for setting in model.settings {
        for size in 1...3 {
            let roles = Set(model.roles.indices)
            let claimRoles: Set<Int> = [0]
            let expected = referenceScenarios(of: model, setting: setting, size: size, relevantRoles: roles, claimRoles: claimRoles)
            if expected.count > 20_000 { continue }
            let got = scenarios(of: model, setting: setting, size: size, relevantRoles: roles, claimRoles: claimRoles)
            #expect(got == expected, "\(name) \(setting.name) \(size) runs: \(got.count) vs \(expected.count)")
        }
    }
}

private func referenceScenarios(of model: ProtocolModel, setting: Setting, size: Int, relevantRoles: Set<Int>, claimRoles: Set<Int>? = nil,
                      honestAgents: Int = 2) -> [Scenario] {
    let roleCount = model.roles.count
    let claimRoles = claimRoles ?? Set(model.roles.indices)
    let used: [Set<Int>] = model.roles.map { role in
        var names = Set<Variable>()
        for t in role.knows { names.formUnion(t.variables) }
        for e in role.events {
            if case .claim = e.action { continue }
            for t in e.action.terms { names.formUnion(t.variables) }
        }
        return Set(model.roles.indices.filter { names.contains(model.roles[$0].me) })
    }
    let trustedRoles = model.roles.indices.filter { model.trusted.contains(model.roles[$0].name) }
    // Only a run that reveals something is worth playing as an old session: any other old run
    // is matched by a current run that simply goes first.
    let revealing = Set(model.roles.indices.filter { r in
        !trustedRoles.contains(r) && model.roles[r].events.contains { if case .reveal = $0.action { return true } else { return false } }
    })
    var out: [Scenario] = []
    var seen = Set<[RunSpec]>()

    func fields(of role: Int, maxHonest: Int) -> [[AgentRef]] {
        // Agents are introduced in the order runs are compared (role order), so that the least
        // renaming of every scenario is generated.
        let order = Array(0..<roleCount)
        var partial: [([AgentRef?], Int)] = [(Array(repeating: nil, count: roleCount), maxHonest)]
        for r in order {
            var next: [([AgentRef?], Int)] = []
            for (agents, m) in partial {
                var choices: [AgentRef] = []
                if trustedRoles.contains(r) {
                    choices = [.trusted(model.roles[r].name)]
                } else if r != role && !claimRoles.contains(role) && !used[role].contains(r) {
                    choices = [.honest(0)]
                } else {
                    choices = (0...min(m, honestAgents - 1)).map { AgentRef.honest($0) }
                    if r != role { choices.append(.intruder) }
                }
                for c in choices {
                    var a = agents
                    a[r] = c
                    var m2 = m
                    if case .honest(let i) = c, i == m { m2 = m + 1 }
                    next.append((a, m2))
                }
            }
            partial = next
        }
        return partial.map { $0.0.map { $0! } }
    }

    func canonical(_ runs: [RunSpec]) -> [RunSpec] {
        let used = Set(runs.flatMap { $0.agents.compactMap { if case .honest(let i) = $0 { return i } else { return nil } } }).sorted()
        var best: [RunSpec]?
        for perm in referencePermute(used) {
            let map = Dictionary(uniqueKeysWithValues: zip(used, perm))
            let renamed = runs.map { r in
                RunSpec(role: r.role, agents: r.agents.map { if case .honest(let i) = $0 { return .honest(map[i]!) } else { return $0 } }, old: r.old)
            }.sorted()
            if best == nil || renamed.lexicographicallyPrecedes(best!) { best = renamed }
        }
        return best ?? runs.sorted()
    }

    func extend(_ runs: [RunSpec], maxHonest: Int) {
        if runs.count == size {
            guard runs.contains(where: { relevantRoles.contains($0.role) && $0.isAllHonest && !$0.old }) else { return }
            let c = canonical(runs)
            if seen.insert(c).inserted { out.append(Scenario(runs: c)) }
            return
        }
        for role in 0..<roleCount {
            for agents in fields(of: role, maxHonest: maxHonest) {
                for old in setting.oldSessions && revealing.contains(role) ? [false, true] : [false] {
                    let spec = RunSpec(role: role, agents: agents, old: old)
                    if let last = runs.last, spec < last { continue }
                    let m = max(maxHonest, agents.compactMap { if case .honest(let i) = $0 { return i + 1 } else { return nil } }.max() ?? 0)
                    extend(runs + [spec], maxHonest: m)
                }
            }
        }
    }
    extend([], maxHonest: 0)
    // Among scenarios of one size, those where agents talk to others come first: their attacks read
    // more naturally, and an attack is reported from the first scenario that has one of least length.
    func selfTalk(_ s: Scenario) -> Int { s.runs.filter { r in Set(r.agents).count < r.agents.count }.count }
    return out.enumerated().sorted { (selfTalk($0.element), $0.offset) < (selfTalk($1.element), $1.offset) }.map(\.element)
}

private func referencePermute(_ xs: [Int]) -> [[Int]] {
    if xs.count <= 1 { return [xs] }
    var out: [[Int]] = []
    for i in xs.indices {
        var rest = xs
        let h = rest.remove(at: i)
        for p in referencePermute(rest) { out.append([h] + p) }
    }
    return out
}
