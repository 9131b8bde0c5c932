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
                try Browse.start(content: nil)   // the common case, without parsing anything
                return
            }
            var command = try KetamineExplorer.parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
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
}
