import CNcursesW
import ExplorerCore

/// What a key the terminal sent means: ncurses's key codes (arrows, function keys) and the
/// characters `wget_wch` returns (control characters among them), as `Key`s.
public enum KeyDecoder {
    public static func key(forCode code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_DC: return .delete
        case KEY_F0 + 1...KEY_F0 + 63: return .function(Int(code - KEY_F0))
        default:
            // Alt-arrows have no fixed codes; terminfo names them kLFT3 and kRIT3.
            switch keyname(code).map({ String(cString: $0) }) {
            case "kLFT3"?: return .altLeft
            case "kRIT3"?: return .altRight
            default: return .unknown(Int(code))
            }
        }
    }

    public static func key(forCharacter value: UInt32) -> Key {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            return .control(Character(Unicode.Scalar(value + 96).map(String.init) ?? "?"))
        default:
            guard let scalar = Unicode.Scalar(value) else { return .unknown(Int(value)) }
            return .character(Character(scalar))
        }
    }
}
