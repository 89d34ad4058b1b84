// Tests for IMAPClient live in this folder, mirroring Sources/IMAPClient/.
