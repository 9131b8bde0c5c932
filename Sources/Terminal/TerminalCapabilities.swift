import CNcursesW
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The terminfo strings and flags the frame writer draws with, read once from the terminal
/// description ncurses loaded (or, in tests, from a table of values).
///
/// Padding (`$<5>` in vt100's strings) is dropped: it was for real serial terminals that
/// needed time after some operations; the emulators this runs on do not.
public struct TerminalCapabilities: Sendable {
    /// A terminfo string that takes one or two numbers, such as `cup` (row, column).
    public struct Parameterized: Sendable {
        let template: [UInt8]

        package init?(_ bytes: [UInt8]?) {
            guard let bytes, !bytes.isEmpty else { return nil }
            template = bytes
        }

        /// The string with its numbers filled in (by `TerminfoParameters`; by ncurses's
        /// tiparm for what that does not know).
        public func callAsFunction(_ first: Int, _ second: Int = 0) -> [UInt8] {
            TerminalCapabilities.withoutPadding(TerminfoParameters.evaluate(template, first, second) ?? tiparm(first, second))
        }

        package func tiparm(_ first: Int, _ second: Int) -> [UInt8] {
            let text = template.map { CChar(bitPattern: $0) } + [0]
            return tiparmLock.withLock { _ in
                text.withUnsafeBufferPointer { pointer -> [UInt8] in
                    guard let base = pointer.baseAddress, let result = kx_tiparm2(base, Int32(first), Int32(second)) else { return [] }
                    return TerminalCapabilities.bytes(of: result)
                }
            }
        }
    }

    public var moveTo: Parameterized                   // cup: row, column
    public var column: Parameterized?                  // hpa
    public var row: Parameterized?                     // vpa
    public var forward: [UInt8]?                       // cuf1
    public var forwardBy: Parameterized?               // cuf
    public var backspace: [UInt8]?                     // cub1
    public var carriageReturn: [UInt8]?                // cr
    public var home: [UInt8]?                          // home
    public var setScrollRegion: Parameterized?         // csr: top, bottom
    public var scrollForward: [UInt8]?                 // ind: at the region's bottom, scroll it up a line
    public var scrollForwardBy: Parameterized?         // indn
    public var scrollReverse: [UInt8]?                 // ri: at the region's top, scroll it down a line
    public var scrollReverseBy: Parameterized?         // rin
    public var insertLine: [UInt8]?                    // il1
    public var insertLines: Parameterized?             // il
    public var deleteLine: [UInt8]?                    // dl1
    public var deleteLines: Parameterized?             // dl
    public var insertCharacter: [UInt8]?               // ich1
    public var insertCharacters: Parameterized?        // ich
    public var clearScreen: [UInt8]?                   // clear (also homes the cursor)
    public var clearToEndOfLine: [UInt8]?              // el
    public var clearScrollback: [UInt8]?               // E3
    public var saveCursor: [UInt8]?                    // sc
    public var restoreCursor: [UInt8]?                 // rc
    public var resetAttributes: [UInt8]                // sgr0
    public var bold: [UInt8]?
    public var underline: [UInt8]?                     // smul
    public var reverse: [UInt8]?                       // rev
    public var dim: [UInt8]?
    public var foreground: Parameterized?              // setaf
    public var background: Parameterized?              // setab
    public var defaultColors: [UInt8]?                 // op
    public var hideCursor: [UInt8]?                    // civis
    public var showCursor: [UInt8]?                    // cnorm
    /// am: writing the last column wraps to the next line.
    public var autoMargins: Bool
    /// xenl: after the last column the wrap waits for the next character, so the bottom-right
    /// cell can be written without scrolling the screen.
    public var wrapsLate: Bool
    /// msgr: the cursor may move while attributes are on.
    public var movesInAttributes: Bool
    /// bce: erasing fills with the current background colour.
    public var erasesWithBackground: Bool
    public var colors: Int
    /// ncv: attributes the terminal cannot show together with colour (curses attribute bits).
    public var noColorAttributes: Int

    /// The names read, and what they are called here.
    static let names = ["cup", "hpa", "vpa", "cuf1", "cuf", "cub1", "cr", "home", "csr", "ind", "indn", "ri", "rin",
                        "il1", "il", "dl1", "dl", "ich1", "ich", "clear", "el", "E3", "sc", "rc", "sgr0", "bold", "smul", "rev", "dim",
                        "setaf", "setab", "op", "civis", "cnorm"]
    static let flagNames = ["am", "xenl", "msgr", "bce"]
    static let numberNames = ["colors", "ncv"]

    /// From a table of terminfo values: strings by name, `am`, `xenl`, `msgr`, `bce` present
    /// when true, `colors` and `ncv` as decimal numbers.
    public init?(values: [String: String]) {
        self.init(strings: values.mapValues { Array($0.utf8) },
                  flags: Set(Self.flagNames.filter { values[$0] != nil }),
                  numbers: values.compactMapValues { Int($0) })
    }

    /// Strings with their bytes as terminfo has them (some terminals' strings are not UTF-8,
    /// such as an 8-bit CSI), the flags that are set, and numbers.
    init?(strings values: [String: [UInt8]], flags: Set<String>, numbers: [String: Int]) {
        func string(_ name: String) -> [UInt8]? {
            guard let value = values[name], !value.isEmpty else { return nil }
            return Self.withoutPadding(value)
        }
        func parameterized(_ name: String) -> Parameterized? { Parameterized(values[name]) }
        guard let moveTo = parameterized("cup") else { return nil }
        self.moveTo = moveTo
        column = parameterized("hpa")
        row = parameterized("vpa")
        forward = string("cuf1")
        forwardBy = parameterized("cuf")
        backspace = string("cub1")
        carriageReturn = string("cr")
        home = string("home")
        setScrollRegion = parameterized("csr")
        scrollForward = string("ind")
        scrollForwardBy = parameterized("indn")
        scrollReverse = string("ri")
        scrollReverseBy = parameterized("rin")
        insertLine = string("il1")
        insertLines = parameterized("il")
        deleteLine = string("dl1")
        deleteLines = parameterized("dl")
        insertCharacter = string("ich1")
        insertCharacters = parameterized("ich")
        clearScreen = string("clear")
        clearToEndOfLine = string("el")
        clearScrollback = string("E3")
        saveCursor = string("sc")
        restoreCursor = string("rc")
        resetAttributes = string("sgr0") ?? []
        bold = string("bold")
        underline = string("smul")
        reverse = string("rev")
        dim = string("dim")
        foreground = parameterized("setaf")
        background = parameterized("setab")
        defaultColors = string("op")
        hideCursor = string("civis")
        showCursor = string("cnorm")
        autoMargins = flags.contains("am")
        wrapsLate = flags.contains("xenl")
        movesInAttributes = flags.contains("msgr")
        erasesWithBackground = flags.contains("bce")
        colors = numbers["colors"] ?? 0
        noColorAttributes = numbers["ncv"] ?? 0
    }

    /// Terminal `name` from the system's terminal database, without starting the terminal
    /// (for measuring the writer off a terminal). Not while a backend is running: it replaces
    /// ncurses's current terminal description.
    public static func named(_ name: String) -> TerminalCapabilities? {
        var status: Int32 = 0
        guard setupterm(name, STDOUT_FILENO, &status) == OK else { return nil }
        defer { if let loaded = kx_cur_term() { del_curterm(loaded) } }
        return loaded()
    }

    /// The terminal ncurses has loaded (after `newterm`).
    static func loaded() -> TerminalCapabilities? {
        var strings: [String: [UInt8]] = [:]
        for name in names {
            if let value = kx_string_capability(name) { strings[name] = bytes(of: value) }
        }
        var numbers: [String: Int] = [:]
        for name in numberNames {
            let value = kx_number_capability(name)
            if value > 0 { numbers[name] = Int(value) }
        }
        return TerminalCapabilities(strings: strings, flags: Set(flagNames.filter { kx_flag_capability($0) > 0 }),
                                    numbers: numbers)
    }

    /// A C string's bytes, as they are (not decoded as UTF-8).
    package static func bytes(of text: UnsafePointer<CChar>) -> [UInt8] {
        UnsafeBufferPointer(start: text, count: strlen(text)).map { UInt8(bitPattern: $0) }
    }

    /// `text` without terminfo padding (`$<5>`, `$<2/>`, `$<10*>`).
    static func withoutPadding(_ text: [UInt8]) -> [UInt8] {
        guard text.contains(UInt8(ascii: "$")) else { return text }
        var result: [UInt8] = []
        var index = 0
        while index < text.count {
            if text[index] == UInt8(ascii: "$"), index + 1 < text.count, text[index + 1] == UInt8(ascii: "<"),
               let end = text[(index + 2)...].firstIndex(of: UInt8(ascii: ">")) {
                index = end + 1
                continue
            }
            result.append(text[index])
            index += 1
        }
        return result
    }
}

/// tiparm fills a static buffer; one caller at a time.
private let tiparmLock = Mutex<Void>(())
