//! Name matching for chains: issuer/subject name comparison (RFC 5280 §7.1), name
//! constraints (RFC 5280 §4.2.1.10, §6.1.3 (b)-(c)) and host-name matching (RFC 6125
//! §6.4, RFC 9525 §6.3).

use alloc::{format, string::String, vec::Vec};
use core::fmt::Write;

use crate::cert::{lossy, Certificate, GeneralName, Name, NameConstraints, Rdn, Subtrees};
use crate::oid::attr;

/// Whether two names are equal under the RFC 5280 §7.1 comparison: byte-identical, or RDN
/// by RDN with the same attribute types and string values equal after trimming, collapsing
/// inner spaces and folding case (the RFC 4518 rules, simplified to what CAs actually
/// vary: string type, case and spacing).
pub fn names_match(a: Name<'_>, b: Name<'_>) -> bool {
    if a.raw() == b.raw() {
        return true;
    }
    let (mut ra, mut rb) = (a.rdns(), b.rdns());
    loop {
        match (ra.next(), rb.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if rdn_match(x, y) => {}
            _ => return false,
        }
    }
}

fn rdn_match(x: Rdn<'_>, y: Rdn<'_>) -> bool {
    x.len() == y.len() && x.attributes().all(|p| y.attributes().any(|q| p.oid == q.oid && value_match(&p, &q)))
}

fn value_match(p: &crate::cert::AttributeTypeAndValue<'_>, q: &crate::cert::AttributeTypeAndValue<'_>) -> bool {
    if p.value_raw == q.value_raw {
        return true;
    }
    match (normalize(p), normalize(q)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

fn normalize(a: &crate::cert::AttributeTypeAndValue<'_>) -> Option<String> {
    let mut out = String::new();
    let mut space = false;
    for c in a.decode()? {
        let c = c?;
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    Some(out)
}

/// How well `issuer` fits as the issuer of `child`, or `None` when it cannot be: its
/// subject must match the child's issuer name (§7.1), or its subjectKeyIdentifier the
/// child's authorityKeyIdentifier. Higher is better.
pub(crate) fn link_fit(child: &Certificate, issuer: &Certificate) -> Option<u8> {
    let (ci, is) = (child.issuer().ok(), issuer.subject().ok());
    let byte_eq = matches!((ci, is), (Some(a), Some(b)) if a.raw() == b.raw());
    let name_eq = byte_eq || matches!((ci, is), (Some(a), Some(b)) if names_match(a, b));
    let keys = key_ids_match(child, issuer);
    if !name_eq && keys != Some(true) {
        return None;
    }
    let mut q = 0u8;
    if byte_eq {
        q += 2;
    } else if name_eq {
        q += 1;
    }
    match keys {
        Some(true) => q += 3,
        None => q += 1,
        Some(false) => {}
    }
    Some(q)
}

/// `Some(equal)` when the child's AKI keyIdentifier and the issuer's SKI are both readable.
pub(crate) fn key_ids_match(child: &Certificate, issuer: &Certificate) -> Option<bool> {
    let aki = match child.authority_key_identifier() {
        Some(Ok(a)) => a.value.key_id?,
        _ => return None,
    };
    let ski = match issuer.subject_key_identifier() {
        Some(Ok(s)) => s.value,
        _ => return None,
    };
    Some(aki == ski)
}

/// A name of a certificate that name constraints govern.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Subject<'a> {
    Dns(&'a [u8]),
    Ip(&'a [u8]),
    Email(&'a [u8]),
    Uri(&'a [u8]),
    Dir(Name<'a>),
}

impl Subject<'_> {
    fn kind(&self) -> &'static str {
        match self {
            Self::Dns(_) => "dNSName",
            Self::Ip(_) => "iPAddress",
            Self::Email(_) => "rfc822Name",
            Self::Uri(_) => "uniformResourceIdentifier",
            Self::Dir(_) => "directoryName",
        }
    }

    fn same_kind(&self, base: &GeneralName<'_>) -> bool {
        matches!(
            (self, base),
            (Self::Dns(_), GeneralName::DnsName(_))
                | (Self::Ip(_), GeneralName::IpAddress(_))
                | (Self::Email(_), GeneralName::Rfc822Name(_))
                | (Self::Uri(_), GeneralName::Uri(_))
                | (Self::Dir(_), GeneralName::DirectoryName(_))
        )
    }

    fn describe(&self) -> String {
        match self {
            Self::Dns(b) | Self::Email(b) | Self::Uri(b) => lossy(b),
            Self::Ip(b) => ip_text(b),
            Self::Dir(n) => format!("{n}"),
        }
    }
}

/// Every name of `cert` that name constraints apply to: the subject (when not empty) and
/// its emailAddress attributes, and the subjectAltName entries of the five supported forms.
pub(crate) fn constrained_names(cert: &Certificate) -> Vec<Subject<'_>> {
    let mut out = Vec::new();
    if let Ok(subject) = cert.subject() {
        if !subject.is_empty() {
            out.push(Subject::Dir(subject));
        }
        for e in subject.attributes_of(&attr::EMAIL_ADDRESS) {
            out.push(Subject::Email(e.value));
        }
    }
    if let Some(Ok(san)) = cert.subject_alt_name() {
        for n in san.value.names() {
            match n {
                GeneralName::DnsName(b) => out.push(Subject::Dns(b)),
                GeneralName::IpAddress(b) => out.push(Subject::Ip(b)),
                GeneralName::Rfc822Name(b) => out.push(Subject::Email(b)),
                GeneralName::Uri(b) => out.push(Subject::Uri(b)),
                GeneralName::DirectoryName(d) => out.push(Subject::Dir(d)),
                _ => {}
            }
        }
    }
    out
}

/// Whether `name` lies within the subtree `base`; `None` when they are of different forms.
fn within(name: &Subject<'_>, base: &GeneralName<'_>, excluded: bool) -> Option<bool> {
    Some(match (name, base) {
        (Subject::Dns(n), GeneralName::DnsName(c)) => dns_within(n, c) || (excluded && wildcard_covers(n, c)),
        (Subject::Ip(n), GeneralName::IpAddress(c)) => ip_within(n, c),
        (Subject::Email(n), GeneralName::Rfc822Name(c)) => email_within(n, c),
        (Subject::Uri(n), GeneralName::Uri(c)) => uri_host(n).is_some_and(|h| host_within(h, c)),
        (Subject::Dir(n), GeneralName::DirectoryName(c)) => dn_within(*n, *c),
        _ => return None,
    })
}

fn trim_dot(b: &[u8]) -> &[u8] {
    b.strip_suffix(b".").unwrap_or(b)
}

/// dNSName constraint (§4.2.1.10): the name itself or any name with labels added on the
/// left; a constraint starting with a period (a common extension) only the names below it;
/// an empty constraint every name.
fn dns_within(name: &[u8], c: &[u8]) -> bool {
    let (name, c) = (trim_dot(name), trim_dot(c));
    if c.is_empty() {
        return true;
    }
    if c.first() == Some(&b'.') {
        return name.len() > c.len() && ends_with_ci(name, c);
    }
    name.eq_ignore_ascii_case(c)
        || (name.len() > c.len() && ends_with_ci(name, c) && name.get(name.len() - c.len() - 1) == Some(&b'.'))
}

/// A wildcard name `*.base` covers the excluded subtree `x.base` (one label below base).
fn wildcard_covers(name: &[u8], c: &[u8]) -> bool {
    let Some(base) = trim_dot(name).strip_prefix(b"*.") else { return false };
    let c = trim_dot(c);
    let c = c.strip_prefix(b".").unwrap_or(c);
    match c.iter().position(|&b| b == b'.') {
        Some(dot) => c.get(dot + 1..).is_some_and(|parent| parent.eq_ignore_ascii_case(base)),
        None => false,
    }
}

fn ends_with_ci(s: &[u8], suffix: &[u8]) -> bool {
    s.len() >= suffix.len() && s.get(s.len() - suffix.len()..).is_some_and(|t| t.eq_ignore_ascii_case(suffix))
}

fn ip_within(n: &[u8], c: &[u8]) -> bool {
    if c.len() != 2 * n.len() || !(n.len() == 4 || n.len() == 16) {
        return false;
    }
    let (addr, mask) = c.split_at(n.len());
    n.iter().zip(addr).zip(mask).all(|((a, b), m)| a & m == b & m)
}

fn email_within(n: &[u8], c: &[u8]) -> bool {
    if c.contains(&b'@') {
        // A whole mailbox: local part exact, host case-insensitive.
        let (Some(at_n), Some(at_c)) = (n.iter().rposition(|&b| b == b'@'), c.iter().rposition(|&b| b == b'@')) else {
            return false;
        };
        let (ln, hn) = n.split_at(at_n);
        let (lc, hc) = c.split_at(at_c);
        return ln == lc && hn.eq_ignore_ascii_case(hc);
    }
    let host = match n.iter().rposition(|&b| b == b'@') {
        Some(at) => n.get(at + 1..).unwrap_or_default(),
        None => return false,
    };
    host_within(host, c)
}

/// A host against a URI or email host constraint: exact, or below it when the constraint
/// starts with a period.
fn host_within(host: &[u8], c: &[u8]) -> bool {
    let host = trim_dot(host);
    if c.first() == Some(&b'.') {
        host.len() > c.len() && ends_with_ci(host, c)
    } else {
        host.eq_ignore_ascii_case(trim_dot(c))
    }
}

/// The host of an absolute URI (`scheme://[userinfo@]host[:port]...`).
fn uri_host(uri: &[u8]) -> Option<&[u8]> {
    let colon = uri.iter().position(|&b| b == b':')?;
    let rest = uri.get(colon + 1..)?.strip_prefix(b"//")?;
    let end = rest.iter().position(|&b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(rest.len());
    let authority = rest.get(..end)?;
    let host_port = match authority.iter().rposition(|&b| b == b'@') {
        Some(at) => authority.get(at + 1..)?,
        None => authority,
    };
    if host_port.first() == Some(&b'[') {
        return None; // IP literal: domain constraints do not apply
    }
    let host = match host_port.iter().position(|&b| b == b':') {
        Some(p) => host_port.get(..p)?,
        None => host_port,
    };
    (!host.is_empty()).then_some(host)
}

fn dn_within(n: Name<'_>, c: Name<'_>) -> bool {
    let mut names = n.rdns();
    c.rdns().all(|rc| names.next().is_some_and(|rn| rdn_match(rn, rc)))
}

/// Text of an address (4 or 16 octets) or of an address with its mask (8 or 32).
pub(crate) fn ip_text(b: &[u8]) -> String {
    let mut out = String::new();
    let (addr, mask) = match b.len() {
        8 | 32 => b.split_at(b.len() / 2),
        _ => (b, &[][..]),
    };
    if let Ok(a) = <[u8; 4]>::try_from(addr) {
        let _ = write!(out, "{}", core::net::Ipv4Addr::from(a));
    } else if let Ok(a) = <[u8; 16]>::try_from(addr) {
        let _ = write!(out, "{}", core::net::Ipv6Addr::from(a));
    } else {
        for (i, x) in addr.iter().enumerate() {
            let _ = write!(out, "{}{x:02x}", if i > 0 { ":" } else { "" });
        }
    }
    if !mask.is_empty() {
        let ones: u32 = mask.iter().map(|m| m.count_ones()).sum();
        let _ = write!(out, "/{ones}");
    }
    out
}

fn base_text(base: &GeneralName<'_>) -> String {
    match base {
        GeneralName::DnsName(b) | GeneralName::Rfc822Name(b) | GeneralName::Uri(b) => format!("\"{}\"", lossy(b)),
        GeneralName::IpAddress(b) => ip_text(b),
        GeneralName::DirectoryName(n) => format!("\"{n}\""),
        other => String::from(other.kind()),
    }
}

fn bases(s: Option<Subtrees<'_>>) -> impl Iterator<Item = GeneralName<'_>> {
    s.into_iter().flat_map(|t| t.iter()).filter_map(|t| t.base.ok())
}

/// The first name of `names` that the permitted subtrees of `nc` leave out, as a message.
pub(crate) fn first_not_permitted(names: &[Subject<'_>], nc: &NameConstraints<'_>) -> Option<String> {
    let permitted = nc.permitted?;
    for name in names {
        let mut of_kind = bases(Some(permitted)).filter(|b| name.same_kind(b)).peekable();
        if of_kind.peek().is_none() {
            continue;
        }
        let mut listed = Vec::new();
        let mut ok = false;
        for b in of_kind {
            if within(name, &b, false) == Some(true) {
                ok = true;
                break;
            }
            listed.push(base_text(&b));
        }
        if !ok {
            return Some(format!(
                "{} \"{}\" is outside the permitted subtrees ({})",
                name.kind(),
                name.describe(),
                listed.join(", ")
            ));
        }
    }
    None
}

/// The first name of `names` inside an excluded subtree of `nc`, as a message.
pub(crate) fn first_excluded(names: &[Subject<'_>], nc: &NameConstraints<'_>) -> Option<String> {
    let excluded = nc.excluded?;
    for name in names {
        for b in bases(Some(excluded)) {
            if within(name, &b, true) == Some(true) {
                return Some(format!(
                    "{} \"{}\" is inside the excluded subtree {}",
                    name.kind(),
                    name.describe(),
                    base_text(&b)
                ));
            }
        }
    }
    None
}

/// How a host name compares with the leaf's subjectAltName.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HostMatch {
    /// A SAN entry covers the host.
    Covered,
    /// The SAN has entries of the host's form, none covering it.
    NotCovered,
    /// The certificate has no subjectAltName (or none of the host's form).
    NoNames,
}

/// Matches a reference host (a DNS name or an IP address literal) against the leaf's SAN,
/// as RFC 6125 §6.4 / RFC 9525 §6.3 describe: DNS names case-insensitively, a wildcard only
/// as the whole leftmost label and matching exactly one label, never against a bare public
/// suffix-like name of fewer than three labels; IP literals only against iPAddress
/// entries; the subject common name is never consulted (RFC 9525 dropped CN-IDs).
pub(crate) fn host_match(cert: &Certificate, host: &str) -> HostMatch {
    let Some(Ok(san)) = cert.subject_alt_name() else { return HostMatch::NoNames };
    let host = host.strip_suffix('.').unwrap_or(host);
    let literal = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(host);
    let mut seen = false;
    if let Ok(ip) = literal.parse::<core::net::IpAddr>() {
        let octets: Vec<u8> = match ip {
            core::net::IpAddr::V4(v) => v.octets().to_vec(),
            core::net::IpAddr::V6(v) => v.octets().to_vec(),
        };
        for n in san.value.names() {
            if let GeneralName::IpAddress(b) = n {
                seen = true;
                if b == octets.as_slice() {
                    return HostMatch::Covered;
                }
            }
        }
    } else {
        for d in san.value.dns_names() {
            seen = true;
            if dns_id_matches(trim_dot(d), host.as_bytes()) {
                return HostMatch::Covered;
            }
        }
    }
    if seen {
        HostMatch::NotCovered
    } else {
        HostMatch::NoNames
    }
}

fn dns_id_matches(presented: &[u8], host: &[u8]) -> bool {
    if presented.eq_ignore_ascii_case(host) {
        return true;
    }
    let Some(base) = presented.strip_prefix(b"*.") else { return false };
    // The wildcard stands for exactly one whole, non-empty label, and the rest must have at
    // least two labels (no `*.com`).
    if base.contains(&b'*') || !base.contains(&b'.') {
        return false;
    }
    match host.iter().position(|&b| b == b'.') {
        Some(dot) if dot > 0 => host.get(dot + 1..).is_some_and(|rest| rest.eq_ignore_ascii_case(base)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dns_subtrees() {
        assert!(dns_within(b"www.example.com", b"example.com"));
        assert!(dns_within(b"example.com", b"example.com"));
        assert!(dns_within(b"EXAMPLE.com.", b"example.COM"));
        assert!(!dns_within(b"badexample.com", b"example.com"));
        assert!(!dns_within(b"example.com", b".example.com"));
        assert!(dns_within(b"a.example.com", b".example.com"));
        assert!(dns_within(b"anything", b""));
        assert!(wildcard_covers(b"*.example.com", b"secret.example.com"));
        assert!(!wildcard_covers(b"*.example.com", b"a.secret.example.com"));
    }

    #[test]
    fn ip_email_uri_subtrees() {
        assert!(ip_within(&[10, 1, 2, 3], &[10, 0, 0, 0, 255, 0, 0, 0]));
        assert!(!ip_within(&[11, 1, 2, 3], &[10, 0, 0, 0, 255, 0, 0, 0]));
        assert!(!ip_within(&[10, 1, 2, 3], &[0; 32]));
        assert!(email_within(b"a@example.com", b"example.com"));
        assert!(!email_within(b"a@sub.example.com", b"example.com"));
        assert!(email_within(b"a@sub.example.com", b".example.com"));
        assert!(email_within(b"a@Example.com", b"a@example.com"));
        assert!(!email_within(b"b@example.com", b"a@example.com"));
        assert_eq!(uri_host(b"https://user@host.example:8443/x"), Some(&b"host.example"[..]));
        assert_eq!(uri_host(b"urn:isbn:1"), None);
        assert!(host_within(b"a.example.com", b".example.com"));
    }

    #[test]
    fn host_ids() {
        assert!(dns_id_matches(b"*.example.com", b"www.example.com"));
        assert!(!dns_id_matches(b"*.example.com", b"a.b.example.com"));
        assert!(!dns_id_matches(b"*.example.com", b"example.com"));
        assert!(!dns_id_matches(b"*.com", b"example.com"));
        assert!(!dns_id_matches(b"w*.example.com", b"www.example.com"));
        assert!(dns_id_matches(b"Example.COM", b"example.com"));
        assert_eq!(ip_text(&[192, 0, 2, 0, 255, 255, 255, 0]), "192.0.2.0/24");
    }
}
