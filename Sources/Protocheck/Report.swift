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
        let searched = runChecks(list, search)
        // Interrupted: the verdicts decided are printed, and no folder is written that would look whole.
        if Interrupts.shared.signal != nil { for c in searched { print(ReportWriter.summary(c)) }; return }
        // Every attack written is replayed, and its files say how the replay went.
        let checked = AttackReplay.replay(searched)
        try ReportWriter.writeStaged(checked, to: URL(fileURLWithPath: output), expectations: expectations,
                                     pruneKeeping: all ? list.map(\.name) : nil)
        for c in checked { print(ReportWriter.summary(c)) }
    }
}
