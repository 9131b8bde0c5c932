/// A key press, decoded by the backend from whatever the terminal sent.
public enum Key: Hashable, Sendable {
    case character(Character)
    case control(Character)       // Ctrl plus a letter, as the letter ("c" for Ctrl-C)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab, delete
    case function(Int)
    /// Alt (or Option) with the left or right arrow: back and forward, as in a browser.
    case altLeft, altRight
    case unknown(Int)
}

extension Key {
    /// How the help screen and the footer name the key.
    public var label: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .control(let character): return "Ctrl-\(character.uppercased())"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "⌫"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .delete: return "Del"
        case .function(let number): return "F\(number)"
        case .altLeft: return "Alt-←"
        case .altRight: return "Alt-→"
        case .unknown(let code): return "key \(code)"
        }
    }
}
