import Foundation

/// Replaces any secret value found in a server message before it becomes part of an error.
struct SecretRedactor: Sendable {
    let secrets: [String]

    func scrub(_ text: String) -> String {
        secrets.filter { $0.count >= 4 }.reduce(text) { $0.replacingOccurrences(of: $1, with: "<redacted>") }
    }
}

