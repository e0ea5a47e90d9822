//! Small, allocation-free parsers for the text forms found in GeneralNames: URIs
//! (RFC 3986), LDAP URLs (RFC 4516) and mailboxes (RFC 5321 §4.1.2, RFC 6531 §3.3).
//!
//! They check syntax only and borrow from their input; the rules decide what a defect
//! means for a certificate.

use core::fmt;

/// A URI reference that parsed as an absolute URI (`scheme ":" hier-part ...`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Uri<'a> {
    /// The scheme, as written (compare case-insensitively).
    pub scheme: &'a str,
    /// `//` authority, when the hier-part has one.
    pub authority: Option<Authority<'a>>,
    /// The path (possibly empty).
    pub path: &'a str,
    /// The query, without its `?`.
    pub query: Option<&'a str>,
    /// The fragment, without its `#`.
    pub fragment: Option<&'a str>,
}

/// The authority of a URI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Authority<'a> {
    /// userinfo, without its `@`.
    pub userinfo: Option<&'a str>,
    /// The host.
    pub host: Host<'a>,
    /// The port digits, without the `:` (possibly empty).
    pub port: Option<&'a str>,
}

/// The host of a URI authority.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Host<'a> {
    /// An IPv4 address in dotted-decimal form.
    Ipv4(&'a str),
    /// An IP literal (`[...]`: IPv6 or IPvFuture), without the brackets.
    IpLiteral(&'a str),
    /// A registered name (a DNS name, usually); may be empty.
    RegName(&'a str),
}

impl<'a> Host<'a> {
    /// The host text (IP literals without brackets).
    pub fn as_str(&self) -> &'a str {
        match self {
            Self::Ipv4(s) | Self::IpLiteral(s) | Self::RegName(s) => s,
        }
    }
}

/// Why a URI does not parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UriError {
    /// The text is empty.
    Empty,
    /// A byte outside ASCII (URIs are ASCII; IRIs must be mapped, RFC 3987 §3.1).
    NonAscii {
        /// Byte offset.
        offset: usize,
    },
    /// No `scheme:` prefix: a relative reference.
    NoScheme,
    /// Nothing follows `scheme:`.
    EmptySchemeSpecificPart,
    /// The scheme has a character other than letters, digits, `+`, `-`, `.`, or does not
    /// start with a letter.
    InvalidScheme,
    /// A character that the grammar does not allow where it appears.
    InvalidChar {
        /// Byte offset.
        offset: usize,
        /// The character.
        byte: u8,
        /// Which component.
        part: &'static str,
    },
    /// `%` not followed by two hexadecimal digits.
    BadPercentEncoding {
        /// Byte offset of the `%`.
        offset: usize,
    },
    /// The port has a non-digit.
    InvalidPort,
    /// A `[...]` host that is neither IPv6 nor IPvFuture, or is unterminated.
    InvalidIpLiteral,
}

impl UriError {
    /// Whether the defect is a missing scheme or scheme-specific part (a relative
    /// reference) rather than a character-level syntax error.
    pub fn is_relative(&self) -> bool {
        matches!(self, Self::NoScheme | Self::EmptySchemeSpecificPart)
    }
}

impl fmt::Display for UriError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("the URI is empty"),
            Self::NonAscii { offset } => write!(f, "non-ASCII byte at offset {offset}"),
            Self::NoScheme => f.write_str("no scheme: a relative reference"),
            Self::EmptySchemeSpecificPart => f.write_str("nothing follows the scheme"),
            Self::InvalidScheme => f.write_str("the scheme is not ALPHA *( ALPHA / DIGIT / \"+\" / \"-\" / \".\" )"),
            Self::InvalidChar { offset, byte, part } => {
                if byte.is_ascii_graphic() {
                    write!(f, "character '{}' not allowed in the {part} (offset {offset})", char::from(*byte))
                } else {
                    write!(f, "byte 0x{byte:02X} not allowed in the {part} (offset {offset})")
                }
            }
            Self::BadPercentEncoding { offset } => {
                write!(f, "'%' at offset {offset} is not followed by two hexadecimal digits")
            }
            Self::InvalidPort => f.write_str("the port is not a decimal number"),
            Self::InvalidIpLiteral => f.write_str("the bracketed host is not an IPv6 or IPvFuture literal"),
        }
    }
}

/// RFC 3986 character classes by byte: every URI byte is classified, so a table.
const UNRESERVED: u8 = 1;
const SUB_DELIM: u8 = 2;
// Evaluated at compile time, where an index out of bounds is a build error.
#[allow(clippy::indexing_slicing)]
const CLASSES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~') {
            t[b] = UNRESERVED;
        } else if matches!(c, b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=') {
            t[b] = SUB_DELIM;
        }
        b += 1;
    }
    t
};

fn class(b: u8) -> u8 {
    CLASSES.get(usize::from(b)).copied().unwrap_or(0)
}

fn is_unreserved(b: u8) -> bool {
    class(b) == UNRESERVED
}

fn is_sub_delim(b: u8) -> bool {
    class(b) == SUB_DELIM
}

/// Checks that every byte of `s` (at `base` in the whole URI) is allowed by `ok` or is a
/// valid percent-encoding.
fn check_chars(s: &str, base: usize, part: &'static str, ok: impl Fn(u8) -> bool) -> Result<(), UriError> {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'%' {
            let hex = b.get(i + 1..i + 3).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
            if !hex {
                return Err(UriError::BadPercentEncoding { offset: base + i });
            }
            i += 3;
            continue;
        }
        if !ok(c) {
            return Err(UriError::InvalidChar { offset: base + i, byte: c, part });
        }
        i += 1;
    }
    Ok(())
}

fn is_pchar(b: u8) -> bool {
    class(b) != 0 || b == b':' || b == b'@'
}

/// Whether `s` is an IPv4 address in RFC 3986 `dec-octet` form (no leading zeros).
pub fn is_ipv4(s: &str) -> bool {
    // Every part is digits: a name that starts otherwise (most hosts) is not one.
    if !s.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let mut n = 0;
    for part in s.split('.') {
        n += 1;
        let ok = !part.is_empty()
            && part.len() <= 3
            && part.bytes().all(|b| b.is_ascii_digit())
            && !(part.len() > 1 && part.starts_with('0'))
            && part.parse::<u16>().is_ok_and(|v| v <= 255);
        if !ok {
            return false;
        }
    }
    n == 4
}

/// Whether `s` is an IPv6 address in RFC 3986 / RFC 4291 text form.
pub fn is_ipv6(s: &str) -> bool {
    fn groups(part: &str, allow_v4_tail: bool) -> Option<usize> {
        if part.is_empty() {
            return Some(0);
        }
        let mut count = 0;
        let mut it = part.split(':').peekable();
        while let Some(g) = it.next() {
            let last = it.peek().is_none();
            if last && allow_v4_tail && g.contains('.') {
                if !is_ipv4(g) {
                    return None;
                }
                count += 2;
            } else if (1..=4).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_hexdigit()) {
                count += 1;
            } else {
                return None;
            }
        }
        Some(count)
    }
    match s.split_once("::") {
        Some((head, tail)) => {
            if tail.contains("::") {
                return false;
            }
            match (groups(head, false), groups(tail, true)) {
                (Some(h), Some(t)) => h + t <= 7,
                _ => false,
            }
        }
        None => groups(s, true) == Some(8),
    }
}

fn parse_ip_literal(inner: &str) -> bool {
    if let Some(rest) = inner.strip_prefix(['v', 'V']) {
        return match rest.split_once('.') {
            Some((ver, addr)) => {
                !ver.is_empty()
                    && ver.bytes().all(|b| b.is_ascii_hexdigit())
                    && !addr.is_empty()
                    && addr.bytes().all(|b| is_unreserved(b) || is_sub_delim(b) || b == b':')
            }
            None => false,
        };
    }
    is_ipv6(inner)
}

fn parse_authority(a: &str, base: usize) -> Result<Authority<'_>, UriError> {
    let (userinfo, hostport, hp_base) = match a.bytes().rposition(|b| b == b'@') {
        Some(i) => (a.get(..i), a.get(i + 1..).unwrap_or_default(), base + i + 1),
        None => (None, a, base),
    };
    if let Some(u) = userinfo {
        check_chars(u, base, "userinfo", |b| is_unreserved(b) || is_sub_delim(b) || b == b':')?;
    }
    let (host, port) = if let Some(rest) = hostport.strip_prefix('[') {
        let close = rest.find(']').ok_or(UriError::InvalidIpLiteral)?;
        let inner = rest.get(..close).unwrap_or_default();
        if !parse_ip_literal(inner) {
            return Err(UriError::InvalidIpLiteral);
        }
        let after = rest.get(close + 1..).unwrap_or_default();
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':').ok_or(UriError::InvalidPort)?),
        };
        (Host::IpLiteral(inner), port)
    } else {
        let (h, p) = match hostport.bytes().rposition(|b| b == b':') {
            Some(i) => (hostport.get(..i).unwrap_or_default(), hostport.get(i + 1..)),
            None => (hostport, None),
        };
        check_chars(h, hp_base, "host", |b| is_unreserved(b) || is_sub_delim(b))?;
        (if is_ipv4(h) { Host::Ipv4(h) } else { Host::RegName(h) }, p)
    };
    if port.is_some_and(|p| !p.bytes().all(|b| b.is_ascii_digit())) {
        return Err(UriError::InvalidPort);
    }
    Ok(Authority { userinfo, host, port })
}

/// `s` before and after the first `sep`, if any (a byte search: URIs are short, and
/// `str::split_once` costs more to set up than to scan them).
fn split_at_byte(s: &str, sep: u8) -> (&str, Option<&str>) {
    match s.bytes().position(|b| b == sep) {
        Some(i) => (s.get(..i).unwrap_or_default(), s.get(i + 1..)),
        None => (s, None),
    }
}

/// Parses an absolute URI (RFC 3986 §3). A relative reference is
/// [`UriError::NoScheme`].
pub fn parse_uri(raw: &[u8]) -> Result<Uri<'_>, UriError> {
    match parse_plain(raw) {
        Some(uri) => Ok(uri),
        None => parse_any(raw),
    }
}

/// Bytes allowed unencoded in a host (`unreserved` and `sub-delims`).
const IN_HOST: u8 = UNRESERVED | SUB_DELIM;

/// [`parse_uri`] in one pass for the URIs certificates carry: ASCII, `scheme://host[:port]`
/// or no authority, no userinfo, IP literal or percent-encoding. `None` for anything
/// else, valid or not, which [`parse_any`] then parses (and words the error of).
fn parse_plain(raw: &[u8]) -> Option<Uri<'_>> {
    let s = core::str::from_utf8(raw).ok().filter(|s| s.is_ascii())?;
    let b = s.as_bytes();
    let scheme_len = b.iter().position(|&c| !(c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.')))?;
    if b.get(scheme_len) != Some(&b':') || !b.first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let mut i = scheme_len + 1;
    let authority = if b.get(i..i + 2) == Some(b"//") {
        i += 2;
        let start = i;
        while b.get(i).is_some_and(|&c| class(c) & IN_HOST != 0) {
            i += 1;
        }
        let host = s.get(start..i)?;
        let port = if b.get(i) == Some(&b':') {
            let from = i + 1;
            i = from;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            Some(s.get(from..i)?)
        } else {
            None
        };
        if !matches!(b.get(i), None | Some(b'/' | b'?' | b'#')) {
            return None;
        }
        Some(Authority {
            userinfo: None,
            host: if is_ipv4(host) { Host::Ipv4(host) } else { Host::RegName(host) },
            port,
        })
    } else {
        None
    };
    // The path, query and fragment: pchar and `/`, `?` after the path; no `%`.
    let part = |i: &mut usize, extra: u8| {
        let start = *i;
        while b.get(*i).is_some_and(|&c| is_pchar(c) || c == b'/' || c == extra) {
            *i += 1;
        }
        s.get(start..*i)
    };
    let path = part(&mut i, b'/')?;
    let query = if b.get(i) == Some(&b'?') {
        i += 1;
        Some(part(&mut i, b'?')?)
    } else {
        None
    };
    let fragment = if b.get(i) == Some(&b'#') {
        i += 1;
        Some(part(&mut i, b'?')?)
    } else {
        None
    };
    if i != b.len() || scheme_len + 1 == b.len() {
        return None;
    }
    Some(Uri { scheme: s.get(..scheme_len)?, authority, path, query, fragment })
}

/// [`parse_uri`] for every input.
fn parse_any(raw: &[u8]) -> Result<Uri<'_>, UriError> {
    if raw.is_empty() {
        return Err(UriError::Empty);
    }
    // UTF-8 validation has an ASCII fast path; the offset is looked for only on failure.
    let Some(s) = core::str::from_utf8(raw).ok().filter(|s| s.is_ascii()) else {
        let offset = raw.iter().position(|b| !b.is_ascii()).unwrap_or_default();
        return Err(UriError::NonAscii { offset });
    };
    let colon = s.bytes().position(|b| matches!(b, b':' | b'/' | b'?' | b'#'));
    let (scheme, rest) = match colon {
        Some(i) if s.as_bytes().get(i) == Some(&b':') && i > 0 => (s.get(..i).unwrap_or_default(), s.get(i + 1..)),
        _ => return Err(UriError::NoScheme),
    };
    let rest = rest.unwrap_or_default();
    let scheme_ok = scheme.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
        && scheme.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    if !scheme_ok {
        return Err(UriError::InvalidScheme);
    }
    if rest.is_empty() {
        return Err(UriError::EmptySchemeSpecificPart);
    }
    let mut base = scheme.len() + 1;
    let (rest, fragment) = split_at_byte(rest, b'#');
    let (hier, query) = split_at_byte(rest, b'?');
    let (authority, path) = match hier.strip_prefix("//") {
        Some(after) => {
            base += 2;
            let end = after.bytes().position(|b| b == b'/').unwrap_or(after.len());
            let auth = parse_authority(after.get(..end).unwrap_or_default(), base)?;
            base += end;
            (Some(auth), after.get(end..).unwrap_or_default())
        }
        None => (None, hier),
    };
    check_chars(path, base, "path", |b| is_pchar(b) || b == b'/')?;
    base += path.len();
    if let Some(q) = query {
        check_chars(q, base + 1, "query", |b| is_pchar(b) || b == b'/' || b == b'?')?;
        base += q.len() + 1;
    }
    if let Some(f) = fragment {
        check_chars(f, base + 1, "fragment", |b| is_pchar(b) || b == b'/' || b == b'?')?;
    }
    Ok(Uri { scheme, authority, path, query, fragment })
}

impl<'a> Uri<'a> {
    /// Whether the scheme is `name` (ASCII case-insensitive).
    pub fn has_scheme(&self, name: &str) -> bool {
        self.scheme.eq_ignore_ascii_case(name)
    }

    /// Whether it is an `http` or `ldap` URI, the schemes RFC 5280 asks for in
    /// distribution points and access descriptions (§4.2.1.13, §4.2.2).
    pub fn is_http_or_ldap(&self) -> bool {
        self.has_scheme("http") || self.has_scheme("ldap")
    }

    /// The LDAP URL parts (RFC 4516 §2) when the scheme is `ldap` or `ldaps`.
    pub fn ldap(&self) -> Option<LdapUrl<'a>> {
        if !(self.has_scheme("ldap") || self.has_scheme("ldaps")) {
            return None;
        }
        let dn = self.path.strip_prefix('/').unwrap_or(self.path);
        let attributes = self.query.and_then(|q| q.split('?').next()).filter(|a| !a.is_empty());
        Some(LdapUrl { dn, attributes })
    }
}

/// The parts of an LDAP URL that RFC 5280 constrains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LdapUrl<'a> {
    /// `<dn>`, percent-encoded, possibly empty.
    pub dn: &'a str,
    /// `<attributes>`, comma-separated and percent-encoded, when present and non-empty.
    pub attributes: Option<&'a str>,
}

/// An email address in `Mailbox` form (RFC 5321 §4.1.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mailbox<'a> {
    /// The local-part, as written (a quoted string keeps its quotes).
    pub local: &'a str,
    /// The domain or address literal.
    pub domain: &'a str,
}

/// Why a mailbox does not parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailboxError {
    /// No `@` after the local-part.
    NoAt,
    /// The local-part is empty.
    EmptyLocalPart,
    /// A character not allowed in the local-part (at this byte offset).
    InvalidLocalPart {
        /// Byte offset.
        offset: usize,
    },
    /// An empty atom: a leading, trailing or doubled dot in the local-part.
    EmptyAtom,
    /// A quoted local-part without its closing quote.
    UnterminatedQuote,
    /// The domain is empty.
    EmptyDomain,
    /// The domain is not a `Domain` or address literal.
    InvalidDomain(&'static str),
}

impl fmt::Display for MailboxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoAt => f.write_str("no '@' separates local-part and domain"),
            Self::EmptyLocalPart => f.write_str("the local-part is empty"),
            Self::InvalidLocalPart { offset } => write!(f, "invalid character in the local-part at offset {offset}"),
            Self::EmptyAtom => f.write_str("the local-part has a leading, trailing or doubled dot"),
            Self::UnterminatedQuote => f.write_str("the quoted local-part is not terminated"),
            Self::EmptyDomain => f.write_str("the domain is empty"),
            Self::InvalidDomain(why) => write!(f, "the domain is invalid: {why}"),
        }
    }
}

fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c)
}

/// Parses a `Mailbox` (RFC 5321 §4.1.2). With `utf8`, non-ASCII characters are allowed in
/// the local-part and U-labels in the domain, as RFC 6531 §3.3 extends the grammar.
pub fn parse_mailbox(s: &str, utf8: bool) -> Result<Mailbox<'_>, MailboxError> {
    let extra = |c: char| utf8 && !c.is_ascii() && !c.is_control();
    let at = if s.starts_with('"') {
        let mut escaped = false;
        let mut close = None;
        for (i, c) in s.char_indices().skip(1) {
            if escaped {
                if !(matches!(c, ' '..='~') || extra(c)) {
                    return Err(MailboxError::InvalidLocalPart { offset: i });
                }
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                close = Some(i);
                break;
            } else if !(matches!(c, ' ' | '!' | '#'..='[' | ']'..='~') || extra(c)) {
                return Err(MailboxError::InvalidLocalPart { offset: i });
            }
        }
        let close = close.ok_or(MailboxError::UnterminatedQuote)?;
        match s.as_bytes().get(close + 1) {
            Some(b'@') => close + 1,
            Some(_) => return Err(MailboxError::InvalidLocalPart { offset: close + 1 }),
            None => return Err(MailboxError::NoAt),
        }
    } else {
        let at = s.find('@').ok_or(MailboxError::NoAt)?;
        let local = s.get(..at).unwrap_or_default();
        if local.is_empty() {
            return Err(MailboxError::EmptyLocalPart);
        }
        if let Some((i, _)) = local.char_indices().find(|&(_, c)| !(is_atext(c) || c == '.' || extra(c))) {
            return Err(MailboxError::InvalidLocalPart { offset: i });
        }
        if local.split('.').any(str::is_empty) {
            return Err(MailboxError::EmptyAtom);
        }
        at
    };
    let local = s.get(..at).unwrap_or_default();
    let domain = s.get(at + 1..).unwrap_or_default();
    check_mail_domain(domain, utf8).map_err(MailboxError::InvalidDomain)?;
    if domain.is_empty() {
        return Err(MailboxError::EmptyDomain);
    }
    Ok(Mailbox { local, domain })
}

/// Checks the domain of a mailbox: `Domain` (dot-separated `Let-dig [Ldh-str]` labels of
/// at most 63 octets; with `utf8`, labels with non-ASCII characters are taken as
/// U-labels) or an address literal (`[IPv4]`, `[IPv6:...]`, `[tag:content]`).
pub fn check_mail_domain(domain: &str, utf8: bool) -> Result<(), &'static str> {
    if domain.is_empty() {
        return Ok(()); // reported as EmptyDomain by the caller
    }
    if let Some(lit) = domain.strip_prefix('[') {
        let inner = lit.strip_suffix(']').ok_or("address literal without ']'")?;
        if is_ipv4(inner) {
            return Ok(());
        }
        if let Some(v6) = inner.strip_prefix("IPv6:") {
            return if is_ipv6(v6) { Ok(()) } else { Err("invalid IPv6 address literal") };
        }
        return match inner.split_once(':') {
            Some((tag, content))
                if !tag.is_empty()
                    && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                    && !content.is_empty()
                    && content.bytes().all(|b| matches!(b, 33..=90 | 94..=126)) =>
            {
                Ok(())
            }
            _ => Err("invalid address literal"),
        };
    }
    for label in domain.split('.') {
        if label.is_empty() {
            return Err("empty label");
        }
        if label.len() > 63 {
            return Err("label longer than 63 octets");
        }
        if utf8 && !label.is_ascii() {
            if label.chars().any(|c| c.is_ascii() && !(c.is_ascii_alphanumeric() || c == '-') || c.is_control()) {
                return Err("invalid character in a label");
            }
            continue;
        }
        if !label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return Err("invalid character in a label");
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err("label starts or ends with a hyphen");
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {

    #[test]
    fn character_classes_match_rfc_3986() {
        for b in 0..=255u8 {
            let unreserved = b.is_ascii_alphanumeric() || b"-._~".contains(&b);
            let sub_delim = b"!$&'()*+,;=".contains(&b);
            assert_eq!(is_unreserved(b), unreserved, "{b}");
            assert_eq!(is_sub_delim(b), sub_delim, "{b}");
            assert_eq!(is_pchar(b), unreserved || sub_delim || b == b':' || b == b'@', "{b}");
        }
    }

    use super::*;

    #[test]
    fn uris() {
        let u = parse_uri(b"http://user@example.com:8080/a/b?x=1#f").unwrap();
        assert_eq!(u.scheme, "http");
        let a = u.authority.unwrap();
        assert_eq!(a.host, Host::RegName("example.com"));
        assert_eq!(a.port, Some("8080"));
        assert_eq!(a.userinfo, Some("user"));
        assert_eq!(u.path, "/a/b");
        assert_eq!(u.query, Some("x=1"));
        assert_eq!(u.fragment, Some("f"));
        assert!(parse_uri(b"urn:uuid:1234").unwrap().authority.is_none());
        assert_eq!(
            parse_uri(b"http://[2001:db8::1]/").unwrap().authority.unwrap().host,
            Host::IpLiteral("2001:db8::1")
        );
        assert_eq!(parse_uri(b"http://192.0.2.1/").unwrap().authority.unwrap().host, Host::Ipv4("192.0.2.1"));
        assert_eq!(parse_uri(b"example.com/x"), Err(UriError::NoScheme));
        assert_eq!(parse_uri(b"//example.com/x"), Err(UriError::NoScheme));
        assert_eq!(parse_uri(b"http:"), Err(UriError::EmptySchemeSpecificPart));
        assert_eq!(parse_uri(b"1http://x"), Err(UriError::InvalidScheme));
        assert!(matches!(parse_uri(b"http://a b/"), Err(UriError::InvalidChar { byte: b' ', .. })));
        assert!(matches!(parse_uri(b"http://ex.com/a%2"), Err(UriError::BadPercentEncoding { .. })));
        assert!(matches!(parse_uri(b"http://ex.com/a%zz"), Err(UriError::BadPercentEncoding { .. })));
        assert_eq!(parse_uri(b"http://ex.com:8a/"), Err(UriError::InvalidPort));
        assert_eq!(parse_uri(b"http://[::g]/"), Err(UriError::InvalidIpLiteral));
        assert!(matches!(parse_uri("http://é.com".as_bytes()), Err(UriError::NonAscii { .. })));
        assert!(parse_uri(b"http://ex.com/a%20b").is_ok());
    }

    #[test]
    fn ip_forms() {
        assert!(is_ipv4("192.0.2.255"));
        assert!(!is_ipv4("192.0.2.256"));
        assert!(!is_ipv4("01.1.1.1"));
        assert!(!is_ipv4("1.2.3"));
        for ok in ["::", "::1", "2001:db8::", "1:2:3:4:5:6:7:8", "::ffff:192.0.2.1", "1::2:3"] {
            assert!(is_ipv6(ok), "{ok}");
        }
        for bad in ["1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", ":1", "1:2:3:4:5:6:7::8:9", "g::"] {
            assert!(!is_ipv6(bad), "{bad}");
        }
    }

    #[test]
    fn ldap() {
        let u = parse_uri(b"ldap://ldap.example.com/cn=CA,o=Example?cACertificate;binary").unwrap();
        let l = u.ldap().unwrap();
        assert_eq!(l.dn, "cn=CA,o=Example");
        assert_eq!(l.attributes, Some("cACertificate;binary"));
        let l = parse_uri(b"ldap://ldap.example.com").unwrap().ldap().unwrap();
        assert_eq!((l.dn, l.attributes), ("", None));
        assert!(parse_uri(b"http://x.example/").unwrap().ldap().is_none());
    }

    #[test]
    fn mailboxes() {
        let m = parse_mailbox("user.name+tag@example.com", false).unwrap();
        assert_eq!((m.local, m.domain), ("user.name+tag", "example.com"));
        assert!(parse_mailbox("\"a b@c\"@example.com", false).is_ok());
        assert!(parse_mailbox("user@[192.0.2.1]", false).is_ok());
        assert!(parse_mailbox("user@[IPv6:2001:db8::1]", false).is_ok());
        assert_eq!(parse_mailbox("example.com", false), Err(MailboxError::NoAt));
        assert_eq!(parse_mailbox("@example.com", false), Err(MailboxError::EmptyLocalPart));
        assert_eq!(parse_mailbox("a..b@example.com", false), Err(MailboxError::EmptyAtom));
        assert!(matches!(parse_mailbox("A <a@example.com>", false), Err(MailboxError::InvalidLocalPart { .. })));
        assert!(matches!(parse_mailbox("a@b@example.com", false), Err(MailboxError::InvalidDomain(_))));
        assert!(matches!(parse_mailbox("a@-x.com", false), Err(MailboxError::InvalidDomain(_))));
        assert_eq!(parse_mailbox("a@", false), Err(MailboxError::EmptyDomain));
        assert_eq!(parse_mailbox("\"ab@example.com", false), Err(MailboxError::UnterminatedQuote));
        assert!(parse_mailbox("пользователь@example.com", false).is_err());
        assert!(parse_mailbox("пользователь@example.com", true).is_ok());
        assert!(parse_mailbox("a@пример.рф", true).is_ok());
    }

    /// The parser as it was before its searches became byte scans, for the test below.
    mod reference {
        #![allow(clippy::all)]
        use super::super::*;

        pub(super) fn old_is_ipv4(s: &str) -> bool {
            let mut n = 0;
            for part in s.split('.') {
                n += 1;
                let ok = !part.is_empty()
                    && part.len() <= 3
                    && part.bytes().all(|b| b.is_ascii_digit())
                    && !(part.len() > 1 && part.starts_with('0'))
                    && part.parse::<u16>().is_ok_and(|v| v <= 255);
                if !ok {
                    return false;
                }
            }
            n == 4
        }

        fn old_parse_authority(a: &str, base: usize) -> Result<Authority<'_>, UriError> {
            let (userinfo, hostport, hp_base) = match a.rfind('@') {
                Some(i) => (a.get(..i), a.get(i + 1..).unwrap_or_default(), base + i + 1),
                None => (None, a, base),
            };
            if let Some(u) = userinfo {
                check_chars(u, base, "userinfo", |b| is_unreserved(b) || is_sub_delim(b) || b == b':')?;
            }
            let (host, port) = if let Some(rest) = hostport.strip_prefix('[') {
                let close = rest.find(']').ok_or(UriError::InvalidIpLiteral)?;
                let inner = rest.get(..close).unwrap_or_default();
                if !parse_ip_literal(inner) {
                    return Err(UriError::InvalidIpLiteral);
                }
                let after = rest.get(close + 1..).unwrap_or_default();
                let port = match after {
                    "" => None,
                    p => Some(p.strip_prefix(':').ok_or(UriError::InvalidPort)?),
                };
                (Host::IpLiteral(inner), port)
            } else {
                let (h, p) = match hostport.rfind(':') {
                    Some(i) => (hostport.get(..i).unwrap_or_default(), hostport.get(i + 1..)),
                    None => (hostport, None),
                };
                check_chars(h, hp_base, "host", |b| is_unreserved(b) || is_sub_delim(b))?;
                (if old_is_ipv4(h) { Host::Ipv4(h) } else { Host::RegName(h) }, p)
            };
            if port.is_some_and(|p| !p.bytes().all(|b| b.is_ascii_digit())) {
                return Err(UriError::InvalidPort);
            }
            Ok(Authority { userinfo, host, port })
        }

        pub(super) fn old_parse_uri(raw: &[u8]) -> Result<Uri<'_>, UriError> {
            if raw.is_empty() {
                return Err(UriError::Empty);
            }
            if let Some(offset) = raw.iter().position(|b| !b.is_ascii()) {
                return Err(UriError::NonAscii { offset });
            }
            let s = core::str::from_utf8(raw).map_err(|e| UriError::NonAscii { offset: e.valid_up_to() })?;
            let colon = s.find([':', '/', '?', '#']);
            let (scheme, rest) = match colon {
                Some(i) if s.as_bytes().get(i) == Some(&b':') && i > 0 => {
                    (s.get(..i).unwrap_or_default(), s.get(i + 1..))
                }
                _ => return Err(UriError::NoScheme),
            };
            let rest = rest.unwrap_or_default();
            let scheme_ok = scheme.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
                && scheme.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
            if !scheme_ok {
                return Err(UriError::InvalidScheme);
            }
            if rest.is_empty() {
                return Err(UriError::EmptySchemeSpecificPart);
            }
            let mut base = scheme.len() + 1;
            let (rest, fragment) = match rest.split_once('#') {
                Some((r, f)) => (r, Some(f)),
                None => (rest, None),
            };
            let (hier, query) = match rest.split_once('?') {
                Some((h, q)) => (h, Some(q)),
                None => (rest, None),
            };
            let (authority, path) = match hier.strip_prefix("//") {
                Some(after) => {
                    base += 2;
                    let end = after.find('/').unwrap_or(after.len());
                    let auth = old_parse_authority(after.get(..end).unwrap_or_default(), base)?;
                    base += end;
                    (Some(auth), after.get(end..).unwrap_or_default())
                }
                None => (None, hier),
            };
            check_chars(path, base, "path", |b| is_pchar(b) || b == b'/')?;
            base += path.len();
            if let Some(q) = query {
                check_chars(q, base + 1, "query", |b| is_pchar(b) || b == b'/' || b == b'?')?;
                base += q.len() + 1;
            }
            if let Some(f) = fragment {
                check_chars(f, base + 1, "fragment", |b| is_pchar(b) || b == b'/' || b == b'?')?;
            }
            Ok(Uri { scheme, authority, path, query, fragment })
        }
    }

    /// The byte-scanning parser agrees with the reference on URIs made of every
    /// combination of up to four pieces (and a few fixed prefixes before them).
    #[test]
    fn parser_agrees_with_reference() {
        const PIECES: [&str; 22] = [
            "http", "ldap", ":", "//", "/", "?", "#", "@", "[", "]", "::1", "1.2.3.4", "a.b", "%2", "%zz", "%41", " ",
            "\u{e9}", "8080", ".", "v1.x", "01",
        ];
        let mut inputs = alloc::vec![alloc::string::String::new()];
        let mut frontier = inputs.clone();
        for _ in 0..4 {
            let next: alloc::vec::Vec<_> =
                frontier.iter().flat_map(|s| PIECES.iter().map(move |p| alloc::format!("{s}{p}"))).collect();
            inputs.extend(next.iter().cloned());
            frontier = next;
        }
        let prefixed: alloc::vec::Vec<_> = ["http://", "ldap://", "urn:", "http://[", "x://u@"]
            .iter()
            .flat_map(|p| inputs.iter().filter(|s| s.len() < 12).map(move |s| alloc::format!("{p}{s}")))
            .collect();
        for s in inputs.iter().chain(&prefixed) {
            assert_eq!(parse_uri(s.as_bytes()), reference::old_parse_uri(s.as_bytes()), "{s}");
            assert_eq!(is_ipv4(s), reference::old_is_ipv4(s), "{s}");
        }
    }
}
