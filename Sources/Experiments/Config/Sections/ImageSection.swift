import Imaging

extension ExperimentConfig {
    /// `image`: how an image becomes a pattern (decode, grayscale, resize, binarize).
    public struct ImageSection: Sendable, Equatable {
        /// Side of the square pattern: N = size².
        public var size: Int = 64
        /// `area` (box average, with libjpeg's scaled decoding) by default: it keeps thin strokes
        /// that a bilinear sample of a large photo can miss; `bilinear` reproduces notebook 000.
        public var resize: ResizeMethod = .area
        /// The notebooks' rule by default: +1 above mid-gray, where x/255 − 0.5001 > 0.
        public var binarize: Binarization = .midgray
        /// TensorFlow's fast integer IDCT by default, so photos decode as Keras decodes them.
        public var idct: IDCTMethod = .fast

        /// The section at its defaults.
        public init() {}

        /// The same settings for the image pipeline.
        public var spec: ImageSpec { ImageSpec(size: size, resize: resize, binarize: binarize, idct: idct) }

        /// The section's keys.
        public static let keys: [ConfigKey] = {
            let d = ImageSection()
            return [
                ConfigKey("size", in: "image", .integer(2...256), default: .int(d.size), "side of the square pattern, N = size²"),
                ConfigKey(
                    "resize", in: "image", .choice(ResizeMethod.allCases.map(\.rawValue)), default: .string(d.resize.rawValue),
                    "`area` or `bilinear`"),
                ConfigKey(
                    "binarize", in: "image", .choice(Binarization.names + Binarization.aliases.keys.sorted()),
                    default: .string(d.binarize.name),
                    "`midgray` (the notebooks' x/255 − 0.5001 > 0; also called `seed`), `mean`, `median`, `otsu`, `threshold` (+ `image.threshold`), `none`"
                ),
                ConfigKey("threshold", in: "image", .number(0...255), "the gray level for `\"binarize\": \"threshold\"`"),
                ConfigKey(
                    "idct", in: "image", .choice(IDCTMethod.allCases.map(\.rawValue)), default: .string(d.idct.rawValue),
                    "JPEG inverse DCT: `fast` (TensorFlow's) or `accurate`")
            ]
        }()

        static func decode(_ value: JSONValue?, task: Task, random: Bool) throws(ConfigError) -> ImageSection {
            var image = ImageSection()
            guard let value else { return image }
            if task.drawsRandomPatterns { throw ConfigError(path: "image", "the \(task) task uses random patterns (set \(task).neurons)") }
            if random { throw ConfigError(path: "image", "random patterns are not images (set patterns.neurons)") }
            var r = try ObjectReader(value, path: "image")
            image.size = try r.int(keys["size"]) ?? image.size
            image.resize = try r.choice(keys["resize"], as: ResizeMethod.self) ?? image.resize
            let threshold = try r.number(keys["threshold"])
            if let name = try r.string("binarize") {
                guard Binarization.names.contains(name) || Binarization.aliases[name] != nil else {
                    throw ConfigError(
                        path: "image.binarize", "\(JSONValue.quote(name)) is not one of \(Binarization.names.joined(separator: ", "))")
                }
                if name == "threshold" && threshold == nil {
                    throw ConfigError(path: "image.threshold", "is required with \"binarize\": \"threshold\" (a gray level 0-255)")
                }
                image.binarize = Binarization(name: name, threshold: threshold.map(Float.init))!
            }
            if threshold != nil, image.binarize.name != "threshold" {
                throw ConfigError(path: "image.threshold", "is only used with \"binarize\": \"threshold\"")
            }
            image.idct = try r.choice(keys["idct"], as: IDCTMethod.self) ?? image.idct
            try r.finish()
            return image
        }

        var json: JSONValue {
            var pairs: [(String, JSONValue)] = [
                ("size", .int(size)), ("resize", .string(resize.rawValue)), ("binarize", .string(binarize.name))
            ]
            if case .threshold(let t) = binarize { pairs.append(("threshold", .double(Double(t)))) }
            pairs.append(("idct", .string(idct.rawValue)))
            return .object(pairs)
        }
    }
}
