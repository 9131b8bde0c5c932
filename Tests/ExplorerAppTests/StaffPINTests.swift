import Foundation
import StaffPIN
import Testing

/// The staff PIN's hash through libxcrypt: what `hash-pin` makes, what Debian's `mkpasswd`
/// makes, and what is refused with words an IT person can act on. A wrong or malformed hash
/// never lets anyone out.
@Suite struct StaffPINTests {
    /// `mkpasswd` (Debian's whois package; `make test` installs it) with these arguments and the PIN.
    private func mkpasswd(_ arguments: [String], pin: String = "2468") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/mkpasswd")
        process.arguments = arguments + [pin]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aNewHashIsSHA512CryptWith500000RoundsAndChecksOnlyItsPIN() throws {
        let hash = try #require(StaffPIN.make(pin: "2468"))
        #expect(hash.hasPrefix("$6$rounds=500000$"))
        #expect(StaffPIN.problem(in: hash) == nil)
        #expect(StaffPIN.verify(pin: "2468", against: hash))
        #expect(!StaffPIN.verify(pin: "2469", against: hash))
        #expect(!StaffPIN.verify(pin: "", against: hash))
        let again = try #require(StaffPIN.make(pin: "2468"))
        #expect(again != hash, "a fresh salt each time")
    }

    @Test func aTamperedHashLetsNobodyOut() throws {
        let hash = try #require(StaffPIN.make(pin: "2468"))
        var bytes = Array(hash.utf8)
        bytes[bytes.count - 5] = bytes[bytes.count - 5] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        #expect(!StaffPIN.verify(pin: "2468", against: String(decoding: bytes, as: UTF8.self)))
        #expect(!StaffPIN.verify(pin: "2468", against: String(hash.dropLast())))
    }

    @Test func hashesFromDebiansMkpasswdWork() throws {
        let sha512 = try mkpasswd(["-m", "sha-512", "-R", "500000"])
        #expect(StaffPIN.problem(in: sha512) == nil, "\(sha512)")
        #expect(StaffPIN.verify(pin: "2468", against: sha512))
        #expect(!StaffPIN.verify(pin: "1357", against: sha512))
        let yescrypt = try mkpasswd(["-m", "yescrypt"])
        #expect(yescrypt.hasPrefix("$y$"))
        #expect(StaffPIN.problem(in: yescrypt) == nil, "\(yescrypt)")
        #expect(StaffPIN.verify(pin: "2468", against: yescrypt))
        #expect(!StaffPIN.verify(pin: "1357", against: yescrypt))
    }

    @Test func weakOrCostlyHashesAreRefusedSayingHowToMakeAGoodOne() throws {
        let fewRounds = try mkpasswd(["-m", "sha-512"])   // mkpasswd's default: 5,000 rounds
        #expect(StaffPIN.problem(in: fewRounds)?.contains("mkpasswd -m sha-512 -R 500000") == true)
        #expect(!StaffPIN.verify(pin: "2468", against: fewRounds), "refused even with the right PIN")
        let under = try mkpasswd(["-m", "sha-512", "-R", "499999"])
        #expect(StaffPIN.problem(in: under) == "rounds must be at least 500000; this hash has 499999")
        let costly = try mkpasswd(["-m", "yescrypt", "-R", "7"])   // 64 MiB a check
        #expect(StaffPIN.problem(in: costly)?.contains("more memory than the kiosk allows") == true)
        #expect(!StaffPIN.verify(pin: "2468", against: costly))
        let md5 = try mkpasswd(["-m", "md5crypt"])
        #expect(StaffPIN.problem(in: md5)?.hasPrefix("only $6$ (SHA-512) and $y$ (yescrypt) hashes") == true)
    }

    @Test(arguments: ["", "2468", "pbkdf2-sha256$200000$00$00", "$6$", "$6$rounds=500000$salt", "$6$rounds=lots$s$h",
                      "$6$rounds=9000000$s$" + String(repeating: "a", count: 86), "$y$j9T$salt$short"])
    func malformedLinesSayWhatIsWrong(_ line: String) {
        #expect(StaffPIN.problem(in: line) != nil)
        #expect(!StaffPIN.verify(pin: "2468", against: line))
    }

    @Test(arguments: ["000000", "246810", "123456", "000000000000"])
    func validPINs(pin: String) {
        #expect(StaffPIN.isValidPIN(pin))
    }

    @Test(arguments: ["", "123", "1234", "12345", "1234567890123", "12a456", " 123456", "123456 ", "123-456", "١٢٣٤٥٦",
                      "１２３４５６", "+123456"])
    func invalidPINs(pin: String) {
        #expect(!StaffPIN.isValidPIN(pin))
    }
}
