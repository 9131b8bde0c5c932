import ArgumentParser
import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// Parses the command line and maps every failure to the documented exit codes:
/// ArgumentParser's own usage errors would exit 64; ours are 2.
@main
enum Main {
    static func main() {
        do {
            if CommandLine.arguments.count <= 1 {
                // The common case, without parsing anything: the user's preferences only.
                let preferences = try BrowseSettings.userPreferences()
                try Browse.start(directory: ContentOptions.directory(nil, language: preferences.language),
                                 settings: BrowseSettings(preferences))
                exitIfOutputWasLost()
                return
            }
            switch Array(CommandLine.arguments.dropFirst()) {
            case ["--help"], ["-h"], ["help"]:
                PlainOutput.write(HelpAndVersion.help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
                exitIfOutputWasLost()
                return
            case ["--version"], ["-V"]:
                PlainOutput.write(HelpAndVersion.version)
                exitIfOutputWasLost()
                return
            default:
                break
            }
            var command = try KetamineExplorer.parseAsRoot()
            try command.run()
            exitIfOutputWasLost()
        } catch let code as ExitCode {
            exitIfOutputWasLost()
            exit(code.rawValue)
        } catch {
            if KetamineExplorer.exitCode(for: error) == .success {
                KetamineExplorer.exit(withError: error)   // --help, --version
            }
            // Line by line: a line break inside one message would be cleaned away as a control character.
            for line in KetamineExplorer.fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false) {
                PlainOutput.error(String(line))
            }
            exit(Exit.usageOrTerminal.rawValue)
        }
    }

    /// Output that could not be written is a failure, not a success: `show > /dev/full` exits 1.
    private static func exitIfOutputWasLost() {
        guard let failure = PlainOutput.outputFailure else { return }
        PlainOutput.error("ketamine-explorer: could not write the output: \(String(cString: strerror(failure)))")
        exit(ExitCode.failure.rawValue)
    }
}
