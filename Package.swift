// swift-tools-version:6.0
import PackageDescription

// In release, one static executable: the Swift runtime, libstdc++, ncursesw and glibc all
// linked in, so the dynamic loader has nothing to load or relocate at start-up (about 2 ms
// less to the first frame than shared libraries; see `make bench` and the README's
// "Performance"). lld ships with Swift; the static C libraries come from libncurses-dev,
// libyaml-dev, libcrypt-dev and libc6-dev.
// Static only at the link (these are linker settings), not through --static-swift-stdlib,
// which changes every compile too: so the modules are compiled once for the program and the
// tests (which need the shared runtime's Testing), and `make test` builds once, not twice.
// Compiled against the shared runtime, ArgumentParser's FoundationEssentials does not name
// the two static libraries it needs, so they are named here.
// The functions run from start to the first frame sit side by side (each in its own
// section, from -function-sections in the Makefile, placed in the order
// scripts/startup.order lists): the kernel maps code 64 KiB around each page first
// touched, and spread over 11 MB of text they made the peak memory 8.0 MiB instead of 5.3.
// `make startup-order` writes the list again after large changes (a stale list only packs less).
let staticProgram: [LinkerSetting] = [
    .unsafeFlags(["-static-executable", "-use-ld=lld", "-l_FoundationCShims", "-l_FoundationCollections",
                  "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/scripts/startup.order",
                  "-Xlinker", "--no-warn-symbol-ordering"], .when(configuration: .release)),
]

let package = Package(
    name: "ketamine-explorer",
    products: [
        .executable(name: "ketamine-explorer", targets: ["ketamine-explorer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C comes in through shim headers only: ncursesw (only `Terminal` imports it), libyaml
        // (only `ContentModel`), libxcrypt (only `StaffPIN`), and
        // getauxval and <elf.h> for the program's build ID (only the executable imports it).
        .systemLibrary(
            name: "CNcursesW",
            path: "Sources/CNcursesW",
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(name: "CLinkMap", path: "Sources/CLinkMap"),
        // libyaml: the YAML parser (only `ContentModel` imports it).
        .systemLibrary(
            name: "CYAML",
            path: "Sources/CYAML",
            providers: [.apt(["libyaml-dev"])]
        ),
        // libxcrypt's crypt(3), for the staff PIN (only `StaffPIN` imports it).
        .systemLibrary(
            name: "CCrypt",
            path: "Sources/CCrypt",
            providers: [.apt(["libcrypt-dev"])]
        ),
        // The kiosk's staff-exit PIN: crypt(3) hashes made and checked through libxcrypt.
        .target(name: "StaffPIN", dependencies: ["CCrypt"]),
        // Content types, YAML reading (libyaml's events into a node tree) and validation. No UI.
        .target(name: "ContentModel", dependencies: ["CYAML", "TermRender"]),
        // Cells, buffers, rectangles, display width, wrapping, themes. Pure Swift.
        .target(name: "TermRender"),
        // AppState, Msg, the pure update function, the keymap.
        .target(name: "ExplorerCore", dependencies: ["ContentModel", "TermRender"]),
        // view(state, size) -> Buffer, and the plain-text rendering of panels.
        .target(name: "ExplorerUI", dependencies: ["ContentModel", "ExplorerCore", "TermRender"]),
        // The backend: terminal checks, signals, ncurses drawing and keys.
        .target(name: "Terminal", dependencies: ["CNcursesW", "TermRender", "ExplorerCore"]),
        // The one run loop over a TerminalBackend, and browse, kiosk and guided as programs it runs.
        .target(name: "ExplorerApp", dependencies: ["ContentModel", "ExplorerCore", "ExplorerUI", "TermRender", "Terminal"]),
        .executableTarget(
            name: "ketamine-explorer",
            dependencies: [
                "CLinkMap", "ContentModel", "ExplorerApp", "ExplorerCore", "ExplorerUI", "StaffPIN", "TermRender", "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: staticProgram
        ),
        // The fuzz targets (`make fuzz`), and the corpus `make test` replays through them; not shipped.
        .target(name: "FuzzTargets",
                dependencies: ["ContentModel", "ExplorerApp", "ExplorerCore", "ExplorerUI", "StaffPIN", "TermRender", "Terminal"]),
        .executableTarget(name: "explorer-fuzz", dependencies: ["ContentModel", "FuzzTargets"]),
        // In-process timings for `make bench`; not shipped.
        .executableTarget(
            name: "explorer-bench",
            dependencies: ["ContentModel", "ExplorerApp", "ExplorerCore", "ExplorerUI", "TermRender", "Terminal"],
            linkerSettings: staticProgram   // linked as the program is, so its figures are the program's
        ),
        .testTarget(name: "ContentModelTests", dependencies: ["ContentModel", "TermRender"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "TermRenderTests", dependencies: ["TermRender"]),
        // The frame writer against a model terminal, with terminfo values of real terminal
        // types; terminfo's parameter language against ncurses's own tiparm.
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "TermRender", "CNcursesW"]),
        .testTarget(name: "ExplorerCoreTests", dependencies: ["ExplorerCore", "ExplorerUI", "ContentModel"]),
        // Whole scenarios (a kiosk day, a guided session) through the run loop, over a scripted
        // backend and a fake clock: milliseconds, not minutes.
        // And the staff PIN's hashes, against libxcrypt and Debian's mkpasswd.
        .testTarget(name: "ExplorerAppTests", dependencies: ["ExplorerApp", "ExplorerCore", "ExplorerUI", "ContentModel",
                                                             "StaffPIN", "TermRender", "Terminal"]),
        .testTarget(name: "ExplorerUITests", dependencies: ["ExplorerUI", "ExplorerCore", "ContentModel", "TermRender", "Terminal"],
                    exclude: ["Snapshots", "Fixtures"]),
        // Drives the built binary in tmux; `make test` points KETAMINE_EXPLORER_BIN at the release build.
        .testTarget(name: "EndToEndTests", dependencies: ["ContentModel", "ExplorerCore", "Terminal"], exclude: ["storm.py"]),
        .testTarget(name: "FuzzCorpusTests", dependencies: ["FuzzTargets"]),
    ]
)

// `make test` builds the tests in release beside the program, against the same compiled
// modules (one build instead of a release and a debug one). Optimising the test code itself
// only slows that build: from a fresh clone the test targets took 124 s to compile at -O and
// about 60 s at -Onone. Nothing imports a test module, so its module file is written by the
// compile itself, not by a second job that type-checks everything again (10 s).
for target in package.targets where target.type == .test {
    target.swiftSettings = [.unsafeFlags(["-Onone", "-no-emit-module-separately-wmo"], .when(configuration: .release))]
}
