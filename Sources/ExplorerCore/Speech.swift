/// What the voice's keys ask for. (No payload, so `Action` stays a plain value: copying an
/// action with an array inside cost every key and frame a call, start-up 40,000 instructions.)
public enum SpeechKey: Hashable, Sendable {
    /// Read on, block by block, from where reading stopped to the end of the screen's text.
    case readOn
    /// Say again what was said last.
    case repeatLast
    /// A slower or faster voice, heard at once on what was said last.
    case slower
    case faster
}

/// Speaking aloud, as the state machines see it. A key asks (`update` passes the ask on as
/// an effect, knowing nothing of words); the program beside the state machine, which knows
/// what the screen says, answers with what to `say` or to `hush`, and the run loop hands
/// that to the speech engine.
public enum SpeechRequest: Hashable, Sendable {
    /// A speech key's ask, for the program to answer.
    case ask(SpeechKey)
    /// For the engine: say this now, stopping whatever is being said.
    case say(Utterance)
    /// For the engine: stop speaking at once.
    case hush
}

/// A mode's effects, which carry the voice's asks and answers (`case speech(SpeechRequest)`):
/// how the narrator beside each program finds the asks and puts its answers among them.
public protocol SpeechEffect {
    static func speech(_ request: SpeechRequest) -> Self
    /// The ask or answer this effect carries, if it is one.
    var speechRequest: SpeechRequest? { get }
}

extension Effect: SpeechEffect {
    public var speechRequest: SpeechRequest? { if case .speech(let request) = self { request } else { nil } }
}

extension GuidedEffect: SpeechEffect {
    public var speechRequest: SpeechRequest? { if case .speech(let request) = self { request } else { nil } }
}

extension KioskEffect: SpeechEffect {
    public var speechRequest: SpeechRequest? { if case .speech(let request) = self { request } else { nil } }
}

/// Words for the engine: chunks (a block each) said one after another, in a language and at
/// a pace. The engine reports each chunk as it begins, so reading on can resume there.
public struct Utterance: Hashable, Sendable {
    public let chunks: [String]
    /// The pack's language ("en", "es"): it chooses the voice.
    public let language: String
    public let wordsPerMinute: Int

    public init(chunks: [String], language: String, wordsPerMinute: Int) {
        self.chunks = chunks
        self.language = language
        self.wordsPerMinute = wordsPerMinute
    }
}

/// What the speech engine reported, as a message for the program.
public enum SpeechEvent: Equatable, Sendable {
    /// Chunk n of the last utterance began to sound.
    case began(Int)
    /// The last utterance has been said to its end.
    case finished
    /// It was stopped before its end.
    case stopped
    /// There is no engine or no audio device: the program goes on silently (why, in a few words).
    case unavailable(String)
}
