/// Honest batch status and the exit code that follows it.
public enum StatusPolicy {
    /// `completed`: no failures; `partial`: failures within the threshold; `failed`: over it.
    /// The rate is failed / attempted windows: skips are decided before training and excluded.
    /// A batch that trained nothing at all is `failed` whatever the reason: no model is no success.
    public static func status(succeeded: Int, failed: Int, maxFailureRate: Double, interrupted: Bool) -> BatchStatus {
        if interrupted { return .interrupted }
        if succeeded == 0 { return .failed }
        if failed == 0 { return .completed }
        let rate = Double(failed) / Double(succeeded + failed)
        return rate <= maxFailureRate ? .partial : .failed
    }

    public static func exitCode(for status: BatchStatus) -> Int32 {
        switch status {
        case .completed, .partial: 0
        case .failed: 1
        case .interrupted, .running: 130
        }
    }
}
