import Foundation

/// A live session: the user id and session key `customerdetails` returned.
struct BreezeSession: Sendable {
    let userID: String
    let sessionKey: String

    /// Decodes `customerdetails`' `session_token` (base64 of `user_id:session_key`).
    init?(base64Token: String) {
        guard let data = Data(base64Encoded: base64Token),
              let text = String(data: data, encoding: .ascii),
              let colon = text.firstIndex(of: ":")
        else { return nil }
        userID = String(text[..<colon])
        sessionKey = String(text[text.index(after: colon)...])
    }

    /// The `X-SessionToken` header value of v2 requests.
    var headerToken: String { Data("\(userID):\(sessionKey)".utf8).base64EncodedString() }
}
