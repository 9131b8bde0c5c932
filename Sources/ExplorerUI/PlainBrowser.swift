import ContentModel
import TermRender

/// The explorer as plain lines of text, for screen readers, pipes and terminals that cannot
/// move the cursor (`--plain`, or automatically when output is not a terminal or TERM is
/// dumb): numbered menus answered by typing a number and Enter, tables as "label: value"
/// stacks, pictures as their captions, nothing that moves. Each answer only appends lines.
public struct PlainBrowser {
    private enum Place: Equatable {
        case menu
        case reading(Int)
        /// Waiting for the words to search for.
        case askingSearch
        case results([Int])
    }

    public let pack: ContentPack
    private let width: Int
    private let glyphs: Glyphs
    private var place = Place.menu
    private lazy var index = SearchIndex(pack: pack)

    public init(pack: ContentPack, width: Int = 80, glyphs: Glyphs = .unicode) {
        self.pack = pack
        self.width = max(40, width)
        self.glyphs = glyphs
    }

    /// What is shown first: the title, the safety line and the list of panels.
    public mutating func start() -> [String] {
        ["Ketamine treatment explorer: \(pack.info.title)", pack.info.disclaimer, ""] + menu()
    }

    /// Answers one line typed by the user. `done` is true when they asked to quit.
    public mutating func handle(_ input: String) -> (lines: [String], done: Bool) {
        let answer = String(input.unicodeScalars.filter { !Sanitizer.isForbidden($0) }).trimmingSpaces
        if place == .askingSearch { return (search(answer), false) }
        switch answer.lowercased() {
        case "q", "quit", "exit": return (["Goodbye. " + pack.info.disclaimer], true)
        case "": return (menu(), false)
        case "s", "/", "search":
            place = .askingSearch
            return (["Type the words to search for, then Enter:"], false)
        case "?", "h", "help": return (help(), false)
        case "n", "next":
            if case .reading(let panel) = place { return (read(min(panel + 1, pack.topics.count - 1)), false) }
        case "p", "previous":
            if case .reading(let panel) = place { return (read(max(panel - 1, 0)), false) }
        default:
            if let number = Int(answer) {
                if case .results(let hits) = place {
                    guard (1...max(1, hits.count)).contains(number), !hits.isEmpty else {
                        return (["There is no result \(number). " + prompt()], false)
                    }
                    return (read(hits[number - 1]), false)
                }
                guard (1...pack.topics.count).contains(number) else {
                    return (["There is no panel \(number): type 1 to \(pack.topics.count). " + prompt()], false)
                }
                return (read(number - 1), false)
            }
        }
        return (["That did not match a choice. " + prompt()], false)
    }

    private mutating func menu() -> [String] {
        place = .menu
        let digits = String(pack.topics.count).count
        var lines = ["Panels:"]
        for (index, topic) in pack.topics.enumerated() {
            let number = String(index + 1)
            lines.append(String(repeating: " ", count: digits - number.count + 2) + "\(number). \(topic.title)")
        }
        return lines + [prompt()]
    }

    private mutating func read(_ panel: Int) -> [String] {
        place = .reading(panel)
        return [""] + PlainText.lines(topic: panel, pack: pack, width: width, glyphs: glyphs, pictures: false)
            + ["", "End of panel \(panel + 1) of \(pack.topics.count): \(pack.topics[panel].title).", prompt()]
    }

    private mutating func search(_ query: String) -> [String] {
        let hits = query.isEmpty ? [] : index.search(query, limit: 20)
        guard !hits.isEmpty else {
            place = .menu
            return ["Nothing found for \"\(query)\". " + prompt()]
        }
        place = .results(hits.map(\.topic))
        var lines = ["Found \(hits.count) for \"\(query)\":"]
        for (number, hit) in hits.enumerated() {
            lines.append("\(number + 1). \(pack.topics[hit.topic].title): \(hit.snippet)")
        }
        return lines + ["Type a result's number to read that panel, or Enter for the list of panels."]
    }

    private func help() -> [String] {
        ["Type a number and press Enter to choose it.",
         "Enter on its own: the list of panels.",
         "n: the next panel. p: the panel before.",
         "s: search titles, text, glossary and sources.",
         "q: quit.",
         prompt()]
    }

    private func prompt() -> String {
        switch place {
        case .reading: return "Type a panel number, n (next), p (previous), s (search), Enter (list) or q (quit):"
        default: return "Type a panel number, s (search), ? (help) or q (quit), then Enter:"
        }
    }
}
