import ContentModel
import FuzzTargets
#if canImport(Glibc)
import Glibc
#endif

/// The fuzzer build (`make fuzz`: swift build --sanitize=fuzzer -DFUZZING) is libFuzzer's
/// program: its main runs `LLVMFuzzerTestOneInput` on the target KX_FUZZ_TARGET names.
/// Any other build is a replayer: `explorer-fuzz TARGET FILE ...` runs inputs through a target
/// and prints what they broke (`make test` replays the corpus through FuzzCorpusTests).

private func say(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}

private func target(named name: String?) -> FuzzTarget {
    guard let name, let target = FuzzTarget(rawValue: name) else {
        say("explorer-fuzz: name a target: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
        exit(2)
    }
    return target
}

#if FUZZING
private let chosen = target(named: getenv("KX_FUZZ_TARGET").map { String(cString: $0) })

/// One input through the chosen target; a broken invariant is a finding (libFuzzer saves the input).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let broken = chosen.run(bytes)
    guard broken.isEmpty else {
        say("explorer-fuzz: \(chosen.rawValue) broke: \(broken.joined(separator: "; "))")
        abort()
    }
    return 0
}
#else
@main
enum Replay {
    static func main() {
        let arguments = CommandLine.arguments
        let chosen = target(named: arguments.count > 1 ? arguments[1] : nil)
        var failed = false
        for path in arguments.dropFirst(2) {
            guard let bytes = try? FileBytes.read(path, limit: FileBytes.contentLimit) else {
                failed = true   // an input that cannot be read was not replayed
                say("\(path): cannot read it")
                continue
            }
            let broken = chosen.run(bytes)
            if !broken.isEmpty {
                failed = true
                say("\(path): \(broken.joined(separator: "; "))")
            }
        }
        exit(failed ? 1 : 0)
    }
}
#endif
