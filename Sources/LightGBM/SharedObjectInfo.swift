#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `dladdr`, which Swift's Glibc module hides (it is a GNU extension), looked up at run time.
enum SharedObjectInfo {
    /// The C `Dl_info` layout: four pointer-sized fields.
    private struct DlInfo {
        var fileName: UnsafePointer<CChar>? = nil
        var fileBase: UnsafeMutableRawPointer? = nil
        var symbolName: UnsafePointer<CChar>? = nil
        var symbolAddress: UnsafeMutableRawPointer? = nil
    }

    private typealias Dladdr = @convention(c) (UnsafeRawPointer?, UnsafeMutableRawPointer?) -> Int32

    /// The path of the loaded file that holds `address`, nil when the loader cannot say.
    static func file(containing address: UnsafeRawPointer) -> String? {
        // A nil handle is RTLD_DEFAULT: search the global scope, where libc's dladdr lives.
        guard let symbol = dlsym(nil, "dladdr") else { return nil }
        let dladdr = unsafeBitCast(symbol, to: Dladdr.self)
        var info = DlInfo()
        let found = withUnsafeMutableBytes(of: &info) { dladdr(address, $0.baseAddress) }
        guard found != 0, let name = info.fileName else { return nil }
        return String(cString: name)
    }
}
