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
