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
        var work = Workspace(batch: min(samples, options.batchSize), neurons: n, memories: k, classes: classes)
        for epoch in 0..<options.epochs {
            rng.shuffle(&order)
            let rate = Float(options.learningRate * pow(options.decay, Double(epoch)))
            var loss = 0.0, correct = 0
            for start in stride(from: 0, to: samples, by: options.batchSize) {
                let batch = Array(order[start..<min(samples, start + options.batchSize)])
                // The model lives for the forward pass only: the update then changes the memories
                // in place (a model still holding them would make it copy them, every batch).
                let result = DenseClassifier(neurons: n, classes: classes, options: options, memories: state.memories)
                    .forward(batch, images: images, labels: labels, work: &work, jobs: jobs)
                update(work, rows: batch.count, neurons: n, classes: classes, options: options, state: &state, rate: rate, jobs: jobs)
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

    /// A mini-batch's arrays, allocated once for the whole training (every value a batch reads
    /// is written by that batch first; the last batch may use fewer rows).
    struct Workspace {
        /// The batch's images side by side (B × N), for the tiled kernels.
        var gathered: [Float]
        /// Per image: G[b, μ] and H[b, μ, γ] = 2 δ_γ F_{n−1}(x_on(γ)) (see `backward`).
        var g: [Float], h: [Float]
        /// Per image: its loss and whether it was classified right.
        var losses: [Double], hits: [Int]

        init(batch b: Int, neurons n: Int, memories k: Int, classes c: Int) {
            gathered = [Float](repeating: 0, count: b * n)
            g = [Float](repeating: 0, count: b * k)
            h = [Float](repeating: 0, count: b * k * c)
            losses = [Double](repeating: 0, count: b)
            hits = [Int](repeating: 0, count: b)
        }
    }

    /// One mini-batch's forward pass and the gradient's per-image terms (G and H, into `work`).
    /// Returns the batch's summed loss and the images it classified right (before the step).
    func forward(_ batch: [Int], images: [Float], labels: [Int], work: inout Workspace, jobs: Int) -> (loss: Double, correct: Int) {
        let b = batch.count, k = count, c = classes, n = neurons
        for (row, image) in batch.enumerated() {
            work.gathered.replaceSubrange((row * n)..<((row + 1) * n), with: images[(image * n)..<((image + 1) * n)])
        }
        let offsets = classOffsets(memories)
        let chunk = Self.forwardRows
        work.gathered.withUnsafeBufferPointer { v in
            memories.withUnsafeBufferPointer { xi in
                let vp = SendableConstPointer(v.baseAddress!), xp = SendableConstPointer(xi.baseAddress!)
                work.g.withUnsafeMutableBufferPointer { gb in
                    work.h.withUnsafeMutableBufferPointer { hb in
                        work.losses.withUnsafeMutableBufferPointer { lb in
                            work.hits.withUnsafeMutableBufferPointer { cb in
                                let gp = SendablePointer(gb.baseAddress!), hp = SendablePointer(hb.baseAddress!)
                                let lp = SendablePointer(lb.baseAddress!), cp = SendablePointer(cb.baseAddress!)
                                parallelForEach(count: (b + chunk - 1) / chunk, jobs: jobs) { part in
                                    let rows = (part * chunk)..<min(b, (part + 1) * chunk)
                                    var dots = [Float](repeating: 0, count: rows.count * k), terms = ScoreTerms(self)
                                    hl_fdot_rows(xp.pointer, width, k, vp.pointer + rows.lowerBound * n, n, rows.count, n, &dots, k)
                                    for row in rows {
                                        let base = (row - rows.lowerBound) * k
                                        let a = (0..<k).map { dots[base + $0] - offsets[$0] }
                                        let (loss, hit) = backward(
                                            a, label: labels[batch[row]], memories: xp.pointer,
                                            g: gp.pointer + row * k, h: hp.pointer + row * k * c, terms: &terms)
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
        return (work.losses[0..<b].reduce(0, +), work.hits[0..<b].reduce(0, +))
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
        h: UnsafeMutablePointer<Float>, terms: inout ScoreTerms
    ) -> (Double, Bool) {
        terms.compute(a, memories: xi, model: self)
        let s = terms.scores()
        let m = options.lossPower
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
        let c = classes
        delta.withUnsafeBufferPointer { d in
            terms.onLower.withUnsafeBufferPointer { on in
                terms.offLower.withUnsafeBufferPointer { off in
                    for mu in 0..<count {
                        var sum: Float = 0
                        for alpha in 0..<c {
                            let value = on[mu * c + alpha]
                            sum += d[alpha] * (value - off[mu])
                            h[mu * c + alpha] = 2 * d[alpha] * value
                        }
                        g[mu] = sum
                    }
                }
            }
        }
        return (loss, Self.argmax(s) == label)
    }

    /// ∇ for every memory (pixels: Σ_b G_bμ v_b; classes: Σ_b H_bμγ − G_bμ, b in batch order),
    /// V ← p V − ∇, ξ_μ += rate · V_μ / max_J |V_μJ| (floored at 10⁻³⁰), clipped to [−1, 1].
    /// `work` holds the batch's images and per-image terms (`rows` of them).
    static func update(
        _ work: Workspace, rows b: Int, neurons n: Int, classes c: Int, options: Options, state: inout TrainingState, rate: Float,
        jobs: Int
    ) {
        let k = options.memories, w = n + c, p = Float(options.momentum), chunk = Self.updateMemories
        state.memories.withUnsafeMutableBufferPointer { xb in
            state.velocity.withUnsafeMutableBufferPointer { vb in
                work.gathered.withUnsafeBufferPointer { ib in
                    work.g.withUnsafeBufferPointer { gb in
                        work.h.withUnsafeBufferPointer { hb in
                            let hp = SendableConstPointer(hb.baseAddress!)
                            let xp = SendablePointer(xb.baseAddress!), vp = SendablePointer(vb.baseAddress!)
                            let ip = SendableConstPointer(ib.baseAddress!), gp = SendableConstPointer(gb.baseAddress!)
                            parallelForEach(count: (k + chunk - 1) / chunk, jobs: jobs) { part in
                                let memories = (part * chunk)..<min(k, (part + 1) * chunk)
                                var gradient = [Float](repeating: 0, count: memories.count * w)
                                hl_fcombine_rows(gp.pointer + memories.lowerBound, k, memories.count, ip.pointer, n, b, n, &gradient, w)
                                gradient.withUnsafeMutableBufferPointer { gradient in
                                    for mu in memories {
                                        let row = gradient.baseAddress! + (mu - memories.lowerBound) * w
                                        for image in 0..<b {
                                            let weight = gp.pointer[image * k + mu], terms = hp.pointer + (image * k + mu) * c
                                            for gamma in 0..<c { row[n + gamma] += terms[gamma] - weight }
                                        }
                                        Self.move(
                                            xp.pointer + mu * w, velocity: vp.pointer + mu * w, gradient: row, width: w, momentum: p,
                                            rate: rate)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// One memory's step: V ← p V − ∇, then ξ += rate · V / max_J |V_J| (the largest floored at
    /// 10⁻³⁰), clipped to [−1, 1]; W values each.
    @inline(__always)
    static func move(
        _ memory: UnsafeMutablePointer<Float>, velocity: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>,
        width w: Int, momentum p: Float, rate: Float
    ) {
        for j in 0..<w { velocity[j] = p * velocity[j] - gradient[j] }
        let scale = rate / largestMagnitude(velocity, w, floor: 1e-30)
        for j in 0..<w { memory[j] = min(1, max(-1, memory[j] + scale * velocity[j])) }
    }

    /// What the scalar loop `largest = max(largest, abs(v_j))` from `floor` gives (a NaN is never
    /// taken), in eight lanes: the largest of a set of values does not depend on the order.
    static func largestMagnitude(_ v: UnsafePointer<Float>, _ count: Int, floor: Float) -> Float {
        var lanes = SIMD8<Float>(repeating: floor)
        var j = 0
        while j + 8 <= count {
            var x = UnsafeRawPointer(v + j).loadUnaligned(as: SIMD8<Float>.self)
            x.replace(with: -x, where: x .< 0)
            lanes.replace(with: x, where: x .>= lanes)
            j += 8
        }
        var largest = floor
        for l in 0..<8 { largest = max(largest, lanes[l]) }
        while j < count {
            largest = max(largest, abs(v[j]))
            j += 1
        }
        return largest
    }
}
