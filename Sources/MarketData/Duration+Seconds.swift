extension Duration {
    /// The duration as seconds (what every timing figure in the tool is reported in).
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
