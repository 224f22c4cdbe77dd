// swift-tools-version:6.0
import PackageDescription

// The allocator the `certify` executable links. The default build uses the
// system allocator and needs only the toolchain and libxml2-dev.
// `CERTIFY_ALLOCATOR=mimalloc swift build …` links mimalloc instead (needs
// libmimalloc-dev; `scripts/bench` and the README's release instructions do):
// the command scores thousands of dossiers a run, each a few hundred small
// allocations on every core, a pattern mimalloc serves faster than glibc's
// malloc (figures in docs/performance.md). Only the executable links it:
// the libraries leave the choice of allocator to whoever embeds them.
let allocatorLinkerSettings: [LinkerSetting] = {
    switch Context.environment["CERTIFY_ALLOCATOR"] ?? "system" {
    case "mimalloc": return [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
    case "", "system": return []
    case let other: fatalError("CERTIFY_ALLOCATOR must be system or mimalloc, not '\(other)'")
    }
}()

// Dependency graph: each target depends only on targets listed below it
// (after the arrow, its direct dependencies within Certify).
//
//   certify               the CLI: parses options, prints, maps errors to exit codes
//   CertifyOfficeWeb      the certification office's pages and sessions, a ServerExtension
//                         that `certify serve --data` adds → Server, Office, Templates
//   CertifyRegistryWeb    the registry's page and certificate API, a ServerExtension
//                         that `certify serve --registry` adds → Server, Registry
//   CertifyServer         `certify serve`: pages, JSON API → Runtime, Render, Planner, Templates
//   CertifyRegistry       certificate registry: SQLite (GRDB), RFC 9162 Merkle log,
//                         C2SP signed checkpoints → Report, Runtime
//   CertifyOffice         the certification office: storage (GRDB), the policy, the
//                         workflow, the hash-chained action log, notices; no HTTP → Runtime
//   CertifyCohort         cohort statistics and rubric comparison → Runtime, Render,
//                         Templates
//   CertifyReport         builds, signs (XML-DSig), verifies and audits reports; keys
//                         → Runtime, Render, XML
//   CertifyRender         text, JSON and HTML renderers of scores and plans, labels
//                         → Planner, Engine, Templates
//   CertifyRuntime        inputs from bytes or paths, rubric catalog, Certifier,
//                         Batch, AtomicFile → XML, Engine
//   CertifyPlanner        exact smallest changes to reach a better outcome → Engine
//   CertifyXML            libxml2: safe parser, XSD, C14N → CXMLArena, CLibXML2
//   CXMLArena             libxml2's allocator: per-document blocks from a per-thread
//                         region, reused once the thread's documents are freed (C)
//   CertifyTemplates      the one stylesheet and the shared mustache templates
//   CertifyEngine         pure scoring: methods, electives, decision → Model
//   CertifyModel          plain types: rubric, dossier, Rational, diagnostics, the
//                         message catalog, report context; JSONWriter and XMLEscape
//
// CertifyRender renders the planner's reports beside the score's (same
// labels, JSON writer and templates), so it sits above CertifyPlanner; the
// planner stays pure (Engine and Model only). CertifyModel needs nothing
// below it (BigInt only); CertifyXML (with its allocator, CXMLArena) is the only target that touches C;
// CertifyEngine and CertifyRender do no I/O (the templates and stylesheet
// are compiled into CertifyTemplates).
let package = Package(
    name: "Certify",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "certify", targets: ["certify"]),
        .library(name: "CertifyRuntime", targets: ["CertifyRuntime"]),
        .library(name: "CertifyReport", targets: ["CertifyReport"]),
        .library(name: "CertifyCohort", targets: ["CertifyCohort"]),
        .library(name: "CertifyRegistry", targets: ["CertifyRegistry"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // The command line's HTTP client (registry monitor, cosign, verify --log): no system libcurl needed.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(
            name: "CertifyModel",
            dependencies: [.product(name: "BigInt", package: "BigInt")],
            resources: [.embedInCode("Catalog/Message.tsv"), .embedInCode("Catalog/TlogMessage.tsv")]
        ),
        .target(name: "CXMLArena", dependencies: ["CLibXML2"]),
        .target(name: "CertifyXML", dependencies: ["CLibXML2", "CXMLArena", "CertifyModel"]),
        .target(name: "CertifyEngine", dependencies: ["CertifyModel"]),
        .target(
            name: "CertifyRuntime",
            dependencies: [
                "CertifyXML", "CertifyModel", "CertifyEngine",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "CertifyPlanner", dependencies: ["CertifyModel", "CertifyEngine"]),
        // The one look: the stylesheet and the mustache templates that the
        // report's page and the server's pages share, embedded in the code.
        .target(
            name: "CertifyTemplates",
            dependencies: [.product(name: "Mustache", package: "swift-mustache")],
            resources: [.embedInCode("Resources/templates"), .embedInCode("Resources/certify.css")]
        ),
        .target(
            name: "CertifyRender",
            dependencies: ["CertifyModel", "CertifyEngine", "CertifyPlanner", "CertifyTemplates"],
            resources: [.embedInCode("Catalog/Label.tsv"), .embedInCode("Catalog/PlanLabel.tsv")]
        ),
        .target(
            name: "CertifyReport",
            dependencies: [
                "CertifyXML", "CertifyModel", "CertifyEngine", "CertifyRuntime", "CertifyRender",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "CertifyCohort",
            dependencies: ["CertifyModel", "CertifyEngine", "CertifyRuntime", "CertifyRender", "CertifyTemplates"],
            resources: [.embedInCode("Catalog/CohortLabel.tsv")]
        ),
        // The certificate registry: SQLite through GRDB, an RFC 9162 Merkle
        // log of its events with C2SP signed checkpoints (Ed25519).
        .target(
            name: "CertifyRegistry",
            dependencies: [
                "CertifyModel", "CertifyRuntime", "CertifyReport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.embedInCode("Catalog/CertificateStatus.tsv")]
        ),
        // The certification office's state and rules: accounts, rounds,
        // applications, the one authorization policy, the workflow and the
        // hash-chained action log, in SQLite through GRDB. No HTTP: the pages
        // are CertifyOfficeWeb's. (HummingbirdBcrypt and HummingbirdOTP are
        // hummingbird-auth's password hashing and TOTP; neither serves HTTP.)
        .target(
            name: "CertifyOffice",
            dependencies: [
                "CertifyModel", "CertifyEngine", "CertifyRuntime", "CertifyReport", "CertifyRegistry",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
            ],
            resources: [.embedInCode("Catalog/OfficeWord.tsv"), .embedInCode("Catalog/OfficeCommandText.tsv"),
                        .embedInCode("Catalog/OfficeMessage.tsv"), .embedInCode("Notices/OfficeNotice.tsv")]
        ),
        // The office's pages and sessions (`certify serve --data`), added to
        // the server as a ServerExtension.
        .target(
            name: "CertifyOfficeWeb",
            dependencies: [
                "CertifyModel", "CertifyOffice", "CertifyServer", "CertifyTemplates",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources")]
        ),
        // Fills an office and times submissions in process, for scripts/bench-office.
        .executableTarget(
            name: "certify-office-bench",
            dependencies: ["CertifyModel", "CertifyRuntime", "CertifyOffice"]
        ),
        // Times inclusion proofs in process, for scripts/bench-registry; fills
        // a large log and times a witness, for scripts/bench-log.
        .executableTarget(
            name: "certify-registry-bench",
            dependencies: ["CertifyModel", "CertifyRegistry", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The web application (`certify serve`): pages generated from the
        // rubric data, the JSON API and its OpenAPI document.
        .target(
            name: "CertifyServer",
            dependencies: [
                "CertifyModel", "CertifyEngine", "CertifyPlanner", "CertifyRuntime", "CertifyRender", "CertifyTemplates",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Resources"), .embedInCode("Catalog/PageWord.tsv")]
        ),
        // The registry's page and certificate API, added to the server
        // (`ServerExtension`) by `certify serve --registry PATH`.
        .target(
            name: "CertifyRegistryWeb",
            dependencies: [
                "CertifyModel", "CertifyRegistry", "CertifyServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "certify",
            dependencies: [
                "CertifyModel", "CertifyEngine", "CertifyPlanner", "CertifyRuntime", "CertifyRender", "CertifyReport", "CertifyCohort", "CertifyRegistry",
                "CertifyServer", "CertifyRegistryWeb", "CertifyOffice", "CertifyOfficeWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [
                .embedInCode("Catalog/CLIWord.tsv"), .embedInCode("Catalog/ParserWord.tsv"), .embedInCode("Catalog/ParserSentence.tsv"),
                .embedInCode("Catalog/OptionHelp.tsv"), .embedInCode("Catalog/OfficeHelp.tsv"), .embedInCode("Catalog/RegistryHelp.tsv"),
            ],
            linkerSettings: allocatorLinkerSettings
        ),
        // What every test target shares: the package's paths, scratch
        // directories, and running the built `certify` binary.
        .target(name: "CertifyTestSupport", dependencies: ["CertifyModel"], path: "Tests/CertifyTestSupport"),
        .testTarget(
            name: "CertifyTests",
            dependencies: [
                "CertifyXML", "CXMLArena", "CertifyModel", "CertifyEngine", "CertifyPlanner", "CertifyRuntime", "CertifyRender", "CertifyReport",
                "CertifyTemplates", "CertifyTestSupport",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Fixtures")]
        ),
        // scripts/bench-plan: the planner in-process on a generated 2,000-point rubric.
        .executableTarget(
            name: "certify-plan-bench",
            dependencies: ["CertifyXML", "CertifyModel", "CertifyEngine", "CertifyPlanner"]
        ),
        .testTarget(
            name: "CertifyCohortTests",
            dependencies: ["CertifyModel", "CertifyEngine", "CertifyRuntime", "CertifyCohort", "CertifyTemplates", "CertifyTestSupport"]
        ),
        .testTarget(
            name: "CertifyRegistryTests",
            dependencies: ["CertifyModel", "CertifyRegistry", "CertifyTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The message catalog in both languages, the Korean output of every
        // sample (golden files) and the language of every output; the
        // command line's catalogs are the executable's (`@testable import certify`).
        .testTarget(
            name: "CertifyMessageTests",
            dependencies: ["certify", "CertifyModel", "CertifyEngine", "CertifyRuntime", "CertifyRender", "CertifyTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "CertifyPlannerTests",
            dependencies: ["CertifyModel", "CertifyEngine", "CertifyPlanner", "CertifyRuntime", "CertifyRender", "CertifyTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CertifyServerTests",
            dependencies: [
                "CertifyServer", "CertifyRuntime", "CertifyModel", "CertifyRegistry", "CertifyRegistryWeb", "CertifyTemplates", "CertifyTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "CertifyOfficeTests",
            dependencies: [
                "CertifyOffice", "CertifyOfficeWeb", "CertifyServer", "CertifyModel", "CertifyRuntime", "CertifyTestSupport",
                "CertifyReport", "CertifyRegistry", "CertifyEngine",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
            ]
        ),
        // Property-based tests (random valid submissions, a BigInt oracle,
        // signed reports mutated byte by byte).
        .testTarget(
            name: "CertifyPropertyTests",
            dependencies: [
                "CertifyXML", "CertifyModel", "CertifyEngine", "CertifyRuntime", "CertifyRender", "CertifyReport", "CertifyTestSupport",
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
