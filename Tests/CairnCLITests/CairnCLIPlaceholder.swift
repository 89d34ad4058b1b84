// Tests for CairnCLI live in this folder, mirroring Sources/CairnCLI/.
