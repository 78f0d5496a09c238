import Foundation

/// The number of CPU cores this process may use (the default for `--jobs`): Foundation's
/// count, which follows the process's affinity and cgroup limits on Linux.
public var availableCores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
