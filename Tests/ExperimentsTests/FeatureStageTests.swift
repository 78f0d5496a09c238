import Foundation
import Hopfield
import Imaging
import TestSupport
import Testing

@testable import Experiments

/// The feature stage: its config section, codes fitted on the training split only, the modern
/// network's weight read-out, and runs on the shared photos checked against NumPy.
@Suite struct FeatureStageTests {
    static let base = """
        "name": "t", "dataset": {"path": "D"}
        """

    /// Each misuse of the section gets a message at its JSON path.
    @Test(arguments: [
        ("{\(base), \"features\": {\"encoder\": \"sift\"}}", "features.encoder: \"sift\" is not one of pixels, edges, hog, cnn, competing"),
        (
            "{\(base), \"features\": {\"codes\": \"simhash\"}}",
            "features.encoder: is \"pixels\": codes, bits, weights, hidden and epochs need an encoder (edges, hog, cnn or competing)"
        ),
        (
            "{\(base), \"features\": {\"encoder\": \"hog\", \"hidden\": 20}}",
            "features.hidden: is only used with \"encoder\": \"competing\""
        ),
        ("{\(base), \"features\": {\"encoder\": \"hog\", \"bits\": 256}}", "features.bits: is only used with \"codes\": \"simhash\""),
        (
            "{\(base), \"features\": {\"encoder\": \"hog\", \"weights\": \"w.hlnn\"}}",
            "features.weights: is only used with \"encoder\": \"cnn\""
        ),
        (
            "{\(base), \"features\": {\"encoder\": \"hog\", \"codes\": \"none\"}}",
            "features.codes: \"none\" keeps real-valued features: only the modern and dam rules take them (hebbian stores ±1 patterns: use median or simhash)"
        ),
        (
            "{\(base), \"image\": {\"size\": 12}, \"features\": {\"encoder\": \"hog\"}}",
            "image.size: hog needs at least 2×2 cells of 8×8 pixels: image.size ≥ 16 (is 12)"
        ),
        (
            "{\(base), \"features\": {\"encoder\": \"edges\"}, \"network\": {\"rule\": \"conv\"}}",
            "network.rule: conv slides a kernel over an image's rows and columns: feature codes are not images"
        ),
        (
            "{\(base), \"task\": \"recall\", \"features\": {\"encoder\": \"edges\"}, \"corruption\": {\"kind\": \"mask\"}}",
            "corruption.kind: mask masks a region of an image: feature codes are not images (use flip noise)"
        ),
        ("{\(base), \"network\": {\"rule\": \"hebbian\", \"readout\": \"weight\"}}", "network.readout: is only used by the modern rule"),
        (
            "{\(base), \"task\": \"recall\", \"network\": {\"rule\": \"modern\", \"readout\": \"weight\"}}",
            "network.readout: \"weight\" names a class: it is a classify read-out"
        ),
        (
            "{\"name\": \"t\", \"task\": \"capacity\", \"features\": {\"encoder\": \"hog\"}}",
            "features: the capacity task uses random patterns, not images"
        )
    ])
    func misuseIsRefusedWithItsPath(config: String, message: String) {
        #expect(configError(config) == message)
    }

    /// The code length N of each encoder and code, as the network sees it.
    @Test func neuronsAreTheCodeLength() throws {
        func neurons(_ features: String, size: Int = 64) throws -> Int {
            try Batch.expand(
                try JSONParser.parse(
                    "{\"name\": \"t\", \"dataset\": {\"path\": \"D\"}, \"image\": {\"size\": \(size)}, \"features\": \(features)}")
            )
            .runs[0].config.neurons
        }
        #expect(try neurons("{\"encoder\": \"pixels\"}") == 4096)
        #expect(try neurons("{\"encoder\": \"edges\"}", size: 32) == 3 * 1024)
        #expect(try neurons("{\"encoder\": \"hog\"}") == 1764)
        #expect(try neurons("{\"encoder\": \"hog\"}", size: 128) == 15 * 15 * 36)
        #expect(try neurons("{\"encoder\": \"cnn\"}") == 1280)
        #expect(try neurons("{\"encoder\": \"cnn\", \"codes\": \"simhash\", \"bits\": 512}") == 512)
    }

    /// Every registered encoder: its name is a `features.encoder` choice; its own keys, and no
    /// other encoder's, are accepted and written back (so its runs keep their identity); a
    /// per-image encoder's extractor gives ``EncoderDefinition/dimension(size:)`` values for a
    /// real photo; and two encoders key the pattern cache apart exactly when they differ.
    @Test func everyEncoderIsOneRegisteredType() throws {
        guard case .choice(let choices) = ExperimentConfig.FeaturesSection.keys["encoder"].kind else {
            Issue.record("features.encoder is not a choice")
            return
        }
        #expect(choices == Encoders.all.map(\.name))
        let photo = try ImageDecoder.decode(
            try ImageFile.read(TestPaths.shared("catsdogs/cat/cat.1.jpg")), path: "cat.1.jpg", options: DecodeOptions())
        var identities = Set<Encoder>()
        for encoder in Encoders.all {
            let given = encoder.definition.keys.map { "\"\($0.name)\": \($0.defaultValue!.compact)" }
            let text = (["\"encoder\": \"\(encoder.name)\""] + given).joined(separator: ", ")
            let config = try Batch.expand(
                try JSONParser.parse("{\"name\": \"t\", \"dataset\": {\"path\": \"D\"}, \"features\": {\(text)}}")
            ).runs[0].config
            #expect(config.features.encoder.isSame(as: encoder), "\(encoder.name)")
            for key in encoder.definition.keys { #expect(config.json.compact.contains("\"\(key.name)\":"), "\(key.name)") }
            for other in Encoders.keys where !encoder.definition.keys.contains(where: { $0.name == other.name }) {
                let refused = configError(
                    "{\(Self.base), \"features\": {\"encoder\": \"\(encoder.name)\", \"\(other.name)\": \(other.defaultValue!.compact)}}")
                #expect(refused?.hasPrefix("features.") == true, "\(encoder.name) + \(other.name): \(refused ?? "accepted")")
            }
            identities.insert(Encoder(encoder.extractor))
            guard let extractor = encoder.extractor, extractor.input == .gray else { continue }
            var spec = ImageSpec(size: 32)
            spec.encoder = Encoder(extractor)
            let values = ImagePipeline.process(photo, spec: spec).values
            guard case .continuous(let features) = values else {
                Issue.record("\(encoder.name): not real features")
                continue
            }
            #expect(features.count == encoder.dimension(size: 32) && features.count == spec.valueCount, "\(encoder.name)")
        }
        // pixels and competing both read the pixels; edges, hog and cnn each their own.
        #expect(identities.count == Encoders.all.filter { $0.extractor != nil }.count + 1)
        #expect(Encoder(CNNEncoder(weights: "a.hlnn")) == Encoder(CNNEncoder(weights: "b.hlnn")), "keyed by content, not path")
    }

    /// A config without a feature stage keeps its resolved JSON (and so its run folders): the
    /// section is written only when it is there.
    @Test func configsWithoutFeaturesKeepTheirIdentity() throws {
        let batch = try Batch.expand(try JSONParser.parse("{\"name\": \"t\", \"dataset\": {\"path\": \"D\"}}"))
        #expect(!batch.runs[0].config.json.compact.contains("features"))
        #expect(!batch.runs[0].config.json.compact.contains("readout"))
        let withFeatures = try Batch.expand(
            try JSONParser.parse("{\"name\": \"t\", \"dataset\": {\"path\": \"D\"}, \"features\": {\"encoder\": \"hog\"}}"))
        #expect(withFeatures.runs[0].config.json.compact.contains("\"features\":{\"encoder\":\"hog\",\"codes\":\"median\"}"))
        #expect(withFeatures.runs[0].folder != batch.runs[0].folder)
    }

    /// Median codes are fitted on the training images only: changing a test image's features
    /// changes its own code and nothing else, and every bit is balanced on the training split.
    @Test func medianCodesAreFittedOnTheTrainingSplitOnly() {
        var rng = Xoshiro256StarStar(seed: 5)
        var values = (0..<21).map { _ in (0..<7).map { _ in Float(rng.unit()) } }
        let train = Array(0..<10)
        let codes = FeatureCodes.median(values, train: train)
        for j in 0..<7 { #expect(train.filter { codes[$0][j] == 1 }.count == 5) }
        values[15] = values[15].map { $0 + 100 }
        let again = FeatureCodes.median(values, train: train)
        #expect(again[15] == [Int8](repeating: 1, count: 7))
        #expect(Array(again[0..<15]) == Array(codes[0..<15]) && Array(again[16...]) == Array(codes[16...]))
        // An odd count takes the middle value: exactly at the median is −1 (as a pixel at the threshold).
        let odd = FeatureCodes.median([[1], [2], [3]], train: [0, 1, 2])
        #expect(odd == [[-1], [-1], [1]])
    }

    /// SimHash codes: the same seed gives the same bits whatever the threads; the Hamming
    /// distance follows the angle (a feature and a small change of it share most bits, its
    /// negation almost none, after centring).
    @Test func simhashIsSeededAndTracksTheAngle() {
        var rng = Xoshiro256StarStar(seed: 9)
        let d = 64
        var values = (0..<40).map { _ in (0..<d).map { _ in Float(rng.gaussian()) } }
        values.append(values[0].map { $0 + 0.05 })
        let one = FeatureCodes.simhash(values, train: Array(0..<40), bits: 256, seed: 3, jobs: 1)
        let two = FeatureCodes.simhash(values, train: Array(0..<40), bits: 256, seed: 3, jobs: 2)
        let other = FeatureCodes.simhash(values, train: Array(0..<40), bits: 256, seed: 4, jobs: 2)
        #expect(one == two)
        #expect(one != other)
        let near = zip(one[0], one[40]).filter { $0 != $1 }.count
        let far = zip(one[0], one[1]).filter { $0 != $1 }.count
        #expect(near < 30 && far > 90, "near \(near), far \(far) of 256 bits")
    }

    /// HOG codes on 200 of the shared photos, checked end to end against NumPy: the run's stored
    /// inputs are the median codes of the features `dataset export --features hog` writes,
    /// fitted on the run's training images, and its 1-NN baseline is NumPy's on those codes.
    /// A second preparation decodes nothing (the features come from the cache).
    @Test func hogCodesAgreeWithNumPyAndAreCached() throws {
        try #require(pythonHas(["numpy"]), "python3 with numpy is needed (scripts/test installs it)")
        let out = ScratchFolder("hog")
        defer { out.remove() }
        let cache = PatternCache(folder: out.file("cache"))
        let batch = try Batch.expand(
            try JSONParser.parse(
                """
                {"name": "hog", "task": "classify", "dataset": {"path": "\(TestPaths.shared("catsdogs"))", "limitPerClass": 100},
                 "image": {"size": 64, "resize": "area"}, "features": {"encoder": "hog"}, "split": {"train": 0.5, "test": 0.5},
                 "memories": {"count": "all"}, "network": {"rule": "modern", "beta": 0.01, "readout": "weight"},
                 "outputs": {"states": true, "pictures": false}, "seeds": [2]}
                """))
        let options = RunOptions.test(output: out.path, cache: cache)
        let plan = try ExperimentRunner.prepare(batch, options: options)
        #expect(plan.datasets.contains { $0.hasSuffix("0 pattern(s) from the cache, 200 decoded") }, "\(plan.datasets)")
        let report = try ExperimentRunner.execute(plan, options: options)
        let again = try ExperimentRunner.prepare(batch, options: options)
        #expect(again.datasets.contains { $0.hasSuffix("200 pattern(s) from the cache, 0 decoded") }, "\(again.datasets)")

        let dataset = try Dataset.open(TestPaths.shared("catsdogs"), limitPerClass: 100)
        var spec = ImageSpec(size: 64, resize: .area)
        spec.encoder = Encoder(HOGEncoder())
        let exported = try DatasetExport.write(
            DatasetLoader.load(dataset, spec: ImageSpec(size: 64, resize: .area), jobs: 2),
            features: DatasetLoader.load(dataset, spec: spec, jobs: 2, cache: cache), to: out.file("export"))
        #expect(exported.last == out.file("export/features.npy"))
        let folder = ResultsFolder(report.root).folder(of: batch.runs[0])
        let script = """
            import csv, sys
            import numpy as np
            folder, export = sys.argv[1], sys.argv[2]
            f = np.load(export + '/features.npy')
            assert f.shape == (200, 1764) and f.dtype == np.float32, f.shape
            paths = [r['path'] for r in csv.DictReader(open(export + '/index.csv'))]
            rows = list(csv.DictReader(open(folder + '/predictions.csv')))
            order = [paths.index(r['path']) for r in rows]
            train = np.array([r['split'] == 'train' for r in rows])
            x = f[order]
            med = np.median(x[train], axis=0)
            codes = np.where(x > med, 1, -1)
            inputs = np.load(folder + '/inputs.npy')
            assert (inputs == codes).all(), 'codes differ in %d places' % (inputs != codes).sum()
            y = np.array([r['class'] == 'dog' for r in rows])
            xt, yt, xs, ys = codes[train], y[train], codes[~train], y[~train]
            nn = yt[np.argmax(xs @ xt.T, axis=1)]
            runs = {r['split']: r for r in csv.DictReader(open(folder + '/../runs.csv'))}
            assert runs['test']['neighborAccuracy'] == '%.4f' % (nn == ys).mean(), (runs['test']['neighborAccuracy'], (nn == ys).mean())
            print('%.4f %s' % ((nn == ys).mean(), runs['test']['accuracy']))
            """
        let result = try runProcess("/usr/bin/env", ["python3", "-c", script, folder, out.file("export")])
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// A missing or changed weights file is a config error naming the file and what to run, and
    /// nothing is written.
    @Test func weightsThatAreMissingOrChangedAreRefused() throws {
        let out = ScratchFolder("weights")
        defer { out.remove() }
        let junk = out.write(Array(repeating: 7, count: 1000), to: "tampered.hlnn")
        for (weights, expected) in [(out.file("missing.hlnn"), "missing.hlnn: "), (junk, "not the weights scripts/fetch-encoder writes")] {
            let batch = try Batch.expand(
                try JSONParser.parse(
                    """
                    {"name": "w", "task": "classify", "dataset": {"path": "\(TestPaths.shared("catsdogs"))", "limitPerClass": 4},
                     "features": {"encoder": "cnn", "weights": "\(weights)"}, "memories": {"count": "all"}, "network": {"rule": "modern"}}
                    """))
            let options = RunOptions.test(output: out.file("results"))
            #expect {
                _ = try ExperimentRunner.prepare(batch, options: options)
            } throws: { error in
                let text = "\(error)"
                return text.contains("features.weights") && text.contains(expected) && text.contains("scripts/fetch-encoder")
            }
            #expect(!FileManager.default.fileExists(atPath: out.file("results")))
        }
    }

    /// Competing hidden units: trained from the seed, the same synapses on 1 or 2 threads, other
    /// synapses from another seed; a run with them classifies the digits well above chance.
    @Test func competingUnitsAreSeededAndClassify() throws {
        var rng = Xoshiro256StarStar(seed: 1)
        let inputs = (0..<60).map { _ in (0..<64).map { _ in rng.unit() * 2 - 1 } }
        var options = CompetingHiddenUnits.Options()
        options.hidden = 8
        options.epochs = 4
        options.batchSize = 10
        let one = CompetingHiddenUnits(training: inputs, options: options, seed: 5, jobs: 1)
        let two = CompetingHiddenUnits(training: inputs, options: options, seed: 5, jobs: 2)
        let other = CompetingHiddenUnits(training: inputs, options: options, seed: 6, jobs: 2)
        #expect(one.synapses == two.synapses)
        #expect(one.synapses != other.synapses)
        #expect(one.features(inputs[0]).count == 8)

        let out = ScratchFolder("competing")
        defer { out.remove() }
        let batch = try Batch.expand(
            try JSONParser.parse(
                """
                {"name": "competing", "task": "classify", "dataset": {"path": "\(TestPaths.shared("digits"))", "limitPerClass": 20},
                 "image": {"size": 16}, "features": {"encoder": "competing", "hidden": 40, "epochs": 10},
                 "split": {"train": 0.5, "test": 0.5}, "memories": {"count": "all"}, "network": {"rule": "modern", "beta": 1},
                 "outputs": {"pictures": false}, "seeds": [1]}
                """))
        let report = try execute(batch, .test(output: out.path))
        guard let rows = report.results?.runs.rows(of: ClassifyTask.self) else {
            Issue.record("no classify results")
            return
        }
        let test = try #require(rows.first { $0.split == .test })
        #expect(test.neighborAccuracy ?? 0 > 0.4, "1-NN on 40 competing-unit bits: \(String(describing: test.neighborAccuracy))")
    }
}
