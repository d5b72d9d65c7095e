import ArgumentParser
import Foundation
import Model
import ProtocheckKit

/// protocheck's command line for your own models: `list`, `check`, `report` and `replay`, with the
/// options, outputs and exit statuses of `protocheck` itself (DESIGN.md, docs/modelling.md "Your own
/// package"). A user's executable target is one line:
///
///     Protocheck.main(models: [myProtocol])
public enum Protocheck {
    /// Runs the command line on the process's arguments and exits with the contract's status. A model
    /// argument names one of `models`, or is the path of a model file (SPDL).
    public static func main(models: [ProtocolModel]) -> Never {
        main(models: models, hidden: [])
    }

    /// `hidden` adds commands of protocheck's own (the maintenance commands its scripts run).
    package static func main(models: [ProtocolModel], hidden: [any ParsableCommand.Type]) -> Never {
        let command = CommandLine.arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "protocheck"
        session = Session(resolver: ModelResolver(models: models, command: command), hidden: hidden)
        let names = models.map(\.name)
        if let twice = names.first(where: { n in names.filter { $0 == n }.count > 1 }) {
            fail("error: two models are named '\(twice)': a model name must say which model it is")
        }
        // Usage errors exit 2 (the contract), not ArgumentParser's 64. A signal makes the status 130
        // or 143 whatever the verdicts were: the run did not finish.
        Interrupts.shared.install()
        do {
            var command = try Root.parseAsRoot()
            try command.run()
            if let status = Interrupts.shared.exitStatus { exit(status) }
        } catch let code as ExitCode {
            exit(Interrupts.shared.exitStatus ?? code.rawValue)
        } catch {
            if Root.exitCode(for: error) == .success {
                print(Root.fullMessage(for: error))
                exit(0)
            }
            fail(Root.fullMessage(for: error))
        }
        exit(0)
    }
}

/// What one invocation works with. ArgumentParser makes the commands itself, so the models cannot
/// travel through an initialiser: `Protocheck.main` sets this once, before any command is parsed.
package struct Session: @unchecked Sendable {
    package var resolver: ModelResolver
    package var hidden: [any ParsableCommand.Type]
    package var models: [ProtocolModel] { resolver.models }
}

nonisolated(unsafe) package var session = Session(resolver: ModelResolver(models: []), hidden: [])

struct Root: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: session.resolver.command,
            abstract: "Model checker and attack explorer for security protocols.",
            version: protocheckVersion,
            subcommands: [List.self, Check.self, ReplayCommand.self, Report.self] + session.hidden)
    }
}
