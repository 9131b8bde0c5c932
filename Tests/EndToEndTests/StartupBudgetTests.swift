import Foundation
import Testing

/// `make test` holds start-up to its budgets (bench/budgets.py): a start that runs more
/// instructions or takes more memory than its budget fails the run, saying which and how much.
@Suite struct StartupBudgetTests {
    @Test func aStartOverItsBudgetsFailsNamingEachBudgetAndTheFigure() async throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pack = "\(directory)/en"
        try FileManager.default.copyItem(atPath: Paths.pack, toPath: pack)
        #expect(try await runProgram(Paths.binary, ["snapshot", pack]).status == 0)
        let script = "\(Paths.root)/bench/budgets.py"

        let over = try await runProgram("/usr/bin/python3", [script, Paths.binary, pack, "--instructions", "1000000", "--peak-kib", "1000"])
        #expect(over.status != 0)
        #expect(over.error.contains("start-up instructions: "), "\(over.error)")
        #expect(over.error.contains("million, over the budget of 1.00 million"), "\(over.error)")
        #expect(over.error.contains("KiB, over the budget of 1000 KiB"), "\(over.error)")

        let within = try await runProgram("/usr/bin/python3", [script, Paths.binary, pack, "--instructions", "500000000", "--peak-kib", "100000"])
        #expect(within.status == 0, "\(within.error)")
        #expect(within.output.contains("of 500.00 million instructions"), "\(within.output)")
    }
}
