import ArgumentParser
import Engine
import Foundation
import Frontends
import Model
import ProtocheckKit
import Results

/// `protocheck compare-scyther CORPUS --output docs/scyther-comparison.md` (hidden; run by
/// scripts/scyther-comparison.sh): checks every SPDL model of Scyther's library and writes a table of
/// protocheck's verdict per claim beside the verdict Scyther recorded for it.
///
/// Each model gets a time budget. The search climbs the bound one run at a time up to `--max-runs`
/// and keeps, for each claim, the attack it found (an attack holds whatever the bound) or the
/// largest bound it was verified under; a bound the budget cannot finish is reported as such.
struct CompareScyther: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare-scyther",
        abstract: "Compare protocheck's verdicts with Scyther's recorded ones on Scyther's protocol library.",
        shouldDisplay: false)

    @Argument(help: "The corpus folder, with protocols/*.spdl and expected/*.spdl.out.") var corpus: String
    @Option(help: "The Markdown file to write.") var output: String
    @Option(help: "The largest bound to try (Scyther's default is 5 runs).") var maxRuns = 5
    @Option(help: "Seconds of search per protocol at least, over all bounds tried.") var budget: Double = 15
    @Option(help: "Seconds for the whole comparison: time quick protocols leave is shared among the rest (up to 4 budgets each).") var total: Double = 780
    @Option(help: "States per search before it stops.") var maxStates = 2_000_000
    @Option(help: "Only these files (repeatable), for a quick look.") var only: [String] = []
    @Option(help: "goal: one goal-directed search per protocol at --max-runs; explicit: climb the bound one run at a time.") var engine: SearchEngine = .goal

    func run() throws {
        let root = URL(fileURLWithPath: corpus)
        let protocols = root.appendingPathComponent("protocols")
        let files = try FileManager.default.contentsOfDirectory(atPath: protocols.path)
            .filter { $0.hasSuffix(".spdl") && (only.isEmpty || only.contains($0)) }.sorted()
        var report = ComparisonReport(maxRuns: maxRuns, budget: budget)
        let clock = ContinuousClock(), start = clock.now
        let counts = files.map { f in
            (try? String(contentsOf: protocols.appendingPathComponent(f), encoding: .utf8))
                .map { $0.components(separatedBy: "protocol ").count - 1 } ?? 1
        }
        var modelsLeft = counts.reduce(0, +)
        func elapsed() -> Double { let d = clock.now - start; return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        var compared: [FileComparison] = []
        for file in files {
            let text = try String(contentsOf: protocols.appendingPathComponent(file), encoding: .utf8)
            let recorded = (try? String(contentsOf: root.appendingPathComponent("expected/\(file).out"), encoding: .utf8))
                .map(ScytherResults.parse)
            let models: [ProtocolModel]
            do {
                models = try SPDL.parse(text, file: file)
            } catch let e as SPDLError {
                compared.append(FileComparison(file: file, recorded: recorded, error: e, models: []))
                log("\(file): unsupported: \(e.message)")
                continue
            }
            var checked: [ModelComparison] = []
            for m in models {
                let share = min(4 * budget, max(budget, (total - elapsed()) / Double(max(1, modelsLeft))))
                modelsLeft -= 1
                let c = climb(m, budget: share)
                log("\(file) \(m.name): \(c.completedRuns) runs complete\(c.stop.map { ", stopped at \($0.runs) runs: \($0.limit)" } ?? ""), \(String(format: "%.1f", c.seconds)) s")
                checked.append(c)
            }
            compared.append(FileComparison(file: file, recorded: recorded, error: nil, models: checked))
        }
        // Most protocols finish in a fraction of their share: the time they leave goes to those a
        // time limit stopped, for the properties still open.
        // Those with Scyther's verdicts to compare with go first.
        let stopped = compared.indices.flatMap { f in compared[f].models.indices.compactMap { m in
            compared[f].models[m].stop.map { _ in (f, m) }
        } }.sorted { (compared[$0.0].recorded == nil ? 1 : 0, $0.0) < (compared[$1.0].recorded == nil ? 1 : 0, $1.0) }
        for (k, (f, m)) in stopped.enumerated() {
            let share = (total - elapsed()) / Double(stopped.count - k)
            guard share > 1 else { break }
            let before = compared[f].models[m]
            let again = climb(before.model, budget: share, only: Set(before.openProperties))
            compared[f].models[m].merge(again)
            log("\(compared[f].file) \(before.model.name), again with \(String(format: "%.0f", share)) s: \(again.stop.map { "stopped at \($0.runs) runs: \($0.limit)" } ?? "finished")")
        }
        for f in compared { report.add(f) }
        try report.render().write(toFile: output, atomically: true, encoding: .utf8)
        log(report.countsLine)
    }

    private func log(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

    /// Checks `model` at 2, 3, ... runs within the budget (the goal-directed engine: at `maxRuns` at
    /// once), the properties in `only` or all of them.
    private func climb(_ model: ProtocolModel, budget: Double, only: Set<String>? = nil) -> ModelComparison {
        var out = ModelComparison(model: model)
        if let error = model.validate().first {
            out.failure = "line \(error.location.line): \(error.message)"
            return out
        }
        var open = only ?? Set(model.properties.map(\.name))
        let clock = ContinuousClock(), start = clock.now
        func elapsed() -> Double { let d = clock.now - start; return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        let bounds = engine == .goal ? Array(maxRuns...maxRuns) : Array(min(2, maxRuns)...maxRuns)
        for n in bounds where !open.isEmpty {
            let left = budget - elapsed()
            guard left > 0.1 else { out.stop = (n, "the time budget"); break }
            let options = CheckOptions(maxRuns: n, maxStates: maxStates, timeout: left, properties: open, engine: engine)
            let results: [PropertyResult]
            do { results = try Checker(options: options).check(model) } catch {
                out.failure = "\(error)"
                break
            }
            var limit: String?
            for r in results {
                out.states[r.property, default: 0] += r.states
                switch r.verdict {
                case .attack:
                    out.outcomes[r.property] = .attack(runs: r.trace?.runs.filter { !$0.old }.count ?? n)
                    open.remove(r.property)
                case .verified: out.outcomes[r.property] = r.scope == .unbounded ? .proved : .verified(runs: n)
                case .inconclusive: limit = r.limit ?? "a limit"
                }
            }
            if let limit { out.stop = (n, limit); break }
            out.completedRuns = n
        }
        out.seconds = elapsed()
        out.budget = budget
        return out
    }
}

/// What protocheck concluded about one property, or about one Scyther claim (the properties it became).
enum Outcome: Equatable {
    case attack(runs: Int)
    /// Verified for any number of runs.
    case proved
    case verified(runs: Int)
    case inconclusive
    /// The claim yields no property (an `Empty` claim or a vacuous agreement).
    case noProperty

    /// One Scyther claim from the properties it became: an attack on any of them is an attack on it.
    static func combined(_ parts: [Outcome]) -> Outcome {
        if parts.isEmpty { return .noProperty }
        let attacks = parts.compactMap { if case .attack(let n) = $0 { return n } else { return nil } }
        if let n = attacks.min() { return .attack(runs: n) }
        if parts.allSatisfy({ $0 == .proved }) { return .proved }
        let verified = parts.compactMap { p -> Int? in
            switch p {
            case .verified(let n): return n
            case .proved: return Int.max
            default: return nil
            }
        }
        if verified.count == parts.count, let n = verified.min() { return .verified(runs: n) }
        return .inconclusive
    }

    var text: String {
        switch self {
        case .attack(let n): return "attack (\(n) run\(n == 1 ? "" : "s"))"
        case .proved: return "verified (any number of runs)"
        case .verified(let n): return "verified (\(n) runs)"
        case .inconclusive: return "inconclusive"
        case .noProperty: return "no property"
        }
    }
}

struct ModelComparison {
    var model: ProtocolModel
    var outcomes: [String: Outcome] = [:]
    var states: [String: Int] = [:]
    /// The largest bound whose search finished.
    var completedRuns = 0
    /// The bound the search could not finish, and what stopped it.
    var stop: (runs: Int, limit: String)?
    var failure: String?
    var seconds = 0.0
    var budget = 0.0

    init(model: ProtocolModel) { self.model = model }

    func outcome(_ property: String) -> Outcome { outcomes[property] ?? .inconclusive }

    /// The properties with neither an attack nor a verdict for the whole bound.
    var openProperties: [String] {
        model.properties.map(\.name).filter { p in
            switch outcomes[p] {
            case .attack?, .proved?: return false
            case .verified(let n)?: return stop != nil && n < stop!.runs
            default: return true
            }
        }
    }

    /// A second search of the open properties: its outcomes replace theirs, its stop (or none) this one's.
    mutating func merge(_ again: ModelComparison) {
        for (p, o) in again.outcomes { outcomes[p] = o }
        for (p, n) in again.states { states[p, default: 0] += n }
        completedRuns = max(completedRuns, again.completedRuns)
        stop = again.stop
        seconds += again.seconds
        budget += again.budget
    }

    var boundText: String {
        var s = completedRuns > 0 ? "\(completedRuns) runs" : "no bound finished"
        if let stop { s += " (\(stop.runs) runs stopped by \(stop.limit))" }
        return s
    }
}

struct FileComparison {
    var file: String
    /// Scyther's recorded verdicts; nil when the library has none for this file.
    var recorded: [ScytherVerdict]?
    var error: SPDLError?
    var models: [ModelComparison]
}

/// How a protocheck outcome stands against Scyther's verdict.
enum Agreement: String {
    case agree, differ, inconclusive, noProperty = "no property", unsupported, unrecorded = "not recorded"

    init(scyther: ScytherVerdict, ours: Outcome) {
        switch ours {
        case .attack: self = scyther.holds ? .differ : .agree
        case .verified, .proved: self = scyther.holds ? .agree : .differ
        case .inconclusive: self = .inconclusive
        case .noProperty: self = .noProperty
        }
    }
}

/// The Markdown comparison: counts, the differences with their explanation, then every file.
struct ComparisonReport {
    var maxRuns: Int
    var budget: Double
    var files: [FileComparison] = []
    var counts: [Agreement: Int] = [:]

    init(maxRuns: Int, budget: Double) {
        self.maxRuns = maxRuns
        self.budget = budget
    }

    /// Diagnoses of differences, found by reading the model and the attacks, keyed by "file",
    /// "file protocol" or "file protocol claim" (the most specific applies). Every difference the
    /// last regeneration showed has one; a difference without one is named in the counts.
    static let diagnoses: [String: String] = [
        "neumannstub-hwang.spdl neustub-Hwang":
            "Scyther's record is no verdict: at 5 runs its 60 s timer ran out before it reached this claim at all (\"does not occur\", time=60 on the line). The attack is real and Scyther finds it too when it can finish: bounded to 3 runs (2 s) or 4 runs (1 min), it reports Fail on all four claims. The ticket T is a Ticket (any message) that I forwards unread in messages 4 and 5: the intruder swaps it for a value of its own, so the message 4 I sent is not the message 4 R received",
    ]

    static func diagnosis(_ file: String, _ protocolName: String, _ claim: String) -> String? {
        diagnoses["\(file) \(protocolName) \(claim)"] ?? diagnoses["\(file) \(protocolName)"] ?? diagnoses[file]
    }

    mutating func add(_ f: FileComparison) {
        files.append(f)
        for row in rows(f) { counts[row.agreement, default: 0] += 1 }
    }

    struct Row {
        var protocolName: String
        var role: String
        var claim: String
        var parameter: String
        var scyther: String
        var ours: String
        var agreement: Agreement
        var note: String
    }

    func rows(_ f: FileComparison) -> [Row] {
        if let e = f.error {
            return (f.recorded ?? []).map {
                Row(protocolName: $0.protocolName, role: $0.role, claim: $0.claim, parameter: $0.parameter,
                    scyther: scytherText($0), ours: "—", agreement: .unsupported, note: "line \(e.line): \(e.message)")
            }
        }
        guard let recorded = f.recorded else {
            return f.models.flatMap { m in
                m.model.properties.map { p in
                    Row(protocolName: m.model.name, role: p.role, claim: p.name, parameter: "", scyther: "—",
                        ours: m.outcome(p.name).text, agreement: .unrecorded, note: "")
                }
            }
        }
        return recorded.map { v in
            guard let m = f.models.first(where: { $0.model.name == v.protocolName }) else {
                return Row(protocolName: v.protocolName, role: v.role, claim: v.claim, parameter: v.parameter,
                           scyther: scytherText(v), ours: "—", agreement: .noProperty, note: "no protocol of this name")
            }
            if let failure = m.failure {
                return Row(protocolName: v.protocolName, role: v.role, claim: v.claim, parameter: v.parameter,
                           scyther: scytherText(v), ours: "—", agreement: .unsupported, note: failure)
            }
            let ours = Outcome.combined(ScytherResults.properties(for: v, in: m.model).map { m.outcome($0.name) })
            let agreement = Agreement(scyther: v, ours: ours)
            return Row(protocolName: v.protocolName, role: v.role, claim: v.claim, parameter: v.parameter,
                       scyther: scytherText(v), ours: ours.text, agreement: agreement,
                       note: note(f, m, v, ours, agreement, recorded))
        }
    }

    private func scytherText(_ v: ScytherVerdict) -> String {
        (v.holds ? "Ok" : "Fail") + (v.reason.isEmpty ? "" : " (\(v.reason))")
    }

    private func note(_ f: FileComparison, _ m: ModelComparison, _ v: ScytherVerdict, _ ours: Outcome,
                      _ agreement: Agreement, _ recorded: [ScytherVerdict]) -> String {
        switch agreement {
        case .agree, .unsupported, .unrecorded: return ""
        case .noProperty:
            return "the claim yields no property in protocheck (an `Empty` claim, or an agreement with no event of another role before it); Scyther: \(v.reason)"
        case .inconclusive:
            if let stop = m.stop { return "the search at \(stop.runs) runs was stopped by \(stop.limit)" }
            return m.failure ?? "not reached"
        case .differ:
            if let d = Self.diagnosis(f.file, v.protocolName, v.claim) { return d }
            if v.timedOut, v.holds, v.reason == "does not occur" {
                return "Scyther's record is no verdict: its time limit ran out before it reached this claim at all (\"does not occur\", time=60 on the line) (not diagnosed further)"
            }
            if case .verified(let n) = ours, !v.holds {
                let roles = m.model.roles.count
                if n < roles {
                    return "bound: verified only up to \(n) runs, fewer than the protocol's \(roles) roles, and an attack in which every role runs honestly needs at least \(roles)"
                }
                if n < maxRuns { return "bound: verified only up to \(n) runs; Scyther's attack may need more (not diagnosed)" }
            }
            return "not diagnosed"
        }
    }

    var countsLine: String {
        let parsed = files.filter { $0.error == nil }
        let protocols = parsed.reduce(0) { $0 + $1.models.count }
        let c = { (a: Agreement) in counts[a] ?? 0 }
        let differing = files.flatMap { f in rows(f).filter { $0.agreement == .differ } }
        let timedOut = files.flatMap { f in (f.recorded ?? []).filter { v in
            v.timedOut && rows(f).contains { $0.agreement == .differ && $0.protocolName == v.protocolName && $0.role == v.role && $0.claim == v.claim }
        } }.count
        let undiagnosed = differing.filter { $0.note.hasSuffix("(not diagnosed)") || $0.note == "not diagnosed" }.count
        let recorded = counts.filter { $0.key != .unrecorded }.values.reduce(0, +)
        let share = recorded == 0 ? "" : String(format: " (%.1f %%)", 100 * Double(c(.agree)) / Double(recorded))
        return "\(parsed.count) of \(files.count) files parsed (\(protocols) protocols); of Scyther's \(recorded) recorded claims: "
            + "\(c(.agree)) agree\(share), \(c(.differ)) differ (\(timedOut) of them against records Scyther's time limit cut short, \(undiagnosed) not diagnosed), \(c(.inconclusive)) inconclusive within the budget, "
            + "\(c(.noProperty)) yield no property, \(c(.unsupported)) unsupported (in files or protocols protocheck cannot read or check); "
            + "\(c(.unrecorded)) properties in files Scyther recorded no verdicts for"
    }

    func render() -> String {
        var s = """
        # protocheck beside Scyther on Scyther's protocol library

        Generated by `scripts/scyther-comparison.sh` (the hidden command `protocheck compare-scyther`); do not
        edit by hand. Times, and so the bounds a search reaches within its budget, depend on the machine:
        this file is not checked for freshness.

        **Counts:** \(countsLine).

        The corpus is `../shared/corpus/scyther/` (its README gives the origin): Scyther's SPDL models and the
        verdicts Scyther recorded for them with 5 runs, typed matching and a 60 s time limit per claim
        (`time=60` on a line says the limit stopped it). protocheck checks each protocol with typed matching
        and the goal-directed engine at \(maxRuns) runs, within a time budget per protocol (at least \(Int(budget)) s;
        the time quick protocols leave goes to the others, and then to those a time limit stopped). An attack
        holds whatever the bound; `verified (any number of runs)` is a proof; `verified (n runs)` holds for
        every execution of up to n runs. Each protocol of a file is checked with the file's other protocols
        running beside it, as Scyther does. Claims have Scyther's meaning (`docs/spdl.md`): `Niagree` is
        message agreement and `Nisynch` synchronisation on the claim's causal past, `Weakagree` Scyther's
        weak agreement; `Alive` and `Weakagree` are one property per partner role, all of which must hold.


        """
        let differ = files.flatMap { f in rows(f).filter { $0.agreement == .differ }.map { (f.file, $0) } }
        s += "## Differences\n\n"
        if differ.isEmpty { s += "None.\n\n" } else {
            s += "| file | protocol | claim | Scyther | protocheck | why |\n|---|---|---|---|---|---|\n"
            for (file, r) in differ {
                s += "| \(file) | \(r.protocolName) | \(r.claim) | \(r.scyther) | \(r.ours) | \(cell(r.note)) |\n"
            }
            s += "\n"
        }
        s += "## What protocheck cannot read or check\n\n"
        var unsupported: [String] = []
        for f in files {
            if let e = f.error { unsupported.append("- `\(f.file)`, line \(e.line) column \(e.column): \(e.message)") }
            for m in f.models { if let failure = m.failure { unsupported.append("- `\(f.file)`, protocol `\(m.model.name)`: \(cell(failure))") } }
        }
        s += unsupported.isEmpty ? "None.\n\n" : unsupported.joined(separator: "\n") + "\n\n"
        s += "## Every file\n\n"
        for f in files {
            s += "### \(f.file)\n\n"
            if f.recorded == nil { s += "Scyther's library records no verdicts for this file.\n\n" }
            if let e = f.error { s += "Not read: line \(e.line), column \(e.column): \(e.message)\n\n" }
            for m in f.models {
                s += "- `\(m.model.name)`: bound \(m.boundText), \(String(format: "%.1f", m.seconds)) s of a budget of \(Int(m.budget.rounded())) s\n"
                if let failure = m.failure { s += "  - not checked: \(cell(failure))\n" }
            }
            if !f.models.isEmpty { s += "\n" }
            let rs = rows(f)
            guard !rs.isEmpty else { continue }
            s += "| protocol | role | claim | parameter | Scyther | protocheck | agreement | note |\n|---|---|---|---|---|---|---|---|\n"
            for r in rs {
                s += "| \(r.protocolName) | \(r.role) | \(r.claim) | \(cell(r.parameter)) | \(r.scyther) | \(r.ours) | \(r.agreement.rawValue) | \(cell(r.note)) |\n"
            }
            s += "\n"
        }
        s += "## Counts\n\n\(countsLine).\n"
        return s
    }

    private func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
