/// The formats HopfieldLab decodes. The format is always read from the file's first bytes
/// (its magic number), never from its name: a PNG called `photo.jpg` decodes as a PNG.
public enum ImageFormat: String, Sendable, CaseIterable {
    /// PNG: the file starts with the 8-byte signature 89 50 4E 47 0D 0A 1A 0A.
    case png
    /// JPEG: the file starts with FF D8 FF (a start-of-image marker and the next marker).
    case jpeg
}
