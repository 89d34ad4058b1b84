import IMAPProtocol
import NIOCore

/// Feeds bytes to a ``ResponseParser`` in chunks and collects its events, joining the `streamingBytes`
/// of one section so that results do not depend on where chunks were cut.
struct ParseHarness {
    enum Outcome: Equatable {
        /// Events, and the bytes left unconsumed at the end.
        case events([ResponseEvent], leftover: String)
        /// The parser threw.
        case failure(String)
    }

    /// Parses `input` fed in chunks of the given sizes (cycled); the whole input at once when empty.
    static func run(_ input: [UInt8], chunkSizes: [Int] = [], options: ResponseParserOptions = .init()) -> Outcome {
        var parser = ResponseParser(options: options)
        var buffer = ByteBuffer()
        var events: [ResponseEvent] = []
        var position = 0
        var chunkIndex = 0
        do {
            repeat {
                let size = chunkSizes.isEmpty ? input.count : chunkSizes[chunkIndex % chunkSizes.count]
                chunkIndex += 1
                let end = min(input.count, position + max(size, 1))
                buffer.writeBytes(input[position..<end])
                position = end
                while let event = try parser.next(buffer: &buffer) {
                    append(event, to: &events)
                }
            } while position < input.count
        } catch {
            return .failure(String(describing: error))
        }
        return .events(events, leftover: String(decoding: buffer.readableBytesView, as: UTF8.self))
    }

    static func run(_ text: String, chunkSizes: [Int] = [], options: ResponseParserOptions = .init()) -> Outcome {
        run(Array(text.utf8), chunkSizes: chunkSizes, options: options)
    }

    private static func append(_ event: ResponseEvent, to events: inout [ResponseEvent]) {
        if case .fetch(.streamingBytes(var bytes)) = event, case .fetch(.streamingBytes(var previous))? = events.last {
            previous.writeBuffer(&bytes)
            events[events.count - 1] = .fetch(.streamingBytes(previous))
            return
        }
        events.append(event)
    }
}

/// A deterministic pseudo-random generator for reproducible chunkings.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
