import Foundation
import Imaging

/// Where a run ran, for its manifest: the platform and the build of the tool.
enum RunEnvironment {
    static func platformDescription() -> String {
        #if arch(x86_64)
            let arch = "x86_64"
        #elseif arch(arm64)
            let arch = "arm64"
        #else
            let arch = "other"
        #endif
        return "\(ProcessInfo.processInfo.operatingSystemVersionString), \(arch)"
    }

    /// The build of HopfieldLab that runs: the file name of the binary holding this code (the
    /// `hopfield` executable, or `libHopfieldC.so` under Python) and the XXH3-128 of its bytes,
    /// "hopfield xxh3-128:…". Two runs with the same build ran the same code, whatever folder
    /// they ran in (the working folder's git commit said nothing about the tool). Nil when the
    /// binary cannot be found or read.
    static func buildDescription() -> String? {
        guard let path = imagePath(), let bytes = try? FileBytes.read(path) else { return nil }
        return URL(fileURLWithPath: path).lastPathComponent + " xxh3-128:" + ContentHash(of: bytes).description
    }

    /// The file of the loaded image that holds this code: the mapping of /proc/self/maps that
    /// contains `#dsohandle` (Linux), else the main executable.
    static func imagePath() -> String? {
        let address = UInt(bitPattern: #dsohandle)
        if let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) {
            for line in maps.split(separator: "\n") {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                guard fields.count >= 6, let dash = fields[0].firstIndex(of: "-"), let low = UInt(fields[0][..<dash], radix: 16),
                    let high = UInt(fields[0][fields[0].index(after: dash)...], radix: 16)
                else { continue }
                if address >= low && address < high { return fields[5...].joined(separator: " ") }
            }
        }
        return Bundle.main.executablePath
    }
}
