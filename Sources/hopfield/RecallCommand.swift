import ArgumentParser
import Experiments
import Foundation
import Hopfield
import Imaging

struct RecallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recall",
        abstract: "Store some images, converge one input, and draw its trajectory (film strip, animation, energy).")

    @Option(parsing: .upToNextOption, help: "Memory images: files and/or folders.")
    var memories: [String]

    @Option(help: "The image to converge.")
    var input: String

    /// The rules that store the images as they are and run one trajectory: neither trained nor a classifier.
    static let rules = Rules.all.filter { !$0.isTrained && !$0.isClassifier && ($0.usesUpdateOrder || $0.isContinuous) }.map(\.name)

    @Option(help: ArgumentHelp("\(rules.joined(separator: ", ")), with a config's defaults (default: a config's, hebbian)."))
    var rule: String?

    @Option(help: "β, as a config's network.beta (default: the rule's).")
    var beta: Double?

    @Option(help: "Pattern side.")
    var size = ExperimentConfig.ImageSection().size

    @Option(help: "bilinear or area.")
    var resize = ExperimentConfig.ImageSection().resize

    @Option(help: "midgray (the notebooks' rule, also called seed), mean, median, otsu (or none for --rule modern).")
    var binarize = ExperimentConfig.ImageSection().binarize.name

    @Option(help: "async, async-random, sequential or sync.")
    var mode = "async"

    @Option(help: "The seed of the update order.")
    var seed = Batch.defaultSeed

    @Option(
        help: ArgumentHelp(
            "Corrupt the input first: flip:LEVEL (exactly that fraction of neurons flipped), flip-each:LEVEL or bernoulli:LEVEL (each neuron set to --value with that probability). Repeatable.",
            valueName: "kind:level"))
    var noise: [String] = []

    @Option(
        help: ArgumentHelp(
            "Mask the input first: a centred square covering a FRACTION of the image (0.25), corner:FRACTION (keep the top-left square, hide that fraction) or rows and columns r0,r1,c0,c1. Repeatable.",
            valueName: "mask"))
    var mask: [String] = []

    @Option(help: "The value written by --mask and bernoulli noise: -1, 0 (undecided) or 1 (default: 0 for corner, else 1).")
    var value: Int8?

    @Option(help: "Where the pictures go (default Results/recall-<input name>).")
    var out: String?

    /// --beta and --size are checked as the config's network.beta and image.size.
    func validate() throws {
        do {
            if let beta { try ExperimentConfig.NetworkSection.keys["beta"].check(beta, option: "--beta") }
            try ExperimentConfig.ImageSection.keys["size"].check(size, option: "--size")
        } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        var options = SingleRecall.Options(
            memories: memories, input: input,
            output: out ?? "Results/recall-" + Batch.folderName(URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent))
        // The rule and β mean what they mean in a config's network section, with its defaults.
        if let rule, !Self.rules.contains(rule) {
            throw ValidationError("--rule must be \(Self.rules.dropLast().joined(separator: ", ")) or \(Self.rules.last!)")
        }
        var section: [(String, JSONValue)] = rule.map { [("rule", .string($0))] } ?? []
        if let beta { section.append(("beta", .double(beta))) }
        do { options.network = try Embedding.network(.object(section)) } catch { throw ValidationError(error.description) }
        guard let binarization = Binarization(name: binarize), binarize != "threshold" else {
            throw ValidationError("--binarize must be midgray (or seed), mean, median, otsu or none")
        }
        if binarization == .none && !options.network.rule.acceptsGrayLevels {
            throw ValidationError(
                "--binarize none needs --rule \(Self.rules.filter { Rules.named($0)!.acceptsGrayLevels }.joined(separator: " or "))")
        }
        guard let updates = UpdateMode(rawValue: mode) else {
            throw ValidationError("--mode must be async, async-random, sequential or sync")
        }
        options.spec = ImageSpec(size: size, resize: resize, binarize: binarization)
        options.dynamics = Dynamics(mode: updates)
        options.seed = seed
        if let value, !(-1...1).contains(value) { throw ValidationError("--value must be -1, 0 or 1") }
        do {
            options.corruptions =
                try noise.map(SingleRecall.InputCorruption.noise)
                + mask.map { text throws(RunError) in
                    try SingleRecall.InputCorruption.mask(text, size: size)
                }
        } catch {
            throw ValidationError(error.description)
        }
        if let value { for k in options.corruptions.indices { options.corruptions[k].value = value } }
        do {
            let outcome = try SingleRecall.run(options)
            print(outcome.description)
            for file in outcome.files { print("  \(file)") }
        } catch {
            throw failure(error)
        }
    }
}
