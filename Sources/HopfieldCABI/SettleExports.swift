import Experiments
import Foundation
import Hopfield

/// One converged start, as the C ABI hands it back.
struct SettledRow: Sendable {
    /// The final state (±1, or 0 for a neuron never visited; reals for the modern network).
    var state: NetworkState
    /// How the dynamics ended.
    var status: ConvergenceStatus
    /// Sweeps, the last one included.
    var sweeps: Int
    /// Energies of the start and of the final state.
    var energyStart, energyEnd: Double
    /// The memory reached, its negation, or neither.
    var match: MemoryMatch
    /// The memory with the largest |overlap| (|cos| for real states), and that overlap / N (cos).
    var nearest: Int
    var nearestOverlap: Double
    /// The state and the energy at the start and after every sweep, when asked for.
    var trajectory: [[Double]] = []
    var energies: [Double] = []

    init(_ s: StoredNetwork.Settled) {
        state = s.state
        status = s.status
        sweeps = s.sweeps
        energyStart = s.energyStart
        energyEnd = s.energyEnd
        match = s.match
        nearest = s.nearest
        nearestOverlap = s.nearestOverlap
        trajectory = s.states
        energies = s.energies ?? []
    }

    /// Writes the row's numbers: 5 integers (sweeps, status 0 converged / 1 cycle / 2
    /// unconverged, match kind 0 none / 1 memory / 2 inverted, match index or −1, nearest) and 3
    /// reals (energy of the start, of the end, nearest overlap).
    func write(integers: UnsafeMutablePointer<Int32>, measures: UnsafeMutablePointer<Double>) {
        let statusCode: Int32 = status == .converged ? 0 : (status == .cycle ? 1 : 2)
        var kind: Int32 = 0, index: Int32 = -1
        switch match {
        case .memory(let mu): (kind, index) = (1, Int32(mu))
        case .inverted(let mu): (kind, index) = (2, Int32(mu))
        case .none: break
        }
        for (k, v) in [Int32(sweeps), statusCode, kind, index, Int32(nearest)].enumerated() { integers[k] = v }
        for (k, v) in [energyStart, energyEnd, nearestOverlap].enumerated() { measures[k] = v }
    }
}

/// `count` rows of `neurons` values from the caller (`binary` int8 or `reals`), as doubles, after
/// checking the sizes and that the copies (and as much again for results) fit the memory budget.
func copiedRows(
    binary: UnsafePointer<Int8>?, reals: UnsafePointer<Double>?, count: Int, neurons: Int, what: String,
    advice: String
) throws -> [[Double]] {
    let total = try checkedTotal(count, neurons, what)
    let bytes = NetworkFootprint.product(total, 16, 1), budget = MemoryBudget.bytes
    if bytes > budget {
        throw ABIError(
            "\(what): \(count) rows of N = \(neurons) take about \(NetworkFootprint.mebibytes(bytes)) MiB in the engine, more than "
                + "the \(NetworkFootprint.mebibytes(budget)) MiB budget (\(MemoryBudget.variable) sets it): \(advice)")
    }
    guard binary != nil || reals != nil else { throw ABIError("\(what): null pointer") }
    var rows: [[Double]] = []
    rows.reserveCapacity(count)
    for k in 0..<count {
        // Copying gigabytes takes seconds: an interruption is honoured here too.
        if k % 4096 == 0, Interruption.isRequested { throw Problem(.failure, interrupted) }
        if let binary {
            rows.append(UnsafeBufferPointer(start: binary + k * neurons, count: neurons).map(Double.init))
        } else if let reals {
            rows.append(Array(UnsafeBufferPointer(start: reals + k * neurons, count: neurons)))
        }
    }
    return rows
}

/// Starts from the caller: `count` rows of the network's N values, int8 or double. A binary
/// network takes −1, 0 (undecided, a masked pixel) or +1; the modern network any finite reals.
func startRows(
    binary: UnsafePointer<Int8>?, reals: UnsafePointer<Double>?, count: Int, neurons: Int,
    network: StoredNetwork
) throws -> [[Double]] {
    guard neurons >= 0, neurons == network.neurons else { throw ABIError("states have \(neurons) neurons, the network \(network.neurons)") }
    let rows = try copiedRows(
        binary: binary, reals: reals, count: count, neurons: neurons, what: "states", advice: "settle fewer rows at a time")
    var modern: ModernNetwork?
    if case .continuous(let m, _) = network.kind { modern = m }
    let continuous = modern != nil
    for (k, row) in rows.enumerated() {
        if let modern, let problem = modern.startProblem(row) { throw ABIError("state \(k) \(problem)") }
        if !continuous, let i = row.firstIndex(where: { $0 != 1 && $0 != -1 && $0 != 0 }) {
            throw ABIError("state \(k) entry \(i) is \(Format.exact(row[i])): a binary network takes −1, 0 (undecided) or +1")
        }
    }
    return rows
}

/// The stream of each row: `Xoshiro256StarStar(seed: RandomStreams.derive(seed, keys of row k))`,
/// `keysPerRow` keys per row; without keys, row k's single key is k (`RandomStreams.stream(seed, k)`).
func rowStreams(seed: UInt64, keys: UnsafePointer<UInt64>?, keysPerRow: Int, count: Int) throws -> @Sendable (Int) -> Xoshiro256StarStar {
    guard let keys else { return { k in RandomStreams.stream(seed, UInt64(k)) } }
    let total = try checkedTotal(count, keysPerRow, "keys")
    let all = Array(UnsafeBufferPointer(start: keys, count: total))
    return { k in Xoshiro256StarStar(seed: RandomStreams.derive(seed, Array(all[(k * keysPerRow)..<((k + 1) * keysPerRow)]))) }
}

/// Converges every start, on `jobs` threads, through `StoredNetwork.settleAll` (the runner's own
/// path, so the same start and stream give the same result as a run).
func settleRows(
    _ network: StoredNetwork, starts: [[Double]], dynamics: Dynamics, streams: @escaping @Sendable (Int) -> Xoshiro256StarStar,
    jobs: Int
) -> [SettledRow] {
    network.settleAll(
        count: starts.count, jobs: jobs, start: { NetworkState(values: starts[$0]) }, dynamics: { _ in dynamics }, stream: streams,
        keepState: { _ in true }
    ).map(SettledRow.init)
}

/// ``settleRows`` in blocks of starts, stopping between blocks when an ``Interruption`` is
/// requested (Ctrl-C in Python): at most one block's work is waited for. The blocks change
/// nothing in the results (each row has its own stream).
func settleRowsInterruptibly(
    _ network: StoredNetwork, starts: [[Double]], dynamics: Dynamics,
    streams: @escaping @Sendable (Int) -> Xoshiro256StarStar, jobs: Int
) throws -> [SettledRow] {
    let block = max(64, 32 * jobs)
    var rows: [SettledRow] = []
    rows.reserveCapacity(starts.count)
    for low in stride(from: 0, to: starts.count, by: block) {
        if Interruption.isRequested { throw Problem(.failure, interrupted) }
        let part = Array(starts[low..<min(starts.count, low + block)])
        rows += settleRows(network, starts: part, dynamics: dynamics, streams: { streams(low + $0) }, jobs: jobs)
    }
    if Interruption.isRequested { throw Problem(.failure, interrupted) }
    return rows
}

/// Converges `count` starts (row-major, `binary` int8 or `reals`) with the JSON `dynamics` section
/// (`{"mode": "async", "maxSweeps": 100}`), row k with the stream of ``rowStreams``, on `jobs`
/// threads. Writes the final states (count × N doubles), 5 integers and 3 reals per row (see
/// `SettledRow.write`).
@_cdecl("hopfieldlab_network_settle")
public func hopfieldlab_network_settle(
    _ handle: UnsafeMutableRawPointer?, _ binary: UnsafePointer<Int8>?, _ reals: UnsafePointer<Double>?,
    _ count: Int, _ neurons: Int, _ dynamics: UnsafePointer<CChar>?, _ seed: UInt64,
    _ keys: UnsafePointer<UInt64>?, _ keysPerRow: Int, _ jobs: Int,
    _ states: UnsafeMutablePointer<Double>?, _ integers: UnsafeMutablePointer<Int32>?,
    _ measures: UnsafeMutablePointer<Double>?, _ err: ErrorOut
) -> Int32 {
    guarded(err) {
        guard let states, let integers, let measures else { throw ABIError("outputs: null pointer") }
        let network = try NetworkHandle.from(handle).network
        let starts = try startRows(binary: binary, reals: reals, count: count, neurons: neurons, network: network)
        let settings = try Embedding.dynamics(try json(dynamics, "dynamics")).dynamics
        let streams = try rowStreams(seed: seed, keys: keys, keysPerRow: keysPerRow, count: count)
        let rows = try settleRowsInterruptibly(network, starts: starts, dynamics: settings, streams: streams, jobs: max(1, jobs))
        for (k, row) in rows.enumerated() {
            for i in 0..<neurons { states[k * neurons + i] = row.state[i] }
            row.write(integers: integers + 5 * k, measures: measures + 3 * k)
        }
    }
}

/// Converges one start (as hopfieldlab_network_settle with count 1) and records the state and the energy
/// at the start and after every sweep: up to `capacity` rows of N doubles in `trajectory` and
/// `capacity` energies; `*length` receives the number of rows (sweeps + 1).
@_cdecl("hopfieldlab_network_trajectory")
public func hopfieldlab_network_trajectory(
    _ handle: UnsafeMutableRawPointer?, _ binary: UnsafePointer<Int8>?, _ reals: UnsafePointer<Double>?,
    _ neurons: Int, _ dynamics: UnsafePointer<CChar>?, _ seed: UInt64,
    _ keys: UnsafePointer<UInt64>?, _ keysPerRow: Int, _ capacity: Int,
    _ trajectory: UnsafeMutablePointer<Double>?, _ energies: UnsafeMutablePointer<Double>?,
    _ length: UnsafeMutablePointer<Int>?, _ integers: UnsafeMutablePointer<Int32>?,
    _ measures: UnsafeMutablePointer<Double>?, _ err: ErrorOut
) -> Int32 {
    guarded(err) {
        guard let trajectory, let energies, let length, let integers, let measures else { throw ABIError("outputs: null pointer") }
        let network = try NetworkHandle.from(handle).network
        let starts = try startRows(binary: binary, reals: reals, count: 1, neurons: neurons, network: network)
        var settings = try Embedding.dynamics(try json(dynamics, "dynamics")).dynamics
        settings.history = [.energy, .states]
        let streams = try rowStreams(seed: seed, keys: keys, keysPerRow: keysPerRow, count: 1)
        let row = settleRows(network, starts: starts, dynamics: settings, streams: streams, jobs: 1)[0]
        guard row.trajectory.count <= capacity, row.energies.count == row.trajectory.count else {
            throw ABIError("trajectory: \(row.trajectory.count) states for room for \(capacity)")
        }
        for (t, state) in row.trajectory.enumerated() {
            for i in 0..<neurons { trajectory[t * neurons + i] = state[i] }
            energies[t] = row.energies[t]
        }
        length.pointee = row.trajectory.count
        row.write(integers: integers, measures: measures)
    }
}

/// The overlap of a state with each stored memory: m_μ/N for ±1 memories, the cosine for real
/// ones (0 when either is zero), the measure of `Settled.nearestOverlap`.
func overlaps(of state: [Double], in network: StoredNetwork) -> [Double] {
    let n = state.count
    if let memories = network.binaryMemories {
        return (0..<memories.count).map { mu in
            var sum = 0.0
            for i in 0..<n { sum += Double(memories.rows[mu * n + i]) * state[i] }
            return sum / Double(n)
        }
    }
    let memories = network.continuousPatterns!
    let norm = state.reduce(0) { $0 + $1 * $1 }.squareRoot()
    return (0..<memories.count).map { mu in
        var dot = 0.0, own = 0.0
        for i in 0..<n {
            let v = memories.rows[mu * n + i]
            dot += v * state[i]
            own += v * v
        }
        let scale = own.squareRoot() * norm
        return scale > 0 ? dot / scale : 0
    }
}

/// Converges `count` starts (as hopfieldlab_network_settle, the same streams) on `jobs` threads
/// and records, for each, the energy and the overlaps with every memory at the start and after
/// every sweep: the final states (count × N doubles), `energies` count × `capacity` doubles, `overlaps` count × `capacity` × P doubles
/// (NaN after a row's `lengths[k]` = sweeps + 1 entries), and the 5 integers and 3 reals of
/// `SettledRow.write` per row. The states along the way are not kept.
@_cdecl("hopfieldlab_network_trajectories")
public func hopfieldlab_network_trajectories(
    _ handle: UnsafeMutableRawPointer?, _ binary: UnsafePointer<Int8>?, _ reals: UnsafePointer<Double>?,
    _ count: Int, _ neurons: Int, _ dynamics: UnsafePointer<CChar>?, _ seed: UInt64,
    _ keys: UnsafePointer<UInt64>?, _ keysPerRow: Int, _ jobs: Int, _ capacity: Int,
    _ states: UnsafeMutablePointer<Double>?, _ energies: UnsafeMutablePointer<Double>?, _ overlapsOut: UnsafeMutablePointer<Double>?,
    _ lengths: UnsafeMutablePointer<Int>?, _ integers: UnsafeMutablePointer<Int32>?,
    _ measures: UnsafeMutablePointer<Double>?, _ err: ErrorOut
) -> Int32 {
    guarded(err) {
        guard let states, let energies, let overlapsOut, let lengths, let integers, let measures else {
            throw ABIError("outputs: null pointer")
        }
        let h = try NetworkHandle.from(handle)
        let starts = try startRows(binary: binary, reals: reals, count: count, neurons: neurons, network: h.network)
        var recorded = try Embedding.dynamics(try json(dynamics, "dynamics")).dynamics
        recorded.history = [.energy, .states]
        let settings = recorded
        let streams = try rowStreams(seed: seed, keys: keys, keysPerRow: keysPerRow, count: count)
        let p = h.network.memoryCount
        _ = try checkedTotal(try checkedTotal(count, capacity, "trajectories"), p, "overlaps")
        let rows = parallelMap(count: count, jobs: max(1, jobs)) { k -> (SettledRow, [[Double]])? in
            if Interruption.isRequested { return nil }
            var row = settleRows(h.network, starts: [starts[k]], dynamics: settings, streams: { _ in streams(k) }, jobs: 1)[0]
            let measured = row.trajectory.map { overlaps(of: $0, in: h.network) }
            row.trajectory = []
            return (row, measured)
        }
        if Interruption.isRequested { throw Problem(.failure, interrupted) }
        for (k, (row, measured)) in rows.compactMap({ $0 }).enumerated() {
            guard measured.count <= capacity else { throw ABIError("trajectory \(k): \(measured.count) states for room for \(capacity)") }
            for t in 0..<capacity {
                energies[k * capacity + t] = t < measured.count ? row.energies[t] : .nan
                for mu in 0..<p { overlapsOut[(k * capacity + t) * p + mu] = t < measured.count ? measured[t][mu] : .nan }
            }
            lengths[k] = measured.count
            for i in 0..<neurons { states[k * neurons + i] = row.state[i] }
            row.write(integers: integers + 5 * k, measures: measures + 3 * k)
        }
    }
}
