// Tests for MIME live in this folder, mirroring Sources/MIME/.
