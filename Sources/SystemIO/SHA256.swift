import Crypto

/// SHA-256 for manifest checksums and artifact fingerprints, as lowercase hex: swift-crypto's
/// (BoringSSL), one implementation fewer to keep correct than our own.
public enum SHA256 {
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digest = Crypto.SHA256.hash(data: Array(bytes))
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    public static func hex(_ text: String) -> String { hex(Array(text.utf8)) }
}
