//! Is a certificate for the host the client visits? (RFC 6125 / RFC 9525 §6.3):
//! subjectAltName dNSName only (no common-name fallback), ASCII case-insensitive, a
//! wildcard only as the whole left-most label and matching exactly one label; an
//! address literal matches only an iPAddress entry.

use core::net::IpAddr;

/// The host as the client names it: a DNS name (lowercase, no trailing dot) or an IP
/// address (a bracketed IPv6 literal from a URL is accepted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReferenceHost {
    /// A DNS name.
    Dns(String),
    /// An IP address literal.
    Ip(IpAddr),
}

impl ReferenceHost {
    /// Read `server_name` as the client would: an address literal or a DNS name.
    pub fn parse(server_name: &str) -> ReferenceHost {
        let unbracketed = server_name
            .strip_prefix('[')
            .and_then(|s| s.strip_suffix(']'))
            .unwrap_or(server_name);
        match unbracketed.parse::<IpAddr>() {
            Ok(ip) => ReferenceHost::Ip(ip),
            Err(_) => ReferenceHost::Dns(server_name.trim_end_matches('.').to_ascii_lowercase()),
        }
    }
}

/// Whether the SAN dNSName `pattern` matches the DNS name `host`.
///
/// `*.example.com` matches `www.example.com` but not `example.com`, not
/// `a.b.example.com` and not `*.example.com` itself as a name; a wildcard needs at
/// least two labels after it (`*.com` and `*.` match nothing), and a partial-label
/// wildcard (`w*.example.com`) or one not in the left-most label matches nothing.
pub fn dns_name_matches(pattern: &str, host: &str) -> bool {
    let pattern = pattern.trim_end_matches('.');
    let host = host.trim_end_matches('.');
    if pattern.is_empty() || host.is_empty() || host.contains('*') {
        return false;
    }
    match pattern.strip_prefix("*.") {
        None => !pattern.contains('*') && pattern.eq_ignore_ascii_case(host),
        Some(rest) => {
            if rest.contains('*')
                || rest.split('.').count() < 2
                || rest.split('.').any(str::is_empty)
            {
                return false;
            }
            match host.split_once('.') {
                Some((first, host_rest)) => {
                    !first.is_empty() && host_rest.eq_ignore_ascii_case(rest)
                }
                None => false,
            }
        }
    }
}

/// Whether the SAN iPAddress octets `san` (4 or 16 bytes) are the address `ip`.
pub fn ip_address_matches(san: &[u8], ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => san == v4.octets(),
        IpAddr::V6(v6) => san == v6.octets(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_names_ignore_ascii_case_and_trailing_dot() {
        assert!(dns_name_matches("Bank.Example", "bank.example"));
        assert!(dns_name_matches("bank.example.", "BANK.example"));
        assert!(!dns_name_matches("bank.example", "bank.example.org"));
        assert!(!dns_name_matches("", "bank.example"));
    }

    #[test]
    fn wildcard_is_one_whole_left_most_label() {
        assert!(dns_name_matches("*.example.com", "www.example.com"));
        assert!(dns_name_matches("*.EXAMPLE.com", "Api.example.COM"));
        assert!(!dns_name_matches("*.example.com", "example.com"));
        assert!(!dns_name_matches("*.example.com", "a.b.example.com"));
        assert!(!dns_name_matches("*.example.com", ".example.com"));
        assert!(!dns_name_matches("*.com", "example.com"));
        assert!(!dns_name_matches("*.", "example"));
        assert!(!dns_name_matches("w*.example.com", "www.example.com"));
        assert!(!dns_name_matches("www.*.com", "www.example.com"));
        assert!(!dns_name_matches("*.*.example.com", "a.b.example.com"));
        assert!(!dns_name_matches("*.example.com", "*.example.com"));
    }

    #[test]
    fn reference_hosts() {
        assert_eq!(
            ReferenceHost::parse("Bank.Example."),
            ReferenceHost::Dns("bank.example".into())
        );
        assert_eq!(
            ReferenceHost::parse("[::1]"),
            ReferenceHost::Ip("::1".parse().unwrap())
        );
        let v4: IpAddr = "127.0.0.1".parse().unwrap();
        assert_eq!(ReferenceHost::parse("127.0.0.1"), ReferenceHost::Ip(v4));
        assert!(ip_address_matches(&[127, 0, 0, 1], v4));
        assert!(!ip_address_matches(&[127, 0, 0, 2], v4));
        assert!(!ip_address_matches(&[0; 16], v4));
    }
}
