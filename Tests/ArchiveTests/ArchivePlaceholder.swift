// Tests for Archive live in this folder, mirroring Sources/Archive/.
