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
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .systemLibrary(name: "CMarkGFM", pkgConfig: "libcmark-gfm", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .target(name: "FolioCore", dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")], swiftSettings: swiftSettings),
        .target(name: "FolioContent", dependencies: ["FolioCore", .product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),
        .target(name: "FolioMarkdown", dependencies: ["FolioCore", "CMarkGFM"], swiftSettings: swiftSettings),
        .target(name: "FolioEntities", dependencies: ["FolioCore", "FolioContent", .product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),
        .target(name: "FolioImport", dependencies: ["FolioCore", "FolioContent", "FolioEntities", .product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),
        // Only the template loader and the search tokenizer of FolioSite (its other files need the whole site).
        .target(name: "FolioTemplates", dependencies: ["FolioCore", .product(name: "Mustache", package: "swift-mustache")], swiftSettings: swiftSettings),
        .target(name: "FolioSearch", swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzConfig", dependencies: ["FolioContent", "FolioCore", "FolioImport"], swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzImport", dependencies: ["FolioContent", "FolioCore", "FolioEntities", "FolioImport"], swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzTemplates", dependencies: ["FolioCore", "FolioTemplates"], swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzSearch", dependencies: ["FolioSearch"], swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["FolioContent", "FolioCore"], swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzMarkdown", dependencies: ["FolioMarkdown", "FolioCore"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
