// swift-tools-version:6.0
import PackageDescription

// Linux only: publishing swaps folders with renameat2(RENAME_EXCHANGE), the
// preview watches files with inotify, and caches read st_mtim and
// /proc/self/exe. Other systems would need those behind #if os(...) first.
let package = Package(
    name: "Huiqi",
    products: [
        .executable(name: "huiqi", targets: ["huiqi"]),
        .library(name: "QRCode", targets: ["QRCode"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    ],
    targets: [
        // System library: cmark-gfm and its GFM extensions from Debian.
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM"),
        // zlib from Debian, for PNG output of QR codes.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // renameat2 (swap two folders in one step), which Swift's Glibc module does not declare.
        .target(name: "CFileSystem"),
        // The in-house QR encoder. Knows nothing of portals; zlib only for PNG.
        .target(name: "QRCode", dependencies: ["CZlib"]),
        // The Mustache template engine themes are written for. Knows nothing of portals.
        .target(name: "MustacheTemplates"),
        // Typed content model, schema of every field, loading with source locations.
        .target(name: "PortalModel", dependencies: [
            .product(name: "Yams", package: "Yams"),
            .product(name: "SwiftCSV", package: "SwiftCSV"),
        ]),
        // Rules from the content contract -> diagnostics.
        .target(name: "PortalCheck", dependencies: ["PortalModel"]),
        // Routes, page contexts, Markdown, templates, feeds, search index, publishing.
        .target(name: "PortalSite", dependencies: [
            "PortalModel", "QRCode", "CCmarkGFM", "CZlib", "CFileSystem", "MustacheTemplates",
        ]),
        // Load -> check -> build: the one place the rules and the site meet.
        .target(name: "PortalBuild", dependencies: ["PortalModel", "PortalCheck", "PortalSite"]),
        // Live preview for editors: serves the last good build, rebuilds on change, reloads pages.
        .target(name: "PortalServe", dependencies: [
            "PortalModel", "PortalCheck", "PortalSite", "PortalBuild",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .executableTarget(name: "huiqi", dependencies: [
            "PortalModel", "PortalCheck", "PortalSite", "PortalBuild", "PortalServe", "QRCode",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"]),
        .testTarget(name: "MustacheTemplatesTests", dependencies: ["MustacheTemplates"]),
        .testTarget(name: "PortalTests", dependencies: ["PortalModel", "PortalCheck", "PortalSite", "PortalBuild"]),
    ]
)
