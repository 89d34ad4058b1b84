extension Duration {
    /// The duration in seconds, as `Date` and Dispatch deadlines take it.
    var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
