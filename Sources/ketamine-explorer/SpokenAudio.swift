import ExplorerApp
import Terminal

/// Speech saved as a sound file: what `export --format wav` and the guided handout's `.wav`
/// hold. The same voice as the live speech (espeak-ng's library in the speech helper, at
/// 150 words a minute, American English or Latin American Spanish), recorded instead of
/// played.
enum SpokenAudio {
    /// `chunks` said in `language`, as the bytes of a WAV file (16-bit mono PCM).
    static func wav(_ chunks: [String], language: String) throws(Speaker.Failure) -> [UInt8] {
        let (rate, samples) = try Speaker.record(chunks, voice: Speaker.voice(language), wordsPerMinute: Narrator.normalPace)
        var header: [UInt8] = Array("RIFF".utf8) + little(36 + samples.count) + Array("WAVEfmt ".utf8)
        header += little(16) + little(1, bytes: 2) + little(1, bytes: 2)   // PCM, one channel
        header += little(rate) + little(rate * 2) + little(2, bytes: 2) + little(16, bytes: 2)   // 16-bit
        header += Array("data".utf8) + little(samples.count)
        return header + samples
    }

    private static func little(_ value: Int, bytes: Int = 4) -> [UInt8] {
        (0..<bytes).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
