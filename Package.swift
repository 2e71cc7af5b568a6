// swift-tools-version: 6.0
// Stride: a Jupyter kernel in Swift whose cells speak a Swift-syntax language for CNNs.
// Module graph and import rules: see README.md and scripts/check-imports.sh.
import PackageDescription

/// SIMD code needs AVX2 and FMA, or `addingProduct` becomes a libm call per lane.
let simd: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-mavx2", "-Xcc", "-mfma"])]
/// The AVX-512 tiles only: Tensor calls them after checking the CPU (`csupport_cpu_has_avx512`).
/// Everything this module compiles may use zmm registers, so it holds nothing but the tiles.
let avx512: [SwiftSetting] = [.unsafeFlags([
  "-Xcc", "-mavx2", "-Xcc", "-mfma", "-Xcc", "-mavx512f", "-Xcc", "-mavx512vl", "-Xcc", "-mavx512dq",
])]

let package = Package(
  name: "Stride",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "stride", targets: ["stride"]),
    .executable(name: "stride-bench", targets: ["StrideBench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/swiftlang/swift-syntax", exact: "603.0.1"),
  ],
  targets: [
    // MARK: - C libraries from Debian
    .systemLibrary(name: "CZMQ", path: "Sources/CZMQ", providers: [.apt(["libzmq3-dev"])]),
    .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "libcrypto",
                   providers: [.apt(["libssl-dev"])]),
    .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
                   providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                   providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CTurboJPEG", path: "Sources/CTurboJPEG", pkgConfig: "libturbojpeg",
                   providers: [.apt(["libturbojpeg0-dev"])]),
    .target(name: "CSupport", path: "Sources/CSupport", exclude: ["README.md"]),

    // MARK: - Shared vocabulary
    .target(name: "Cancellation", exclude: ["README.md"]),
    .target(name: "MemoryBudget", exclude: ["README.md"]),
    .target(name: "TextFormat", exclude: ["README.md"]),
    .target(name: "Display", dependencies: ["TextFormat"], exclude: ["README.md"]),

    // MARK: - The engine
    .target(name: "TensorAVX512", exclude: ["README.md"], swiftSettings: avx512),
    .target(name: "Tensor", dependencies: ["CBLAS", "Cancellation", "CSupport", "MemoryBudget", "TensorAVX512"],
            exclude: ["README.md"], swiftSettings: simd),
    .target(name: "Autograd", dependencies: ["Tensor"], exclude: ["README.md"], swiftSettings: simd),
    .target(name: "NN", dependencies: ["Tensor", "Autograd", "CZlib", "Cancellation", "TextFormat"],
            exclude: ["README.md"], swiftSettings: simd),

    // MARK: - Rendering
    .target(name: "Graphics", dependencies: ["CZlib", "CTurboJPEG", "TextFormat"], exclude: ["README.md"]),
    .target(name: "Plot", dependencies: ["Graphics", "TextFormat"], exclude: ["README.md"]),

    // MARK: - The language
    .target(name: "Lang", dependencies: [
      "Display", "Cancellation", "TextFormat", "MemoryBudget",
      .product(name: "SwiftParser", package: "swift-syntax"),
      .product(name: "SwiftSyntax", package: "swift-syntax"),
      .product(name: "SwiftDiagnostics", package: "swift-syntax"),
      .product(name: "SwiftParserDiagnostics", package: "swift-syntax"),
    ], exclude: ["README.md"]),

    // MARK: - The kernel
    .target(name: "JupyterProtocol", dependencies: ["Display", "Cancellation"],
            exclude: ["README.md"]),
    .target(name: "JupyterWire",
            dependencies: ["JupyterProtocol", "Display", "CZMQ", "COpenSSL", "CSupport", "Cancellation"],
            exclude: ["README.md"]),

    // MARK: - Adapters
    .target(name: "NotebookRuntime",
            dependencies: ["Lang", "Tensor", "Autograd", "NN", "Graphics", "Plot", "Display",
                           "Cancellation", "TextFormat", "MemoryBudget"],
            exclude: ["README.md"], swiftSettings: simd),
    .target(name: "NotebookKernel",
            dependencies: ["Lang", "JupyterProtocol", "Display", "Cancellation"],
            exclude: ["README.md"]),

    // MARK: - Executables
    .executableTarget(
      name: "stride",
      dependencies: [
        "NotebookKernel", "NotebookRuntime", "JupyterWire", "JupyterProtocol", "Lang", "Display",
        "Cancellation",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["README.md"]),
    .executableTarget(
      name: "StrideBench", dependencies: ["Tensor", "Autograd", "NN", "Cancellation"],
      path: "Benchmarks/StrideBench", swiftSettings: simd),
    .executableTarget(
      name: "stride-gallery", dependencies: ["Plot", "Graphics"], path: "scripts/gallery"),

    // MARK: - Tests (one target per module, helpers in TestSupport)
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "CancellationTests", dependencies: ["Cancellation"]),
    .testTarget(name: "TextFormatTests", dependencies: ["TextFormat"]),
    .testTarget(name: "MemoryBudgetTests", dependencies: ["MemoryBudget", "TestSupport"]),
    .testTarget(name: "DisplayTests", dependencies: ["Display", "TestSupport"]),
    .testTarget(name: "TensorTests", dependencies: ["Tensor", "TestSupport"], swiftSettings: simd),
    .testTarget(name: "AutogradTests", dependencies: ["Autograd", "Tensor", "TestSupport"],
                resources: [.copy("Fixtures")], swiftSettings: simd),
    .testTarget(name: "NNTests", dependencies: ["NN", "Autograd", "Tensor", "TestSupport"],
                resources: [.copy("Fixtures")], swiftSettings: simd),
    .testTarget(name: "GraphicsTests", dependencies: ["Graphics", "TestSupport"]),
    .testTarget(name: "PlotTests", dependencies: ["Plot", "Graphics", "TestSupport"],
                exclude: ["Snapshots"]),
    .testTarget(name: "LangTests", dependencies: ["Lang", "Display", "MemoryBudget", "TestSupport"],
                exclude: ["FuzzCorpus"], resources: [.copy("Fixtures")]),
    .testTarget(name: "JupyterProtocolTests",
                dependencies: ["JupyterProtocol", "Display", "TestSupport"]),
    .testTarget(name: "JupyterWireTests",
                dependencies: ["JupyterWire", "JupyterProtocol", "TestSupport"]),
    .testTarget(name: "NotebookRuntimeTests",
                dependencies: ["NotebookRuntime", "Lang", "Display", "NN", "Plot", "Graphics", "TextFormat",
                               "TestSupport"],
                exclude: ["FuzzCorpus"], resources: [.copy("Fixtures")]),
    .testTarget(name: "NotebookKernelTests",
                dependencies: ["NotebookKernel", "JupyterProtocol", "Lang", "Display", "TestSupport"]),
  ]
)
