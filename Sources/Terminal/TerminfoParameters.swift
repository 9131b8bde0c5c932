/// Fills in the numbers of a parameterized terminfo string (`cup`, `csr`, `setaf` ...), the
/// language of terminfo(5): `%p1` pushes a parameter, `%d` prints one, `%i` counts from 1,
/// `%{n}` and `%'c'` push constants, arithmetic and comparisons, `%P`/`%g` variables, and
/// `%? ... %t ... %e ... %;` conditions.
///
/// Why not ncurses's `tiparm` (a measured win, so it stays; see README "Performance"): it
/// analyses the string and formats through sprintf at every call, about 6,000 instructions;
/// the first frame moves the cursor a hundred times and weighs each candidate move, which made
/// drawing it a third of start-up (8.2 million instructions under callgrind). This takes a few
/// hundred. Anything it does not know (`%s`, a malformed string) returns nil and the caller
/// asks tiparm. Checked against ncurses: TerminfoParametersTests compares the two on every
/// one- and two-number string of every terminal description on the machine.
package enum TerminfoParameters {
    /// `template` with `first` and `second` as %p1 and %p2 (%p3 to %p9 are 0).
    package static func evaluate(_ template: [UInt8], _ first: Int, _ second: Int) -> [UInt8]? {
        // With no %p at all, ncurses takes the numbers in termcap's implicit order; leave that to it.
        guard !template.contains(UInt8(ascii: "%")) || containsParameter(template) else { return nil }
        // Written without closures or per-call tables: a captured local is a heap box, and
        // this runs for every cursor move the writer weighs.
        var first = first, second = second
        var incremented = false
        var stack: [Int] = []
        stack.reserveCapacity(8)
        var variables: [Int] = []   // a-z, then A-Z, made on first use
        var out: [UInt8] = []
        out.reserveCapacity(template.count + 8)
        var index = 0
        let count = template.count

        while index < count {
            let character = template[index]
            guard character == UInt8(ascii: "%") else {
                out.append(character)
                index += 1
                continue
            }
            guard index + 1 < count else { return nil }
            let code = template[index + 1]
            index += 2
            switch code {
            case UInt8(ascii: "%"): out.append(code)
            case UInt8(ascii: "c"):
                // As ncurses: 0 goes out as 0x80, since a NUL would end the string; a larger
                // number that truncates to NUL does end it.
                let value = stack.popLast() ?? 0
                if value == 0 {
                    out.append(0x80)
                } else if UInt8(truncatingIfNeeded: value) == 0 {
                    return out
                } else {
                    out.append(UInt8(truncatingIfNeeded: value))
                }
            case UInt8(ascii: "p"):
                guard index < count, template[index] >= UInt8(ascii: "1"), template[index] <= UInt8(ascii: "9") else { return nil }
                let number = Int(template[index] - UInt8(ascii: "1"))
                stack.append(number == 0 ? first : number == 1 ? second : 0)
                index += 1
            case UInt8(ascii: "P"), UInt8(ascii: "g"):
                guard index < count else { return nil }
                let name = template[index]
                index += 1
                let slot: Int
                if name >= UInt8(ascii: "a") && name <= UInt8(ascii: "z") {
                    slot = Int(name - UInt8(ascii: "a"))
                } else if name >= UInt8(ascii: "A") && name <= UInt8(ascii: "Z") {
                    slot = 26 + Int(name - UInt8(ascii: "A"))
                } else {
                    return nil
                }
                if variables.isEmpty { variables = Array(repeating: 0, count: 52) }
                if code == UInt8(ascii: "P") {
                    variables[slot] = stack.popLast() ?? 0
                } else {
                    stack.append(variables[slot])
                }
            case UInt8(ascii: "'"):
                guard index + 1 < count, template[index + 1] == UInt8(ascii: "'") else { return nil }
                stack.append(Int(template[index]))
                index += 2
            case UInt8(ascii: "{"):
                var value = 0
                var negative = false
                if index < count, template[index] == UInt8(ascii: "-") { negative = true; index += 1 }
                while index < count, template[index] >= UInt8(ascii: "0"), template[index] <= UInt8(ascii: "9") {
                    value = value &* 10 &+ Int(template[index] - UInt8(ascii: "0"))
                    index += 1
                }
                guard index < count, template[index] == UInt8(ascii: "}") else { return nil }
                index += 1
                stack.append(negative ? 0 &- value : value)
            case UInt8(ascii: "i"):
                // Once only, as ncurses (vt100-s writes %i%i).
                if !incremented {
                    incremented = true
                    first += 1
                    second += 1
                }
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "m"),
                 UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "="), UInt8(ascii: ">"),
                 UInt8(ascii: "<"), UInt8(ascii: "A"), UInt8(ascii: "O"):
                let right = stack.popLast() ?? 0, left = stack.popLast() ?? 0
                stack.append(binary(code, left, right))
            case UInt8(ascii: "!"): stack.append((stack.popLast() ?? 0) == 0 ? 1 : 0)
            case UInt8(ascii: "~"): stack.append(~(stack.popLast() ?? 0))
            case UInt8(ascii: "?"), UInt8(ascii: ";"): break
            case UInt8(ascii: "t"):
                // False: go on after the matching %e (the else part, or the next condition), or %;.
                if (stack.popLast() ?? 0) == 0 { guard skip(template, from: &index, stoppingAtElse: true) else { return nil } }
            case UInt8(ascii: "e"):
                // The then part ran: skip the rest of the condition.
                guard skip(template, from: &index, stoppingAtElse: false) else { return nil }
            case UInt8(ascii: "l"), UInt8(ascii: "s"):
                return nil   // string parameters: none of the strings the writer uses has them
            case UInt8(ascii: "d"):
                // The common case, plain %d, without the general formatter.
                appendDecimal(stack.popLast() ?? 0, to: &out)
            default:
                // printf-style: %[[:]flags][width[.precision]][doxX]
                index -= 1
                guard let formatted = formatted(template, from: &index, stack.popLast() ?? 0) else { return nil }
                out += formatted
            }
        }
        return out
    }

    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = out.count
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        out[start...].reverse()
    }

    private static func containsParameter(_ template: [UInt8]) -> Bool {
        template.indices.dropLast().contains { template[$0] == UInt8(ascii: "%") && template[$0 + 1] == UInt8(ascii: "p") }
    }

    private static func binary(_ code: UInt8, _ first: Int, _ second: Int) -> Int {
        switch code {
        case UInt8(ascii: "+"): return first &+ second
        case UInt8(ascii: "-"): return first &- second
        case UInt8(ascii: "*"): return first &* second
        // No trap on a crafted entry: x/0 is 0 (as ncurses), Int.min / -1 wraps.
        case UInt8(ascii: "/"): return second == 0 ? 0 : first.dividedReportingOverflow(by: second).partialValue
        case UInt8(ascii: "m"): return second == 0 ? 0 : first.remainderReportingOverflow(dividingBy: second).partialValue
        case UInt8(ascii: "&"): return first & second
        case UInt8(ascii: "|"): return first | second
        case UInt8(ascii: "^"): return first ^ second
        case UInt8(ascii: "="): return first == second ? 1 : 0
        case UInt8(ascii: ">"): return first > second ? 1 : 0
        case UInt8(ascii: "<"): return first < second ? 1 : 0
        case UInt8(ascii: "A"): return first != 0 && second != 0 ? 1 : 0
        default: return first != 0 || second != 0 ? 1 : 0   // %O
        }
    }

    /// Moves `index` past the %e (when `stoppingAtElse`) or %; that ends this level of
    /// condition, stepping over nested ones. False if the string ends first.
    private static func skip(_ template: [UInt8], from index: inout Int, stoppingAtElse: Bool) -> Bool {
        var depth = 0
        while index + 1 < template.count {
            guard template[index] == UInt8(ascii: "%") else { index += 1; continue }
            let code = template[index + 1]
            index += 2
            switch code {
            case UInt8(ascii: "?"): depth += 1
            case UInt8(ascii: ";"):
                if depth == 0 { return true }
                depth -= 1
            case UInt8(ascii: "e"):
                if depth == 0 && stoppingAtElse { return true }
            default: break
            }
        }
        return false
    }

    /// The widest a printf-style number may be padded (real descriptions use 2 or 3).
    static let maximumWidth = 64

    /// One printf conversion of `value`, from the byte after `%`; nil when it is not one.
    private static func formatted(_ template: [UInt8], from index: inout Int, _ value: Int) -> [UInt8]? {
        var leftAlign = false, plus = false, space = false, alternate = false, zeroPad = false
        if index < template.count, template[index] == UInt8(ascii: ":") { index += 1 }
        flags: while index < template.count {
            switch template[index] {
            case UInt8(ascii: "-"): leftAlign = true
            case UInt8(ascii: "+"): plus = true
            case UInt8(ascii: " "): space = true
            case UInt8(ascii: "#"): alternate = true
            default: break flags
            }
            index += 1
        }
        if index < template.count, template[index] == UInt8(ascii: "0") { zeroPad = true; index += 1 }
        // Digits saturate, so a crafted width cannot overflow.
        func number() -> Int? {
            var result: Int?
            while index < template.count, template[index] >= UInt8(ascii: "0"), template[index] <= UInt8(ascii: "9") {
                result = min((result ?? 0) * 10 + Int(template[index] - UInt8(ascii: "0")), 1_000_000)
                index += 1
            }
            return result
        }
        let width = number() ?? 0
        var precision: Int?
        if index < template.count, template[index] == UInt8(ascii: ".") {
            index += 1
            precision = number() ?? 0
        }
        guard index < template.count else { return nil }
        let conversion = template[index]
        index += 1
        let base: Int, uppercase: Bool
        switch conversion {
        case UInt8(ascii: "d"): base = 10; uppercase = false
        case UInt8(ascii: "o"): base = 8; uppercase = false
        case UInt8(ascii: "x"): base = 16; uppercase = false
        case UInt8(ascii: "X"): base = 16; uppercase = true
        default: return nil
        }
        // No terminal pads a number to hundreds of places; a crafted entry that asks for
        // 2,000,000,000 would build that many bytes per cursor move. Such a number sends nothing.
        guard width <= maximumWidth, (precision ?? 0) <= maximumWidth else { return [] }
        // C's printf: %o, %x, %X take the number as unsigned.
        let magnitude = base == 10 ? value.magnitude : UInt(UInt32(truncatingIfNeeded: value))
        var digits = Array(String(magnitude, radix: base, uppercase: uppercase).utf8)
        if let precision {
            if precision == 0 && magnitude == 0 { digits = [] }
            if digits.count < precision { digits = Array(repeating: UInt8(ascii: "0"), count: precision - digits.count) + digits }
        }
        var prefix: [UInt8] = []
        if base == 10 {
            if value < 0 { prefix = [UInt8(ascii: "-")] } else if plus { prefix = [UInt8(ascii: "+")] } else if space { prefix = [UInt8(ascii: " ")] }
        } else if alternate, magnitude != 0 {
            prefix = base == 8 ? (digits.first == UInt8(ascii: "0") ? [] : [UInt8(ascii: "0")])
                               : Array((uppercase ? "0X" : "0x").utf8)
        }
        let length = prefix.count + digits.count
        guard length < width else { return prefix + digits }
        let fill = width - length
        if leftAlign { return prefix + digits + Array(repeating: UInt8(ascii: " "), count: fill) }
        if zeroPad && precision == nil { return prefix + Array(repeating: UInt8(ascii: "0"), count: fill) + digits }
        return Array(repeating: UInt8(ascii: " "), count: fill) + prefix + digits
    }
}
