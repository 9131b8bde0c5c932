import CCrypt

/// The kiosk's staff-exit PIN as the config file keeps it: a crypt(3) hash in the format of
/// `/etc/shadow`, made and checked by libxcrypt (Debian's libcrypt-dev). Someone may read the
/// config file, and a PIN has few possibilities (10,000 for four digits), so each guess must
/// be slow; the salt stops one table of guesses from serving every kiosk. At the kiosk itself
/// the lockout (five wrong PINs, then 30 seconds) limits guessing.
///
/// Which hash: `hash-pin` makes SHA-512-crypt (`$6$`) with 500,000 rounds. A check takes 0.25 s
/// on this project's machine and a few KiB. yescrypt (`$y$`), Debian's default for login
/// passwords, is harder to guess on graphics cards, but at its usual cost a check takes 16 MiB
/// (`mkpasswd -m yescrypt` peaks at 18 MiB): three times everything else the kiosk holds (its
/// peak is 5.4 MiB, the product's bar 8). So `$6$` is made;
/// yescrypt hashes are accepted (`mkpasswd -m yescrypt`) up to that usual cost, for an IT
/// person who already makes them, as are `mkpasswd -m sha-512 -R 500000` hashes.
///
/// Checking is slow on purpose, so it is an effect (`KioskEffect.checkPIN`) the kiosk's run
/// loop carries out, never part of ExplorerCore's `update`.
public enum StaffPIN {
    /// SHA-512-crypt rounds for a new hash, and the fewest accepted.
    public static let rounds = 500_000
    /// More would keep the kiosk waiting many seconds after each PIN (libxcrypt allows 999,999,999).
    public static let maximumRounds = 5_000_000
    /// yescrypt's cost parameter as `mkpasswd -m yescrypt` makes it: 16 MiB per check.
    static let maximumYescryptCost = 5

    static let expectedForm = "expected a crypt(3) hash such as $6$rounds=500000$SALT$HASH, as `ketamine-explorer hash-pin` prints it"

    /// A new hash of `pin`, with a fresh random salt from the system; nil only if libxcrypt
    /// cannot make one (no randomness).
    public static func make(pin: String) -> String? {
        var setting = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        guard crypt_gensalt_rn("$6$", UInt(rounds), nil, 0, &setting, Int32(setting.count)) != nil else { return nil }
        return hash(pin, setting: text(setting))
    }

    /// Whether `pin` is the one `stored` was made from. False when `stored` is not a hash this
    /// accepts (`problem(in:)`), so a malformed line can never let anyone out.
    public static func verify(pin: String, against stored: String) -> Bool {
        guard problem(in: stored) == nil, let computed = hash(pin, setting: stored) else { return false }
        return constantTimeEqual(Array(computed.utf8), Array(stored.utf8))
    }

    /// Nil when `stored` is a hash this accepts; otherwise what is wrong with it, in plain words
    /// for whoever edits the config file.
    public static func problem(in stored: String) -> String? {
        let fields = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count >= 4, fields[0].isEmpty else { return expectedForm }
        let alphabet = Set("./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        func encoded(_ field: Substring) -> Bool { !field.isEmpty && field.utf8.allSatisfy(alphabet.contains) }
        switch fields[1] {
        case "6":
            guard fields.count == 5, fields[2].hasPrefix("rounds=") else {
                return "a $6$ hash needs rounds=\(rounds) or more (make it with `ketamine-explorer hash-pin`, "
                    + "or `mkpasswd -m sha-512 -R \(rounds)`)"
            }
            guard let count = Int(fields[2].dropFirst("rounds=".count)) else { return "rounds must be a whole number" }
            if count < rounds { return "rounds must be at least \(rounds); this hash has \(count)" }
            if count > maximumRounds { return "rounds must be at most \(maximumRounds): more keeps the kiosk waiting" }
            guard encoded(fields[3]), fields[3].count <= 16 else { return "the salt must be 1 to 16 characters of ./0-9A-Za-z" }
            guard encoded(fields[4]), fields[4].count == 86 else { return "the hash part must be 86 characters of ./0-9A-Za-z" }
        case "y":
            guard fields.count == 5, encoded(fields[2]), encoded(fields[3]), encoded(fields[4]), fields[4].count == 43 else {
                return "a $y$ hash has the form $y$PARAMETERS$SALT$HASH, as `mkpasswd -m yescrypt` prints it"
            }
            guard acceptedYescryptParameters.contains(String(fields[2])) else {
                return "this yescrypt hash needs more memory than the kiosk allows; make it with `mkpasswd -m yescrypt` "
                    + "(cost \(maximumYescryptCost) or less), or use `ketamine-explorer hash-pin`"
            }
        default:
            return "only $6$ (SHA-512) and $y$ (yescrypt) hashes are accepted; " + expectedForm
        }
        return nil
    }

    /// 6 to 12 ASCII digits: short enough to type on a kiosk. At 0.25 s a guess, all 10,000
    /// four-digit PINs fall to one core in about 40 minutes (issue 18 found 10 with a faster
    /// hash) once someone reads the config file; a million six-digit ones take about 3 days.
    public static let pinLengths = 6...12

    public static func isValidPIN(_ pin: String) -> Bool {
        pinLengths.contains(pin.utf8.count) && pin.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    // MARK: libxcrypt

    /// crypt_rn: `pin` hashed with the method, cost and salt `setting` names (a whole stored hash
    /// names them too). Nil when libxcrypt refuses the setting.
    private static func hash(_ pin: String, setting: String) -> String? {
        let data = UnsafeMutablePointer<crypt_data>.allocate(capacity: 1)
        defer {
            // The PIN and its intermediate state are not left in freed memory.
            UnsafeMutableRawPointer(data).initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<crypt_data>.size)
            data.deallocate()
        }
        UnsafeMutableRawPointer(data).initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<crypt_data>.size)
        guard let result = crypt_rn(pin, setting, data, Int32(MemoryLayout<crypt_data>.size)) else { return nil }
        let text = String(cString: result)
        return text.hasPrefix("*") ? nil : text   // "*0" or "*1": libxcrypt's failure tokens
    }

    /// The parameter field of yescrypt settings at each cost up to `maximumYescryptCost`, as
    /// libxcrypt itself writes them.
    private static let acceptedYescryptParameters: Set<String> = {
        var accepted = Set<String>()
        for cost in 1...maximumYescryptCost {
            var setting = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
            let salt = [CChar](repeating: 0x41, count: 16)
            guard crypt_gensalt_rn("$y$", UInt(cost), salt, Int32(salt.count), &setting, Int32(setting.count)) != nil else { continue }
            let fields = text(setting).split(separator: "$", omittingEmptySubsequences: false)
            if fields.count > 2 { accepted.insert(String(fields[2])) }
        }
        return accepted
    }()

    /// The text of a NUL-terminated buffer libxcrypt wrote.
    private static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Equal bytes, compared without stopping at the first difference.
    static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
