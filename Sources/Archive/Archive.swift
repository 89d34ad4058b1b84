import IMAPClient
import MIME
import MailIndex
import MailStore

/// The archive engine.
public enum ArchiveModule {}
