import Imaging

/// Animated PNG (APNG): every frame full size, shown `delay` hundredths of a second, looping.
/// Chosen over GIF: full colour without a palette, no LZW encoder to write (zlib does the
/// compression, as for every PNG), supported by every current browser, and a viewer without
/// APNG support still shows the first frame.
enum AnimatedPNG {
    static func encode(_ frames: [Canvas], delay: UInt16 = 25, lastDelay: UInt16 = 150) -> [UInt8] {
        guard let first = frames.first else { return [] }
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func be16(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }
        func chunk(_ type: String, _ data: [UInt8]) {
            let typed = Array(type.utf8) + data
            out += be32(UInt32(data.count)) + typed + be32(Zlib.crc32(typed))
        }
        let w = UInt32(first.width), h = UInt32(first.height)
        chunk("IHDR", be32(w) + be32(h) + [8, 2, 0, 0, 0])
        chunk("acTL", be32(UInt32(frames.count)) + be32(0))
        var sequence: UInt32 = 0
        for (k, frame) in frames.enumerated() {
            let d = k == frames.count - 1 ? lastDelay : delay
            chunk("fcTL", be32(sequence) + be32(w) + be32(h) + be32(0) + be32(0) + be16(d) + be16(100) + [0, 0])
            sequence += 1
            var raw: [UInt8] = []
            raw.reserveCapacity((frame.width * 3 + 1) * frame.height)
            for y in 0..<frame.height {
                raw.append(0)
                raw += frame.pixels[(y * frame.width * 3)..<((y + 1) * frame.width * 3)]
            }
            let compressed = (try? Zlib.deflate(raw, level: 9)) ?? []
            if k == 0 {
                chunk("IDAT", compressed)
            } else {
                chunk("fdAT", be32(sequence) + compressed)
                sequence += 1
            }
        }
        chunk("IEND", [])
        return out
    }
}
