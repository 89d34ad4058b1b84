import GRDB

/// The SQLite store: the source of truth.
public enum MailStoreModule {}
