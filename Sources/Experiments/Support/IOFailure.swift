import Imaging

/// A file-system operation that failed, with the path and the system's reason: the same type as
/// a failed read (`FileBytes.ReadError`), so a write and a read failure render alike.
public typealias IOFailure = FileBytes.ReadError
