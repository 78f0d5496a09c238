/// An error in what the caller gave (a config, a command-line value, a JSON text, an argument at
/// the C boundary), as opposed to a failure while working: commands exit with status 2 and have
/// written nothing, and the Python package raises `hopfieldlab.ConfigError` (a `ValueError`).
public protocol InputError: Error {}

/// A failure as the user sees it, the same for the `hopfield` command and the C ABI (the Python
/// package): the engine's own message (which names the file, the JSON path or the argument), and
/// whether the input was refused or the work failed, which decides the exit code and the Python
/// exception.
public struct Problem: Error, Sendable, CustomStringConvertible {
    /// Which side of the work the problem is on.
    public enum Kind: Int32, Sendable {
        /// The work failed (a file could not be written, a results folder is damaged): exit 1.
        case failure = 1
        /// The input was refused before any work (``InputError``): exit 2.
        case input = 2
    }

    /// Refused input or failed work.
    public let kind: Kind
    /// The message, without the "error: " a command puts before it.
    public let message: String

    /// A problem stated directly.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// Any error, rendered: its own description, and ``Kind/input`` for an ``InputError``.
    public init(_ error: any Error) {
        if let problem = error as? Problem {
            self = problem
            return
        }
        kind = error is any InputError ? .input : .failure
        message = String(describing: error)
    }

    /// The status a command exits with, which the C ABI also returns (0 is success).
    public var status: Int32 { kind.rawValue }

    /// The message.
    public var description: String { message }
}

extension ConfigError: InputError {}
extension JSONSyntaxError: InputError {}
