//! The lab's bank as a real site, for live sessions: a student's browser asks for the
//! login page, posts the form and reads the answer over the lab's TLS. Pure: bytes in,
//! bytes out; the live layer owns the sockets.
//!
//! HTTP/1.1 (RFC 9112) as far as a login needs: `GET /` is the login page, `POST
//! /login` the bank's answer, anything else 404. Connections stay open between
//! requests unless the client says `Connection: close` (or speaks HTTP/1.0 without
//! keep-alive).

use super::{HttpError, Message, find, form_fields, parse};

/// The longest request head the bank reads.
pub const MAX_HEAD: usize = 16 * 1024;
/// The longest request body the bank reads (a login form is a few dozen bytes).
pub const MAX_BODY: usize = 64 * 1024;

/// Requests as they arrive in pieces: decrypted application data is pushed in, whole
/// requests come out.
#[derive(Default, Debug)]
pub struct RequestBuffer {
    pending: Vec<u8>,
}

/// Why the bytes a client sent are not a request the bank can answer.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    /// The head grew past [`MAX_HEAD`] without ending.
    #[error("http: the request head is longer than {MAX_HEAD} bytes")]
    HeadTooLong,
    /// Content-Length is not a number or larger than [`MAX_BODY`].
    #[error("http: Content-Length {0:?} is not a body the bank accepts (at most {MAX_BODY} bytes)")]
    BadLength(String),
    /// Not HTTP at all.
    #[error("{0}")]
    Malformed(#[from] HttpError),
}

impl RequestBuffer {
    /// Adds bytes the client sent.
    pub fn push(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
    }

    /// The next whole request with its exact bytes, once it has arrived.
    pub fn next_request(&mut self) -> Result<Option<(Message, Vec<u8>)>, RequestError> {
        let Some(head_end) = find(&self.pending, b"\r\n\r\n") else {
            if self.pending.len() > MAX_HEAD {
                return Err(RequestError::HeadTooLong);
            }
            return Ok(None);
        };
        if head_end > MAX_HEAD {
            return Err(RequestError::HeadTooLong);
        }
        let head = String::from_utf8_lossy(&self.pending[..head_end]).into_owned();
        let length = match head.split("\r\n").skip(1).find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case("content-length")
                .then(|| value.trim().to_string())
        }) {
            None => 0,
            Some(value) => match value.parse::<usize>() {
                Ok(n) if n <= MAX_BODY => n,
                _ => return Err(RequestError::BadLength(value)),
            },
        };
        let total = head_end + 4 + length;
        if self.pending.len() < total {
            return Ok(None);
        }
        let rest = self.pending.split_off(total);
        let bytes = std::mem::replace(&mut self.pending, rest);
        Ok(Some((parse(&bytes)?, bytes)))
    }
}

/// The bank's answer and whether the connection closes after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// The whole response, head and body.
    pub bytes: Vec<u8>,
    /// The bank closes the connection after sending it.
    pub close: bool,
}

/// The bank's answer to `request` (for the site `host`).
pub fn respond(host: &str, request: &Message) -> Response {
    let mut parts = request.start_line.split(' ');
    let (method, target, version) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    let header = |name: &str| {
        request
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.to_ascii_lowercase())
    };
    let close = match header("connection").as_deref() {
        Some(value) if value.split(',').any(|t| t.trim() == "close") => true,
        Some(value) if value.split(',').any(|t| t.trim() == "keep-alive") => false,
        _ => version != "HTTP/1.1",
    };
    let path = target.split('?').next().unwrap_or_default();
    let (status, content_type, body) = match (method, path) {
        ("GET" | "HEAD", "/") => ("200 OK", "text/html; charset=utf-8", login_page(host)),
        ("POST", "/login") => {
            let fields = form_fields(&request.body);
            let username = fields
                .iter()
                .find(|(k, _)| k == "username")
                .map(|(_, v)| v.as_str())
                .unwrap_or_default();
            ("200 OK", "text/html; charset=utf-8", welcome_page(username))
        }
        ("GET" | "HEAD" | "POST", _) => (
            "404 Not Found",
            "text/plain; charset=utf-8",
            "No such page.\n".to_string(),
        ),
        _ => (
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            "The bank answers GET and POST.\n".to_string(),
        ),
    };
    let mut bytes = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: {}\r\n\r\n",
        body.len(),
        if close { "close" } else { "keep-alive" }
    )
    .into_bytes();
    if method != "HEAD" {
        bytes.extend_from_slice(body.as_bytes());
    }
    Response { bytes, close }
}

/// The bank's answer to bytes that are not a request: 400 and close.
pub fn bad_request() -> Response {
    let body = "Bad request.\n";
    Response {
        bytes: format!(
            "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .into_bytes(),
        close: true,
    }
}

/// `text` with the five HTML special characters escaped.
fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn page(title: &str, main: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n\
         <style>body{{font-family:sans-serif;max-width:28em;margin:3em auto;padding:0 1em}}\
         label{{display:block;margin-top:1em}}input{{font-size:1.1em;width:100%}}\
         button{{margin-top:1.5em;font-size:1.1em}}small{{color:#555}}</style>\n\
         </head>\n<body>\n{main}</body>\n</html>\n"
    )
}

/// The login form: username, password and card, posted to `/login`.
fn login_page(host: &str) -> String {
    page(
        &format!("{} - log in", escape_html(host)),
        &format!(
            "<h1>{}</h1>\n<p>Log in to your account.</p>\n\
             <form method=\"post\" action=\"/login\">\n\
             <label>Username <input name=\"username\" autocomplete=\"off\"></label>\n\
             <label>Password <input name=\"password\" type=\"password\"></label>\n\
             <label>Card number <input name=\"card\" inputmode=\"numeric\"></label>\n\
             <button type=\"submit\">Log in</button>\n</form>\n\
             <p><small>This is Handshake Lab's practice bank: type nothing you use \
             anywhere else. Whoever runs the lab sees what you type.</small></p>\n",
            escape_html(host)
        ),
    )
}

/// The bank's welcome after a login (the practice bank accepts any password).
fn welcome_page(username: &str) -> String {
    let name = if username.is_empty() {
        "there".to_string()
    } else {
        escape_html(username)
    };
    page(
        "Welcome",
        &format!(
            "<h1>Welcome back, {name}.</h1>\n<p>Your login crossed the network inside \
             TLS. Look at the lab's window to step through the handshake that carried \
             it.</p>\n<p><a href=\"/\">Log in again</a></p>\n"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(text: &str) -> Message {
        let mut buffer = RequestBuffer::default();
        buffer.push(text.as_bytes());
        buffer.next_request().expect("a request").expect("whole").0
    }

    #[test]
    fn requests_come_out_whole_however_they_arrive() {
        let text = "POST /login HTTP/1.1\r\nHost: b\r\nContent-Length: 11\r\n\r\nusername=al\
                    GET / HTTP/1.1\r\nHost: b\r\n\r\n";
        let mut buffer = RequestBuffer::default();
        for byte in text.as_bytes() {
            buffer.push(&[*byte]);
        }
        let (first, bytes) = buffer.next_request().expect("ok").expect("first");
        assert_eq!(first.start_line, "POST /login HTTP/1.1");
        assert_eq!(first.body, b"username=al");
        assert!(bytes.ends_with(b"username=al"));
        let (second, _) = buffer.next_request().expect("ok").expect("second");
        assert_eq!(second.start_line, "GET / HTTP/1.1");
        assert_eq!(buffer.next_request(), Ok(None));
    }

    #[test]
    fn oversized_or_bad_requests_are_refused() {
        let mut buffer = RequestBuffer::default();
        buffer.push(&vec![b'a'; MAX_HEAD + 1]);
        assert_eq!(buffer.next_request(), Err(RequestError::HeadTooLong));
        let mut buffer = RequestBuffer::default();
        buffer.push(b"POST /login HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n");
        assert!(matches!(
            buffer.next_request(),
            Err(RequestError::BadLength(_))
        ));
        let mut buffer = RequestBuffer::default();
        buffer.push(b"POST /login HTTP/1.1\r\nContent-Length: x\r\n\r\n");
        assert!(matches!(
            buffer.next_request(),
            Err(RequestError::BadLength(_))
        ));
    }

    #[test]
    fn the_bank_serves_its_pages_and_keeps_the_connection_as_asked() {
        let page = respond(
            "bank.example",
            &request("GET / HTTP/1.1\r\nHost: b\r\n\r\n"),
        );
        let text = String::from_utf8_lossy(&page.bytes);
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"));
        assert!(text.contains("<form method=\"post\" action=\"/login\">"));
        assert!(!page.close);
        let login = respond(
            "bank.example",
            &request(
                "POST /login HTTP/1.1\r\nConnection: close\r\nContent-Length: 28\r\n\r\nusername=<b>&password=secret",
            ),
        );
        let text = String::from_utf8_lossy(&login.bytes);
        assert!(text.contains("Welcome back, &lt;b&gt;."), "{text}");
        assert!(!text.contains("secret"));
        assert!(login.close);
        let missing = respond("b", &request("GET /nope HTTP/1.1\r\n\r\n"));
        assert!(String::from_utf8_lossy(&missing.bytes).starts_with("HTTP/1.1 404"));
        let old = respond("b", &request("GET / HTTP/1.0\r\n\r\n"));
        assert!(old.close);
        let head = respond("b", &request("HEAD / HTTP/1.1\r\n\r\n"));
        assert!(String::from_utf8_lossy(&head.bytes).ends_with("\r\n\r\n"));
    }
}
