import Foundation

/// Sessions the sandbox has issued through `customerdetails`, keyed by the `X-SessionToken`
/// header value a client will send (base64 of `user_id:session_key`).
actor SandboxSessions {
    static let userID = "SANDBOX1"
    private var issued: Set<String> = []
    private var counter: UInt64 = 0

    /// Issues a session; returns the base64 `session_token` for the customerdetails answer.
    func issue() -> String {
        counter += 1
        let sessionKey = String(format: "%08d", 40_000_000 + counter)
        let token = Data("\(Self.userID):\(sessionKey)".utf8).base64EncodedString()
        issued.insert(token)
        return token
    }

    func isValid(headerToken: String?) -> Bool {
        guard let headerToken else { return false }
        return issued.contains(headerToken)
    }
}
