import ArgumentParser
import Foundation
import ProtocheckKit

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write attacks/MODEL/ and Reports/MODEL.md|.html for models.",
        discussion: "Without bound options the bound is the one of the committed files (ReportSettings.committed: max-runs \(ReportSettings.committed.maxRuns), max-states \(ReportSettings.committed.maxStates)). `all` also removes the files of models no longer registered.")

    @Argument(help: "Registered model names or model files, or `all`.") var models: [String]
    @OptionGroup var search: SearchOptions
    @Option(help: "Folder to write attacks/ and Reports/ into.") var output: String
    @Flag(help: "Also write attacks/expected.yaml with every verdict.") var expectations = false

    func run() throws {
        let all = models == ["all"]
        let list = all ? session.models : resolveModels(models)
        // Every attack written is replayed, and its files say how the replay went.
        let checked = AttackReplay.replay(runChecks(list, search))
        let dir = URL(fileURLWithPath: output)
        if all { try ReportWriter.prune(dir, keeping: list.map(\.name)) }
        try ReportWriter.write(checked, to: dir, expectations: expectations)
        for c in checked { print(ReportWriter.summary(c)) }
    }
}
