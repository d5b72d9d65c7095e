import ArgumentParser
import Engine
import Foundation
import Model
import Protocheck
import ProtocheckKit

/// `protocheck replay-all [--registered] [--type-flaws MODEL]... [FILE|MODEL]...` (hidden; run by
/// scripts/replay-all.sh): checks each model at the committed bound, replays every attack found on
/// real cryptography and prints "N of M attacks confirmed" per model and in total. Exit 0 when every
/// attack is confirmed, 1 otherwise.
struct ReplayAll: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay-all",
        abstract: "Check models, replay every attack found, and count the confirmed ones.",
        shouldDisplay: false)

    @Argument(help: "Registered model names or model files (every protocol of a file).") var models: [String] = []
    @Flag(help: "Every registered model, typed.") var registered = false
    @Option(name: .customLong("type-flaws"), help: "Also check this model with --type-flaws (repeatable).") var typeFlawModels: [String] = []
    @Option(help: "Check every scenario of up to N runs (default \(ReportSettings.committed.maxRuns)).") var maxRuns: Int?
    @Option(help: "Stop a model's search after this many seconds; the properties left are inconclusive and their attacks are not counted.") var timeout: Double?

    func run() throws {
        var tally = ReplayTally()
        // Unbuffered, so that a long run shows each model as it is done.
        let say: (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
        func options(typeFlaws: Bool) -> (ProtocolModel) -> CheckOptions {
            { m in
                var o = ReportSettings.committed.options(for: m.name)
                o.maxRuns = maxRuns ?? o.maxRuns
                o.typeFlaws = typeFlaws
                o.timeout = timeout
                return o
            }
        }
        var typed: [ProtocolModel] = registered ? session.models : []
        for name in models {
            // An SPDL error shows its line with a caret below: the first line says it all here.
            do { typed += try session.resolver.resolve(name) } catch { tally.note("\(name): not read: " + ("\(error)".split(separator: "\n").first.map(String.init) ?? ""), say) }
        }
        tally.add(typed, resolver: session.resolver, options: options(typeFlaws: false), report: say)
        tally.add(try typeFlawModels.flatMap(session.resolver.resolve), resolver: session.resolver, options: options(typeFlaws: true), report: say)
        say(tally.total)
        if tally.confirmed < tally.attacks { throw ExitCode(1) }
    }
}
