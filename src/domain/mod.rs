//! DNS name checks for certificate linting.
//!
//! Pure, allocation-free functions over `&str` / `&[u8]` for the rules on
//! dNSName values: RFC 5280 §4.2.1.6 (preferred name syntax), RFC 5890/5891
//! (IDNA2008 A-labels, in [`idna`]), RFC 9549, and the CA/B Forum TLS
//! Baseline Requirements §7.1.2.7.12 (SAN contents, no underscores) and
//! §3.2.2.6 (wildcards over public suffixes, in [`psl`]).
//!
//! - [`check_dns_name`]: LDH syntax, lengths, wildcard placement.
//! - [`wildcard_error`], [`is_wildcard`]: wildcard shape helpers.
//! - [`idna`]: Punycode and A-label checks.
//! - [`psl`]: Public Suffix List lookups ([`public_suffix`],
//!   [`registrable_domain`], [`wildcard_covers_public_suffix`]).
//! - [`is_internal_name`], [`is_special_use`], [`looks_like_ipv4`].

#![forbid(unsafe_code)]
#![deny(missing_docs)]

use core::fmt;

pub mod idna;
pub mod psl;
mod psl_table;

pub use psl::{
    is_public_suffix, public_suffix, registrable_domain, wildcard_covers_public_suffix, Scope, Section, Suffix,
    PSL_VERSION,
};

/// Maximum length of a DNS name in octets, in text form without a trailing
/// dot (RFC 1035 §2.3.4: 255 octets on the wire).
pub const MAX_NAME_LEN: usize = 253;

/// Maximum length of a DNS label in octets (RFC 1035 §2.3.4).
pub const MAX_LABEL_LEN: usize = idna::MAX_LABEL_LEN;

/// A defect in a dNSName. Offsets are byte offsets in the name as given;
/// label indexes count from 0 at the leftmost label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DnsNameError {
    /// The name is empty.
    Empty,
    /// A byte above 0x7F (dNSName is IA5String and must use A-labels).
    NonAscii {
        /// Byte offset.
        offset: usize,
        /// The byte.
        byte: u8,
    },
    /// An empty label: leading dot, two consecutive dots, or a name that is
    /// only a dot.
    EmptyLabel {
        /// Label index.
        label: usize,
        /// Byte offset where the label would start.
        offset: usize,
    },
    /// A character other than a letter, digit, hyphen (or underscore, see
    /// [`DnsNameError::Underscore`]).
    InvalidChar {
        /// Label index.
        label: usize,
        /// Byte offset.
        offset: usize,
        /// The byte.
        byte: u8,
    },
    /// A label starts with a hyphen.
    LeadingHyphen {
        /// Label index.
        label: usize,
        /// Byte offset of the hyphen.
        offset: usize,
    },
    /// A label ends with a hyphen.
    TrailingHyphen {
        /// Label index.
        label: usize,
        /// Byte offset of the hyphen.
        offset: usize,
    },
    /// A label is longer than 63 octets.
    LabelTooLong {
        /// Label index.
        label: usize,
        /// Byte offset of the label.
        offset: usize,
        /// Label length in octets.
        len: usize,
    },
    /// The name is longer than 253 octets (not counting a trailing dot).
    NameTooLong {
        /// Name length in octets (not counting a trailing dot).
        len: usize,
    },
    /// `*` shares the leftmost label with other characters (`f*o.example.com`,
    /// `*foo.example.com`).
    PartialWildcard {
        /// Byte offset of the `*`.
        offset: usize,
    },
    /// `*` in a label other than the leftmost (`a.*.example.com`,
    /// `*.*.example.com`, `a.f*o.example.com`).
    WildcardNotLeftmost {
        /// Label index.
        label: usize,
        /// Byte offset of the `*`.
        offset: usize,
    },
    /// The name is only the wildcard label (`*` or `*.`).
    BareWildcard,
    /// A label contains an underscore. Only reported when the name has no
    /// other defect except possibly a trailing dot, so a caller that
    /// tolerates underscores can rely on it (or use
    /// [`DnsNameOptions::allow_underscore`]).
    Underscore {
        /// Label index of the first underscore.
        label: usize,
        /// Byte offset of the first underscore.
        offset: usize,
    },
    /// The name ends with a dot (absolute form), not allowed in a dNSName.
    /// Only reported when the name has no other defect.
    TrailingDot,
}

impl DnsNameError {
    /// The byte offset the defect points at, when there is one.
    pub fn offset(&self) -> Option<usize> {
        match *self {
            Self::NonAscii { offset, .. }
            | Self::EmptyLabel { offset, .. }
            | Self::InvalidChar { offset, .. }
            | Self::LeadingHyphen { offset, .. }
            | Self::TrailingHyphen { offset, .. }
            | Self::LabelTooLong { offset, .. }
            | Self::PartialWildcard { offset }
            | Self::WildcardNotLeftmost { offset, .. }
            | Self::Underscore { offset, .. } => Some(offset),
            Self::Empty | Self::NameTooLong { .. } | Self::BareWildcard | Self::TrailingDot => None,
        }
    }

    /// True for the wildcard placement defects.
    pub fn is_wildcard_error(&self) -> bool {
        matches!(self, Self::PartialWildcard { .. } | Self::WildcardNotLeftmost { .. } | Self::BareWildcard)
    }
}

struct Printable(u8);

impl fmt::Display for Printable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_ascii_graphic() {
            write!(f, "'{}' (0x{:02X})", char::from(self.0), self.0)
        } else {
            write!(f, "0x{:02X}", self.0)
        }
    }
}

impl fmt::Display for DnsNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Empty => f.write_str("DNS name is empty"),
            Self::NonAscii { offset, byte } => {
                write!(f, "DNS name has non-ASCII byte 0x{byte:02X} at offset {offset} (IDNs must use A-labels)")
            }
            Self::EmptyLabel { label, offset } => {
                write!(f, "DNS name has an empty label (label {label}, offset {offset})")
            }
            Self::InvalidChar { label, offset, byte } => {
                write!(f, "DNS name has invalid character {} in label {label} at offset {offset}", Printable(byte))
            }
            Self::LeadingHyphen { label, offset } => {
                write!(f, "DNS label {label} starts with a hyphen (offset {offset})")
            }
            Self::TrailingHyphen { label, offset } => {
                write!(f, "DNS label {label} ends with a hyphen (offset {offset})")
            }
            Self::LabelTooLong { label, offset, len } => {
                write!(f, "DNS label {label} at offset {offset} is {len} octets long (max 63)")
            }
            Self::NameTooLong { len } => {
                write!(f, "DNS name is {len} octets long (max 253)")
            }
            Self::PartialWildcard { offset } => {
                write!(f, "wildcard '*' at offset {offset} is not the whole leftmost label")
            }
            Self::WildcardNotLeftmost { label, offset } => {
                write!(f, "wildcard '*' at offset {offset} is in label {label}, not the leftmost label")
            }
            Self::BareWildcard => f.write_str("DNS name is only a wildcard label"),
            Self::Underscore { label, offset } => {
                write!(f, "DNS label {label} contains an underscore (offset {offset})")
            }
            Self::TrailingDot => f.write_str("DNS name ends with a dot"),
        }
    }
}

/// Options for [`check_dns_name_with`]. The default is strict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DnsNameOptions {
    /// Accept `_` in labels (it is still recorded, see
    /// [`DnsName::has_underscore`]).
    pub allow_underscore: bool,
    /// Accept one trailing dot (see [`DnsName::has_trailing_dot`]).
    pub allow_trailing_dot: bool,
}

/// A syntactically valid dNSName, as returned by [`check_dns_name`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DnsName<'a> {
    name: &'a str,
    body: &'a str,
    label_count: usize,
    wildcard: bool,
    underscore: bool,
}

impl<'a> DnsName<'a> {
    /// The name as given.
    pub fn as_str(&self) -> &'a str {
        self.name
    }

    /// The name without its trailing dot, if it had one.
    pub fn without_trailing_dot(&self) -> &'a str {
        self.body
    }

    /// True when the leftmost label is the wildcard `*`.
    pub fn is_wildcard(&self) -> bool {
        self.wildcard
    }

    /// The labels, leftmost first (a wildcard `*` included; a trailing dot
    /// excluded). The iterator is double-ended (`.rev()` starts at the TLD).
    pub fn labels(&self) -> core::str::Split<'a, char> {
        self.body.split('.')
    }

    /// Number of labels (including a wildcard label).
    pub fn label_count(&self) -> usize {
        self.label_count
    }

    /// The name without its wildcard label (`*.example.com` →
    /// `example.com`); the whole name (without trailing dot) otherwise.
    pub fn base_domain(&self) -> &'a str {
        if self.wildcard {
            self.body.get(2..).unwrap_or_default()
        } else {
            self.body
        }
    }

    /// The rightmost label.
    pub fn tld(&self) -> &'a str {
        self.body.rsplit('.').next().unwrap_or_default()
    }

    /// True when some label contains `_` (only possible with
    /// [`DnsNameOptions::allow_underscore`]).
    pub fn has_underscore(&self) -> bool {
        self.underscore
    }

    /// True when the name ends with a dot (only possible with
    /// [`DnsNameOptions::allow_trailing_dot`]).
    pub fn has_trailing_dot(&self) -> bool {
        self.name.len() != self.body.len()
    }

    /// True when some label starts with `xn--` (any case), i.e. the name is
    /// (or claims to be) an internationalized name; check it with
    /// [`idna::check_name_labels`].
    pub fn has_a_label(&self) -> bool {
        self.labels().any(idna::has_ace_prefix)
    }
}

impl fmt::Display for DnsName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

/// The wildcard defect of one label, if any (`offset` = label start).
fn label_wildcard_error(index: usize, label: &[u8], offset: usize) -> Option<DnsNameError> {
    let star = label.iter().position(|&b| b == b'*')?;
    let offset = offset + star;
    if index > 0 {
        Some(DnsNameError::WildcardNotLeftmost { label: index, offset })
    } else if label != b"*" {
        Some(DnsNameError::PartialWildcard { offset })
    } else {
        None
    }
}

/// Validates a dNSName from a certificate (RFC 5280 §4.2.1.6 preferred name
/// syntax, RFC 1035 lengths, CA/B Forum BR wildcard and underscore rules).
/// Strict: equivalent to [`check_dns_name_with`] with default options.
///
/// Accepts ASCII LDH labels of 1..=63 octets (letters, digits, hyphens; no
/// leading or trailing hyphen), at most 253 octets in total, with an optional
/// leftmost wildcard label `*` followed by at least one label. It does not
/// check IDNA (see [`idna::check_name_labels`]), public suffixes, or numeric
/// TLDs.
///
/// Defects are reported in this order: [`DnsNameError::Empty`],
/// [`DnsNameError::NonAscii`], then per label left to right (empty label,
/// wildcard placement, invalid character, leading hyphen, trailing hyphen,
/// length), then [`DnsNameError::BareWildcard`],
/// [`DnsNameError::NameTooLong`], [`DnsNameError::Underscore`],
/// [`DnsNameError::TrailingDot`]. Never allocates.
pub fn check_dns_name(name: &[u8]) -> Result<DnsName<'_>, DnsNameError> {
    check_dns_name_with(name, DnsNameOptions::default())
}

/// [`check_dns_name`] with options to tolerate underscores or a trailing dot.
pub fn check_dns_name_with(name: &[u8], options: DnsNameOptions) -> Result<DnsName<'_>, DnsNameError> {
    if name.is_empty() {
        return Err(DnsNameError::Empty);
    }
    if let Some(offset) = name.iter().position(|b| !b.is_ascii()) {
        let byte = name.get(offset).copied().unwrap_or_default();
        return Err(DnsNameError::NonAscii { offset, byte });
    }
    let text = core::str::from_utf8(name).map_err(|e| DnsNameError::NonAscii {
        offset: e.valid_up_to(),
        byte: name.get(e.valid_up_to()).copied().unwrap_or_default(),
    })?;
    let (body, trailing_dot) = match text.strip_suffix('.') {
        Some(b) if !b.is_empty() => (b, true),
        _ => (text, false),
    };
    let mut offset = 0usize;
    let mut label_count = 0usize;
    let mut underscore: Option<DnsNameError> = None;
    for (index, label) in body.as_bytes().split(|&b| b == b'.').enumerate() {
        label_count += 1;
        if label.is_empty() {
            return Err(DnsNameError::EmptyLabel { label: index, offset });
        }
        if let Some(e) = label_wildcard_error(index, label, offset) {
            return Err(e);
        }
        if label != b"*" {
            for (i, &byte) in label.iter().enumerate() {
                if byte.is_ascii_alphanumeric() || byte == b'-' {
                    continue;
                }
                if byte == b'_' {
                    underscore.get_or_insert(DnsNameError::Underscore { label: index, offset: offset + i });
                    continue;
                }
                return Err(DnsNameError::InvalidChar { label: index, offset: offset + i, byte });
            }
            if label.first() == Some(&b'-') {
                return Err(DnsNameError::LeadingHyphen { label: index, offset });
            }
            if label.last() == Some(&b'-') {
                return Err(DnsNameError::TrailingHyphen { label: index, offset: offset + label.len() - 1 });
            }
            if label.len() > MAX_LABEL_LEN {
                return Err(DnsNameError::LabelTooLong { label: index, offset, len: label.len() });
            }
        }
        offset += label.len() + 1;
    }
    let wildcard = body.starts_with('*');
    if wildcard && label_count == 1 {
        return Err(DnsNameError::BareWildcard);
    }
    if body.len() > MAX_NAME_LEN {
        return Err(DnsNameError::NameTooLong { len: body.len() });
    }
    if let Some(e) = underscore.filter(|_| !options.allow_underscore) {
        return Err(e);
    }
    if trailing_dot && !options.allow_trailing_dot {
        return Err(DnsNameError::TrailingDot);
    }
    Ok(DnsName { name: text, body, label_count, wildcard, underscore: underscore.is_some() })
}

/// True when the name starts with the wildcard label (`*.`). Says nothing
/// about the rest of the name.
pub fn is_wildcard(name: &[u8]) -> bool {
    name.starts_with(b"*.")
}

/// The first wildcard placement defect of `name`, if any:
/// [`DnsNameError::PartialWildcard`] (`f*o.example.com`),
/// [`DnsNameError::WildcardNotLeftmost`] (`a.*.example.com`,
/// `*.*.example.com`) or [`DnsNameError::BareWildcard`] (`*`, `*.`).
/// Other syntax is not checked. A name without `*` yields `None`.
pub fn wildcard_error(name: &[u8]) -> Option<DnsNameError> {
    let mut offset = 0usize;
    for (index, label) in name.split(|&b| b == b'.').enumerate() {
        if let Some(e) = label_wildcard_error(index, label, offset) {
            return Some(e);
        }
        offset += label.len() + 1;
    }
    (name == b"*" || name == b"*.").then_some(DnsNameError::BareWildcard)
}

/// True when `name` contains a misplaced `*` (see [`wildcard_error`]).
pub fn is_malformed_wildcard(name: &[u8]) -> bool {
    wildcard_error(name).is_some()
}

/// True when the name's TLD (its last label, ASCII case-insensitive, one
/// trailing dot ignored) has no rule in the ICANN section of the Public
/// Suffix List, i.e. is not a registry-controlled TLD: `fileserver`, `printer.lan`,
/// `db.corp`, `x.local`, `x.internal`. False for an empty name.
///
/// Purely TLD-based: names under a delegated TLD that are still not public
/// (`router.home.arpa`) and `onion` (listed in the ICANN section) give false;
/// see [`is_special_use`]. An IPv4 address also gives true (numeric "TLD"):
/// test [`looks_like_ipv4`] first.
pub fn is_internal_name(name: &str) -> bool {
    let s = name.strip_suffix('.').unwrap_or(name);
    if s.is_empty() {
        return false;
    }
    let tld = s.rsplit('.').next().unwrap_or_default();
    !psl::is_icann_tld(tld)
}

/// A special-use or reserved domain name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpecialUseDomain {
    /// The domain, lowercase, without trailing dot.
    pub name: &'static str,
    /// Where it is reserved (RFC number, or ICANN for `internal`).
    pub reference: &'static str,
}

const fn su(name: &'static str, reference: &'static str) -> SpecialUseDomain {
    SpecialUseDomain { name, reference }
}

/// The IANA "Special-Use Domain Names" registry (RFC 6761 §7), from memory
/// of the registry as of mid-2025 (not checked against the live registry;
/// entries added after that are missing), plus `internal`, which ICANN
/// reserved for private use in July 2024 outside that registry.
pub const SPECIAL_USE_DOMAINS: &[SpecialUseDomain] = &[
    su("10.in-addr.arpa", "RFC 6761"),
    su("16.172.in-addr.arpa", "RFC 6761"),
    su("17.172.in-addr.arpa", "RFC 6761"),
    su("18.172.in-addr.arpa", "RFC 6761"),
    su("19.172.in-addr.arpa", "RFC 6761"),
    su("20.172.in-addr.arpa", "RFC 6761"),
    su("21.172.in-addr.arpa", "RFC 6761"),
    su("22.172.in-addr.arpa", "RFC 6761"),
    su("23.172.in-addr.arpa", "RFC 6761"),
    su("24.172.in-addr.arpa", "RFC 6761"),
    su("25.172.in-addr.arpa", "RFC 6761"),
    su("26.172.in-addr.arpa", "RFC 6761"),
    su("27.172.in-addr.arpa", "RFC 6761"),
    su("28.172.in-addr.arpa", "RFC 6761"),
    su("29.172.in-addr.arpa", "RFC 6761"),
    su("30.172.in-addr.arpa", "RFC 6761"),
    su("31.172.in-addr.arpa", "RFC 6761"),
    su("168.192.in-addr.arpa", "RFC 6761"),
    su("170.0.0.192.in-addr.arpa", "RFC 8880"),
    su("171.0.0.192.in-addr.arpa", "RFC 8880"),
    su("254.169.in-addr.arpa", "RFC 6762"),
    su("8.e.f.ip6.arpa", "RFC 6762"),
    su("9.e.f.ip6.arpa", "RFC 6762"),
    su("a.e.f.ip6.arpa", "RFC 6762"),
    su("b.e.f.ip6.arpa", "RFC 6762"),
    su("6tisch.arpa", "RFC 9031"),
    su("eap-noob.arpa", "RFC 9140"),
    su("home.arpa", "RFC 8375"),
    su("ipv4only.arpa", "RFC 8880"),
    su("resolver.arpa", "RFC 9462"),
    su("service.arpa", "RFC 9665"),
    su("alt", "RFC 9476"),
    su("example", "RFC 6761"),
    su("example.com", "RFC 6761"),
    su("example.net", "RFC 6761"),
    su("example.org", "RFC 6761"),
    su("invalid", "RFC 6761"),
    su("local", "RFC 6762"),
    su("localhost", "RFC 6761"),
    su("onion", "RFC 7686"),
    su("test", "RFC 6761"),
    su("internal", "ICANN Board resolution 2024.07.29.06"),
];

/// True when `name` ends with `.` + `suffix` or equals `suffix` (ASCII
/// case-insensitive).
fn is_at_or_under(name: &[u8], suffix: &[u8]) -> bool {
    match name.len().checked_sub(suffix.len()) {
        Some(0) => name.eq_ignore_ascii_case(suffix),
        Some(cut) => {
            name.get(cut - 1) == Some(&b'.') && name.get(cut..).is_some_and(|t| t.eq_ignore_ascii_case(suffix))
        }
        None => false,
    }
}

/// The entry of [`SPECIAL_USE_DOMAINS`] that `name` equals or is under
/// (ASCII case-insensitive, one trailing dot ignored), if any.
pub fn special_use_domain(name: &str) -> Option<&'static SpecialUseDomain> {
    let s = name.strip_suffix('.').unwrap_or(name).as_bytes();
    SPECIAL_USE_DOMAINS.iter().find(|d| is_at_or_under(s, d.name.as_bytes()))
}

/// True when `name` is, or is under, a special-use domain name
/// ([`SPECIAL_USE_DOMAINS`]: `localhost`, `invalid`, `test`, `example`,
/// `local`, `onion`, `alt`, `home.arpa`, `internal`, ...).
pub fn is_special_use(name: &str) -> bool {
    special_use_domain(name).is_some()
}

/// Whether `name` is a plain host name, optionally a wildcard `*.` followed by one: at most
/// 253 octets, no trailing dot, and non-empty labels of at most 63 letters, digits and
/// hyphens, none at a label's edge and none in positions 3-4 (so no `xn--` or other
/// reserved LDH label). Such a name passes every syntax test the dNSName rules make, so
/// one pass over it stands for all of them; the rules test other names one by one.
pub fn is_plain_host(name: &[u8]) -> bool {
    let body = name.strip_prefix(b"*.").unwrap_or(name);
    if name.len() > MAX_NAME_LEN || body.is_empty() {
        return false;
    }
    // One pass: `len` is the length of the label so far, `prev` its last byte.
    let (mut len, mut prev) = (0usize, b'.');
    for &b in body {
        match b {
            b'.' => {
                if len == 0 || prev == b'-' {
                    return false;
                }
                len = 0;
            }
            b'-' if len == 0 || (len == 3 && prev == b'-') => return false,
            b'-' => len += 1,
            _ if b.is_ascii_alphanumeric() => len += 1,
            _ => return false,
        }
        if len > MAX_LABEL_LEN {
            return false;
        }
        prev = b;
    }
    len != 0 && prev != b'-'
}

/// True when `name` looks like a dotted-quad IPv4 address: exactly four
/// labels of 1 to 3 ASCII digits each (`192.168.0.1`, also `999.1.1.01`).
/// Such a name in a dNSName is an IP address in the wrong SAN type.
pub fn looks_like_ipv4(name: &str) -> bool {
    let mut labels = 0usize;
    for label in name.split('.') {
        labels += 1;
        if labels > 4 || label.is_empty() || label.len() > 3 {
            return false;
        }
        if !label.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    labels == 4
}

/// True when the last label of `name` (one trailing dot ignored) is all
/// ASCII digits, which no real TLD is (RFC 3696 §2).
pub fn has_numeric_tld(name: &str) -> bool {
    let s = name.strip_suffix('.').unwrap_or(name);
    let tld = s.rsplit('.').next().unwrap_or_default();
    !tld.is_empty() && tld.bytes().all(|b| b.is_ascii_digit())
}

/// Names built from the pieces that the dNSName tests care about (letters, digits, hyphens
/// in every position, dots, `*`, `_`, spaces, `xn--` and R-LDH prefixes, non-ASCII, overlong
/// labels), every combination of up to four: for tests that a fast path agrees with the
/// rules' own predicates.
#[cfg(test)]
pub(crate) fn test_names() -> alloc::vec::Vec<alloc::vec::Vec<u8>> {
    const PIECES: [&[u8]; 12] =
        [b"a", b"Z9", b"-", b".", b"*", b"_", b" ", b"xn--", b"ab--", b"\xc3\xa9", b"com", b"\0"];
    let long = [b"a".repeat(63), b"b".repeat(64), b"c.".repeat(127)];
    let mut out = alloc::vec![alloc::vec::Vec::new()];
    let mut frontier = out.clone();
    for _ in 0..4 {
        let mut next = alloc::vec::Vec::new();
        for n in &frontier {
            for p in PIECES.iter().copied().chain(long.iter().map(alloc::vec::Vec::as_slice)) {
                next.push([n.as_slice(), p].concat());
            }
        }
        out.extend(next.iter().cloned());
        frontier = next;
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use alloc::string::{String, ToString};
    use alloc::vec::Vec;

    /// The label-by-label form [`is_plain_host`] replaced, kept as its specification.
    fn plain_host_reference(name: &[u8]) -> bool {
        let body = name.strip_prefix(b"*.").unwrap_or(name);
        if name.len() > MAX_NAME_LEN || body.is_empty() {
            return false;
        }
        body.split(|&b| b == b'.').all(|x| {
            let (Some(&first), Some(&last)) = (x.first(), x.last()) else { return false };
            x.len() <= MAX_LABEL_LEN
                && first != b'-'
                && last != b'-'
                && x.get(2..4) != Some(b"--")
                && x.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'-')
        })
    }

    #[test]
    fn plain_host_agrees_with_its_reference() {
        let extra: [&[u8]; 10] = [b"ab--c", b"a-b--c", b"abc--d", b"a--", b"--a", b"*.", b"*.a", b"a.", b".a", b"a..b"];
        for n in test_names().iter().map(Vec::as_slice).chain(extra) {
            assert_eq!(is_plain_host(n), plain_host_reference(n), "{}", String::from_utf8_lossy(n));
        }
    }

    fn err(name: &str) -> DnsNameError {
        check_dns_name(name.as_bytes()).unwrap_err()
    }

    #[test]
    fn valid_names() {
        for n in [
            "example.com",
            "a.b-c.d1.com",
            "EXAMPLE.COM",
            "localhost",
            "1.2.3.4",
            "xn--bcher-kva.de",
            "*.example.com",
            "*.com",
        ] {
            assert!(check_dns_name(n.as_bytes()).is_ok(), "{n}");
        }
        let d = check_dns_name(b"*.www.Example.com").unwrap();
        assert!(d.is_wildcard());
        assert_eq!(d.base_domain(), "www.Example.com");
        assert_eq!(d.label_count(), 4);
        assert_eq!(d.tld(), "com");
        assert_eq!(d.as_str(), "*.www.Example.com");
        assert_eq!(d.labels().collect::<Vec<_>>(), ["*", "www", "Example", "com"]);
        assert_eq!(d.labels().next_back(), Some("com"));
        assert!(!d.has_underscore() && !d.has_trailing_dot() && !d.has_a_label());
        assert_eq!(d.to_string(), "*.www.Example.com");
        let d = check_dns_name(b"www.example.com").unwrap();
        assert!(!d.is_wildcard());
        assert_eq!(d.base_domain(), "www.example.com");
        assert!(check_dns_name(b"xn--bcher-kva.de").unwrap().has_a_label());
    }

    #[test]
    fn error_variants() {
        assert_eq!(err(""), DnsNameError::Empty);
        assert_eq!(err("b\u{fc}cher.de"), DnsNameError::NonAscii { offset: 1, byte: 0xC3 });
        assert_eq!(err("."), DnsNameError::EmptyLabel { label: 0, offset: 0 });
        assert_eq!(err(".example.com"), DnsNameError::EmptyLabel { label: 0, offset: 0 });
        assert_eq!(err("a..com"), DnsNameError::EmptyLabel { label: 1, offset: 2 });
        assert_eq!(err("example.com.."), DnsNameError::EmptyLabel { label: 2, offset: 12 });
        assert_eq!(err("exa mple.com"), DnsNameError::InvalidChar { label: 0, offset: 3, byte: b' ' });
        assert_eq!(err("a.b@c.com"), DnsNameError::InvalidChar { label: 1, offset: 3, byte: b'@' });
        assert_eq!(err("a.-b.com"), DnsNameError::LeadingHyphen { label: 1, offset: 2 });
        assert_eq!(err("a.b-.com"), DnsNameError::TrailingHyphen { label: 1, offset: 3 });
        assert_eq!(err("-"), DnsNameError::LeadingHyphen { label: 0, offset: 0 });
        assert_eq!(err("foo_bar.example.com"), DnsNameError::Underscore { label: 0, offset: 3 });
        assert_eq!(err("example.com."), DnsNameError::TrailingDot);
        assert_eq!(err("f*o.example.com"), DnsNameError::PartialWildcard { offset: 1 });
        assert_eq!(err("*foo.example.com"), DnsNameError::PartialWildcard { offset: 0 });
        assert_eq!(err("**.example.com"), DnsNameError::PartialWildcard { offset: 0 });
        assert_eq!(err("*.*.example.com"), DnsNameError::WildcardNotLeftmost { label: 1, offset: 2 });
        assert_eq!(err("a.*.example.com"), DnsNameError::WildcardNotLeftmost { label: 1, offset: 2 });
        assert_eq!(err("a.f*o.example.com"), DnsNameError::WildcardNotLeftmost { label: 1, offset: 3 });
        assert_eq!(err("*"), DnsNameError::BareWildcard);
        assert_eq!(err("*."), DnsNameError::BareWildcard);
    }

    #[test]
    fn precedence() {
        // Underscore and trailing dot only when nothing else is wrong.
        assert_eq!(err("a_b.-c.com"), DnsNameError::LeadingHyphen { label: 1, offset: 4 });
        assert_eq!(err("a_b.com."), DnsNameError::Underscore { label: 0, offset: 1 });
        assert!(matches!(err("a b.c_d.com"), DnsNameError::InvalidChar { .. }));
        let lenient = DnsNameOptions { allow_underscore: true, allow_trailing_dot: true };
        let d = check_dns_name_with(b"_dmarc.example.com.", lenient).unwrap();
        assert!(d.has_underscore() && d.has_trailing_dot());
        assert_eq!(d.without_trailing_dot(), "_dmarc.example.com");
        assert_eq!(d.as_str(), "_dmarc.example.com.");
        assert_eq!(d.tld(), "com");
        assert_eq!(d.label_count(), 3);
        let only_us = DnsNameOptions { allow_underscore: true, ..DnsNameOptions::default() };
        assert_eq!(check_dns_name_with(b"_x.example.com.", only_us), Err(DnsNameError::TrailingDot));
        assert_eq!(
            check_dns_name_with(b"_x.-example.com", only_us),
            Err(DnsNameError::LeadingHyphen { label: 1, offset: 3 })
        );
    }

    fn name_of(label_lens: &[usize]) -> String {
        let labels: Vec<String> = label_lens.iter().map(|&n| "a".repeat(n)).collect();
        labels.join(".")
    }

    #[test]
    fn lengths() {
        let l63 = name_of(&[63, 3]);
        assert!(check_dns_name(l63.as_bytes()).is_ok());
        let l64 = name_of(&[3, 64]);
        assert_eq!(err(&l64), DnsNameError::LabelTooLong { label: 1, offset: 4, len: 64 });
        // 63+1+63+1+63+1+61 = 253.
        let n253 = name_of(&[63, 63, 63, 61]);
        assert_eq!(n253.len(), 253);
        assert!(check_dns_name(n253.as_bytes()).is_ok());
        let n253_dot = alloc::format!("{n253}.");
        assert_eq!(err(&n253_dot), DnsNameError::TrailingDot);
        let n254 = name_of(&[63, 63, 63, 62]);
        assert_eq!(err(&n254), DnsNameError::NameTooLong { len: 254 });
        let n254_dot = alloc::format!("{n254}.");
        assert_eq!(err(&n254_dot), DnsNameError::NameTooLong { len: 254 });
        let wild = alloc::format!("*.{}", name_of(&[63, 63, 63, 59]));
        assert_eq!(wild.len(), 253);
        assert!(check_dns_name(wild.as_bytes()).unwrap().is_wildcard());
    }

    #[test]
    fn error_display_and_offsets() {
        let all = [
            DnsNameError::Empty,
            DnsNameError::NonAscii { offset: 1, byte: 0xC3 },
            DnsNameError::EmptyLabel { label: 1, offset: 2 },
            DnsNameError::InvalidChar { label: 0, offset: 3, byte: b' ' },
            DnsNameError::InvalidChar { label: 0, offset: 3, byte: b'@' },
            DnsNameError::LeadingHyphen { label: 1, offset: 2 },
            DnsNameError::TrailingHyphen { label: 1, offset: 3 },
            DnsNameError::LabelTooLong { label: 1, offset: 4, len: 64 },
            DnsNameError::NameTooLong { len: 254 },
            DnsNameError::PartialWildcard { offset: 1 },
            DnsNameError::WildcardNotLeftmost { label: 1, offset: 2 },
            DnsNameError::BareWildcard,
            DnsNameError::Underscore { label: 0, offset: 3 },
            DnsNameError::TrailingDot,
        ];
        for e in all {
            let m = e.to_string();
            assert!(!m.is_empty() && !m.contains('\n'), "{m}");
            if let Some(o) = e.offset() {
                assert!(m.contains(&o.to_string()), "{m}");
            }
        }
        assert_eq!(all[4].to_string(), "DNS name has invalid character '@' (0x40) in label 0 at offset 3");
        assert!(all[3].to_string().contains("0x20"));
        assert!(DnsNameError::BareWildcard.is_wildcard_error());
        assert!(!DnsNameError::TrailingDot.is_wildcard_error());
        assert_eq!(DnsNameError::Empty.offset(), None);
    }

    #[test]
    fn wildcard_helpers() {
        assert!(is_wildcard(b"*.example.com"));
        assert!(!is_wildcard(b"*"));
        assert!(!is_wildcard(b"a.*.com"));
        for n in ["f*o.example.com", "*.*.example.com", "a.*.example.com", "*", "*.", "*x.com"] {
            assert!(is_malformed_wildcard(n.as_bytes()), "{n}");
        }
        for n in ["*.example.com", "example.com", "*.com", ""] {
            assert!(!is_malformed_wildcard(n.as_bytes()), "{n}");
        }
        assert_eq!(wildcard_error(b"a.*.example.com"), Some(DnsNameError::WildcardNotLeftmost { label: 1, offset: 2 }));
        assert_eq!(wildcard_error(b"*"), Some(DnsNameError::BareWildcard));
    }

    #[test]
    fn internal_names() {
        for n in [
            "fileserver",
            "printer.lan",
            "db.corp",
            "x.local",
            "x.internal",
            "HOST.LOCAL.",
            "mail.home",
            "10.0.0.1",
            "a.example",
        ] {
            assert!(is_internal_name(n), "{n}");
        }
        for n in [
            "example.com",
            "WWW.EXAMPLE.COM.",
            "com",
            "foo.co.uk",
            "x.onion",
            "r.home.arpa",
            "a.xn--fiqs8s",
            "a.中国",
            "host",
            "",
        ] {
            assert!(!is_internal_name(n), "{n}");
        }
    }

    #[test]
    fn special_use() {
        for n in [
            "localhost",
            "LOCALHOST.",
            "foo.localhost",
            "x.invalid",
            "test",
            "a.test",
            "example",
            "www.example.com",
            "example.net",
            "example.org",
            "printer.local",
            "abc.onion",
            "router.home.arpa",
            "x.alt",
            "db.internal",
            "1.0.168.192.in-addr.arpa",
            "20.172.in-addr.arpa",
            "ipv4only.arpa",
        ] {
            assert!(is_special_use(n), "{n}");
        }
        for n in
            ["example.co", "myexample.com", "testing", "localhost.com.au", "15.172.in-addr.arpa", "com", "", "arpa"]
        {
            assert!(!is_special_use(n), "{n}");
        }
        assert_eq!(special_use_domain("x.onion").unwrap().reference, "RFC 7686");
        assert_eq!(special_use_domain("Foo.Example.Com").unwrap().name, "example.com");
        assert!(SPECIAL_USE_DOMAINS.iter().all(|d| d.name.bytes().all(|b| !b.is_ascii_uppercase())));
    }

    #[test]
    fn ipv4_like() {
        for n in ["192.168.0.1", "0.0.0.0", "255.255.255.255", "999.1.1.01"] {
            assert!(looks_like_ipv4(n), "{n}");
        }
        for n in ["1.2.3", "1.2.3.4.5", "1.2.3.a", "1.2.3.1234", "1..2.3", "", "a.b.c.d"] {
            assert!(!looks_like_ipv4(n), "{n}");
        }
        assert!(has_numeric_tld("1.2.3.4"));
        assert!(has_numeric_tld("example.123."));
        assert!(!has_numeric_tld("example.com"));
        assert!(!has_numeric_tld("example.1a"));
        assert!(!has_numeric_tld(""));
    }

    #[test]
    fn reexports() {
        assert_eq!(public_suffix("a.b.ck").unwrap().as_str(), "b.ck");
        assert_eq!(registrable_domain("www.example.com"), Some("example.com"));
        assert!(is_public_suffix("co.uk"));
        assert!(wildcard_covers_public_suffix("*.co.uk"));
        assert!(!PSL_VERSION.is_empty());
        let _ = (Scope::IcannOnly, Section::Private);
    }
}
