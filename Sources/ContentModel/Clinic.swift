#if canImport(Glibc)
import Glibc
#endif

/// The clinic's own details (`clinic.yaml`): its name, phone numbers, hours, website and what
/// it charges. Shown on About, the risks and cost panels, the guided summary and handout, and
/// a kiosk slide. It belongs to the clinic, never to the shipped pack: read from
/// `/etc/ketamine-explorer/clinic.yaml` or `--clinic FILE`; without one, nothing is shown.
public struct ClinicInfo: Equatable, Sendable {
    public let name: String
    public let phone: String?
    /// A nurse or after-hours line for questions and warning signs.
    public let nurseLine: String?
    public let hours: String?
    public let website: String?
    /// What the clinic charges for ketamine, in its own words ("About $500 a visit; ...").
    public let cost: String?
    /// Whether the clinic itself gives ketamine: About says so, as a conflict of interest.
    public let offersKetamine: Bool?

    public init(name: String, phone: String? = nil, nurseLine: String? = nil, hours: String? = nil,
                website: String? = nil, cost: String? = nil, offersKetamine: Bool? = nil) {
        self.name = name
        self.phone = phone
        self.nurseLine = nurseLine
        self.hours = hours
        self.website = website
        self.cost = cost
        self.offersKetamine = offersKetamine
    }

    public static let defaultPath = "/etc/ketamine-explorer/clinic.yaml"
    public static let options = ["name", "phone", "nurse_line", "hours", "website", "cost", "offers_ketamine"]
    /// Longest values: they are shown on one line beside a label, and on a kiosk slide.
    static let maximumName = 60
    static let maximumLine = 80
    static let maximumCost = 200

    /// Label and value of each way to reach the clinic that is set, in the order screens show them.
    public var contacts: [(label: String, value: String)] {
        [("Phone", phone), ("Nurse line", nurseLine), ("Hours", hours), ("Website", website)]
            .compactMap { label, value in value.map { (label, $0) } }
    }

    /// The contacts, then the cost when it is set.
    public var details: [(label: String, value: String)] { contacts + (cost.map { [("Cost", $0)] } ?? []) }

    /// Whether the file at `path` sets nothing: only comments and blank lines, as the
    /// package's `/etc/ketamine-explorer/clinic.yaml` comes (then no clinic is shown).
    public static func setsNothing(path: String) -> Bool {
        guard let bytes = try? FileBytes.read(path, limit: FileBytes.settingsLimit) else { return false }
        return bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).allSatisfy { line in
            let text = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
            return text.isEmpty || text.first == UInt8(ascii: "#")
        }
    }

    /// Reads and checks the file at `path`, reporting every problem at once, each with its
    /// file, line and option.
    public static func load(path: String) throws(ContentErrors) -> ClinicInfo {
        let document: YAMLDocument
        do {
            document = try YAMLDocument.load(path: path, rootName: "", limit: FileBytes.settingsLimit)
        } catch {
            throw ContentErrors([error])
        }
        var issues = document.controlCharacterIssues()
        let reader = document.reader
        let fields: NodeReader.Fields
        do {
            fields = try reader.mapping(allowing: options, issues: &issues)
        } catch {
            throw ContentErrors(issues + [error])
        }
        func text(_ key: String, maximum: Int, check: ((String) -> String?)? = nil) -> String? {
            guard let value = reader.child(key, in: fields) else { return nil }
            do throws(ContentIssue) {
                let text = try value.text.trimmingSpaces
                if text.isEmpty { throw value.problem("the value is empty; give it or remove the line") }
                if PackLoader.hasMarkup(text, orBreaks: true) {
                    throw value.problem("this is shown as one line of plain text: remove line breaks and markup")
                }
                if text.count > maximum { throw value.problem("\(text.count) characters; at most \(maximum) fit") }
                if let problem = check?(text) { throw value.problem(problem) }
                return text
            } catch {
                issues.append(error)
                return nil
            }
        }
        let name = text("name", maximum: maximumName)
        if reader.child("name", in: fields) == nil {
            issues.append(document.issue(at: [.key("name")], "this option is missing: the clinic's name"))
        }
        let phone = text("phone", maximum: maximumLine, check: phoneProblem)
        let nurseLine = text("nurse_line", maximum: maximumLine, check: phoneProblem)
        let hours = text("hours", maximum: maximumLine)
        let website = text("website", maximum: maximumLine) { text in
            text.contains(" ") || !text.contains(".") ? "'\(text)' is not a web address, such as www.example.org" : nil
        }
        let cost = text("cost", maximum: maximumCost)
        var offers: Bool?
        if let value = reader.child("offers_ketamine", in: fields) {
            do { offers = try value.flag } catch { issues.append(error) }
        }
        guard issues.isEmpty, let name else { throw ContentErrors(issues) }
        return ClinicInfo(name: name, phone: phone, nurseLine: nurseLine, hours: hours, website: website, cost: cost,
                          offersKetamine: offers)
    }

    /// A phone number needs digits to dial: at least 3 of them (a short code like 911 has 3).
    private static func phoneProblem(_ text: String) -> String? {
        text.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count >= 3
            ? nil : "'\(text)' has no phone number in it (at least 3 digits)"
    }

    /// Whether a file is at `path` (one that is there but unreadable is an error, not "no clinic").
    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}
