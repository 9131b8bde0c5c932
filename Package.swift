// swift-tools-version:6.0
import PackageDescription

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
            ]
        ),
        // The fuzz targets (`make fuzz`), and the corpus `make test` replays through them; not shipped.
        .target(name: "FuzzTargets",
                dependencies: ["ContentModel", "ExplorerApp", "ExplorerCore", "ExplorerUI", "StaffPIN", "TermRender", "Terminal"]),
        .executableTarget(name: "explorer-fuzz", dependencies: ["ContentModel", "FuzzTargets"]),
        // In-process timings for `make bench`; not shipped.
        .executableTarget(
            name: "explorer-bench",
            dependencies: ["ContentModel", "ExplorerApp", "ExplorerCore", "ExplorerUI", "TermRender", "Terminal"]
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
