import Foundation

/// Where things are, for tests.
public enum TestPaths {
    /// The repository root (this file is Tests/TestSupport/TestSupport.swift).
    public static let repository: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// `../shared/datasets` beside the checkout (CI has it too). Override with
    /// HOPFIELDLAB_SHARED_DATASETS.
    public static let sharedDatasets: String = {
        if let env = ProcessInfo.processInfo.environment["HOPFIELDLAB_SHARED_DATASETS"] { return env }
        return URL(fileURLWithPath: repository).deletingLastPathComponent().appendingPathComponent("shared/datasets").path
    }()

    public static func shared(_ relative: String) -> String { sharedDatasets + "/" + relative }

    /// The built `hopfield` executable next to the test bundle.
    public static var hopfieldExecutable: String {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("hopfield").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("hopfield").path,
            repository + "/.build/debug/hopfield"
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }
}

/// A fresh folder under the system's temporary folder, removed by `remove()`.
public struct ScratchFolder {
    public let path: String

    public init(_ name: String = "test") {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/hopfieldlab-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func file(_ name: String) -> String { path + "/" + name }

    public func write(_ bytes: [UInt8], to name: String) -> String {
        let p = file(name)
        try! FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: p).deletingLastPathComponent().path,
            withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: p, contents: Data(bytes))
        return p
    }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs a program and returns its exit status, standard output and standard error.
public struct ProcessResult {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// The pattern cache folder of the tools run by this test process (under the temporary folder,
/// one per process).
public let testCacheFolder = FileManager.default.temporaryDirectory.path + "/hopfieldlab-test-cache-\(getpid())"

public func runProcess(
    _ executable: String, _ arguments: [String], cwd: String? = nil,
    environment: [String: String]? = nil
) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
    // The tool's pattern cache goes to a folder of this test process (not the user's cache,
    // which may hold packs of 60,000 images), unless the caller names one.
    let base = ["HOPFIELDLAB_CACHE": testCacheFolder]
    process.environment = ProcessInfo.processInfo.environment.merging(base.merging(environment ?? [:]) { $1 }) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes while the process runs, so a large output cannot block it.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

/// Whether a Python 3 with the given modules is available (for checks done by an independent
/// implementation, like NumPy reading our .npy files).
public func pythonHas(_ modules: [String]) -> Bool {
    guard let result = try? runProcess("/usr/bin/env", ["python3", "-c", "import " + modules.joined(separator: ", ")]) else {
        return false
    }
    return result.status == 0
}
