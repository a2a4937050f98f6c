import Foundation

/// One place to look for `lib_lightgbm.so`.
public enum LibraryCandidate: Equatable, Sendable, CustomStringConvertible {
    /// A path to the library file.
    case file(String)
    /// A bare file name left to the system loader's own search (`LD_LIBRARY_PATH`, ld.so.cache).
    case systemLoader(String)

    public static let libraryFileName = "lib_lightgbm.so"
    /// Where `make setup` links the pinned library, relative to the project root.
    public static let projectInstallPath = ".deps/lib/lib_lightgbm.so"

    public var description: String {
        switch self {
        case .file(let path): path
        case .systemLoader(let name): "system loader (\(name))"
        }
    }

    /// The search order: `LIGHTGBM_LIB` alone when it is set (an explicit choice is honoured
    /// exclusively, so a wrong path is reported instead of silently replaced); otherwise every
    /// existing `.deps/lib/lib_lightgbm.so` above the executable's directory and above the
    /// current directory, then the system loader.
    public static func defaultSearchOrder(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executableDirectory: URL? = runningExecutableDirectory(),
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) -> [LibraryCandidate] {
        if let explicit = environment["LIGHTGBM_LIB"], !explicit.isEmpty {
            return [.file(explicit)]
        }
        var found: [LibraryCandidate] = []
        for start in [executableDirectory, currentDirectory].compactMap({ $0 }) {
            for directory in ancestors(of: start) {
                let candidate = directory.appendingPathComponent(projectInstallPath).path
                if FileManager.default.fileExists(atPath: candidate), !found.contains(.file(candidate)) {
                    found.append(.file(candidate))
                }
            }
        }
        return found + [.systemLoader(libraryFileName)]
    }

    /// `directory` and each of its parents up to the filesystem root.
    static func ancestors(of directory: URL) -> [URL] {
        var out: [URL] = []
        var current = directory.standardizedFileURL
        while true {
            out.append(current)
            let parent = current.deletingLastPathComponent().standardizedFileURL
            if parent.path == current.path { return out }
            current = parent
        }
    }

    public static func runningExecutableDirectory() -> URL? {
        let procSelf = URL(fileURLWithPath: "/proc/self/exe")
        if FileManager.default.fileExists(atPath: procSelf.path) {
            return procSelf.resolvingSymlinksInPath().deletingLastPathComponent()
        }
        return Bundle.main.executableURL?.deletingLastPathComponent()
    }
}
