import CKernels

#if canImport(Glibc)
    import Glibc
#endif

extension DenseClassifier {
    /// Trains K memories on `images` (count × N values, row-major, ±1 or gray levels in [−1, 1])
    /// with their `labels` in 0..<C, as Krotov's notebook does (see the type's description):
    /// memories drawn N(0, σ²); per epoch e the images in a fresh seeded order, in mini-batches
    /// (the last one shorter); per batch the gradient of Σ_b Σ_α (c_α − t_α)^(2m) with t = ±1,
    /// V ← p V − ∇, each memory moved by ε₀ fᵉ · V_μ / max_J |V_μJ| and clipped to [−1, 1].
    ///
    /// Images are shared out over `jobs` threads within a batch and memories within the update;
    /// every sum runs in a fixed order, so the memories do not depend on `jobs`. The log's loss is
    /// the epoch's mean Σ_α (c_α − t_α)^(2m) before each batch's update, and `stablePatterns` the
    /// share of training images whose class neurons, updated once, give their class (the online
    /// training accuracy). Training stops after the first epoch whose loss is not finite (see
    /// ``TrainingEpoch/diverged(_:)``).
    public static func train(
        images: [Float], labels: [Int], classes: Int, options: Options, seed: UInt64, jobs: Int = 1,
        observer: TrainingObserver? = nil
    ) -> (DenseClassifier, [TrainingEpoch]) {
        let samples = labels.count
        precondition(samples > 0 && images.count % samples == 0)
        let n = images.count / samples, k = options.memories, width = n + classes
        var rng = Xoshiro256StarStar(seed: seed)
        var state = TrainingState(
            memories: (0..<(k * width)).map { _ in Float(options.initialSpread * rng.gaussian()) },
            velocity: [Float](repeating: 0, count: k * width))
        var log: [TrainingEpoch] = []
        var order = Array(0..<samples)
        for epoch in 0..<options.epochs {
            rng.shuffle(&order)
            let rate = Float(options.learningRate * pow(options.decay, Double(epoch)))
            var loss = 0.0, correct = 0
            for start in stride(from: 0, to: samples, by: options.batchSize) {
                let batch = Array(order[start..<min(samples, start + options.batchSize)])
                let model = DenseClassifier(neurons: n, classes: classes, options: options, memories: state.memories)
                let result = model.step(batch, images: images, labels: labels, state: &state, rate: rate, jobs: jobs)
                loss += result.loss
                correct += result.correct
            }
            let entry = TrainingEpoch(
                epoch: epoch + 1, loss: loss / Double(samples), stablePatterns: Double(correct) / Double(samples),
                measure: .accuracy)
            log.append(entry)
            observer?(entry)
            // Diverged (a loss that is not a number or infinite): the memories are no longer
            // numbers either, and no later epoch can bring them back; the caller sees it in the log.
            if !entry.loss.isFinite { break }
        }
        return (DenseClassifier(neurons: n, classes: classes, options: options, memories: state.memories), log)
    }

    /// The memories and their momentum between batches.
    struct TrainingState {
        var memories: [Float]
        var velocity: [Float]
    }

    /// One mini-batch: forward pass, gradient, momentum step. Returns the batch's summed loss
    /// and the images it classified right (before the step).
    func step(_ batch: [Int], images: [Float], labels: [Int], state: inout TrainingState, rate: Float, jobs: Int) -> (
        loss: Double, correct: Int
    ) {
        let b = batch.count, k = count, c = classes, n = neurons
        // The batch's images side by side (B × N), for the tiled kernels.
        var gathered = [Float](repeating: 0, count: b * n)
        for (row, image) in batch.enumerated() {
            gathered.replaceSubrange((row * n)..<((row + 1) * n), with: images[(image * n)..<((image + 1) * n)])
        }
        // Per image: G[b, μ] and H[b, μ, γ] = 2 δ_γ F_{n−1}(x_on(γ)) (see `backward`).
        var g = [Float](repeating: 0, count: b * k), h = [Float](repeating: 0, count: b * k * c)
        var losses = [Double](repeating: 0, count: b), hits = [Int](repeating: 0, count: b)
        let offsets = classOffsets(memories)
        let chunk = Self.forwardRows
        gathered.withUnsafeBufferPointer { v in
            memories.withUnsafeBufferPointer { xi in
                let vp = SendableConstPointer(v.baseAddress!), xp = SendableConstPointer(xi.baseAddress!)
                g.withUnsafeMutableBufferPointer { gb in
                    h.withUnsafeMutableBufferPointer { hb in
                        losses.withUnsafeMutableBufferPointer { lb in
                            hits.withUnsafeMutableBufferPointer { cb in
                                let gp = SendablePointer(gb.baseAddress!), hp = SendablePointer(hb.baseAddress!)
                                let lp = SendablePointer(lb.baseAddress!), cp = SendablePointer(cb.baseAddress!)
                                parallelForEach(count: (b + chunk - 1) / chunk, jobs: jobs) { part in
                                    let rows = (part * chunk)..<min(b, (part + 1) * chunk)
                                    var dots = [Float](repeating: 0, count: rows.count * k)
                                    hl_fdot_rows(xp.pointer, width, k, vp.pointer + rows.lowerBound * n, n, rows.count, n, &dots, k)
                                    for row in rows {
                                        let base = (row - rows.lowerBound) * k
                                        let a = (0..<k).map { dots[base + $0] - offsets[$0] }
                                        let (loss, hit) = backward(
                                            a, label: labels[batch[row]], memories: xp.pointer,
                                            g: gp.pointer + row * k, h: hp.pointer + row * k * c)
                                        lp.pointer[row] = loss
                                        cp.pointer[row] = hit ? 1 : 0
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        update(gathered, rows: b, g: g, h: h, state: &state, rate: rate, jobs: jobs)
        return (losses.reduce(0, +), hits.reduce(0, +))
    }

    /// Images per work item of the forward pass (their dot products with every memory in one
    /// tiled call), and memories per work item of the update.
    static let forwardRows = 10
    static let updateMemories = 8

    /// For one image with overlaps a (class neurons off): s, c = tanh s, δ_α = (c_α − t_α)^(2m−1)
    /// (1 − c_α²); writes G_μ = Σ_α δ_α [F_{n−1}(x_on(α)) − F_{n−1}(x_off)] and
    /// H_μγ = 2 δ_γ F_{n−1}(x_on(γ)). Returns the loss Σ_α (c_α − t_α)^(2m) and whether argmax s
    /// is the label.
    func backward(
        _ a: [Float], label: Int, memories xi: UnsafePointer<Float>, g: UnsafeMutablePointer<Float>,
        h: UnsafeMutablePointer<Float>
    ) -> (Double, Bool) {
        let s = classScores(a, memories: xi)
        let m = options.lossPower, n = options.power, inverse = 1 / Float(options.temperature)
        var delta = [Float](repeating: 0, count: classes)
        var loss = 0.0
        for alpha in 0..<classes {
            let cAlpha = Float(tanh(Double(s[alpha])))
            let e = cAlpha - (alpha == label ? 1 : -1)
            var odd: Float = 1
            for _ in 0..<(2 * m - 1) { odd *= e }
            delta[alpha] = odd * (1 - cAlpha * cAlpha)
            loss += Double(odd * e)
        }
        for mu in 0..<count {
            let off = Self.rectified(a[mu] * inverse, n - 1)
            var sum: Float = 0
            for alpha in 0..<classes {
                let on = Self.rectified((a[mu] + 2 * xi[mu * width + neurons + alpha]) * inverse, n - 1)
                sum += delta[alpha] * (on - off)
                h[mu * classes + alpha] = 2 * delta[alpha] * on
            }
            g[mu] = sum
        }
        return (loss, Self.argmax(s) == label)
    }

    /// ∇ for every memory (pixels: Σ_b G_bμ v_b; classes: Σ_b H_bμγ − G_bμ, b in batch order),
    /// V ← p V − ∇, ξ_μ += rate · V_μ / max_J |V_μJ| (floored at 10⁻³⁰), clipped to [−1, 1].
    /// `gathered` holds the batch's images side by side (`rows` × N).
    func update(_ gathered: [Float], rows b: Int, g: [Float], h: [Float], state: inout TrainingState, rate: Float, jobs: Int) {
        let k = count, c = classes, n = neurons, w = width, p = Float(options.momentum), chunk = Self.updateMemories
        state.memories.withUnsafeMutableBufferPointer { xb in
            state.velocity.withUnsafeMutableBufferPointer { vb in
                gathered.withUnsafeBufferPointer { ib in
                    g.withUnsafeBufferPointer { gb in
                        let xp = SendablePointer(xb.baseAddress!), vp = SendablePointer(vb.baseAddress!)
                        let ip = SendableConstPointer(ib.baseAddress!), gp = SendableConstPointer(gb.baseAddress!)
                        parallelForEach(count: (k + chunk - 1) / chunk, jobs: jobs) { part in
                            let memories = (part * chunk)..<min(k, (part + 1) * chunk)
                            var gradient = [Float](repeating: 0, count: memories.count * w)
                            hl_fcombine_rows(gp.pointer + memories.lowerBound, k, memories.count, ip.pointer, n, b, n, &gradient, w)
                            for mu in memories {
                                let base = (mu - memories.lowerBound) * w
                                for row in 0..<b {
                                    let weight = gp.pointer[row * k + mu]
                                    for gamma in 0..<c { gradient[base + n + gamma] += h[(row * k + mu) * c + gamma] - weight }
                                }
                                let velocity = vp.pointer + mu * w, memory = xp.pointer + mu * w
                                var largest: Float = 1e-30
                                for j in 0..<w {
                                    velocity[j] = p * velocity[j] - gradient[base + j]
                                    largest = max(largest, abs(velocity[j]))
                                }
                                let scale = rate / largest
                                for j in 0..<w { memory[j] = min(1, max(-1, memory[j] + scale * velocity[j])) }
                            }
                        }
                    }
                }
            }
        }
    }
}
