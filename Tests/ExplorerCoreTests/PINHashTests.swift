@testable import ExplorerCore
import Testing

/// SHA-256, HMAC and PBKDF2 against published and Python-computed answers; the encoded form
/// the config file holds; and which PINs are allowed.
@Suite struct PINHashTests {
    private func hex(_ bytes: [UInt8]) -> String { PINHash.hex(bytes) }
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    /// A fixed 16-byte salt: 00 01 ... 0f.
    private let salt = (0..<16).map { UInt8($0) }

    // MARK: SHA-256 (FIPS 180-4 examples; others from Python's hashlib)

    @Test func sha256OfEmpty() {
        #expect(hex(PINHash.sha256([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func sha256OfABC() {
        #expect(hex(PINHash.sha256(bytes("abc"))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func sha256OfTwoBlockMessage() {
        let message = bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        #expect(hex(PINHash.sha256(message)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// Lengths either side of where the padding spills into another block.
    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
    ])
    func sha256AtBlockEdges(length: Int, expected: String) {
        #expect(hex(PINHash.sha256([UInt8](repeating: UInt8(ascii: "a"), count: length))) == expected)
    }

    /// 1000 bytes, i % 251: many blocks, every byte value but a few.
    @Test func sha256OfThousandBytes() {
        let message = (0..<1000).map { UInt8($0 % 251) }
        #expect(hex(PINHash.sha256(message)) == "4e4c294b331f7a2099a379bec34b9f9fc03dc46ab465d998f4d683da53487e6d")
    }

    // MARK: HMAC-SHA256 (RFC 4231)

    @Test func hmacRFC4231Case1() {
        let mac = PINHash.hmac(key: [UInt8](repeating: 0x0b, count: 20), message: bytes("Hi There"))
        #expect(hex(mac) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    }

    @Test func hmacRFC4231Case2() {
        let mac = PINHash.hmac(key: bytes("Jefe"), message: bytes("what do ya want for nothing?"))
        #expect(hex(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    /// RFC 4231 case 6: a key longer than a block is hashed first.
    @Test func hmacWithLongKey() {
        let mac = PINHash.hmac(key: [UInt8](repeating: 0xaa, count: 131),
                               message: bytes("Test Using Larger Than Block-Size Key - Hash Key First"))
        #expect(hex(mac) == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    // MARK: PBKDF2-HMAC-SHA256 (Python: hashlib.pbkdf2_hmac('sha256', ...))

    @Test(arguments: [
        (1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"),
        (2, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"),
        (4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"),
    ])
    func pbkdf2PasswordSalt(iterations: Int, expected: String) {
        let key = PINHash.pbkdf2(password: bytes("password"), salt: bytes("salt"), iterations: iterations)
        #expect(hex(key) == expected)
    }

    // MARK: The encoded form

    @Test func makeWritesTheEncodedForm() {
        let encoded = PINHash.make(pin: "2468", salt: salt, iterations: 1000)
        #expect(encoded == "pbkdf2-sha256$1000$000102030405060708090a0b0c0d0e0f$"
            + "da0af9c4241f45ec5701b0f2e490f9c794db8f2aacca766c6081a721d04be295")
    }

    /// Cheap hashes for speed; `verify(pin:against:)` itself insists on `minimumIterations`.
    @Test func verifyRoundTrip() {
        let encoded = PINHash.make(pin: "2468", salt: salt, iterations: 1000)
        #expect(PINHash.verify(pin: "2468", against: encoded, minimumIterations: 1))
        #expect(!PINHash.verify(pin: "2469", against: encoded, minimumIterations: 1))
        #expect(!PINHash.verify(pin: "", against: encoded, minimumIterations: 1))
    }

    @Test func verifyRejectsATamperedHash() {
        let encoded = PINHash.make(pin: "2468", salt: salt, iterations: 1000)
        var tampered = Array(encoded.utf8)
        tampered[tampered.count - 1] = tampered.last == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        #expect(!PINHash.verify(pin: "2468", against: String(decoding: tampered, as: UTF8.self), minimumIterations: 1))
        // The same hash under another salt or count is another hash.
        let otherSalt = encoded.replacing("000102", with: "ff0102")
        #expect(!PINHash.verify(pin: "2468", against: otherSalt, minimumIterations: 1))
        let otherCount = encoded.replacing("$1000$", with: "$1001$")
        #expect(!PINHash.verify(pin: "2468", against: otherCount, minimumIterations: 1))
    }

    @Test func verifyRefusesTooFewIterations() {
        let encoded = PINHash.make(pin: "2468", salt: salt, iterations: 1000)
        #expect(!PINHash.verify(pin: "2468", against: encoded))
    }

    @Test func verifyRefusesMalformedText() {
        #expect(!PINHash.verify(pin: "2468", against: ""))
        #expect(!PINHash.verify(pin: "2468", against: "2468"))
        #expect(!PINHash.verify(pin: "2468", against: "pbkdf2-sha256$$$"))
    }

    @Test func constantTimeEqualComparesEveryByte() {
        #expect(PINHash.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!PINHash.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!PINHash.constantTimeEqual([0, 2, 3], [1, 2, 3]))
        #expect(!PINHash.constantTimeEqual([1, 2], [1, 2, 3]))
    }

    // MARK: problem(in:)

    private let goodSalt = "000102030405060708090a0b0c0d0e0f"
    private let goodHash = "da0af9c4241f45ec5701b0f2e490f9c794db8f2aacca766c6081a721d04be295"

    @Test func wellFormedHashHasNoProblem() {
        #expect(PINHash.problem(in: "pbkdf2-sha256$200000$\(goodSalt)$\(goodHash)") == nil)
        #expect(PINHash.problem(in: "pbkdf2-sha256$100000$\(goodSalt)ff$\(goodHash.uppercased())") == nil)
    }

    @Test func problemWithTheShape() {
        let expected = "expected pbkdf2-sha256$ITERATIONS$SALT$HASH, as `ketamine-explorer hash-pin` prints it"
        #expect(PINHash.problem(in: "") == expected)
        #expect(PINHash.problem(in: "2468") == expected)
        #expect(PINHash.problem(in: "bcrypt$200000$\(goodSalt)$\(goodHash)") == expected)
        #expect(PINHash.problem(in: "pbkdf2-sha256$200000$\(goodSalt)") == expected)
        #expect(PINHash.problem(in: "pbkdf2-sha256$200000$\(goodSalt)$\(goodHash)$") == expected)
    }

    @Test func problemWithIterations() {
        #expect(PINHash.problem(in: "pbkdf2-sha256$$\(goodSalt)$\(goodHash)")
            == "iterations must be a whole number, such as 200000")
        #expect(PINHash.problem(in: "pbkdf2-sha256$-200000$\(goodSalt)$\(goodHash)")
            == "iterations must be a whole number, such as 200000")
        #expect(PINHash.problem(in: "pbkdf2-sha256$2e5$\(goodSalt)$\(goodHash)")
            == "iterations must be a whole number, such as 200000")
        #expect(PINHash.problem(in: "pbkdf2-sha256$99999$\(goodSalt)$\(goodHash)")
            == "iterations must be at least 100000")
        #expect(PINHash.problem(in: "pbkdf2-sha256$10000001$\(goodSalt)$\(goodHash)")
            == "iterations must be at most 10000000")
        #expect(PINHash.problem(in: "pbkdf2-sha256$99999999999999999999999$\(goodSalt)$\(goodHash)")
            == "iterations must be at most 10000000")
    }

    @Test func problemWithTheSalt() {
        #expect(PINHash.problem(in: "pbkdf2-sha256$200000$\(goodSalt.dropLast(2))$\(goodHash)")
            == "the salt must be at least 16 bytes (32 hex digits)")
        #expect(PINHash.problem(in: "pbkdf2-sha256$200000$$\(goodHash)")
            == "the salt must be at least 16 bytes (32 hex digits)")
        #expect(PINHash.problem(in: "pbkdf2-sha256$200000$\(goodSalt)0$\(goodHash)")
            == "the salt must be hex digits (0-9, a-f), two for each byte")
        #expect(PINHash.problem(in: "pbkdf2-sha256$200000$\(goodSalt.dropLast(2))zz$\(goodHash)")
            == "the salt must be hex digits (0-9, a-f), two for each byte")
    }

    @Test func problemWithTheHash() {
        let message = "the hash must be 64 hex digits"
        #expect(PINHash.problem(in: "pbkdf2-sha256$200000$\(goodSalt)$") == message)
        #expect(PINHash.problem(in: "pbkdf2-sha256$200000$\(goodSalt)$\(goodHash.dropLast(2))") == message)
        #expect(PINHash.problem(in: "pbkdf2-sha256$200000$\(goodSalt)$\(goodHash)00") == message)
        #expect(PINHash.problem(in: "pbkdf2-sha256$200000$\(goodSalt)$\(goodHash.dropLast(1))g") == message)
        #expect(PINHash.problem(in: "pbkdf2-sha256$200000$\(goodSalt)$\(goodHash) ") == message)
    }

    /// A cheap hash from `make` is refused only for its count: the rest of its text is right.
    @Test func makeOutputIsWellFormed() {
        let encoded = PINHash.make(pin: "2468", salt: salt, iterations: 1000)
        #expect(PINHash.problem(in: encoded) == "iterations must be at least 100000")
        #expect(PINHash.problem(in: encoded.replacing("$1000$", with: "$100000$")) == nil)
    }

    // MARK: isValidPIN

    @Test(arguments: ["0000", "2468", "123456", "000000000000"])
    func validPINs(pin: String) {
        #expect(PINHash.isValidPIN(pin))
    }

    @Test(arguments: ["", "123", "1234567890123", "12a4", " 1234", "1234 ", "12-34", "١٢٣٤", "１２３４", "+1234"])
    func invalidPINs(pin: String) {
        #expect(!PINHash.isValidPIN(pin))
    }
}
