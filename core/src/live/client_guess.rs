//! Which program a live client probably was, from what it said inside TLS: the
//! User-Agent of its first request (the server decrypted it). A guess, shown as such.

use crate::http;
use crate::sim::Timeline;
use crate::tls::Side;

/// A short name for the client of a live session ("Firefox", "curl/7.88.1", ...), or
/// `None` when it sent no request with a User-Agent.
pub fn client_guess(timeline: &Timeline) -> Option<String> {
    let agent = timeline
        .steps
        .iter()
        .flat_map(|step| step.delivered_data.iter())
        .filter(|(side, _)| *side == Side::Server)
        .find_map(|(_, data)| {
            let message = http::parse(data).ok()?;
            message
                .headers
                .into_iter()
                .find(|(name, _)| name.eq_ignore_ascii_case("user-agent"))
                .map(|(_, value)| value)
        })?;
    Some(short_name(&agent))
}

/// Browsers by the token that tells them apart (order matters: Chrome's agent also
/// says Safari, Edge's also says Chrome).
const BROWSERS: &[(&str, &str)] = &[
    ("Edg/", "Edge"),
    ("OPR/", "Opera"),
    ("Firefox/", "Firefox"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
];

fn short_name(agent: &str) -> String {
    if let Some((_, name)) = BROWSERS.iter().find(|(token, _)| agent.contains(token)) {
        return (*name).to_string();
    }
    // A tool: its first product token, "curl/7.88.1", "python-requests/2.31".
    agent
        .split_whitespace()
        .next()
        .unwrap_or(agent)
        .chars()
        .take(40)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browsers_and_tools_get_short_names() {
        assert_eq!(
            short_name("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"),
            "Firefox"
        );
        assert_eq!(
            short_name(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"
            ),
            "Edge"
        );
        assert_eq!(
            short_name(
                "Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15"
            ),
            "Safari"
        );
        assert_eq!(short_name("curl/7.88.1"), "curl/7.88.1");
    }
}
