/// The order of an asynchronous sweep (see `UpdateMode.async`).
public enum SweepOrder {
    /// Shuffles `order` in place for the next sweep: forward Fisher–Yates with `bounded`.
    @inline(__always)
    public static func shuffle(_ order: UnsafeMutablePointer<Int32>, count: Int, rng: inout Xoshiro256StarStar) {
        // A local copy keeps the generator in registers (inout state is reloaded through memory).
        var generator = rng
        var p = 0
        while p < count &- 1 {
            step(order, p, count: count, &generator)
            p &+= 1
        }
        rng = generator
    }

    /// One step of the forward Fisher–Yates shuffle: swaps position p with a uniform pick from
    /// p..<count. The sweeps that fuse the shuffle with their visits call this too, so every
    /// path draws the same orders.
    @inline(__always)
    public static func step(_ order: UnsafeMutablePointer<Int32>, _ p: Int, count: Int, _ generator: inout Xoshiro256StarStar) {
        let j = p &+ Int(generator.bounded(UInt64(truncatingIfNeeded: count &- p)))
        let t = order[j]
        order[j] = order[p]
        order[p] = t
    }

    /// The plain definition, for tests: the orders of `sweeps` successive sweeps.
    public static func orders(neurons: Int, sweeps: Int, rng: inout Xoshiro256StarStar) -> [[Int]] {
        var order = (0..<neurons).map { Int32($0) }
        var result: [[Int]] = []
        for _ in 0..<sweeps {
            order.withUnsafeMutableBufferPointer { shuffle($0.baseAddress!, count: neurons, rng: &rng) }
            result.append(order.map(Int.init))
        }
        return result
    }
}
