import Foundation
import Testing

@testable import Experiments
@testable import Hopfield

/// The checks made before a network is built or settled (issues 19 and 23): a refusal with a
/// message where the engine would trap or fail to allocate.
@Suite struct BuildSafetyTests {
    static let gib = 1 << 30

    /// The footprint of `rule` storing `p` patterns of `n` values.
    static func footprint(_ rule: any RuleDefinition, neurons n: Int, memories p: Int) -> NetworkFootprint {
        NetworkFootprint(neurons: n, memories: p, rule: rule.footprint(neurons: n, memories: p))
    }

    @Test func footprintsGrowWithTheRulesOwnStructures() {
        let perceptron = Self.footprint(PerceptronRule(), neurons: 100_000, memories: 2)
        #expect(perceptron.bytes >= 8 * 100_000 * 100_000)
        var rbm = RBMRule()
        rbm.options.hidden = 100_000
        #expect(Self.footprint(rbm, neurons: 784, memories: 10).bytes >= 3 * 8 * 784 * 100_000)
        #expect(Self.footprint(PseudoinverseRule(), neurons: 50, memories: 30_000).bytes >= 12 * 30_000 * 30_000)
        #expect(Self.footprint(HebbianRule(), neurons: 1_000_000_000, memories: 1).bytes >= 20 * 1_000_000_000)
        #expect(Self.footprint(StorkeyRule(), neurons: 8192, memories: 10).bytes >= 8192 * 8192 * 8)
        // A digits-sized network is small.
        #expect(Self.footprint(HebbianRule(), neurons: 784, memories: 10).bytes < 1 << 24)
    }

    @Test func absurdSizesSaturateInsteadOfOverflowing() {
        let huge = Self.footprint(PerceptronRule(), neurons: Int.max / 2, memories: Int.max / 2)
        #expect(huge.bytes == Int.max)
        #expect(NetworkFootprint.product(1 << 40, 1 << 30, 8) == Int.max)
        #expect(NetworkFootprint.sum(Int.max, 1) == Int.max)
        let message = huge.problem(rule: "perceptron", neurons: Int.max / 2, memories: 1, budget: Self.gib)
        #expect(message?.contains("needs more than") == true)
    }

    @Test func theProblemNamesTheSizesTheStructureAndTheBudget() {
        let footprint = Self.footprint(PerceptronRule(), neurons: 100_000, memories: 2)
        let message = footprint.problem(rule: "perceptron", neurons: 100_000, memories: 2, budget: 8 * Self.gib)
        #expect(
            message == "perceptron with P = 2, N = 100000 needs about 76294 MiB (N×N Int32 couplings (two copies)), more than the 8192 MiB "
                + "budget of this process (half the memory it may use; HOPFIELDLAB_MEMORY_LIMIT sets it): use fewer or smaller patterns")
        #expect(footprint.problem(rule: "perceptron", neurons: 100_000, memories: 2, budget: Int.max) == nil)
    }

    @Test func storkeysLimitIsOneHelperForConfigsAndThePythonPackage() {
        #expect(StorkeyRule().sizeLimit(neurons: 8192) == nil)
        #expect(
            StorkeyRule().sizeLimit(neurons: 16384)
                == "storkey builds an N×N matrix: N = 16384 needs 2048 MiB; use N ≤ 8192")
        #expect(HebbianRule().sizeLimit(neurons: 1 << 40) == nil)
        #expect(throws: ConfigError.self) {
            try StoredNetwork.checkBuildable(StorkeyRule(), neurons: 16384, memories: 1, continuous: false)
        }
    }

    @Test func damIsRefusedBeforeAnythingIsBuilt() {
        do {
            try StoredNetwork.checkBuildable(DamRule(), neurons: 100, memories: 5, continuous: false)
            Issue.record("dam was accepted")
        } catch {
            #expect(error.path == "network.rule")
            #expect(error.message.hasPrefix("dam is a trained classifier"))
            #expect(error.message.contains("classify task"))
        }
        let row: [Int8] = [1, -1, 1, -1]
        #expect(throws: ConfigError.self) {
            _ = try StoredNetwork(rule: DamRule(), patterns: [.binary(row, BinaryPattern(row))], tolerance: 0)
        }
        #expect(throws: ConfigError.self) { _ = try StoredNetwork(rule: HebbianRule(), patterns: [], tolerance: 0) }
    }

    @Test func theBudgetIsReadFromTheEnvironmentTextOrTheMachine() {
        #expect(MemoryBudget.parse("8G") == 8 * Self.gib)
        #expect(MemoryBudget.parse("512m") == 512 << 20)
        #expect(MemoryBudget.parse("1073741824") == Self.gib)
        #expect(MemoryBudget.parse("99999999T") == Int.max)
        #expect(MemoryBudget.parse("-1") == nil)
        #expect(MemoryBudget.parse("lots") == nil)
        #expect(MemoryBudget.parse("") == nil)
        if ProcessInfo.processInfo.environment[MemoryBudget.variable] == nil {
            #expect(MemoryBudget.bytes > 0)
            #expect(MemoryBudget.bytes <= Int(clamping: ProcessInfo.processInfo.physicalMemory) / 2)
        }
    }

    @Test func modernMemoriesMustBeFiniteAndSmallEnoughToOverlap() {
        #expect(ModernNetwork.memoryProblem([[0.5, -1], [1, 1]]) == nil)
        #expect(ModernNetwork.memoryProblem([[0.5, .nan]]) == "memory 0 entry 1 is nan, expected a finite number")
        #expect(ModernNetwork.memoryProblem([[1, 1], [1e307, 1e307]])?.hasPrefix("memory 1 is too large for the modern network") == true)
    }

    @Test func modernStartsThatWouldOverflowAreRefused() {
        let network = ModernNetwork(memories: ContinuousMemories([[0.5, -1, 1], [1, 1, -0.25]]), beta: 1)
        #expect(network.startProblem([1, 1, 1]) == nil)
        #expect(network.startProblem([1e150, -1e150, 0]) == nil)
        #expect(network.startProblem([1, .infinity, 1]) == "entry 1 is inf, expected a finite number")
        #expect(network.startProblem([1e307, 1e307, -1e307])?.hasPrefix("is too large for the modern network") == true)
        #expect(network.startProblem([1e154, 1e154, 1e154])?.hasPrefix("is too large") == true)
        // What passes settles without a trap, to finite energies.
        let settled = network.settle(from: [1e150, -1e150, 0], maxSteps: 10)
        #expect(settled.convergence.energyEnd.isFinite)
        let binary = ModernNetwork(binary: Memories([[1, -1, 1, 1], [-1, -1, 1, 1]]), beta: 1)
        #expect(binary.largestNorm == 2)
        #expect(binary.startProblem([1e307, 1e307, 1e307, 1e307]) != nil)
    }
}
