import MarketData

/// Why Breeze refused a session.
public enum BreezeAuthProblem: String, Sendable, Equatable {
    /// `customerdetails` said "Invalid session.": the session token is wrong.
    case invalidSession
    /// `customerdetails` said "Resource not available.": the session token has expired (they last one day).
    case expiredSession
    /// `customerdetails` said "Public Key does not exist.": the API key is not a registered app.
    case unknownAppKey
    /// The historical endpoint refused the session headers.
    case sessionRejected
}

/// Every way a Breeze call can fail. Messages never contain credentials.
public enum BreezeError: ClassifiedError, Equatable {
    case missingCredentials(variables: [String])
    case auth(BreezeAuthProblem, serverMessage: String)
    /// Status 5 "Limit exceed": the day's API calls are spent.
    case quota(serverMessage: String)
    /// Too many requests; retry after the delay when the server gives one.
    case rateLimited(retryAfterSeconds: Double?)
    /// Connection failure, timeout, a 5xx answer, or a 2xx body that is not a Breeze answer.
    case transient(String)
    /// The answer held no candles for the request.
    case noData
    /// The server rejected the parameters (a body Status 4xx), or the URL (HTTP 404 and other 4xx).
    case invalidRequest(String)
    /// A Breeze answer whose payload could not be decoded.
    case malformedAnswer(String)

    public var failureClass: FailureClass {
        switch self {
        case .missingCredentials, .auth: .auth
        case .quota: .quota
        case .rateLimited, .transient: .transient
        case .noData: .dataMissing
        case .invalidRequest: .invalidInput
        case .malformedAnswer: .internal
        }
    }

    public var retryAfterSeconds: Double? {
        if case .rateLimited(let seconds) = self { return seconds }
        return nil
    }

    public var description: String {
        switch self {
        case .missingCredentials(let variables):
            "Breeze credentials missing: set \(variables.joined(separator: ", ")) in the environment or in .env"
        case .auth(.invalidSession, let m): "Breeze rejected the session token (\(m))"
        case .auth(.expiredSession, let m): "Breeze session token has expired (\(m))"
        case .auth(.unknownAppKey, let m): "Breeze does not know this API key (\(m))"
        case .auth(.sessionRejected, let m): "Breeze refused the session for historical data (\(m))"
        case .quota(let m): "Breeze daily API call limit reached (\(m))"
        case .rateLimited(let s): "Breeze rate limit hit" + (s.map { ", retry after \($0)s" } ?? "")
        case .transient(let m): "Breeze request failed: \(m)"
        case .noData: "Breeze returned no data for the request"
        case .invalidRequest(let m): "Breeze rejected the request: \(m)"
        case .malformedAnswer(let m): "Breeze answer could not be read: \(m)"
        }
    }

    public var remedy: Remedy? { remedyText.map(Remedy.advice) ?? credentialsRemedy }

    private var credentialsRemedy: Remedy? {
        guard case .missingCredentials = self else { return nil }
        return .breezeCredentials(variables: BreezeCredentials.variableNames)
    }

    private var remedyText: String? {
        let login = "log in at https://api.icicidirect.com/apiuser/login?api_key=<your key>, copy the api_session value into \(BreezeCredentials.sessionTokenVariable), and rerun"
        switch self {
        case .missingCredentials: return nil
        case .auth(.invalidSession, _), .auth(.sessionRejected, _): return "check \(BreezeCredentials.sessionTokenVariable): " + login
        case .auth(.expiredSession, _): return "session tokens expire daily: " + login
        case .auth(.unknownAppKey, _): return "check \(BreezeCredentials.apiKeyVariable) against the app registered at https://api.icicidirect.com/apiuser/home"
        case .quota: return "the daily call budget resets at midnight IST; rerun the same command then and it resumes where it stopped"
        case .rateLimited: return "rerun the same command; it resumes where it stopped"
        case .transient: return "check the network (with --provider sandbox: that the sandbox is running at --sandbox-url), then rerun the same command; it resumes where it stopped"
        case .invalidRequest, .malformedAnswer, .noData: return nil
        }
    }
}
