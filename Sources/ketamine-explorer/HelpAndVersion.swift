import ArgumentParser
import ContentModel
import Terminal

/// `--help` and `--version` at the top level, as users of less, git and htop expect them:
/// the help of the default mode with every one of its options, then the other commands;
/// the version with the content it would show and the build.
enum HelpAndVersion {
    /// The top level's help: what it is and its usage, every option of browsing (the default
    /// mode), then the other commands.
    static var help: String {
        let root = KetamineExplorer.helpMessage()
        let browse = KetamineExplorer.helpMessage(for: Browse.self)
        let head = root.firstRange(of: "OPTIONS:").map { String(root[..<$0.lowerBound]) } ?? root
        let options = browse.firstRange(of: "OPTIONS:").map { String(browse[$0.lowerBound...]) } ?? ""
        let commands = root.firstRange(of: "SUBCOMMANDS:").map { "COMMANDS:" + root[$0.upperBound...] } ?? ""
        let version = options.firstRange(of: "  --version               Show the version.").map {
            options[..<$0.lowerBound] + "  -V, --version           The version, the content's version and language, the build."
                + options[$0.upperBound...]
        } ?? options
        return head + version.trimmingTrailingNewlines + "\n\n" + commands
    }

    /// Name and version, the content pack it would show (version, language, folder), and the
    /// build ID (the one `file` and `readelf -n` print), one line each.
    static var version: [String] {
        var lines = ["ketamine-explorer \(KetamineExplorer.version)"]
        if let (directory, pack) = ContentOptions.defaultPack() {
            lines.append("content \(pack.info.version) (\(pack.info.language)) in \(directory)")
        } else {
            lines.append("content: none found that loads (ketamine-explorer lint says why)")
        }
        lines.append("build \(BuildID.hex.isEmpty ? "unknown" : BuildID.hex)")
        return lines
    }
}

private extension String {
    var trimmingTrailingNewlines: Substring {
        var text = self[...]
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
