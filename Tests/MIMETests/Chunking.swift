import NIOCore

/// Re-feeding the same input in different chunkings: whole, one byte at a time, and random sizes
/// from a seeded generator, so a failure is reproducible.
enum Chunking: CustomStringConvertible, CaseIterable {
    case whole
    case bytes
    case random1
    case random2
    case random3

    /// The input cut into chunks.
    func split(_ input: [UInt8]) -> [ByteBuffer] {
        switch self {
        case .whole:
            return [ByteBuffer(bytes: input)]
        case .bytes:
            return input.map { ByteBuffer(bytes: [$0]) }
        case .random1, .random2, .random3:
            let seed: UInt64 = self == .random1 ? 1 : self == .random2 ? 2 : 3
            var generator = SeededGenerator(seed: seed &* 7919 &+ UInt64(input.count))
            var chunks: [ByteBuffer] = []
            var index = 0
            while index < input.count {
                let size = Int.random(in: 1...97, using: &generator)
                let end = min(index + size, input.count)
                chunks.append(ByteBuffer(bytes: input[index..<end]))
                index = end
            }
            return chunks
        }
    }

    var description: String {
        switch self {
        case .whole: return "whole"
        case .bytes: return "one byte at a time"
        case .random1: return "random 1"
        case .random2: return "random 2"
        case .random3: return "random 3"
        }
    }
}

/// SplitMix64: a small deterministic generator for reproducible tests.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension ByteBuffer {
    /// The readable bytes.
    var bytes: [UInt8] { Array(readableBytesView) }
}
