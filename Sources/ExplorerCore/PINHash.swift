/// The staff-exit PIN, kept as a salted, slow hash: the config file holds
/// `pbkdf2-sha256$ITERATIONS$SALT$HASH`, never the PIN. Someone may read the config file,
/// and a PIN has few possibilities (10,000 for four digits), so each guess must cost about
/// 0.1 s. The salt stops one table of guesses from serving every kiosk.
///
/// SHA-256 (FIPS 180-4), HMAC (RFC 2104) and PBKDF2 (RFC 8018) are written out here in pure
/// Swift: no Foundation, no C.
public enum PINHash {
    /// About 0.1 s per hash in a release build.
    public static let defaultIterations = 200_000
    /// Fewer makes guessing too cheap; a stored hash below this is refused.
    public static let minimumIterations = 100_000
    /// More would keep the kiosk waiting seconds after each PIN, or hang on a mistyped count.
    public static let maximumIterations = 10_000_000
    public static let minimumSaltBytes = 16

    static let scheme = "pbkdf2-sha256"
    static let expectedForm = "expected pbkdf2-sha256$ITERATIONS$SALT$HASH, as `ketamine-explorer hash-pin` prints it"

    /// The encoded hash of `pin`, for the config file. `salt` should be fresh random bytes,
    /// at least `minimumSaltBytes` of them.
    public static func make(pin: String, salt: [UInt8], iterations: Int = defaultIterations) -> String {
        let hash = pbkdf2(password: Array(pin.utf8), salt: salt, iterations: iterations)
        return "\(scheme)$\(iterations)$\(hex(salt))$\(hex(hash))"
    }

    /// Whether `pin` is the one `encoded` was made from. False when `encoded` is malformed.
    public static func verify(pin: String, against encoded: String) -> Bool {
        verify(pin: pin, against: encoded, minimumIterations: minimumIterations)
    }

    /// `verify`, with a lower floor on iterations so tests can use cheap hashes.
    static func verify(pin: String, against encoded: String, minimumIterations: Int) -> Bool {
        guard case .success(let stored) = parse(encoded, minimumIterations: minimumIterations) else {
            return false
        }
        let hash = pbkdf2(password: Array(pin.utf8), salt: stored.salt, iterations: stored.iterations)
        return constantTimeEqual(hash, stored.hash)
    }

    /// Nil when `encoded` is a well-formed hash; otherwise what is wrong with it, in plain
    /// words for whoever edits the config file.
    public static func problem(in encoded: String) -> String? {
        if case .failure(let malformed) = parse(encoded, minimumIterations: minimumIterations) {
            return malformed.message
        }
        return nil
    }

    /// 4 to 12 ASCII digits: long enough to resist a few tries, short enough to type on a kiosk.
    public static func isValidPIN(_ pin: String) -> Bool {
        (4...12).contains(pin.utf8.count) && pin.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    // MARK: The encoded form

    struct Stored {
        let iterations: Int
        let salt: [UInt8]
        let hash: [UInt8]
    }

    struct Malformed: Error {
        let message: String
    }

    static func parse(_ encoded: String, minimumIterations: Int) -> Result<Stored, Malformed> {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == scheme else {
            return .failure(Malformed(message: expectedForm))
        }
        let count = parts[1]
        guard !count.isEmpty, count.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return .failure(Malformed(message: "iterations must be a whole number, such as \(defaultIterations)"))
        }
        // All digits but too big for an Int is simply too many.
        let iterations = Int(count) ?? Int.max
        guard iterations >= minimumIterations else {
            return .failure(Malformed(message: "iterations must be at least \(minimumIterations)"))
        }
        guard iterations <= maximumIterations else {
            return .failure(Malformed(message: "iterations must be at most \(maximumIterations)"))
        }
        guard let salt = unhex(parts[2]) else {
            return .failure(Malformed(message: "the salt must be hex digits (0-9, a-f), two for each byte"))
        }
        guard salt.count >= minimumSaltBytes else {
            return .failure(Malformed(message: "the salt must be at least \(minimumSaltBytes) bytes (\(minimumSaltBytes * 2) hex digits)"))
        }
        guard let hash = unhex(parts[3]), hash.count == 32 else {
            return .failure(Malformed(message: "the hash must be 64 hex digits"))
        }
        return .success(Stored(iterations: iterations, salt: salt, hash: hash))
    }

    /// Compares every byte whatever the first difference, so timing tells a guesser nothing.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func hex(_ bytes: [UInt8]) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            digits.append(hexDigits[Int(byte >> 4)])
            digits.append(hexDigits[Int(byte & 0xf)])
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// The bytes `text` spells in hex (either case), or nil if it is not whole hex bytes.
    static func unhex(_ text: Substring) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let high = nibble(digits[i]), let low = nibble(digits[i + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    // MARK: SHA-256, HMAC, PBKDF2

    /// The SHA-256 digest of `message`: 32 bytes.
    public static func sha256(_ message: [UInt8]) -> [UInt8] {
        withScratch { w, k in
            absorb(message, from: .initial, alreadyHashed: 0, w, k).bytes
        }
    }

    /// HMAC-SHA256 of `message` under `key`: 32 bytes.
    public static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        withScratch { w, k in
            let (inner, outer) = keyedStates(key, w, k)
            let innerDigest = absorb(message, from: inner, alreadyHashed: 64, w, k)
            return absorb(innerDigest.bytes, from: outer, alreadyHashed: 64, w, k).bytes
        }
    }

    /// PBKDF2-HMAC-SHA256 with a 32-byte result: one output block, so `INT(1)` only.
    /// The HMAC key's padded states are hashed once; each iteration after the first is then
    /// two compression calls on a 32-byte digest and fixed padding, with nothing allocated.
    public static func pbkdf2(password: [UInt8], salt: [UInt8], iterations: Int) -> [UInt8] {
        precondition(iterations >= 1, "PBKDF2 needs at least one iteration")
        return withScratch { w, k in
            let (inner, outer) = keyedStates(password, w, k)
            let first = absorb(salt + [0, 0, 0, 1], from: inner, alreadyHashed: 64, w, k)
            var u = absorb(first.bytes, from: outer, alreadyHashed: 64, w, k)
            var result = u
            // From here each message is one digest: words 0...7 change, the padding does not.
            w[8] = 0x8000_0000
            for i in 9..<15 { w[i] = 0 }
            w[15] = (64 + 32) * 8
            for _ in 1..<iterations {
                u.store(into: w)
                var state = inner
                compress(&state, w, k)
                state.store(into: w)
                u = outer
                compress(&u, w, k)
                result.formXor(u)
            }
            return result.bytes
        }
    }

    /// The hash's eight chaining words.
    struct State {
        var a, b, c, d, e, f, g, h: UInt32

        static let initial = State(
            a: 0x6a09_e667, b: 0xbb67_ae85, c: 0x3c6e_f372, d: 0xa54f_f53a,
            e: 0x510e_527f, f: 0x9b05_688c, g: 0x1f83_d9ab, h: 0x5be0_cd19)

        var bytes: [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(32)
            for word in [a, b, c, d, e, f, g, h] {
                out.append(UInt8(truncatingIfNeeded: word &>> 24))
                out.append(UInt8(truncatingIfNeeded: word &>> 16))
                out.append(UInt8(truncatingIfNeeded: word &>> 8))
                out.append(UInt8(truncatingIfNeeded: word))
            }
            return out
        }

        /// Writes the digest as the first eight words of the next block.
        @inline(__always)
        func store(into w: UnsafeMutablePointer<UInt32>) {
            w[0] = a; w[1] = b; w[2] = c; w[3] = d
            w[4] = e; w[5] = f; w[6] = g; w[7] = h
        }

        @inline(__always)
        mutating func formXor(_ other: State) {
            a ^= other.a; b ^= other.b; c ^= other.c; d ^= other.d
            e ^= other.e; f ^= other.f; g ^= other.g; h ^= other.h
        }
    }

    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// Runs `body` with a 64-word message schedule on the stack and the round constants.
    private static func withScratch<R>(
        _ body: (UnsafeMutablePointer<UInt32>, UnsafePointer<UInt32>) -> R
    ) -> R {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            roundConstants.withUnsafeBufferPointer { k in
                body(w.baseAddress!, k.baseAddress!)
            }
        }
    }

    /// The states after hashing the key padded with 0x36s and with 0x5cs, which every HMAC
    /// under this key starts from.
    private static func keyedStates(
        _ key: [UInt8], _ w: UnsafeMutablePointer<UInt32>, _ k: UnsafePointer<UInt32>
    ) -> (inner: State, outer: State) {
        var block = key.count > 64 ? sha256(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        func padded(_ pad: UInt8) -> State {
            for t in 0..<16 {
                w[t] = UInt32(block[4 * t] ^ pad) << 24 | UInt32(block[4 * t + 1] ^ pad) << 16
                    | UInt32(block[4 * t + 2] ^ pad) << 8 | UInt32(block[4 * t + 3] ^ pad)
            }
            var state = State.initial
            compress(&state, w, k)
            return state
        }
        return (padded(0x36), padded(0x5c))
    }

    /// Hashes `message` on from `state`, which has already taken `alreadyHashed` bytes (whole
    /// blocks), and pads: the length in the padding counts those bytes too.
    private static func absorb(
        _ message: [UInt8], from state: State, alreadyHashed: Int,
        _ w: UnsafeMutablePointer<UInt32>, _ k: UnsafePointer<UInt32>
    ) -> State {
        var padded = message
        padded.reserveCapacity(message.count + 72)
        padded.append(0x80)
        while padded.count % 64 != 56 { padded.append(0) }
        let bits = UInt64(alreadyHashed + message.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) {
            padded.append(UInt8(truncatingIfNeeded: bits &>> UInt64(shift)))
        }
        var state = state
        padded.withUnsafeBufferPointer { p in
            for start in stride(from: 0, to: p.count, by: 64) {
                for t in 0..<16 {
                    let i = start + 4 * t
                    w[t] = UInt32(p[i]) << 24 | UInt32(p[i + 1]) << 16 | UInt32(p[i + 2]) << 8 | UInt32(p[i + 3])
                }
                compress(&state, w, k)
            }
        }
        return state
    }

    @inline(__always)
    private static func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &>> n) | (x &<< (32 &- n))
    }

    /// The compression function on one block, held in `w[0..<16]`; `w[16..<64]` is scratch,
    /// so the block's words survive for the next call.
    @inline(__always)
    private static func compress(
        _ state: inout State, _ w: UnsafeMutablePointer<UInt32>, _ k: UnsafePointer<UInt32>
    ) {
        for t in 16..<64 {
            let x = w[t &- 15], y = w[t &- 2]
            let s0 = rotate(x, 7) ^ rotate(x, 18) ^ (x &>> 3)
            let s1 = rotate(y, 17) ^ rotate(y, 19) ^ (y &>> 10)
            w[t] = w[t &- 16] &+ s0 &+ w[t &- 7] &+ s1
        }
        var a = state.a, b = state.b, c = state.c, d = state.d
        var e = state.e, f = state.f, g = state.g, h = state.h
        for t in 0..<64 {
            let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
            let choice = (e & f) ^ (~e & g)
            let t1 = h &+ s1 &+ choice &+ k[t] &+ w[t]
            let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ majority
            h = g; g = f; f = e; e = d &+ t1
            d = c; c = b; b = a; a = t1 &+ t2
        }
        state.a &+= a; state.b &+= b; state.c &+= c; state.d &+= d
        state.e &+= e; state.f &+= f; state.g &+= g; state.h &+= h
    }
}
