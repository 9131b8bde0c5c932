import ArgumentParser
import ContentModel
import StaffPIN
import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// `check-config`: a kiosk config and the clinic file checked as the kiosk would read them,
/// every problem at once, so IT can fix a config before the kiosk restarts on it.
struct CheckConfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Check a kiosk config and the clinic file, reporting every problem at once.",
        discussion: """
            Reads FILE (default: \(KioskConfig.defaultPath)) and the clinic file (--clinic, default:
            \(ClinicInfo.defaultPath) if it exists) as the kiosk does, and prints each problem
            on a line of its own as FILE:LINE: option: problem. Exit 0 when both are sound, 1 when
            there is any problem. Nothing is written and nothing is started.
            """)

    @Argument(help: ArgumentHelp("The kiosk config.", valueName: "FILE"))
    var file: String?

    @Option(help: ArgumentHelp("The clinic's details.", valueName: "FILE"))
    var clinic: String?

    func run() throws {
        var problems: [String] = [], fine: [String] = []
        let config = file ?? KioskConfig.defaultPath
        if file == nil && !KioskConfig.exists(config) {
            fine.append("\(config): none; the kiosk uses every default")
        } else {
            do {
                let loaded = try KioskConfig.load(path: config, pinHashProblem: StaffPIN.problem(in:))
                let (refusal, warning) = KioskConfig.permissionProblems(path: config, hasPIN: loaded.pinHash != nil)
                if let refusal { problems.append("\(config): \(refusal)") }
                if let warning { PlainOutput.error("\(config): warning: \(warning)") }
                if refusal == nil { fine.append("\(config): OK") }
            } catch {
                problems += Self.byLine(error.issues)
            }
        }
        let clinicFile = clinic ?? ClinicInfo.defaultPath
        if clinic == nil && ClinicInfo.exists(clinicFile) && ClinicInfo.setsNothing(path: clinicFile) {
            fine.append("\(clinicFile): sets nothing; no clinic is shown")
        } else if clinic != nil || ClinicInfo.exists(clinicFile) {
            do {
                _ = try ClinicInfo.load(path: clinicFile)
                fine.append("\(clinicFile): OK")
            } catch {
                problems += Self.byLine(error.issues)
            }
        }
        PlainOutput.write(problems + fine)
        if !problems.isEmpty {
            PlainOutput.error("\(problems.count) problem\(problems.count == 1 ? "" : "s"); the options are explained in "
                              + "kiosk.example.yaml and clinic.example.yaml")
            throw ExitCode(1)
        }
    }

    /// Each issue as FILE:LINE: option: problem, in the file's order.
    private static func byLine(_ issues: [ContentIssue]) -> [String] {
        issues.enumerated().sorted { ($0.element.file, $0.element.line, $0.offset) < ($1.element.file, $1.element.line, $1.offset) }
            .map(\.element.description)
    }
}
