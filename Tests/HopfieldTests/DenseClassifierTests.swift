import Foundation
import Hopfield
import Testing

/// The trained dense associative memory classifier (Krotov and Hopfield 2016).
@Suite struct DenseClassifierTests {
    /// One training step on one batch equals the notebook's update written out plainly in Double
    /// (on/off states per class, d_KS = Σ D F'(on) on − D F'(off) off, momentum from zero, each
    /// memory moved by ε/max|V|, clipped), from the same initial memories.
    @Test func oneStepFollowsTheNotebook() {
        let n = 12, c = 3, samples = 6
        var options = DenseClassifier.Options()
        options.memories = 4
        options.power = 3
        options.lossPower = 2
        options.temperature = 2
        options.epochs = 1
        options.batchSize = samples
        options.learningRate = 0.05
        var draw = Xoshiro256StarStar(seed: 9)
        let images = (0..<(samples * n)).map { _ in Float(draw.unit() * 2 - 1) }
        let labels = [0, 1, 2, 0, 1, 2]
        let (trained, log) = DenseClassifier.train(images: images, labels: labels, classes: c, options: options, seed: 4)
        // The same initial memories: N(0, σ²) draws from the seed, in order.
        var rng = Xoshiro256StarStar(seed: 4)
        let w = n + c, k = options.memories
        var xi = (0..<(k * w)).map { _ in Double(Float(options.initialSpread * rng.gaussian())) }
        let t = options.temperature, power = Double(options.power)
        func f(_ x: Double, _ p: Double) -> Double { x > 0 ? pow(x, p) : 0 }
        var gradient = [Double](repeating: 0, count: k * w)  // d_KS
        var loss = 0.0
        for b in 0..<samples {
            let v = (0..<n).map { Double(images[b * n + $0]) }
            let off = (0..<w).map { $0 < n ? v[$0] : -1.0 }
            for alpha in 0..<c {
                var on = off
                on[n + alpha] = 1
                var s = 0.0
                for mu in 0..<k {
                    let aOn = (0..<w).reduce(0.0) { $0 + xi[mu * w + $1] * on[$1] },
                        aOff = (0..<w).reduce(0.0) { $0 + xi[mu * w + $1] * off[$1] }
                    s += f(aOn / t, power) - f(aOff / t, power)
                }
                let y = tanh(s), target = alpha == labels[b] ? 1.0 : -1.0
                loss += pow(y - target, Double(2 * options.lossPower))
                let d = pow(target - y, Double(2 * options.lossPower - 1)) * (1 - y * y)
                for mu in 0..<k {
                    let aOn = (0..<w).reduce(0.0) { $0 + xi[mu * w + $1] * on[$1] },
                        aOff = (0..<w).reduce(0.0) { $0 + xi[mu * w + $1] * off[$1] }
                    for j in 0..<w { gradient[mu * w + j] += d * (f(aOn / t, power - 1) * on[j] - f(aOff / t, power - 1) * off[j]) }
                }
            }
        }
        for mu in 0..<k {
            let largest = (0..<w).map { abs(gradient[mu * w + $0]) }.max()!
            for j in 0..<w { xi[mu * w + j] = min(1, max(-1, xi[mu * w + j] + options.learningRate * gradient[mu * w + j] / largest)) }
        }
        for j in 0..<(k * w) {
            #expect(abs(Double(trained.memories[j]) - xi[j]) < 1e-5, "memory value \(j): \(trained.memories[j]) vs \(xi[j])")
        }
        #expect(abs(log[0].loss - loss / Double(samples)) < 1e-5 * max(1, loss))
    }

    /// Threads never change a bit; the seed does. Training on separable data reaches it.
    @Test func trainingIsReproducibleAndLearns() {
        let n = 40, c = 4, perClass = 30
        var rng = Xoshiro256StarStar(seed: 2)
        let centres = (0..<c).map { _ in (0..<n).map { _ in Float(rng.unit() < 0.5 ? -1 : 1) } }
        var images: [Float] = [], labels: [Int] = []
        for s in 0..<(c * perClass) {
            labels.append(s % c)
            images += centres[s % c].map { rng.unit() < 0.2 ? -$0 : $0 }
        }
        var options = DenseClassifier.Options()
        options.memories = 16
        options.epochs = 8
        options.batchSize = 10
        options.temperature = 8
        let (one, logOne) = DenseClassifier.train(images: images, labels: labels, classes: c, options: options, seed: 5, jobs: 1)
        let (two, logTwo) = DenseClassifier.train(images: images, labels: labels, classes: c, options: options, seed: 5, jobs: 2)
        #expect(one.memories == two.memories && logOne == logTwo, "1 and 2 threads give the same memories")
        let (other, _) = DenseClassifier.train(images: images, labels: labels, classes: c, options: options, seed: 6, jobs: 2)
        #expect(other.memories != one.memories, "another seed, other memories")
        let right = (0..<labels.count).filter { one.classify(Array(images[($0 * n)..<(($0 + 1) * n)])) == labels[$0] }.count
        #expect(Double(right) / Double(labels.count) > 0.9, "\(right) of \(labels.count) training images classified")
        #expect(logOne.last!.loss < logOne.first!.loss)
    }
}
