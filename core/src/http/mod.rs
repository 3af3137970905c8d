//! The HTTP/1.1 login carried inside the connection: the browser's `POST /login`
//! and the bank's answer, built, parsed and annotated byte by byte.

pub mod site;

use crate::text::Text;
use crate::wire::Field;

/// What the student types into the bank's login form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoginForm {
    /// The account name.
    pub username: String,
    /// The secret the whole lesson is about.
    pub password: String,
    /// A card number (a test number, never a real one).
    pub card_number: String,
}

/// A parsed HTTP/1.1 message: start line, headers, body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// "POST /login HTTP/1.1" or "HTTP/1.1 200 OK".
    pub start_line: String,
    /// Header names and values in order.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

/// Why bytes are not a well-formed HTTP/1.1 message.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HttpError {
    /// No blank line ends the headers.
    #[error("http: the headers never end (no empty line)")]
    UnterminatedHeaders,
    /// The head is not valid text.
    #[error("http: the header block is not valid UTF-8")]
    NotText,
    /// A header line without a colon.
    #[error("http: header line {0:?} has no ':'")]
    BadHeader(String),
    /// Content-Length disagrees with the body.
    #[error("http: Content-Length says {declared} but the body has {actual} bytes")]
    LengthMismatch {
        /// What the header says.
        declared: String,
        /// What arrived.
        actual: usize,
    },
}

/// Builds the browser's login request for `host`.
pub fn login_request(host: &str, form: &LoginForm) -> Vec<u8> {
    let body = format!(
        "username={}&password={}&card={}",
        form_encode(&form.username),
        form_encode(&form.password),
        form_encode(&form.card_number)
    );
    format!(
        "POST /login HTTP/1.1\r\nHost: {host}\r\nUser-Agent: HandshakeLab-Browser/1.0\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// The bank's answer to a login request: 200 when the password matches the one on
/// record, 401 when it does not, 400 when the request cannot be read.
pub fn login_response(request: &[u8], expected: &LoginForm) -> Vec<u8> {
    let (status, text) = match parse(request) {
        Err(_) => ("400 Bad Request", "Bad request.".to_string()),
        Ok(message) => {
            let fields = form_fields(&message.body);
            let get = |name: &str| {
                fields
                    .iter()
                    .find(|(key, _)| key == name)
                    .map(|(_, value)| value.as_str())
            };
            if !message.start_line.starts_with("POST /login ") {
                ("404 Not Found", "No such page.".to_string())
            } else if get("username") == Some(expected.username.as_str())
                && get("password") == Some(expected.password.as_str())
            {
                let card = get("card").unwrap_or("");
                let last4: String = card
                    .chars()
                    .filter(char::is_ascii_digit)
                    .rev()
                    .take(4)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                (
                    "200 OK",
                    format!(
                        "Welcome back, {}. Card ending {last4} is linked to your account.",
                        expected.username
                    ),
                )
            } else {
                (
                    "401 Unauthorized",
                    "Wrong username or password.".to_string(),
                )
            }
        }
    };
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
        text.len()
    )
    .into_bytes()
}

/// Parses one HTTP/1.1 message (request or response).
pub fn parse(bytes: &[u8]) -> Result<Message, HttpError> {
    let end = find(bytes, b"\r\n\r\n").ok_or(HttpError::UnterminatedHeaders)?;
    let head = std::str::from_utf8(bytes.get(..end).unwrap_or_default())
        .map_err(|_| HttpError::NotText)?;
    let body = bytes.get(end + 4..).unwrap_or_default().to_vec();
    let mut lines = head.split("\r\n");
    let start_line = lines.next().unwrap_or_default().to_string();
    let mut headers = Vec::new();
    for line in lines {
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| HttpError::BadHeader(line.to_string()))?;
        headers.push((name.trim().to_string(), value.trim().to_string()));
    }
    if let Some((_, declared)) = headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("content-length"))
        && declared.parse::<usize>().ok() != Some(body.len())
    {
        return Err(HttpError::LengthMismatch {
            declared: declared.clone(),
            actual: body.len(),
        });
    }
    Ok(Message {
        start_line,
        headers,
        body,
    })
}

/// The fields of an `application/x-www-form-urlencoded` body, decoded.
pub fn form_fields(body: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(body)
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (form_decode(key), form_decode(value))
        })
        .collect()
}

/// Annotates an HTTP message: start line, each header, the body and each form field.
/// Ranges are offsets into `bytes` plus `base`. Bytes that do not parse become one
/// "unreadable" field: an annotation never fails. Meanings are messages (`http-*` in
/// `core/i18n/wire.*.ftl`); values are the message's own text, raw.
pub fn annotate(bytes: &[u8], base: usize) -> Vec<Field> {
    let leaf = |name: &str, start: usize, end: usize, value: Text, meaning: &'static str| {
        Field::leaf(
            name,
            base + start..base + end,
            value,
            Text::message(meaning),
        )
    };
    let size = |n: usize| crate::text!("wire-payload-bytes", n = n);
    let Some(head_end) = find(bytes, b"\r\n\r\n") else {
        return vec![leaf(
            "http_bytes",
            0,
            bytes.len(),
            size(bytes.len()),
            "http-unreadable",
        )];
    };
    let mut fields = Vec::new();
    let mut offset = 0;
    let mut first = true;
    while offset < head_end {
        let line_end =
            find(bytes.get(offset..).unwrap_or_default(), b"\r\n").map_or(head_end, |i| offset + i);
        let text =
            String::from_utf8_lossy(bytes.get(offset..line_end).unwrap_or_default()).into_owned();
        if first {
            let meaning = if text.starts_with("HTTP/") {
                "http-status-line"
            } else {
                "http-request-line"
            };
            fields.push(leaf(
                "start_line",
                offset,
                line_end + 2,
                text.into(),
                meaning,
            ));
            first = false;
        } else {
            let name = text.split(':').next().unwrap_or_default().to_string();
            let meaning = match name.to_ascii_lowercase().as_str() {
                "host" => "http-header-host",
                "content-length" => "http-header-content-length",
                "content-type" => "http-header-content-type",
                "user-agent" => "http-header-user-agent",
                "connection" => "http-header-connection",
                _ => "http-header-other",
            };
            fields.push(leaf(
                &format!("header {name}"),
                offset,
                line_end + 2,
                text.into(),
                meaning,
            ));
        }
        offset = line_end + 2;
    }
    fields.push(leaf(
        "end_of_headers",
        head_end + 2,
        head_end + 4,
        "CRLF".into(),
        "http-end-of-headers",
    ));
    let body_start = head_end + 4;
    let body = bytes.get(body_start..).unwrap_or_default();
    let mut body_field = leaf(
        "body",
        body_start,
        bytes.len(),
        size(body.len()),
        "http-body",
    );
    let mut pos = 0;
    for pair in body.split(|b| *b == b'&') {
        let key_len = pair.iter().position(|b| *b == b'=').unwrap_or(pair.len());
        let key = form_decode(&String::from_utf8_lossy(
            pair.get(..key_len).unwrap_or_default(),
        ));
        let value = form_decode(&String::from_utf8_lossy(
            pair.get(key_len + 1..).unwrap_or_default(),
        ));
        let meaning = match key.as_str() {
            "password" => "http-form-password",
            "card" => "http-form-card",
            "username" => "http-form-username",
            _ => "http-form-other",
        };
        if !pair.is_empty() && key_len < pair.len() {
            body_field.children.push(leaf(
                &key,
                body_start + pos,
                body_start + pos + pair.len(),
                value.into(),
                meaning,
            ));
        }
        pos += pair.len() + 1;
    }
    fields.push(body_field);
    fields
}

pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// `application/x-www-form-urlencoded` encoding: unreserved bytes as they are,
/// space as `+`, everything else as `%XX`.
pub fn form_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                out.push(char::from(byte))
            }
            b' ' => out.push('+'),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// The inverse of [`form_encode`]; malformed escapes are kept as they are.
pub fn form_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        match byte {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(value) => {
                        out.push(value);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> LoginForm {
        LoginForm {
            username: "alice".into(),
            password: "hunter2 & co".into(),
            card_number: "4111 1111 1111 1111".into(),
        }
    }

    #[test]
    fn request_round_trips_through_the_parser() {
        let request = login_request("bank.example", &form());
        let message = parse(&request).expect("well-formed request");
        assert_eq!(message.start_line, "POST /login HTTP/1.1");
        let fields = form_fields(&message.body);
        assert!(fields.contains(&("password".to_string(), "hunter2 & co".to_string())));
        assert!(fields.contains(&("card".to_string(), "4111 1111 1111 1111".to_string())));
    }

    #[test]
    fn right_password_logs_in_and_wrong_one_does_not() {
        let ok = login_response(&login_request("bank.example", &form()), &form());
        assert!(ok.starts_with(b"HTTP/1.1 200 OK"));
        assert!(String::from_utf8_lossy(&ok).contains("ending 1111"));
        let mut other = form();
        other.password = "nope".into();
        let denied = login_response(&login_request("bank.example", &other), &form());
        assert!(denied.starts_with(b"HTTP/1.1 401"));
        let garbage = login_response(b"\xff\xfe", &form());
        assert!(garbage.starts_with(b"HTTP/1.1 400"));
    }

    #[test]
    fn annotation_names_the_password_at_its_bytes() {
        let request = login_request("bank.example", &form());
        let fields = annotate(&request, 10);
        let body = fields
            .iter()
            .find(|f| f.name == "body")
            .expect("body field");
        let password = body
            .children
            .iter()
            .find(|f| f.name == "password")
            .expect("password field");
        assert_eq!(password.value, "hunter2 & co");
        assert_eq!(password.meaning, "the password, exactly as typed");
        let raw = &request[password.range.start - 10..password.range.end - 10];
        assert!(raw.starts_with(b"password="));
        // every byte of the head and body is covered once
        let covered: usize = fields.iter().map(|f| f.range.len()).sum();
        assert_eq!(covered, request.len());
    }

    #[test]
    fn form_encoding_round_trips() {
        for text in ["plain", "with space", "a&b=c", "100%", "ünïcödé", ""] {
            assert_eq!(form_decode(&form_encode(text)), text);
        }
        assert_eq!(form_decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn length_mismatch_is_an_error() {
        let bad = b"POST / HTTP/1.1\r\nContent-Length: 9\r\n\r\nabc";
        assert!(matches!(parse(bad), Err(HttpError::LengthMismatch { .. })));
    }
}
