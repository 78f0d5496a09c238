// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "HopfieldLab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hopfield", targets: ["hopfield"]),
        .library(name: "Hopfield", targets: ["Hopfield"]),
        .library(name: "Imaging", targets: ["Imaging"]),
        .library(name: "Experiments", targets: ["Experiments"]),
        // The C ABI of the Python package (python/): `swift build -c release --product HopfieldC`
        // writes .build/release/libHopfieldC.so.
        .library(name: "HopfieldC", type: .dynamic, targets: ["HopfieldCABI"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `swift package generate-documentation` (the DocC catalogs; CI checks they build without warnings).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0")
    ],
    targets: [
        // The C libraries the project calls (libpng, libjpeg-turbo, zlib, xxHash) behind one small door.
        .target(
            name: "CCodecs",
            linkerSettings: [
                .linkedLibrary("png"),
                .linkedLibrary("jpeg"),
                .linkedLibrary("z")
            ]
        ),
        // Exact integer kernels over bit-packed patterns (overlaps, nearest rows) and float
        // kernels with a fixed summation order (the CNN's convolutions) with run-time CPU
        // dispatch: POPCNT and AVX2 variants chosen by cpuid, a portable fallback, the same bits
        // from each. C because Swift cannot compile one function for several CPUs.
        // Optimised in debug builds too: the tests run the CNN on real photos (at -O0 its
        // convolutions take minutes), and the kernels' results do not depend on the level.
        .target(
            name: "CKernels",
            cSettings: [
                // No contraction of a * b + c into an FMA: the ordered kernels must round as the
                // Swift code they replace does (cnn.c calls fmaf and the FMA intrinsics by name).
                .unsafeFlags(["-ffp-contract=off"]),
                .unsafeFlags(["-O2"], .when(configuration: .debug))
            ]),
        // Feature encoders, pure computation on decoded images: Sobel edges, histograms of
        // oriented gradients, a pretrained EfficientNet-Lite0 (on the CKernels float kernels).
        .target(name: "Features", dependencies: ["CKernels"]),
        // Decoding by magic bytes, grayscale, resizing, binarization or encoding, PNG encoding.
        .target(name: "Imaging", dependencies: ["CCodecs", "Features"]),
        // The pure core: patterns, rules, dynamics, energy, corruptions, seeded PRNG. No I/O.
        .target(name: "Hopfield", dependencies: ["CKernels"]),
        // Datasets, importers, configs, runner, reports.
        .target(name: "Experiments", dependencies: ["Imaging", "Features", "Hopfield"]),
        // The command-line tool: parses arguments and calls the libraries.
        .executableTarget(
            name: "hopfield",
            dependencies: [
                "Experiments",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]
        ),
        // The engine behind a C ABI (@_cdecl functions) for the Python package: NumPy buffers in,
        // status codes and malloc'd error messages out.
        .target(name: "HopfieldCABI", dependencies: ["Experiments", "Hopfield", "Imaging"]),
        // Release-mode benchmarks: `swift run -c release hopfield-bench`.
        .executableTarget(
            name: "hopfield-bench",
            dependencies: [
                "Experiments", "Hopfield", "Imaging",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ],
            path: "Benchmarks/HopfieldBench"
        ),
        // The CNN encoder's benchmark: `swift run -c release cnn-bench` (images/s per thread count
        // and kernel variant).
        .executableTarget(name: "cnn-bench", dependencies: ["Features"], path: "Benchmarks/CNNBench"),
        // libFuzzer targets (scripts/fuzz builds them with --sanitize fuzzer; a plain build links
        // them as programs that do nothing).
        .executableTarget(name: "FuzzConfig", dependencies: ["Experiments"], path: "Fuzz/FuzzConfig"),
        .executableTarget(name: "FuzzImaging", dependencies: ["Imaging"], path: "Fuzz/FuzzImaging"),
        // Helpers shared by the test targets (paths to the shared datasets, scratch folders).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ImagingTests", dependencies: ["Imaging", "TestSupport"]),
        .testTarget(name: "FeaturesTests", dependencies: ["Features", "Imaging", "TestSupport"]),
        .testTarget(name: "HopfieldTests", dependencies: ["Hopfield", "Imaging", "TestSupport"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "Hopfield", "Imaging", "TestSupport"]),
        // Runs the built `hopfield` executable: exit codes, files written, kill and resume.
        .testTarget(name: "CLITests", dependencies: ["hopfield", "Experiments", "TestSupport"])
    ]
)
