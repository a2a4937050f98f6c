import Batch

/// Status colours, chosen to stay distinguishable in greyscale print as well (dark green,
/// light amber, dark red, light grey); the grid also marks failed and skipped cells with a stroke.
enum OutcomePalette {
    static func color(_ status: WindowStatus) -> String {
        switch status {
        case .success: "#2e7d32"
        case .skipped: "#f2b705"
        case .failed: "#c62828"
        case .pending: "#c9ccd1"
        case .running: "#5c6bc0"
        }
    }

    static let legendOrder: [WindowStatus] = [.success, .skipped, .failed, .pending, .running]

    static let histogramFill = "#3f6fb5"
}
