import IMAPProtocol

/// IMAP connections over SwiftNIO and NIOSSL.
public enum IMAPClientModule {}
