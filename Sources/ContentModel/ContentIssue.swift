import TermRender

/// One problem in a content pack, located well enough for a clinic's IT person to fix it:
/// the file, the line, and the field (a path such as `topics[2].blocks[0].sources`).
///
/// A control character quoted from the file (a tab inside a key, say) is written out as
/// `\u{9}`: it never reaches a terminal, and the editor sees what is there.
public struct ContentIssue: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let field: String
    public let message: String

    public init(file: String, line: Int, field: String, message: String) {
        self.file = Self.visible(file)
        self.line = line
        self.field = Self.visible(field)
        self.message = Self.visible(message)
    }

    private static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: Sanitizer.isForbidden) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if Sanitizer.isForbidden(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        return field.isEmpty ? "\(place): \(message)" : "\(place): \(field): \(message)"
    }
}

/// Every problem found while loading a pack. The pack is refused if there is any.
public struct ContentErrors: Error, Sendable, CustomStringConvertible {
    public let issues: [ContentIssue]

    public init(_ issues: [ContentIssue]) {
        self.issues = issues.sorted { ($0.file, $0.line, $0.field) < ($1.file, $1.line, $1.field) }
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

/// A step in a path through a YAML document.
public enum PathComponent: Equatable, Sendable {
    case key(String)
    case index(Int)
}

extension Array where Element == PathComponent {
    /// `topics[2].blocks[0].sources`, starting from the file's root name.
    func fieldName(root: String) -> String {
        var result = root
        for component in self {
            switch component {
            case .key(let key): result += result.isEmpty ? key : ".\(key)"
            case .index(let index): result += "[\(index)]"
            }
        }
        return result
    }
}
