/// Helpers over the sorted list of an index's row ids.
enum IndexRows {
    /// The index of `row` in the ascending `rows`, if present.
    static func position(of row: Int64, in rows: [Int64]) -> Int? {
        var low = 0, high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[middle] < row { low = middle + 1 } else { high = middle }
        }
        return low < rows.count && rows[low] == row ? low : nil
    }

    /// Two lowercase hex digits.
    static func hexByte(_ value: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[(value >> 4) & 15], digits[value & 15]])
    }
}
