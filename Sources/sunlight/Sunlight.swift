import ArgumentParser
import Foundation
import Logging
import SunlightCore
import SunlightServer

/// `sunlight` — the one binary: serve, demo, migrate, calendar, deadline, init.
@main
struct SunlightCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sunlight",
        abstract: "阳光执法 Sunlight — 行政执法“三项制度”平台",
        discussion: "配置通过环境变量（启动时读取一次）：\n\n" + ServerConfiguration.variablesTable,
        subcommands: [Serve.self, Demo.self, Generate.self, Migrate.self, Init.self, CalendarCommand.self, Deadline.self, Verify.self, VerifyProof.self,
                      ExportCase.self, VerifyCase.self, InspectPublicity.self, WitnessCommand.self]
    )
}

/// Logging goes to standard error, so commands that print an answer keep standard output clean.
func bootstrapLogging(_ level: Logger.Level = .info) {
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = level
        return handler
    }
}

/// Prints a refusal in Chinese to standard error and exits with status 1.
func fail(_ error: any Error) -> ExitCode {
    FileHandle.standardError.write(Data("错误：\(error)\n".utf8))
    return ExitCode(1)
}
