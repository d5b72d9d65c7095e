import ArgumentParser
import Foundation
import ProtocheckKit
import Replay
import Results

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replay", abstract: "Run a found attack against real cryptography.")

    @Argument(help: "An attack file (JSON from `check --format json` or attacks/MODEL/*.json); its model is found as `check` finds it.") var attack: String
    @Option(help: "Wire encoding: tagged (type tag and length per field), untagged (plain concatenation), or auto: untagged for an attack found with --type-flaws, tagged otherwise.") var encoding: String = "auto"
    @Option(help: "text or json (one document for every trace of the file)") var format: String = "text"
    @Option(help: "The model file the attack is on, when the trace does not name it (an attack file written by an older protocheck).") var model: String?

    func run() throws {
        let wire = WireEncoding(rawValue: encoding)
        guard wire != nil || encoding == "auto" else { fail("error: --encoding must be tagged, untagged or auto") }
        guard format == "text" || format == "json" else { fail("error: --format must be text or json") }
        guard let data = FileManager.default.contents(atPath: attack) else { fail("error: cannot read \(attack)") }
        let replayed: [AttackReplay.Replayed]
        let given = model.map { resolveModels([$0]) } ?? []
        do { replayed = try AttackReplay.replay(file: data, encoding: wire, resolver: session.resolver, models: given) } catch { fail("error: \(attack): \(error)") }
        let document = ReplayDocument(version: protocheckVersion, replays: replayed.map { ($0.trace, $0.report) })
        print(document.render(text: format == "text"))
        if !document.confirmed { throw ExitCode(Status.attack.rawValue) }
    }
}
