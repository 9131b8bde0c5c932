import ContentModel
import Foundation
import Testing

/// `make install` as a packager runs it (PREFIX=/usr, DESTDIR), and the manual pages: what an
/// IT person finds after installing, and that the pages say what the program does.
@Suite(.serialized) struct InstallTests {
    static let manDirectory = "\(Paths.root)/Assets/man"

    @Test func makeInstallPutsEverythingWherePrefixSaysStrippedWithPagesAndCompletions() async throws {
        let root = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let made = try await runProgram("/usr/bin/make", ["-s", "-C", Paths.root, "install", "PREFIX=/usr", "DESTDIR=\(root)"])
        #expect(made.status == 0, "\(made.error)")
        let usr = "\(root)/usr"
        for file in ["bin/ketamine-explorer", "libexec/ketamine-explorer/ketamine-explorer-speech",
                     "share/ketamine-explorer/content/en/pack.yaml", "share/ketamine-explorer/content/es/pack.yaml",
                     "share/man/man1/ketamine-explorer.1.gz", "share/man/man5/ketamine-explorer-kiosk.yaml.5.gz",
                     "share/bash-completion/completions/ketamine-explorer", "share/zsh/vendor-completions/_ketamine-explorer",
                     "share/fish/vendor_completions.d/ketamine-explorer.fish"] {
            #expect(FileManager.default.fileExists(atPath: "\(usr)/\(file)"), "\(file) is not installed")
        }
        let sections = try run(["readelf", "-W", "-S", "\(usr)/bin/ketamine-explorer"])
        #expect(!sections.contains(".symtab") && sections.contains(".note.gnu.build-id"), "stripped, its build ID kept")
        let unit = try String(contentsOfFile: "\(usr)/share/ketamine-explorer/kiosk/ketamine-explorer-kiosk.service", encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/bin/ketamine-explorer --kiosk") && !unit.contains("/usr/local"))
        // That the installed program finds its content is the package test's (Tests/package_test.sh):
        // here a clinic's packs in /etc, which that test makes for a moment, would win.
        let pages = try await runProgram("/usr/bin/man", ["-w", "ketamine-explorer", "ketamine-explorer-kiosk.yaml"],
                                         environment: ["MANPATH": "\(usr)/share/man"])
        #expect(pages.status == 0 && pages.output.split(separator: "\n").count == 2, "\(pages.output)\(pages.error)")
        let bash = try String(contentsOfFile: "\(usr)/share/bash-completion/completions/ketamine-explorer", encoding: .utf8)
        #expect(bash.contains("check-config") && bash.contains("---completion show"), "commands, and topic ids after show")
    }

    @Test func theManualPagesFormatCleanlyAndNameEveryOptionAndCommand() async throws {
        let pages = ["ketamine-explorer.1", "ketamine-explorer-kiosk.yaml.5"].map { "\(Self.manDirectory)/\($0)" }
        for page in pages {
            let checked = try await runProgram("/usr/bin/groff", ["-man", "-Tutf8", "-ww", "-z", page])
            #expect(checked.status == 0 && checked.error.isEmpty, "\(page): \(checked.error)")
        }
        // As man shows them: roff's escaped hyphens (\-) become plain ones.
        let one = try String(contentsOfFile: pages[0], encoding: .utf8).replacingOccurrences(of: "\\-", with: "-")
        let help = try await runCommand(["--help"])
        let options = Set(help.output.split { $0 == " " || $0 == "," || $0 == "\n" }.filter { $0.hasPrefix("--") && $0.count > 3 })
        #expect(options.count > 12)
        for option in options { #expect(one.contains(option), "ketamine-explorer(1) does not name \(option)") }
        for command in ["show", "export", "topics", "lint", "snapshot", "hash-pin", "check-config"] {
            #expect(one.contains(".BR \(command)") || one.contains(".B \(command)"), "ketamine-explorer(1) does not name \(command)")
        }
        let five = try String(contentsOfFile: pages[1], encoding: .utf8)
        for option in KioskConfig.options { #expect(five.contains(".BI \(option):"), "ketamine-explorer-kiosk.yaml(5) lacks \(option)") }
    }
}
