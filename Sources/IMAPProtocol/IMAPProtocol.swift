/// IMAP wire grammar: command encoding and an incremental response parser. No I/O.
public enum IMAPProtocolModule {}
