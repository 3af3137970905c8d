//! The applications on top of the TLS endpoints: the browser that logs in, the bank
//! that answers, and the man in the middle's relay.

use crate::http::{self, LoginForm};

/// The application on top of one endpoint.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum App {
    /// Logs in once connected; closes when the answer arrives.
    Browser,
    /// Answers each request.
    Bank,
    /// The man in the middle: passes what it decrypts on through its other endpoint
    /// (the node `to`).
    Relay { to: usize },
}

/// What an application does with data its endpoint delivered.
pub(crate) enum AppAction {
    /// Send this back on the same endpoint.
    Reply(Vec<u8>),
    /// Send this on through node `to`.
    Forward { to: usize, data: Vec<u8> },
    /// The login was answered: close the connection.
    LoginAnswered,
}

impl App {
    /// What to send once the endpoint is connected: the browser's login request.
    pub fn on_connected(self, server_name: &str, form: &LoginForm) -> Option<Vec<u8>> {
        match self {
            App::Browser => Some(http::login_request(server_name, form)),
            App::Bank | App::Relay { .. } => None,
        }
    }

    /// What to do with `data` the endpoint delivered.
    pub fn on_data(self, data: Vec<u8>, form: &LoginForm) -> AppAction {
        match self {
            App::Bank => AppAction::Reply(http::login_response(&data, form)),
            App::Browser => AppAction::LoginAnswered,
            App::Relay { to } => AppAction::Forward { to, data },
        }
    }
}
