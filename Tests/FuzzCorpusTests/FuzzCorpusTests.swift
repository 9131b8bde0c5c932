import Foundation
import FuzzTargets
import Testing

/// Every input the fuzzers kept (`Fuzz/corpus/TARGET/`: the seeds, and each input that once
/// found a bug) runs through its target again: none may break an invariant, trap or hang.
@Suite struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus").path

    @Test(arguments: FuzzTarget.allCases)
    func everyKeptInputStillPasses(_ target: FuzzTarget) throws {
        let folder = "\(Self.corpus)/\(target.rawValue)"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(!names.isEmpty, "the \(target.rawValue) corpus has inputs")
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)")))
            let broken = target.run(bytes)
            #expect(broken.isEmpty, "\(target.rawValue)/\(name): \(broken)")
        }
    }
}
