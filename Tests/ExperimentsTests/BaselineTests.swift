import Foundation
import Hopfield
import Imaging
import TestSupport
import Testing

@testable import Experiments

/// The classify baselines (chance, nearest prototype, 1-NN) agree with an independent NumPy
/// computation on the patterns the run exported, image by image.
@Suite struct BaselineTests {
    @Test func baselinesAgreeWithNumPy() throws {
        try #require(pythonHas(["numpy"]), "python3 with numpy is needed (scripts/test installs it)")
        let out = ScratchFolder("baselines")
        defer { out.remove() }
        let batch = try Batch.expand(
            try JSONParser.parse(
                """
                {"name": "base", "task": "classify", "dataset": {"path": "\(TestPaths.shared("digits"))", "limitPerClass": 40},
                 "image": {"size": 16, "resize": "area", "binarize": "mean"}, "split": {"train": 0.5, "test": 0.5},
                 "memories": {"count": 10, "select": "random"}, "network": {"rule": "hebbian"},
                 "outputs": {"states": true, "pictures": false}, "seeds": [3]}
                """))
        let report = try execute(batch, .test(output: out.path))
        let folder = ResultsFolder(report.root).folder(of: batch.runs[0])
        let script = """
            import csv, sys
            import numpy as np
            folder = sys.argv[1]
            x = np.load(folder + '/inputs.npy').astype(np.int64)
            rows = list(csv.DictReader(open(folder + '/predictions.csv')))
            names = sorted({r['class'] for r in rows})
            y = np.array([names.index(r['class']) for r in rows])
            train = np.array([r['split'] == 'train' for r in rows])
            xt, yt, xs, ys = x[train], y[train], x[~train], y[~train]
            # 1-NN: largest overlap = smallest Hamming distance; the first training image among equals.
            nn = yt[np.argmax(xs @ xt.T, axis=1)]
            protos = np.array([np.where(xt[yt == c].sum(axis=0) >= 0, 1, -1) for c in range(len(names))])
            proto = lambda a: np.argmax(a @ protos.T, axis=1)
            test_rows = [r for r in rows if r['split'] == 'test']
            train_rows = [r for r in rows if r['split'] == 'train']
            assert [names[k] for k in nn] == [r['neighbor'] for r in test_rows], 'neighbor'
            assert [names[k] for k in proto(xs)] == [r['prototype'] for r in test_rows], 'prototype (test)'
            assert [names[k] for k in proto(xt)] == [r['prototype'] for r in train_rows], 'prototype (train)'
            assert all(r['neighbor'] == '' for r in train_rows)
            runs = {r['split']: r for r in csv.DictReader(open(folder + '/../runs.csv'))}
            chance = np.bincount(ys).max() / len(ys)
            assert runs['test']['chanceAccuracy'] == '%.4f' % chance, (runs['test']['chanceAccuracy'], chance)
            assert runs['test']['neighborAccuracy'] == '%.4f' % (nn == ys).mean()
            assert runs['test']['prototypeAccuracy'] == '%.4f' % (proto(xs) == ys).mean()
            assert runs['train']['neighborAccuracy'] == ''
            print('%.4f %.4f %.4f' % (chance, (nn == ys).mean(), (proto(xs) == ys).mean()))
            """
        let result = try runProcess("/usr/bin/env", ["python3", "-c", script, folder])
        #expect(result.status == 0, "\(result.stderr)")
        let figures = result.stdout.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(figures.count == 3 && figures[1] > 0.5, "1-NN on digits should be well above chance: \(result.stdout)")
    }

    /// `memories.count: "all"` stores every training image; a modern network over them at β = 1
    /// classifies like 1-NN (the softmax puts almost all weight on the nearest memory).
    @Test func modernOverAllTrainingImagesIsNearestNeighbor() throws {
        let out = ScratchFolder("all")
        defer { out.remove() }
        let batch = try Batch.expand(
            try JSONParser.parse(
                """
                {"name": "all", "task": "classify", "dataset": {"path": "\(TestPaths.shared("digits"))", "limitPerClass": 30},
                 "image": {"size": 28, "resize": "area", "binarize": "midgray"}, "split": {"train": 0.5, "test": 0.5},
                 "memories": {"count": "all"}, "network": {"rule": "modern", "beta": 1}, "dynamics": {"mode": "sync"},
                 "outputs": {"pictures": false}, "seeds": [1]}
                """))
        let report = try execute(batch, .test(output: out.path))
        let results = try #require(report.results)
        guard let rows = results.runs.rows(of: ClassifyTask.self) else {
            Issue.record("not a classify result")
            return
        }
        let test = try #require(rows.first { $0.split == .test })
        let memories = try String(contentsOfFile: ResultsFolder(report.root).folder(of: batch.runs[0]) + "/memories.csv", encoding: .utf8)
        #expect(memories.split(separator: "\n").count == 1 + 150, "every one of the 150 training images is a memory")
        let neighbor = try #require(test.neighborAccuracy)
        #expect(abs(test.nearestAccuracy - neighbor) <= 0.01, "nearest memory \(test.nearestAccuracy) vs 1-NN \(neighbor)")
        #expect(abs(test.accuracy - neighbor) <= 0.02, "modern \(test.accuracy) vs 1-NN \(neighbor)")
    }
}

/// `prototypes` and `means` pick central representatives: on the digits they retrieve the right
/// class more often than random memories, and means are stored patterns that are no image.
@Suite struct ClusterSelectionTests {
    @Test func centralMemoriesBeatRandomOnes() throws {
        let data = try digitData(perClass: 40)
        let candidates = data.map { MemorySelection.Candidate(label: $0.label, pattern: PatternVector(.binary($0.pattern))) }
        let quotas = MemorySelection.quotas(count: 30, classes: 10)
        func nearestAccuracy(_ memories: [PatternVector], labels: [Int]) -> Double {
            let right = candidates.filter { c in
                let best = memories.indices.max {
                    memories[$0].binaryPattern.overlap(with: c.pattern.binaryPattern)
                        < memories[$1].binaryPattern.overlap(with: c.pattern.binaryPattern)
                }!
                return labels[best] == c.label
            }.count
            return Double(right) / Double(candidates.count)
        }
        var rng = RandomStreams.stream(1, RandomStreams.key("select"))
        let random = MemorySelection.random(candidates, quotas: quotas, rng: &rng)
        let prototypes = MemorySelection.choose(candidates, quotas: quotas, method: .prototypes, seed: 1, jobs: 2)
        #expect(
            prototypes == MemorySelection.choose(candidates, quotas: quotas, method: .prototypes, seed: 1, jobs: 1),
            "threads change nothing")
        #expect(zip(quotas.indices, quotas).allSatisfy { c, q in prototypes.filter { candidates[$0].label == c }.count == q }, "balanced")
        let randomAccuracy = nearestAccuracy(random.map { candidates[$0].pattern }, labels: random.map { candidates[$0].label })
        let prototypeAccuracy = nearestAccuracy(prototypes.map { candidates[$0].pattern }, labels: prototypes.map { candidates[$0].label })
        let means = ClusterSelection.choose(candidates, quotas: quotas, means: true, seed: 1, jobs: 2)
        let meanAccuracy = nearestAccuracy(means.map(\.pattern), labels: means.map { candidates[$0.candidate].label })
        #expect(
            prototypeAccuracy > randomAccuracy && meanAccuracy > randomAccuracy,
            "random \(randomAccuracy), prototypes \(prototypeAccuracy), means \(meanAccuracy)")
        #expect(
            means.contains { m in !candidates.contains { $0.pattern.binaryPattern == m.pattern.binaryPattern } }, "some means are no image")
    }

    /// The first `perClass` digits of each class at 16×16 (median), with labels.
    func digitData(perClass: Int) throws -> [(label: Int, pattern: [Int8])] {
        var out: [(label: Int, pattern: [Int8])] = []
        for c in 0..<10 {
            let folder = TestPaths.shared("digits/\(c)")
            for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted().prefix(perClass) {
                let loaded = try ImagePipeline.load(path: folder + "/" + name, spec: ImageSpec(size: 16, resize: .area, binarize: .median))
                if case .binary(let v) = loaded.values { out.append((c, v)) }
            }
        }
        return out
    }
}

/// The label under a trained dense associative memory's picture says what its class part votes
/// for: one class, "not" a class (the others tied at the clipping bound), or "mixed". Ties used
/// to read as the first class: crisp pictures of an 8 were labelled "0".
@Suite struct DenseMemoryLabelTests {
    @Test func labelsSayWhatTheClassPartVotesFor() {
        let classes = ["0", "1", "2", "3"]
        func label(_ part: [Float]) -> String { ClassifierTask.label(classPart: ([9, 9] + part)[2...], classes: classes) }
        #expect(label([-1, -1, 0.7, -1]) == "2")
        #expect(label([1, 1, 0.61, 1]) == "not 2")
        #expect(label([1, -1, 1, -1]) == "mixed")
        #expect(label([0.2, 0.1, 0.3, 0.4]) == "3")
    }
}

/// The gray-level 1-NN baseline, computed by blocked matrix products, picks exactly what the
/// pair-by-pair definition picks (FloatDot's order, the first among equals), across partial
/// blocks, partial tiles and an odd N, with tied training rows.
@Suite struct ContinuousNeighborTests {
    @Test func blockedSearchEqualsThePairByPairDefinition() {
        var rng = Xoshiro256StarStar(seed: 3)
        let n = 37
        func row() -> [Double] { (0..<n).map { _ in Double(Float(rng.unit() * 2 - 1)) } }
        var train = (0..<300).map { _ in row() }
        train[280] = train[7]  // a tie: the earlier row must win
        let test = (0..<45).map { k in k == 3 ? train[7] : row() }
        let found = Baselines.continuousNeighbors(
            train: train.map { .continuous($0) }, test: test.map { .continuous($0) }, jobs: 2)
        let rows = train.map { $0.map(Float.init) }
        let expected = test.map { x -> Int in
            let q = x.map(Float.init)
            var best = 0, smallest = Float.infinity
            for (j, y) in rows.enumerated() {
                let d = FloatDot.dot(y, y, n) - 2 * FloatDot.dot(q, y, n)
                if d < smallest { (best, smallest) = (j, d) }
            }
            return best
        }
        #expect(found == expected)
        #expect(found[3] == 7)
    }
}
