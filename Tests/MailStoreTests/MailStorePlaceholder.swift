// Tests for MailStore live in this folder, mirroring Sources/MailStore/.
