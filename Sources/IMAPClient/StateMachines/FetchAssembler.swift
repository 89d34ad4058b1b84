import IMAPProtocol
import NIOCore

/// Collects the events of FETCH responses into whole ``FetchedAttributes`` (for metadata and small
/// sections; bodies of any size go through ``BodyFetchStateMachine`` instead).
struct FetchAssembler {
    private var current: FetchedAttributes?
    private var section: FetchedSection?
    /// The most bytes of one section kept in memory.
    let maxSectionBytes: Int

    init(maxSectionBytes: Int = 64 * 1024 * 1024) {
        self.maxSectionBytes = maxSectionBytes
    }

    /// Takes one event; returns the message when its response is complete.
    mutating func receive(_ event: FetchEvent) throws(IMAPError) -> FetchedAttributes? {
        switch event {
        case .start(let number):
            current = FetchedAttributes(sequenceNumber: number)
        case .attribute(let attribute):
            current?.attributes.append(attribute)
        case .streamingBegin(let kind, let count):
            guard count <= maxSectionBytes else {
                throw IMAPError(.usage, "a body section of \(count) bytes is too large to hold in memory; stream it")
            }
            section = FetchedSection(kind: kind, bytes: [])
            section?.bytes.reserveCapacity(count)
        case .streamingBytes(let bytes):
            section?.bytes.append(contentsOf: bytes.readableBytesView)
        case .streamingEnd:
            if let section { current?.sections.append(section) }
            section = nil
        case .finish:
            defer { current = nil }
            return current
        }
        return nil
    }
}
