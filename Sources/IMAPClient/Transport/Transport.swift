import NIOCore
import NIOSSL

/// The byte pipe of one connection: reads with deadlines (without closing the channel when one passes),
/// writes, STARTTLS and COMPRESS=DEFLATE. Used by one task at a time.
final class Transport {
    let channel: Channel
    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var inflater: Inflater?
    private var deflater: Deflater?
    private let host: String

    /// Whether COMPRESS=DEFLATE is active.
    var isCompressed: Bool { inflater != nil }
    /// The most compressed bytes held at once waiting to be inflated (0 without COMPRESS).
    var peakCompressedBytes: Int { inflater?.peakPendingBytes ?? 0 }

    init(channel: Channel, inbound: NIOAsyncChannelInboundStream<ByteBuffer>,
         outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, host: String) {
        self.channel = channel
        self.inbound = inbound.makeAsyncIterator()
        self.outbound = outbound
        self.host = host
    }

    /// What a read does when its task is cancelled.
    enum CancellationMode {
        /// Throw `CancellationError`.
        case `throw`
        /// Return nil, as when the deadline passes (the caller cleans up, then throws).
        case returnNil
        /// Keep waiting until the deadline (cleanup after a cancellation).
        case ignore
    }

    /// The next bytes from the server, or nil when `deadline` passes first. Throws an ``IMAPError`` when the
    /// connection closes or fails, and `CancellationError` when the task is cancelled (see `cancellation`).
    func read(deadline: NIODeadline, cancellation: CancellationMode = .throw) async throws -> ByteBuffer? {
        if let inflater, inflater.hasPendingInput {
            let output = try inflater.next()
            if output.readableBytes > 0 { return output }
        }
        while true {
            if Task.isCancelled {
                switch cancellation {
                case .throw: throw CancellationError()
                case .returnNil: return nil
                case .ignore: break
                }
            }
            if NIODeadline.now() >= deadline { return nil }
            let channel = self.channel
            let wakeup = channel.eventLoop.scheduleTask(deadline: deadline) {
                channel.pipeline.fireUserInboundEventTriggered(WakeupHandler.Wakeup())
            }
            defer { wakeup.cancel() }
            let received: ByteBuffer?
            do {
                received = try await withTaskCancellationHandler {
                    try await inbound.next()
                } onCancel: {
                    if cancellation != .ignore { channel.pipeline.fireUserInboundEventTriggered(WakeupHandler.Wakeup()) }
                }
            } catch {
                throw TransportErrors.map(error, host: host)
            }
            guard let bytes = received else {
                if Task.isCancelled && cancellation == .throw { throw CancellationError() }
                throw IMAPError(.connection, "the server closed the connection")
            }
            if bytes.readableBytes == 0 { continue }  // a wakeup
            guard let inflater else { return bytes }
            inflater.feed(bytes)
            let output = try inflater.next()
            if output.readableBytes > 0 { return output }
        }
    }

    /// Sends bytes (compressed when COMPRESS is on).
    func write(_ bytes: ByteBuffer) async throws {
        let wire = try deflater?.compress(bytes) ?? bytes
        do {
            try await outbound.write(wire)
        } catch {
            // The channel may have closed because of an error the inbound side knows better (a failed TLS
            // handshake): prefer that one.
            let writeError = TransportErrors.map(error, host: host)
            do {
                _ = try await read(deadline: .now() + .seconds(2), cancellation: .ignore)
            } catch let readError as IMAPError where readError.category == .tls {
                throw readError
            } catch {}
            throw writeError
        }
    }

    /// Puts TLS in front of everything (after the server's OK to STARTTLS).
    func startTLS(context: NIOSSLContext, serverHostname: String?) async throws {
        let channel = self.channel
        do {
            try await channel.eventLoop.submit {
                let handler = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
                try channel.pipeline.syncOperations.addHandler(handler, position: .first)
            }.get()
        } catch {
            throw TransportErrors.map(error, host: host)
        }
    }

    /// Compresses both directions from now on; `leftover` (bytes read after the server's OK) was already
    /// compressed and is decompressed first.
    func startCompression(leftover: inout ByteBuffer) throws(IMAPError) {
        let inflater = try Inflater()
        self.deflater = try Deflater()
        self.inflater = inflater
        if leftover.readableBytes > 0 {
            inflater.feed(leftover)
            leftover = ByteBuffer()
        }
    }

    /// Closes the channel (idempotent).
    func close() async {
        outbound.finish()
        try? await channel.close()
    }
}
