import CLinkMap
#if canImport(Glibc)
import Glibc
#endif

/// This program's GNU build ID (the linker's hash of the binary), which keys the content
/// pack's snapshot: a snapshot made by another build is never trusted, since that build may
/// check content differently. Empty when the binary has none; then no snapshot is used.
enum BuildID {
    static let current: [UInt8] = read()

    /// `current` in hexadecimal, as `file` and `readelf -n` print it.
    static var hex: String {
        let digits = Array("0123456789abcdef")
        return String(current.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }

    private static func read() -> [UInt8] {
        let address = getauxval(UInt(AT_PHDR)), count = Int(getauxval(UInt(AT_PHNUM)))
        guard let first = UnsafePointer<Elf64_Phdr>(bitPattern: address), count > 0 else { return [] }
        let headers = UnsafeBufferPointer(start: first, count: count)
        // Where the program was loaded relative to its link address: 0 for the static release
        // binary, the PIE load address for debug builds.
        let bias = headers.first { $0.p_type == PT_PHDR }.map { UInt(address) &- UInt($0.p_vaddr) } ?? 0
        for header in headers where header.p_type == PT_NOTE {
            guard let start = UnsafeRawPointer(bitPattern: bias &+ UInt(header.p_vaddr)) else { continue }
            if let id = gnuBuildID(in: UnsafeRawBufferPointer(start: start, count: Int(header.p_memsz))) { return id }
        }
        return []
    }

    /// The descriptor of the `NT_GNU_BUILD_ID` note among `notes` (ELF note records: name size,
    /// descriptor size, type, then the name and the descriptor, each padded to 4 bytes).
    static func gnuBuildID(in notes: UnsafeRawBufferPointer) -> [UInt8]? {
        func padded(_ size: Int) -> Int { (size + 3) & ~3 }
        var offset = 0
        while offset + 12 <= notes.count {
            let nameSize = Int(notes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            let descriptorSize = Int(notes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
            let type = notes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let name = offset + 12
            let descriptor = name + padded(nameSize)
            guard descriptor + descriptorSize <= notes.count else { return nil }
            if type == 3 /* NT_GNU_BUILD_ID */, nameSize == 4, Array(notes[name..<name + 4]) == [0x47, 0x4E, 0x55, 0] {
                return Array(notes[descriptor..<descriptor + descriptorSize])
            }
            offset = descriptor + padded(descriptorSize)
        }
        return nil
    }
}
