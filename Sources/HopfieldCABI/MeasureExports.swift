import Experiments
import Hopfield

/// The energy of a state as its runs report it (``StoredNetwork/energy(of:)``): the rule's E on
/// the J = XᵀX/N scale for binary networks, the modern network's E(s), an RBM's free energy.
func energy(of state: [Double], in network: StoredNetwork) -> Double { network.energy(of: state) }

/// Writes the energy of each of `count` states (row-major, `binary` int8 or `reals`; the values a
/// start may have, see hopfieldlab_network_settle) into `energies`.
@_cdecl("hopfieldlab_network_energy")
public func hopfieldlab_network_energy(
    _ handle: UnsafeMutableRawPointer?, _ binary: UnsafePointer<Int8>?, _ reals: UnsafePointer<Double>?,
    _ count: Int, _ neurons: Int, _ energies: UnsafeMutablePointer<Double>?, _ err: ErrorOut
) -> Int32 {
    guarded(err) {
        guard let energies else { throw ABIError("energies: null pointer") }
        let network = try NetworkHandle.from(handle).network
        let rows = try startRows(binary: binary, reals: reals, count: count, neurons: neurons, network: network)
        for (k, row) in rows.enumerated() { energies[k] = energy(of: row, in: network) }
    }
}

/// Writes the N×N couplings W of a pairwise binary network (hebbian, storkey, pseudoinverse,
/// perceptron, conv), row-major, W_ii as the rule has it, on the scale its energies are reported
/// on (Hebbian: XᵀX/N, see ``StoredNetwork/energyDivisor``). Dense, modern and RBM networks have no
/// such matrix: an error.
@_cdecl("hopfieldlab_network_weights")
public func hopfieldlab_network_weights(_ handle: UnsafeMutableRawPointer?, _ weights: UnsafeMutablePointer<Double>?, _ err: ErrorOut)
    -> Int32
{
    guarded(err) {
        guard let weights else { throw ABIError("weights: null pointer") }
        let h = try NetworkHandle.from(handle)
        let n = h.network.neurons
        guard case .binary(let box) = h.network.kind, box.weightRow(0) != nil else {
            throw ABIError("the \(h.section.rule.name) network has no pairwise weight matrix")
        }
        for i in 0..<n {
            let row = box.weightRow(i)!
            for j in 0..<n { weights[i * n + j] = row[j] / h.network.energyDivisor }
        }
    }
}
