// The C ABI of the Python package (python/hopfieldlab, loaded with ctypes). Rules:
// - only C types cross: Int (ssize_t), Int32, UInt64, Double, Bool, typed pointers, C strings;
// - Python owns every array: NumPy allocates inputs and outputs, and passes pointers and sizes;
// - a Swift error never crosses: each call returns 0, or the status of its ``Problem`` (1: the
//   work failed; 2: the input was refused) with *err set to a malloc'd UTF-8 message (the
//   engine's own text, as `hopfield` prints it) that the caller releases with hopfieldlab_free_string;
// - a Swift trap would end the Python process, so every size and value that the engine
//   preconditions on is checked here first and reported as an error;
// - networks and datasets are opaque handles (retained Swift objects) freed by hopfieldlab_*_free;
// - no global mutable state but the interruption flag (hopfieldlab_interrupt, Ctrl-C in Python),
//   so calls are reentrant (Python releases the GIL during a call).
import Experiments
import Foundation
import Hopfield

/// `char **err`: where a failing call leaves its message.
public typealias ErrorOut = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

/// A problem found at the C boundary (bad sizes, values or pointers), in the caller's words.
struct ABIError: InputError, CustomStringConvertible {
    /// What is wrong.
    var description: String

    init(_ description: String) { self.description = description }
}

/// Runs `body`; a thrown error becomes its ``Problem``'s status (1 or 2) and message in `*err`
/// (malloc'd), as the `hopfield` command would exit and print.
func guarded(_ err: ErrorOut, _ body: () throws -> Void) -> Int32 {
    err?.pointee = nil
    do {
        try body()
        return 0
    } catch {
        let problem = Problem(error)
        err?.pointee = strdup(problem.message)
        return problem.status
    }
}

/// A malloc'd copy of `text` for the caller, who frees it with hopfieldlab_free_string.
func cString(_ text: String) -> UnsafeMutablePointer<CChar>? { strdup(text) }

/// A C string argument as Swift text; `what` names it in the error when it is missing.
func text(_ pointer: UnsafePointer<CChar>?, _ what: String) throws -> String {
    guard let pointer else { throw ABIError("\(what): null pointer") }
    return String(cString: pointer)
}

/// A C string argument parsed as JSON (the config's own parser).
func json(_ pointer: UnsafePointer<CChar>?, _ what: String) throws -> JSONValue {
    do { return try JSONParser.parse(try text(pointer, what)) } catch let error as JSONSyntaxError {
        throw ABIError("\(what): invalid JSON: \(error.description)")
    }
}

/// rows × columns, checked: a negative size or an overflow would trap.
func checkedTotal(_ rows: Int, _ columns: Int, _ what: String) throws -> Int {
    guard rows >= 0, columns >= 0 else { throw ABIError("\(what): negative size \(rows) × \(columns)") }
    let (total, overflow) = rows.multipliedReportingOverflow(by: columns)
    guard !overflow else { throw ABIError("\(what): size \(rows) × \(columns) overflows") }
    return total
}

/// The tool's version (``HopfieldLab/version``, as `hopfield --version` prints it), malloc'd: the
/// caller frees it with hopfieldlab_free_string.
@_cdecl("hopfieldlab_version")
public func hopfieldlab_version() -> UnsafeMutablePointer<CChar>? { cString(HopfieldLab.version) }

/// Frees a string that this library returned (an error message, a JSON report).
@_cdecl("hopfieldlab_free_string")
public func hopfieldlab_free_string(_ string: UnsafeMutablePointer<CChar>?) { free(string) }

/// The stable 64-bit key of a text (`RandomStreams.key`, FNV-1a over its UTF-8 bytes), the key
/// that runs derive streams from ("converge", "recall", "corrupt", ...). The text is `length`
/// bytes of UTF-8 (not NUL-terminated, so "a\0b" and "a" have different keys); null or a length
/// below 1 is the empty text.
@_cdecl("hopfieldlab_stream_key")
public func hopfieldlab_stream_key(_ text: UnsafePointer<UInt8>?, _ length: Int) -> UInt64 {
    guard let text, length > 0 else { return RandomStreams.key("") }
    return RandomStreams.key(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
}

/// The seed that `RandomStreams.derive(seed, keys)` gives, for `count` keys: the state of every
/// stream the package hands to the engine.
@_cdecl("hopfieldlab_stream_derive")
public func hopfieldlab_stream_derive(_ seed: UInt64, _ keys: UnsafePointer<UInt64>?, _ count: Int) -> UInt64 {
    guard let keys, count > 0 else { return RandomStreams.derive(seed, []) }
    return RandomStreams.derive(seed, Array(UnsafeBufferPointer(start: keys, count: count)))
}

/// Every rule a network can be built with (``RuleCatalog``), as a malloc'd JSON array of objects:
/// name, summary, formula and the `network` keys it reads.
@_cdecl("hopfieldlab_rules")
public func hopfieldlab_rules() -> UnsafeMutablePointer<CChar>? {
    let rules = RuleCatalog.rules.map { r in
        JSONValue.object([
            ("name", .string(r.name)), ("summary", .string(r.summary)), ("formula", .string(r.formula)),
            ("parameters", .array(r.parameters.map { .string($0) }))
        ])
    }
    return cString(JSONValue.array(rules).compact)
}

/// The bytes this process lets a network and its buffers take (``MemoryBudget``: half the memory
/// the process may use, or `HOPFIELDLAB_MEMORY_LIMIT`), for the caller's own large allocations.
@_cdecl("hopfieldlab_memory_budget")
public func hopfieldlab_memory_budget() -> Int { MemoryBudget.bytes }

/// The number of cores the engine uses by default (the CLI's `--jobs` default).
@_cdecl("hopfieldlab_available_cores")
public func hopfieldlab_available_cores() -> Int { availableCores }

/// The message of a call stopped by ``hopfieldlab_interrupt``.
let interrupted = "interrupted (KeyboardInterrupt): nothing of this call was kept"

/// Asks every engine call in progress to stop at its next safe point (between blocks of starts,
/// between the runs of a batch; a run's folder is written whole or not at all). The Python
/// package calls it on Ctrl-C; the stopped calls return 1 (a failure) with an "interrupted" message.
@_cdecl("hopfieldlab_interrupt")
public func hopfieldlab_interrupt() { Interruption.request() }

/// Withdraws an interruption, before a new call (the package calls it first thing).
@_cdecl("hopfieldlab_interrupt_clear")
public func hopfieldlab_interrupt_clear() { Interruption.clear() }
