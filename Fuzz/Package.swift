// swift-tools-version:6.0
// libFuzzer targets for Folio's parsers, built apart from the main package (their executables
// get `main` from libFuzzer): `make fuzz`. The library sources are the main package's, linked in
// `Sources/`.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "FolioFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CMarkGFM", pkgConfig: "libcmark-gfm", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .target(name: "FolioCore", dependencies: [.product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),
        .target(name: "FolioContent", dependencies: ["FolioCore", .product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),
        .target(name: "FolioMarkdown", dependencies: ["FolioCore", "CMarkGFM"], swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["FolioContent", "FolioCore"], swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzMarkdown", dependencies: ["FolioMarkdown", "FolioCore"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
