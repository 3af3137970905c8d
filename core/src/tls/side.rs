//! Who takes part in a session.

/// Who takes part: the two ends of the connection, and (in the attack scenarios) the
/// attacker on the wire between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The browser.
    Client,
    /// The web server.
    Server,
    /// The attacker: a man in the middle who speaks TLS to both ends (`mitm`), or the
    /// eavesdropper who later stole the server's keys (`key-compromise`).
    Attacker,
}

impl Side {
    /// The other end of a direct client-server connection. The attacker has no
    /// single peer (it talks to both): `Attacker.peer()` is `Attacker`. Where records
    /// go is [`Step::to`](crate::sim::Step::to), not this.
    pub fn peer(self) -> Side {
        match self {
            Side::Client => Side::Server,
            Side::Server => Side::Client,
            Side::Attacker => Side::Attacker,
        }
    }

    /// Lowercase name, as in `outcome: aborted by client: ...`.
    pub fn name(self) -> &'static str {
        match self {
            Side::Client => "client",
            Side::Server => "server",
            Side::Attacker => "attacker",
        }
    }
}

/// Which part an endpoint plays in TLS. The two ends play one each; the man in the
/// middle plays both, one per connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Sends the ClientHello.
    Client,
    /// Answers it.
    Server,
}

impl Role {
    /// Lowercase name, as in step names (`client_finished`).
    pub fn name(self) -> &'static str {
        match self {
            Role::Client => "client",
            Role::Server => "server",
        }
    }
}
