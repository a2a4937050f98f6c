/// What LightGBM answers when it is asked for a device (`device_type=gpu` or `cuda`) its build
/// cannot use: the PyPI wheel has the OpenCL learner but no CUDA one, and OpenCL needs a device.
/// Such a failure repeats on every window, so a batch stops at the first.
public enum DeviceSupport {
    static let markers = [
        "No OpenCL device found",
        "GPU Tree Learner was not enabled",
        "CUDA Tree Learner was not enabled",
    ]

    /// True when `message` (LightGBM's error text) says the device is not available to this library.
    public static func isMissing(in message: String) -> Bool {
        markers.contains { message.contains($0) }
    }

    /// How to train on a GPU after all.
    public static let remedy =
        "point LIGHTGBM_LIB at a LightGBM \(LightGBMLibrary.pinnedVersion) built with GPU (OpenCL) or CUDA support on a machine with that device, "
        + "or drop --param device_type (docs/gpu.md)"
}

extension LightGBMError {
    /// The loaded library cannot use the device the parameters ask for.
    public var isDeviceUnsupported: Bool {
        if case .call(_, let message) = self { return DeviceSupport.isMissing(in: message) }
        return false
    }
}
