import Imaging

/// libFuzzer's entry point for image files: the bytes sniffed, decoded (PNG or JPEG, at most a
/// megapixel) and made a 16 × 16 pattern, as a dataset's file is, with the resize and
/// binarization rule picked by the last byte (the decoders never see it as a choice: it is part
/// of the file too). Any `ImageError` is an answer;
/// a trap, a memory error (ASan) or a hang is a bug. Built and run by scripts/fuzz.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImaging(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let choice = Int(bytes.last ?? 0)
    let rule = Binarization(name: Binarization.names[(choice >> 1) % Binarization.names.count], threshold: 128)!
    var spec = ImageSpec(size: 16, resize: choice & 1 == 0 ? .area : .bilinear, binarize: rule)
    spec.maxPixels = 1 << 20
    _ = try? ImagePipeline.load(bytes: bytes, path: "fuzz", spec: spec)
    return 0
}
