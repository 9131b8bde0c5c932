#if canImport(Glibc)
import Glibc
#endif

/// The kiosk's settings (`--kiosk --config FILE`), read from YAML with the same line-exact
/// errors as the content pack. Every option is optional; a missing one takes its default.
public struct KioskConfig: Equatable, Sendable {
    /// No input this long starts the "Still there?" countdown.
    public var idleSeconds = 90
    /// How long the countdown lasts before everything is wiped.
    public var warningSeconds = 30
    /// How long each attract slide shows.
    public var slideSeconds = 10
    /// When the clinic is open, as minutes after midnight; outside them the screen is blank.
    /// Nil: always open.
    public var openingHours: OpeningHours?
    /// The staff-exit PIN's salted slow hash; nil means there is no way out from the keyboard.
    public var pinHash: String?
    /// Where to keep the heartbeat (counts only, never what anyone viewed); nil: none.
    public var heartbeatFile: String?
    /// The look and sound: theme, motion, mouse, and the waiting room's first language and
    /// speech, read as a user's preferences are (`Preferences`).
    public var preferences = Preferences()
    /// The waiting room's first language (`en` or `es`): what each visitor finds and what a
    /// reset returns to. Nil: as `--lang` or the locale says.
    public var language: String? {
        get { preferences.language }
        set { preferences.language = newValue }
    }
    /// When the kiosk speaks (`speech:`): off by default, as a waiting room may want no sound.
    public var speech: SpeechMode {
        get { preferences.speech ?? .off }
        set { preferences.speech = newValue }
    }

    /// Every option a config may set.
    public static let options = ["idle_seconds", "warning_seconds", "slide_seconds", "opening_hours", "pin_hash",
                                 "heartbeat_file"] + Preferences.options
    public static let idleRange = 30...600
    public static let warningRange = 20...120
    public static let slideRange = 8...15
    /// Where the kiosk looks when `--config` is not given; if there is no file, defaults apply.
    public static let defaultPath = "/etc/ketamine-explorer/kiosk.yaml"

    public init() {}

    public struct OpeningHours: Equatable, Sendable {
        public let opens: Int
        public let closes: Int

        /// Whether `minute` (after midnight) is within opening hours; hours may run past midnight.
        public func contains(minute: Int) -> Bool {
            opens <= closes ? (opens..<closes).contains(minute) : minute >= opens || minute < closes
        }

        /// "07:30-18:00".
        public init?(_ text: String) {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let opens = Self.minute(parts[0]), let closes = Self.minute(parts[1]),
                  opens != closes else { return nil }
            self.opens = opens
            self.closes = closes
        }

        private static func minute(_ text: Substring) -> Int? {
            let parts = text.trimmingSpaces.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
                  let hour = Int(parts[0]), let minute = Int(parts[1]),
                  (0...23).contains(hour), (0...59).contains(minute) else { return nil }
            return hour * 60 + minute
        }
    }

    /// What the file's owner and mode allow others, checked at start: nil `refusal` when the
    /// kiosk may use it. Anyone but the owner able to write it could put in their own
    /// `pin_hash` (refused); anyone able to read one with a `pin_hash` may try PINs against it
    /// at leisure (a warning). The README's mode: owner root, group kiosk, 0640.
    public static func permissionProblems(path: String, hasPIN: Bool) -> (refusal: String?, warning: String?) {
        var status = stat()
        guard stat(path, &status) == 0 else { return (nil, nil) }   // reading it reports that
        if status.st_mode & (S_IWGRP | S_IWOTH) != 0 {
            let mode = String(status.st_mode & 0o777, radix: 8)
            return ("\(path) can be changed by users other than its owner (mode \(mode)), who could put in their own "
                    + "PIN; make it `chown root:kiosk` and `chmod 640`", nil)
        }
        if hasPIN && status.st_mode & S_IROTH != 0 {
            return (nil, "\(path) holds pin_hash and every user can read it; guesses can be tried against it "
                    + "away from the kiosk: make it `chmod 640` (owner root, group kiosk)")
        }
        return (nil, nil)
    }

    /// Reads the config at `path`. `pinHashProblem` says what is wrong with a `pin_hash`
    /// value, or nil if it is well formed (the hash format belongs to the kiosk code).
    public static func load(path: String, pinHashProblem: (String) -> String?) throws(ContentErrors) -> KioskConfig {
        let document: YAMLDocument
        do {
            document = try YAMLDocument.load(path: path, rootName: "", limit: FileBytes.settingsLimit)
        } catch {
            throw ContentErrors([error])
        }
        var config = KioskConfig()
        var issues: [ContentIssue] = []
        do {
            let reader = document.reader
            let fields = try reader.mapping(allowing: options, issues: &issues)
            func number(_ key: String, in range: ClosedRange<Int>, unit: String) throws(ContentIssue) -> Int? {
                guard let value = reader.child(key, in: fields) else { return nil }
                let number = try value.wholeNumber
                guard range.contains(number) else {
                    throw value.problem("\(number) is outside \(range.lowerBound) to \(range.upperBound) \(unit)")
                }
                return number
            }
            func attempt(_ body: () throws(ContentIssue) -> Void) {
                do { try body() } catch { issues.append(error) }
            }
            attempt { () throws(ContentIssue) in
                if let value = try number("idle_seconds", in: idleRange, unit: "seconds") { config.idleSeconds = value }
            }
            attempt { () throws(ContentIssue) in
                if let value = try number("warning_seconds", in: warningRange, unit: "seconds") { config.warningSeconds = value }
            }
            attempt { () throws(ContentIssue) in
                if let value = try number("slide_seconds", in: slideRange, unit: "seconds") { config.slideSeconds = value }
            }
            attempt { () throws(ContentIssue) in
                guard let value = reader.child("opening_hours", in: fields) else { return }
                guard let hours = OpeningHours(try value.text) else {
                    throw value.problem("'\(try value.text)' is not opening hours written HH:MM-HH:MM, such as 07:30-18:00")
                }
                config.openingHours = hours
            }
            attempt { () throws(ContentIssue) in
                guard let value = reader.child("pin_hash", in: fields) else { return }
                let hash = try value.text
                if let problem = pinHashProblem(hash) { throw value.problem(problem) }
                config.pinHash = hash
            }
            attempt { () throws(ContentIssue) in
                guard let value = reader.child("heartbeat_file", in: fields) else { return }
                let path = try value.text
                guard path.hasPrefix("/") else { throw value.problem("give the heartbeat file's full path, starting with /") }
                config.heartbeatFile = path
            }
            config.preferences.read(reader, fields, issues: &issues)
        } catch {
            issues.append(error)
        }
        guard issues.isEmpty else { throw ContentErrors(issues) }
        return config
    }

    /// Whether a file is at `path` (a config that is there but unreadable is an error, not defaults).
    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}

/// When the program speaks: never, only once asked (a kiosk's `on-request`: silent until a
/// visitor presses the read key, then it follows the screen until the reset), or always.
public enum SpeechMode: String, Equatable, Sendable, CaseIterable {
    case off
    case onRequest = "on-request"
    case on
}
