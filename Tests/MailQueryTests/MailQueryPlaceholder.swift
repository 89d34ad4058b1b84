// Tests for MailQuery live in this folder, mirroring Sources/MailQuery/.
