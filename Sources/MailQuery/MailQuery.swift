/// The Cairn query language.
public enum MailQueryModule {}
