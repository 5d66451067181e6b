// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Folio",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "folio", targets: ["folio"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "FolioCore", dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")], swiftSettings: swiftSettings),
        .target(name: "FolioContent", dependencies: ["FolioCore", .product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),
        .target(name: "FolioEntities", dependencies: ["FolioCore", "FolioContent", .product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),
        .target(name: "FolioImport", dependencies: ["FolioCore", "FolioContent", "FolioEntities", .product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),
        .target(name: "FolioMarkdown", dependencies: ["FolioCore", "CMarkGFM"], swiftSettings: swiftSettings),
        .target(name: "FolioModel", dependencies: ["FolioCore", "FolioContent", "FolioMarkdown"], swiftSettings: swiftSettings),
        .target(name: "FolioValidate", dependencies: ["FolioCore", "FolioContent", "FolioMarkdown", "FolioModel"], swiftSettings: swiftSettings),
        .target(
            name: "FolioSite",
            dependencies: [
                "FolioCore", "FolioContent", "FolioEntities", "FolioMarkdown", "FolioModel", "FolioValidate", "FolioTheme", "CSQLite",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: swiftSettings
        ),
        // Folio's own theme, embedded at build time: `Templates/` is this target's folder, and the
        // ThemeEmbedder plugin turns its files into a generated Swift source.
        .target(name: "FolioTheme", path: "Templates", sources: ["FolioTheme.swift"], swiftSettings: swiftSettings, plugins: ["ThemeEmbedder"]),
        // Folio's field vocabularies (technologies, organisations, places, goals, base map) from `Content/data/`,
        // embedded at build time by the VocabularyEmbedder plugin; `folio init` writes them out.
        .target(name: "FolioVocabulary", dependencies: ["FolioCore"], swiftSettings: swiftSettings, plugins: ["VocabularyEmbedder"]),
        // Build-time tool and plugins that embed files into the binary (the theme, the vocabularies).
        .executableTarget(name: "folio-embed", path: "Sources/folio-embed", swiftSettings: swiftSettings),
        .plugin(name: "ThemeEmbedder", capability: .buildTool(), dependencies: ["folio-embed"]),
        .plugin(name: "VocabularyEmbedder", capability: .buildTool(), dependencies: ["folio-embed"]),
        .target(name: "FolioBundle", dependencies: ["FolioCore", "FolioContent", "FolioMarkdown", "FolioModel", "FolioSite", .product(name: "ZIPFoundation", package: "ZIPFoundation")], swiftSettings: swiftSettings),
        .target(name: "FolioServe", dependencies: ["FolioCore", "FolioSite", .product(name: "FlyingFox", package: "FlyingFox")], swiftSettings: swiftSettings),
        .executableTarget(
            name: "folio",
            dependencies: [
                "FolioCore", "FolioContent", "FolioEntities", "FolioImport", "FolioSite", "FolioValidate", "FolioBundle", "FolioServe", "FolioVocabulary",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Helpers shared by the test targets (a seeded random number generator).
        .target(name: "FolioTestSupport", path: "Tests/Support", swiftSettings: swiftSettings),
        .testTarget(name: "FolioCLITests", dependencies: ["folio", "FolioTestSupport", .product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),
        .testTarget(name: "FolioCoreTests", dependencies: ["FolioCore", "FolioTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "FolioContentTests", dependencies: ["FolioContent"], swiftSettings: swiftSettings),
        .testTarget(name: "FolioImportTests", dependencies: ["FolioImport", "FolioContent", "FolioEntities"], swiftSettings: swiftSettings),
        .testTarget(name: "FolioEntitiesTests", dependencies: ["FolioEntities", "FolioContent", "FolioTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "FolioModelTests", dependencies: ["FolioModel"], swiftSettings: swiftSettings),
        .testTarget(name: "FolioMarkdownTests", dependencies: ["FolioMarkdown"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FolioValidateTests",
            dependencies: ["FolioValidate", "FolioModel", "FolioSite", "FolioContent", "FolioMarkdown", "FolioCore", "FolioTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "FolioSiteTests", dependencies: ["FolioSite", "FolioContent", "FolioEntities", "FolioMarkdown", "FolioModel", "FolioCore", "FolioTestSupport"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "FolioServeTests", dependencies: ["FolioServe", "FolioSite", "FolioCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FolioBundleTests",
            dependencies: ["FolioBundle", "FolioCore", "FolioSite", "FolioMarkdown", "FolioModel", "FolioValidate", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
