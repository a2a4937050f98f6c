import Foundation

/// Number and duration text shared by the renderers (POSIX formatting, no locale).
enum Formatting {
    /// `8.33%`: two decimals, so a rate just under a threshold never prints as equal to it.
    static func percent(_ fraction: Double) -> String { String(format: "%.2f%%", fraction * 100) }

    static func fixed(_ x: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", x) }

    /// `576.00 s`, or `0.004 s` below a tenth of a second.
    static func seconds(_ s: Double) -> String { s < 0.1 ? String(format: "%.3f s", s) : String(format: "%.2f s", s) }

    /// `09:36`, or `1:02:03` from an hour up (whole seconds).
    static func clock(_ s: Double) -> String {
        let total = Int(s.rounded())
        let (h, m, sec) = (total / 3600, (total / 60) % 60, total % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, sec) : String(format: "%02d:%02d", m, sec)
    }

    static func ratio(_ part: Int, _ whole: Int) -> String { "\(part)/\(whole)" }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    static func optional(_ x: Double?, _ decimals: Int) -> String { x.map { fixed($0, decimals) } ?? "n/a" }
}
