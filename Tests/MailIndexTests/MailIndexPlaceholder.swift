// Tests for MailIndex live in this folder, mirroring Sources/MailIndex/.
