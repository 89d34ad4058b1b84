// Tests for IMAPProtocol live in this folder, mirroring Sources/IMAPProtocol/.
