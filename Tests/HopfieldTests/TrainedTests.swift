import Hopfield
import Testing

/// The trained rules of notebook 003: perceptron, conv, RBM and Hebbian RBM.
@Suite struct TrainedNetworkTests {
    /// Gardner: one perceptron per neuron stores P = N/2 random patterns (α = 0.5, far beyond
    /// Hebbian's 0.138), every one a fixed point with the requested margin.
    @Test func perceptronStoresHalfOfN() {
        let n = 128, p = 64
        let patterns = randomPatterns(p, neurons: n, seed: 5)
        let memories = Memories(patterns)
        let options = PerceptronNetwork.Options(margin: 0.3, maxEpochs: 500)
        let (network, log) = PerceptronNetwork.train(memories, options: options, seed: 1, jobs: 2)
        #expect(log.last!.loss == 0 && log.last!.stablePatterns == 1, "\(log.count) epochs, last \(log.last!)")
        #expect(patterns.allSatisfy { network.isFixedPoint($0) })
        // The margin holds: x_i h_i ≥ κ ‖(W_i·, b_i)‖ for every pattern and neuron.
        var smallest = Double.infinity
        for x in patterns {
            let h = network.fields(of: x)
            for i in 0..<n {
                let row = network.weights[(i * n)..<((i + 1) * n)]
                let norm = (row.reduce(0.0) { $0 + Double($1) * Double($1) } + Double(network.biases[i] * network.biases[i])).squareRoot()
                smallest = min(smallest, Double(x[i]) * h[i] / norm)
            }
        }
        #expect(smallest > options.margin, "smallest stability \(smallest)")
        // Hebbian storage of the same patterns keeps almost none of them.
        let hebbian = HebbianNetwork(memories: memories)
        let hebbianStable = patterns.filter { hebbian.isFixedPoint($0) }.count
        #expect(hebbianStable < p / 4, "hebbian keeps \(hebbianStable) of \(p)")
        // The couplings are asymmetric (learned neuron by neuron), with a zero diagonal.
        #expect((0..<n).allSatisfy { network.weights[$0 * n + $0] == 0 })
        #expect((0..<n).contains { i in (0..<n).contains { j in network.weights[i * n + j] != network.weights[j * n + i] } })
    }

    /// Beyond capacity the margin is never reached: the network returned is the pocket, the
    /// epoch with the most stable training patterns, not whatever the last epoch left.
    @Test func perceptronKeepsItsBestEpoch() {
        let n = 40, p = 24
        let patterns = randomPatterns(p, neurons: n, seed: 17)
        let (network, log) = PerceptronNetwork.train(Memories(patterns), options: .init(margin: 1, maxEpochs: 25), seed: 3, jobs: 2)
        #expect(log.count == 25 && log.last!.loss > 0, "P = 0.6N cannot all have margin 1")
        let best = log.map(\.stablePatterns).max()!
        let stable = patterns.filter { network.isFixedPoint($0) }.count
        #expect(Double(stable) / Double(p) == best, "kept \(stable) stable of \(p); best epoch had \(best)")
        #expect(
            log.last!.stablePatterns < best,
            "the last epoch did worse than the best (else the test shows nothing): \(log.map(\.stablePatterns))")
    }

    /// Training is a function of the seed alone: threads do not change a bit, the seed does.
    @Test func trainingIsReproducibleFromTheSeed() throws {
        let patterns = try digitPatterns(3, size: 12)
        let memories = Memories(patterns)
        let options = PerceptronNetwork.Options(margin: 0.5, maxEpochs: 100)
        let one = PerceptronNetwork.train(memories, options: options, seed: 7, jobs: 1)
        let two = PerceptronNetwork.train(memories, options: options, seed: 7, jobs: 2)
        let other = PerceptronNetwork.train(memories, options: options, seed: 8, jobs: 2)
        #expect(one.0.weights == two.0.weights && one.0.biases == two.0.biases && one.1 == two.1)
        #expect(one.0.weights != other.0.weights, "another seed visits the patterns in another order")

        var rbm = RBMNetwork.Options()
        rbm.hidden = 16
        rbm.epochs = 3
        let r1 = RBMNetwork.train(memories, options: rbm, seed: 7, jobs: 1)
        let r2 = RBMNetwork.train(memories, options: rbm, seed: 7, jobs: 2)
        let r3 = RBMNetwork.train(memories, options: rbm, seed: 8, jobs: 2)
        #expect(r1.0.weights == r2.0.weights && r1.0.visibleBias == r2.0.visibleBias && r1.0.hiddenBias == r2.0.hiddenBias)
        #expect(r1.1 == r2.1)
        #expect(r1.0.weights != r3.0.weights)
    }

    /// A trained rule's fixed points include its training patterns (digits, which Hebbian
    /// storage cannot hold: they are strongly correlated), and they attract noisy starts.
    @Test func perceptronFixedPointsIncludeTheTrainingDigits() throws {
        let patterns = try digitPatterns(5, size: 16)
        let memories = Memories(patterns)
        let hebbian = HebbianNetwork(memories: memories)
        #expect(patterns.filter { hebbian.isFixedPoint($0) }.count < patterns.count / 2)
        let (network, log) = PerceptronNetwork.train(memories, options: PerceptronNetwork.Options(margin: 1), seed: 3, jobs: 2)
        #expect(log.last!.stablePatterns == 1)
        var recovered = 0
        for (mu, x) in patterns.enumerated() {
            var rng = RandomStreams.stream(11, UInt64(mu))
            let start = Corruption.flipExactly(x, fraction: 0.05, rng: &rng)
            let result = network.converge(from: start, dynamics: Dynamics(maxSweeps: 50), rng: &rng)
            if result.state == x { recovered += 1 }
        }
        #expect(recovered >= patterns.count * 3 / 4, "\(recovered) of \(patterns.count) recovered from 5% flips")
    }

    /// CD-k lowers the reconstruction error epoch after epoch, and the training digits end as
    /// fixed points of the mean-field recall.
    @Test func rbmTrainingLowersReconstructionError() throws {
        let patterns = try digitPatterns(5, size: 16)
        let memories = Memories(patterns)
        var options = RBMNetwork.Options()
        options.hidden = 64
        options.epochs = 150
        options.learningRate = 0.05
        options.batchSize = 5
        let (network, log) = RBMNetwork.train(memories, options: options, seed: 2, jobs: 2)
        let first = log.first!.loss, last = log.last!.loss
        #expect(last < first / 4, "reconstruction error \(first) → \(last)")
        #expect(log.last!.stablePatterns >= 0.8, "stable \(log.last!.stablePatterns)")
        // Training lowers the free energy of the data relative to random states.
        var rng = Xoshiro256StarStar(seed: 4)
        let data = patterns.map { network.freeEnergy($0.map(Double.init)) }.reduce(0, +) / Double(patterns.count)
        let noise = (0..<20).map { _ in network.freeEnergy(Corruption.random(neurons: 256, rng: &rng).map(Double.init)) }.reduce(0, +) / 20
        #expect(data < noise, "free energy: data \(data), random \(noise)")
        // Recall from a training digit with a few flips returns it.
        var recovered = 0
        for (mu, x) in patterns.enumerated() {
            var stream = RandomStreams.stream(12, UInt64(mu))
            let start = Corruption.flipExactly(x, fraction: 0.05, rng: &stream).map(Double.init)
            if network.converge(from: start, maxSweeps: 20, rng: &stream).state == x { recovered += 1 }
        }
        #expect(recovered >= patterns.count * 3 / 4, "\(recovered) of \(patterns.count)")
    }

    /// The convolutional rule has k² parameters whatever the image size, is translation
    /// invariant, and a kernel trained on 16×16 images runs on 24×24 ones.
    @Test func convHasKernelSizedParametersAndRunsOnAnySize() throws {
        let small = try digitPatterns(3, size: 16)
        for k in [3, 5] {
            let (network, log) = ConvolutionNetwork.train(
                Memories(small), side: 16, options: ConvolutionNetwork.Options(kernelSize: k, maxEpochs: 5), seed: 1)
            #expect(network.parameterCount == k * k && network.kernel.count == k * k && log.count == 5)
            #expect(network.kernel[k * k / 2] == 0, "the centre is excluded")
            // Pocket: the kept kernel is the best of the epochs (fewest pixels one update flips).
            let wrong = { (net: ConvolutionNetwork) -> Int in
                small.reduce(0) { total, x in
                    let h = net.fields(of: x)
                    return total + (0..<x.count).filter { (h[$0] >= 0) != (x[$0] > 0) }.count
                }
            }
            let best = log.map(\.loss).min()!
            #expect(Double(wrong(network)) / Double(small.count * 256) == best)

            let large = try digitPatterns(2, size: 24)
            let moved = ConvolutionNetwork(memories: Memories(large), side: 24, kernelSize: k, kernel: network.kernel, bias: network.bias)
            #expect(moved.parameterCount == k * k)
            var rng = Xoshiro256StarStar(seed: 1)
            let result = moved.converge(from: large[0], dynamics: Dynamics(maxSweeps: 30), rng: &rng)
            #expect(result.state.count == 576 && !result.state.contains(0))

            // Shifting the image one pixel right shifts the interior fields one pixel right.
            let x = large[1]
            let shifted = (0..<576).map { i in i % 24 == 0 ? Int8(-1) : x[i - 1] }
            let h = moved.fields(of: x), hs = moved.fields(of: shifted)
            let half = k / 2
            for r in half..<(24 - half) {
                for c in (half + 1)..<(24 - half) where c - 1 >= half {
                    #expect(hs[r * 24 + c] == h[r * 24 + c - 1])
                }
            }
        }
    }

    /// The Hebbian RBM with a linear hidden layer is the synchronous Hebbian network with a
    /// self-coupling P; with softmax(β·) it is one modern-network step followed by the sign.
    @Test func hebbianRBMMatchesHopfieldAndModernSteps() {
        let n = 200
        let patterns = randomPatterns(12, neurons: n, seed: 21)
        let memories = Memories(patterns)
        var rng = Xoshiro256StarStar(seed: 22)
        for _ in 0..<10 {
            let v = Corruption.random(neurons: n, rng: &rng)
            let linear = HebbianRBM(memories: memories, activation: .linear).step(v.map(Double.init))
            // Σ_μ x^μ (x^μ·v) = (W + P·I) v with W the zero-diagonal Hebbian matrix.
            let hebbianFields = HebbianNetwork(memories: memories).fields(of: v)
            let expected = (0..<n).map { i in hebbianFields[i] + Double(patterns.count) * Double(v[i]) >= 0 ? 1.0 : -1.0 }
            #expect(linear == expected)

            let beta = 0.05
            let softmax = HebbianRBM(memories: memories, activation: .softmax(beta: beta)).step(v.map(Double.init))
            let modern = ModernNetwork(memories: ContinuousMemories(memories), beta: beta).step(v.map(Double.init))
            #expect(softmax == modern.map { $0 >= 0 ? 1.0 : -1.0 })
        }
        // At large β one step from a noisy memory lands on it.
        let start = Corruption.flipExactly(patterns[3], fraction: 0.3, rng: &rng).map(Double.init)
        let result = HebbianRBM(memories: memories, activation: .softmax(beta: 1)).converge(from: start, maxSweeps: 10)
        #expect(result.state == patterns[3] && result.status == .converged && result.sweeps == 2)
    }
}
