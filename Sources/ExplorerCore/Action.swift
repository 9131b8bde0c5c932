/// What a key asks for, whichever key it was. The keymap turns keys into actions; `update`
/// only ever sees actions, so the footer, the help screen and dispatch cannot disagree.
public enum Action: Hashable, Sendable {
    case quit
    case help
    case sources
    case moveUp
    case moveDown
    case pageUp
    case pageDown
    case top
    case bottom
    /// Select the next or previous panel in the list.
    case nextPanel
    case previousPanel
    /// Open the next or previous panel for reading, at its top.
    case openNextPanel
    case openPreviousPanel
    case open
    case back
    /// Open the panel at this index (0 is the first).
    case jump(Int)
    /// Open the search line.
    case search
    /// Remove the last character of the search line.
    case deleteCharacter
    /// Scroll to the next or previous place the last search found in the open panel.
    case nextMatch
    case previousMatch
    /// Move the focus to the next or previous link on the screen.
    case nextLink
    case previousLink
    /// Follow the focused link: a term opens its definition, a panel link opens the panel.
    case followLink
    /// Back and forward through the panels visited, as in a browser.
    case historyBack
    case historyForward
    /// Open the glossary panel.
    case glossary
    /// The animated picture: play or pause, one picture back or on, start again.
    case playPause
    case previousFrame
    case nextFrame
    case restartDiagram
    /// Show the explorer in the pack's other language (English and Spanish), in the same place.
    case switchLanguage
    /// Read on, repeat, slower, faster (only when the program speaks: `AppState.speaks`).
    case speech(SpeechKey)
}
