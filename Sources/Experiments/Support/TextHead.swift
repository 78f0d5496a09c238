/// Whether the first bytes of a file can start a text file: no NUL, UTF-8 (the last character
/// may be cut by the end of `head`).
///
/// Used on a file's first bytes before the rest is read (configs, CSV imports): returns nil,
/// or the reason the file is refused.
func looksLikeText(_ head: [UInt8]) -> String? {
    var complete = head[...]
    if let last = head.lastIndex(where: { $0 & 0xC0 != 0x80 }), head.count - last < 4 { complete = head[..<last] }
    return complete.contains(0) || String(validating: complete, as: UTF8.self) == nil
        ? "not a text file (its first bytes are not UTF-8 text)" : nil
}
