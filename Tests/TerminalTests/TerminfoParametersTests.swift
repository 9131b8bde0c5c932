import CNcursesW
import Terminal
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct TerminfoParametersTests {
    /// Every parameterized string of every terminal description on this machine, filled in
    /// with a spread of numbers, comes out as ncurses's own tiparm makes it.
    @Test func agreesWithNcursesOnEveryTerminalOnTheMachine() throws {
        let strings = Self.parameterizedStrings()
        #expect(strings.count > 100, "terminal descriptions found: \(strings.count) strings")
        var evaluated = 0, mismatches: [String] = []
        for (label, template) in strings {
            guard let capability = TerminalCapabilities.Parameterized(template) else { continue }
            for (first, second) in [(0, 0), (1, 2), (5, 0), (7, 8), (9, 15), (23, 79), (100, 255), (0, 1)] {
                guard let ours = TerminfoParameters.evaluate(template, first, second) else { continue }
                evaluated += 1
                let theirs = capability.tiparm(first, second)
                if ours != theirs, mismatches.count < 10 {
                    mismatches.append("\(label) (\(first), \(second)): \(String(decoding: ours, as: UTF8.self).debugDescription) vs ncurses \(String(decoding: theirs, as: UTF8.self).debugDescription)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        // Nearly everything is handled here, not passed on to tiparm (which gets the strings
        // with no %p, in termcap's implicit order).
        #expect(evaluated > strings.count * 8 * 8 / 10, "\(evaluated) of \(strings.count * 8)")
    }

    @Test func unknownCodesAreLeftToNcurses() {
        #expect(TerminfoParameters.evaluate(Array("%p1%s".utf8), 1, 0) == nil)
        #expect(TerminfoParameters.evaluate(Array("%p1%dX%".utf8), 1, 0) == nil)
        #expect(TerminfoParameters.evaluate(Array("\u{1B}[%i%p1%d;%p2%dH".utf8), 3, 4) == Array("\u{1B}[4;5H".utf8))
    }

    /// A crafted terminfo entry (TERMINFO points wherever its owner likes) cannot trap the
    /// evaluator or make it build gigabytes: overflowing arithmetic wraps, a huge printf width
    /// sends nothing.
    @Test(arguments: [
        ("%p1%Pa%{-9223372036854775808}%{-1}%/%d", "-9223372036854775808"),   // Int.min / -1
        ("%p1%Pa%{-9223372036854775808}%{-1}%m%d", "0"),                      // Int.min % -1
        ("%p1%Pa%{9223372036854775807}%{1}%+%d", "-9223372036854775808"),
        ("%p1%{0}%/%d", "0"),
        ("%p1%{-9223372036854775808}%*%d", "-9223372036854775808"),
        ("<%p1%2000000000d>", "<>"),
        ("<%p1%99999999999999999999999d>", "<>"),
        ("<%p1%.2000000000d>", "<>"),
        ("<%p1%5d>", "<    7>"),
    ])
    func craftedStringsNeitherTrapNorBalloon(template: String, expected: String) {
        #expect(TerminfoParameters.evaluate(Array(template.utf8), 7, 0) == Array(expected.utf8))
    }

    /// (terminal and capability, string) for every string with one or two parameters in the
    /// system's terminal database. setupterm replaces ncurses's current terminal; no other test here
    /// relies on one.
    private static func parameterizedStrings() -> [(String, [UInt8])] {
        var names: Set<String> = []
        for root in ["/usr/share/terminfo", "/lib/terminfo", "/etc/terminfo"] {
            guard let letters = try? directoryEntries(root) else { continue }
            for letter in letters { names.formUnion((try? directoryEntries("\(root)/\(letter)")) ?? []) }
        }
        var result: [(String, [UInt8])] = []
        for name in names.sorted() {
            var status: Int32 = 0
            guard setupterm(name, 1, &status) == OK else { continue }
            var index: Int32 = 0
            while let capability = kx_string_capability_name(index) {
                index += 1
                guard let value = kx_string_capability(capability) else { continue }
                let bytes = TerminalCapabilities.bytes(of: value)
                // One or two numbers, as every string the writer uses (the shim passes two).
                let text = String(decoding: bytes, as: UTF8.self)
                if text.contains("%"), !(3...9).contains(where: { text.contains("%p\($0)") }) { result.append(("\(name).\(String(cString: capability))", bytes)) }
            }
            if let loaded = kx_cur_term() { del_curterm(loaded) }
        }
        return result
    }

    private static func directoryEntries(_ path: String) throws -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var entries: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { entries.append(name) }
        }
        return entries
    }
}

/// Telling a dark background from a light one, as terminals say it.
@Suite struct TerminalBackgroundTests {
    @Test func osc11AnswersInEveryFormTerminalsUse() {
        #expect(TerminalBackground.parse(Array("\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\".utf8)) == .light)
        #expect(TerminalBackground.parse(Array("\u{1B}]11;rgb:0000/0000/0000\u{07}".utf8)) == .dark)
        #expect(TerminalBackground.parse(Array("\u{1B}]11;rgb:1e/1e/2e\u{1B}\\\u{1B}[?62;c".utf8)) == .dark)   // two digits
        #expect(TerminalBackground.parse(Array("\u{1B}]11;rgb:fdf6/e3e3/d0d0\u{1B}\\".utf8)) == .light)          // a cream
        #expect(TerminalBackground.parse(Array("\u{1B}[?64;1;2c".utf8)) == nil)                                  // DA1 only
        #expect(TerminalBackground.parse(Array("\u{1B}]11;rgb:zz/00/00\u{07}".utf8)) == nil)
    }

    @Test func colorFGBGNamesTheBackgroundLast() {
        #expect(TerminalBackground.fromColorFGBG("15;0") == .dark)
        #expect(TerminalBackground.fromColorFGBG("0;15") == .light)
        #expect(TerminalBackground.fromColorFGBG("0;default;7") == .light)
        #expect(TerminalBackground.fromColorFGBG("7;8") == .dark)
        #expect(TerminalBackground.fromColorFGBG("15;default") == nil)
    }

    @Test func theConsoleIsNeverAskedAndIsDark() {
        var asked = false
        let background = TerminalBackground.detect(term: "linux") { _ in asked = true; return "0;15" }
        #expect(background == .dark && !asked)
        #expect(TerminalBackground.detect(term: "vt100") { _ in nil } == .unknown)   // not asked: it might print it
        #expect(TerminalBackground.detect(term: "xterm-256color") { $0 == "COLORFGBG" ? "0;15" : nil } == .light)
    }

    @Test func theWaitEndsWithTheDeviceAttributes() {
        #expect(!Array("\u{1B}]11;rgb:0/0/0\u{07}".utf8).withUnsafeBufferPointer(TerminalBackground.answersEnded))
        #expect(Array("\u{1B}]11;rgb:0/0/0\u{07}\u{1B}[?1;2c".utf8).withUnsafeBufferPointer(TerminalBackground.answersEnded))
    }
}
