import SafeguardCore

/// How a failed send is treated (``EmailRetry``): whether trying again could work, and whether the failure is the mail
/// server's (or its settings') rather than this message's, so that the messages after it would fail the same way.
extension SMTPError {
    var failure: EmailRetry.Failure {
        switch self {
        case .invalidAddress:
            .permanent
        // A 5xx reply refuses this recipient or this message for good; a 4xx one ("mailbox busy", greylisting) asks
        // for a later try.
        case .recipientRefused(_, let reply), .messageRefused(let reply):
            (500..<600).contains(reply.code) ? .permanent : .temporary
        // Everything else is the server being unreachable or busy, or a setting an administrator can put right (the
        // sender address, TLS, the sign-in): the message itself is fine.
        case .connectionFailed, .timedOut, .connectionClosed, .connectionLost, .notSMTP, .greetingRefused,
            .helloRefused,
            .startTLSNotOffered, .startTLSRefused, .tlsFailed, .dataBeforeTLS, .authenticationNotOffered,
            .authenticationFailed,
            .senderRefused, .cancelled:
            .temporary
        }
    }

    /// Whether every message would fail this way until the server or the settings change.
    var concernsTheServer: Bool {
        switch self {
        case .invalidAddress, .recipientRefused, .messageRefused: false
        default: true
        }
    }
}
