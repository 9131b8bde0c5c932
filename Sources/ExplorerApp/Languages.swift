/// The documents in the language shown and, once loaded, those in the other: what `L` swaps.
/// Browse and guided sessions load the other pack the first time it is asked for; the kiosk
/// has both from the start. Swapping keeps the state (panel, step, scroll, answers): a
/// translation has English's structure.
struct Languages<Documents: AnyObject> {
    private(set) var shown: Documents
    private var other: Documents?

    init(_ shown: Documents, other: Documents? = nil) {
        self.shown = shown
        self.other = other
    }

    /// Shows the other language if it is loaded; false when it has to be loaded first.
    mutating func swap() -> Bool {
        guard let other else { return false }
        self.other = shown
        shown = other
        return true
    }

    /// Shows `loaded`, the other language just read, keeping the one shown to switch back to.
    mutating func show(_ loaded: Documents) {
        other = shown
        shown = loaded
    }
}
