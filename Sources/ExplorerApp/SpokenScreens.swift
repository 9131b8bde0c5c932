import ContentModel
import ExplorerCore
import ExplorerUI

extension Narrator {
    /// Answers the speech effects among `effects` and says what a new screen says; with
    /// `key`, a key that says nothing new stops the voice. The speech asks are replaced by
    /// what the engine should do.
    mutating func narrate<Effect>(_ effects: [Effect], key: Bool, screen: () -> Screen, end: String,
                                  request: (Effect) -> SpeechRequest?, wrap: (SpeechRequest) -> Effect) -> [Effect] {
        guard isOn else { return effects.filter { request($0) == nil } }
        var kept: [Effect] = []
        var answer: SpeechRequest?
        let shown = screen()
        for effect in effects {
            guard let asked = request(effect) else {
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
        return kept + (answer.map { [wrap($0)] } ?? [])
    }
}
