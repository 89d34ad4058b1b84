/// The streaming MIME decoder. No I/O.
public enum MIMEModule {}
