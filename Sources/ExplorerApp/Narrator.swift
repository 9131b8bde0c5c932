import ContentModel
import ExplorerCore
import ExplorerUI
import TermRender

/// What the voice says, beside a program: a pure state machine. The program tells it what
/// the screen shows (`show`), passes on the speech keys' asks (`request`), any other key
/// (`keyPressed`) and what the engine reported (`heard`); each answers with what the engine
/// should do, if anything.
///
/// Following the screen: a new screen says its first words (a list item its title, an opened
/// panel its title and main message, a question with its choice), and `r` reads on from
/// there, block by block, to the end. If a key stops the voice, the next `r` goes on from the
/// block it stopped in. A kiosk's `on-request` follows the screen only once a visitor has
/// pressed `r`, until the reset.
///
/// Privacy: it keeps only the screen's words and where reading is; a kiosk reset replaces it.
public struct Narrator: Sendable {
    public typealias Screen = SpokenScreen

    public let mode: SpeechMode
    /// Speaking as the screen changes: from the start with `on`; with `on-request` after the
    /// first `r`.
    public private(set) var follows: Bool
    public private(set) var wordsPerMinute = Self.normalPace
    /// The engine said it cannot speak: nothing more is asked of it.
    public private(set) var unavailable = false
    /// "No sound here", said once on the key-hint line (`overlay`) until the next key.
    public private(set) var notice: String?

    /// The screen spoken about, its page once worked out, and the page's next chunk to read.
    private var shown: String?
    private var shownRow: String?
    private var page: [String]?
    private var next = 0
    /// What was said last, where in the page it began (nil: not from the page), and which of
    /// its chunks was heard last (the engine numbers chunks from the utterance's start).
    private var last: Utterance?
    private var lastStart: Int?
    private var heardChunk = 0
    private var speaking = false

    /// A little slower than espeak-ng's 175 words a minute: listeners may be in pain or tired.
    public static let normalPace = 150
    static let paces = 80...300
    static let paceStep = 25

    /// - Parameter unavailable: the engine has already said it cannot speak.
    public init(mode: SpeechMode, unavailable: Bool = false) {
        self.mode = mode
        self.unavailable = unavailable
        follows = mode == .on
    }

    /// Whether it speaks at all.
    public var isOn: Bool { mode != .off && !unavailable }

    /// The screen now shows `screen`: its first words, when it is new and the voice follows.
    public mutating func show(_ screen: Screen) -> SpeechRequest? {
        guard isOn else { return nil }
        let newScreen = screen.id != shown
        guard newScreen || screen.row?.key != shownRow else { return nil }
        shownRow = screen.row?.key
        if newScreen {
            shown = screen.id
            page = nil
            next = 0
        }
        guard follows else { return nil }
        var chunks: [String] = []
        if newScreen && screen.arrival > 0 {
            let page = pageOf(screen)
            next = min(screen.arrival, page.count)
            chunks = Array(page[..<next])
        }
        chunks += screen.row?.say() ?? []
        // The opening words alone are the page's first blocks: cut off, the next `r` reads
        // them again from the block heard last.
        let opening = newScreen && screen.arrival > 0 && screen.row == nil
        return say(chunks, language: screen.language, from: opening ? 0 : nil)
    }

    /// A speech key on `screen`. `end` is what to say when there is nothing left to read.
    public mutating func request(_ key: SpeechKey, on screen: Screen, end: String) -> SpeechRequest? {
        guard isOn else { return nil }
        shownRow = screen.row?.key
        if shown != screen.id {
            shown = screen.id
            page = nil
            next = 0
        }
        switch key {
        case .readOn:
            follows = true
            let page = pageOf(screen)
            guard next < page.count else { return say([end], language: screen.language, from: nil) }
            return say(Array(page[next...]), language: screen.language, from: next)
        case .repeatLast:
            return sayAgain()
        case .slower, .faster:
            let step = key == .slower ? -Self.paceStep : Self.paceStep
            wordsPerMinute = min(max(wordsPerMinute + step, Self.paces.lowerBound), Self.paces.upperBound)
            return sayAgain()   // heard at once at the new pace
        }
    }

    /// What was said last, again, from the block heard last.
    private mutating func sayAgain() -> SpeechRequest? {
        guard let last, last.chunks.indices.contains(heardChunk) else { return nil }
        return say(Array(last.chunks[heardChunk...]), language: last.language, from: lastStart.map { $0 + heardChunk })
    }

    /// Any other key stops the voice (the key then does what it does, which may say more).
    public mutating func keyPressed() -> SpeechRequest? {
        guard speaking else { return nil }
        speaking = false
        return .hush
    }

    /// What the engine reported about the last utterance. When it says it cannot speak, the
    /// first time, `notice` (the pack's words for it) is shown until the next key, and the
    /// answer is what to tell the state machine: `.speechUnavailable`, so the voice's keys go.
    public mutating func heard(_ event: SpeechEvent, notice text: String) -> Msg? {
        switch event {
        case .began(let chunk):
            // Reading on: an interrupted block is read again from its start by the next `r`,
            // and `a` says it again from the block heard last.
            guard let last, last.chunks.indices.contains(chunk) else { return nil }
            heardChunk = chunk
            if let start = lastStart { next = start + chunk }
        case .finished:
            speaking = false
            if let start = lastStart, let last { next = start + last.chunks.count }
        case .stopped:
            speaking = false
        case .unavailable:
            speaking = false
            guard !unavailable else { return nil }
            notice = text
            unavailable = true
            return .speechUnavailable
        }
        return nil
    }

    /// Answers the speech effects among `effects` and says what a new screen says; with
    /// `key` (the user's input), a key that says nothing new stops the voice, and the notice
    /// goes. The speech asks are replaced by what the engine should do.
    mutating func narrate<Effect: SpeechEffect>(_ effects: [Effect], key: Bool, screen: () -> Screen, end: String) -> [Effect] {
        if key { notice = nil }
        guard isOn else {
            // Without a voice, asks are dropped (the common case, speech off, has none to drop).
            return effects.contains { $0.speechRequest != nil } ? effects.filter { $0.speechRequest == nil } : effects
        }
        guard follows || effects.contains(where: { $0.speechRequest != nil }) else {
            // Not following yet (on-request before the first `r`) and nothing asked: the screen
            // need not be worked out (`request` catches up with it when asked).
            return effects + (key ? keyPressed().map { [.speech($0)] } ?? [] : [])
        }
        var kept: [Effect] = []
        var answer: SpeechRequest?
        let shown = screen()
        for effect in effects {
            guard let asked = effect.speechRequest else {
                kept.append(effect)
                continue
            }
            switch asked {
            case .ask(let key): answer = self.request(key, on: shown, end: end) ?? answer
            case .say, .hush: answer = asked   // already an answer
            }
        }
        if answer == nil { answer = show(shown) }
        if answer == nil, key { answer = keyPressed() }
        return kept + (answer.map { [.speech($0)] } ?? [])
    }

    /// The notice, if there is one, over `frame`'s key hints.
    func overlay(_ frame: inout Buffer) {
        if let notice { frame.showNotice(notice) }
    }

    private mutating func pageOf(_ screen: Screen) -> [String] {
        if let page { return page }
        let made = screen.page()
        page = made
        return made
    }

    private mutating func say(_ chunks: [String], language: String, from start: Int?) -> SpeechRequest? {
        guard !chunks.isEmpty else { return nil }
        let utterance = Utterance(chunks: chunks, language: language, wordsPerMinute: wordsPerMinute)
        last = utterance
        lastStart = start
        heardChunk = 0
        speaking = true
        return .say(utterance)
    }
}

extension Buffer {
    /// A one-line notice as a status line ("No sound here"): over the key hints, so the
    /// safety line below them stays; on a screen without hints, over the bottom line.
    mutating func showNotice(_ text: String) {
        guard size.height > 0 else { return }
        let hints = (0..<size.height).last { y in (0..<size.width).contains { self[$0, y].role == .footerKey } }
        let row = hints ?? size.height - 1
        fill(Rect(x: 0, y: row, width: size.width, height: 1), with: Cell(text: " ", role: .warning))
        _ = write(text, x: 1, y: row, limit: max(0, size.width - 2), role: .warning)
    }
}
