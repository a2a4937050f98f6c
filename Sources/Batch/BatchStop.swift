import LightGBM

/// Failures that every later window of the batch would repeat, so the batch stops at the first
/// instead of failing them all: the loaded LightGBM cannot use the device the parameters name.
/// The windows not started stay pending; `--resume` trains them once the library is fixed.
public enum BatchStop {
    public static func reason(_ window: WindowRecord) -> String? {
        guard window.status == .failed, window.failureClass == .modelError, let reason = window.reason,
              DeviceSupport.isMissing(in: reason) else { return nil }
        return "\(window.label) failed with \(reason); every window would fail the same way, so no other window was started"
    }
}
