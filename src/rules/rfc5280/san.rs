//! Subject and issuer alternative names (RFC 5280 §4.2.1.6, §4.2.1.7), the name forms
//! inside them (dNSName, rfc822Name, URI, iPAddress, SmtpUTF8Mailbox) and the IDNA rules
//! that apply to them (RFC 9549, RFC 9598, RFC 5891).
//!
//! URI rules also read the URIs of AIA, SIA and CRL distribution points: the RFC 3986
//! syntax applies to a URI wherever a GeneralName holds one.

use alloc::{format, string::String};

use unicode_normalization::UnicodeNormalization;

use crate::asn1::{tag, Tlv};
use crate::cert::{lossy, parse_mailbox, parse_uri, GeneralName, Host, UriError};
use crate::domain::{self, idna};
use crate::oid::{ext, other_name};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::summary::clear;
use crate::time::Time;
use crate::{Certificate, Context};

pub(crate) static RULES: &[&dyn Rule] = &[
    &SubjectEmptyWithoutSan,
    &SanNotCriticalWithEmptySubject,
    &SanCriticalWithSubject,
    &IanCritical,
    &AltNameNoEntries,
    &GeneralNameEmpty,
    &GeneralNameNotIa5,
    &DnsNameSpace,
    &DnsNameTooLong,
    &DnsNameEmptyLabel,
    &DnsNameLabelTooLong,
    &DnsNameLabelHyphenAtEdge,
    &DnsNameInvalidCharacter,
    &DnsNameUnderscoreInRegisteredLabel,
    &DnsNameUnderscoreInLowerLabel,
    &DnsNameALabelInvalid,
    &DnsNameULabelNotNfc,
    &Rfc822NameInvalid,
    &Rfc822NameDomainTooLong,
    &Rfc822NameDomainNotIdna2008,
    &UriInvalidSyntax,
    &UriRelative,
    &UriHostNotFqdnOrIp,
    &UriHostTooLong,
    &IpAddressWrongLength,
    &SmtpUtf8MailboxAsciiLocalPart,
    &SmtpUtf8MailboxNotUtf8String,
    &SmtpUtf8MailboxHasBom,
    &SmtpUtf8MailboxInvalidSyntax,
    &SmtpUtf8MailboxDomainInvalid,
    &SmtpUtf8MailboxDomainUppercase,
    &SmtpUtf8MailboxDomainTooLong,
];

const SAN: &str = "subjectAltName";
const IAN: &str = "issuerAltName";

/// The needs of the rules that read only subjectAltName and issuerAltName.
const SAN_OR_IAN: &[Need] = &[Need::Extension(&ext::SUBJECT_ALT_NAME), Need::Extension(&ext::ISSUER_ALT_NAME)];

/// The needs of the URI rules: the extensions [`uri_locations`] reads.
const URI_EXTENSIONS: &[Need] = &[
    Need::Extension(&ext::SUBJECT_ALT_NAME),
    Need::Extension(&ext::ISSUER_ALT_NAME),
    Need::Extension(&ext::AUTHORITY_INFO_ACCESS),
    Need::Extension(&ext::SUBJECT_INFO_ACCESS),
    Need::Extension(&ext::CRL_DISTRIBUTION_POINTS),
    Need::Extension(&ext::FRESHEST_CRL),
];

/// The decodable entries of SAN and IAN, each with the extension's name.
pub(super) fn alt_entries(cert: &Certificate) -> impl Iterator<Item = (&'static str, GeneralName<'_>)> + '_ {
    let san = cert.subject_alt_name().and_then(Result::ok).map(|e| (SAN, e.value));
    let ian = cert.issuer_alt_name().and_then(Result::ok).map(|e| (IAN, e.value));
    san.into_iter().chain(ian).flat_map(|(label, names)| names.names().map(move |n| (label, n)))
}

/// Every URI held in a GeneralName of SAN, IAN, AIA, SIA, cRLDistributionPoints or
/// freshestCRL (fullName), with the extension's name.
pub(super) fn uri_locations(cert: &Certificate) -> impl Iterator<Item = (&'static str, &[u8])> + '_ {
    let alt = alt_entries(cert).filter_map(|(l, n)| match n {
        GeneralName::Uri(u) => Some((l, u)),
        _ => None,
    });
    let aia = cert.authority_info_access().and_then(Result::ok).map(|e| ("authorityInfoAccess", e.value));
    let sia = cert.subject_info_access().and_then(Result::ok).map(|e| ("subjectInfoAccess", e.value));
    let access = aia.into_iter().chain(sia).flat_map(|(l, ads)| {
        ads.iter().filter_map(move |ad| match ad.location {
            Ok(GeneralName::Uri(u)) => Some((l, u)),
            _ => None,
        })
    });
    let crldp = cert.crl_distribution_points().and_then(Result::ok).map(|e| ("cRLDistributionPoints", e.value));
    let fresh = cert.freshest_crl().and_then(Result::ok).map(|e| ("freshestCRL", e.value));
    let dps = crldp.into_iter().chain(fresh).flat_map(|(l, dps)| {
        dps.iter().flat_map(move |dp| {
            dp.full_name.into_iter().flat_map(|g| g.names()).filter_map(move |n| match n {
                GeneralName::Uri(u) => Some((l, u)),
                _ => None,
            })
        })
    });
    alt.chain(access).chain(dps)
}

/// Pass when no item is bad, fail with the first bad item's message, not applicable when
/// there are no items. `bad` allocates only for the failing item.
pub(super) fn verdict<T>(items: impl Iterator<Item = T>, mut bad: impl FnMut(T) -> Option<String>) -> Outcome {
    let mut any = false;
    for item in items {
        any = true;
        if let Some(message) = bad(item) {
            return Outcome::fail(message);
        }
    }
    if any {
        Outcome::Pass
    } else {
        Outcome::NotApplicable
    }
}

/// Bits of [`uri_facts`]: which URI rules have something to say about a certificate.
pub(super) mod uri_fact {
    /// Some URI is held in SAN, IAN, AIA, SIA, cRLDistributionPoints or freshestCRL.
    pub(crate) const ANY: u32 = 1;
    /// Some URI fails `rfc5280.uri_invalid_syntax`.
    pub(crate) const INVALID: u32 = 1 << 1;
    /// Some URI fails `rfc5280.uri_relative`.
    pub(crate) const RELATIVE: u32 = 1 << 2;
    /// Some URI parses with an authority.
    pub(crate) const AUTHORITY: u32 = 1 << 3;
    /// Some authority's host fails `rfc5280.uri_host_not_fqdn_or_ip`.
    pub(crate) const NOT_FQDN: u32 = 1 << 4;
    /// Some authority's host is a registered name.
    pub(crate) const REG_NAME: u32 = 1 << 5;
    /// Some registered-name host fails `rfc5280.uri_host_too_long`.
    pub(crate) const TOO_LONG: u32 = 1 << 6;
    /// Some URI of AIA, SIA, cRLDistributionPoints or freshestCRL is an LDAP URL.
    pub(crate) const LDAP: u32 = 1 << 7;
}

/// What the URI rules would find, from one parse of each URI, computed once per
/// certificate: the rules return at once when their bit says there is nothing to report,
/// and walk the URIs again only to name the offending one. The bits are computed with the
/// same predicates the rules report with.
pub(super) fn uri_facts(cert: &Certificate) -> u32 {
    cert.facts.uris.get_or(|| {
        let mut facts = 0;
        for (l, u) in uri_locations(cert) {
            facts |= uri_fact::ANY;
            let parsed = parse_uri(u);
            match &parsed {
                Err(e) => {
                    if uri_syntax_error(l, e).is_some() {
                        facts |= uri_fact::INVALID;
                    }
                    if e.is_relative() {
                        facts |= uri_fact::RELATIVE;
                    }
                }
                Ok(uri) => {
                    if l != SAN && l != IAN && uri.ldap().is_some() {
                        facts |= uri_fact::LDAP;
                    }
                    if let Some(a) = uri.authority {
                        facts |= uri_fact::AUTHORITY;
                        if uri_host_not_fqdn(uri.scheme, a.host).is_some() {
                            facts |= uri_fact::NOT_FQDN;
                        }
                        if let Host::RegName(h) = a.host {
                            facts |= uri_fact::REG_NAME;
                            if uri_host_len(h) > domain::MAX_NAME_LEN {
                                facts |= uri_fact::TOO_LONG;
                            }
                        }
                    }
                }
            }
        }
        facts
    })
}

/// Whether `uri`, one of the URIs [`uri_locations`] lists outside SAN and IAN, is a valid
/// `http` or `ldap` URI. When no such URI fails to parse (the cached facts say so), the
/// scheme is the text before the first colon and needs no parse.
pub(super) fn is_http_or_ldap_uri(cert: &Certificate, uri: &[u8]) -> bool {
    if uri_facts(cert) & (uri_fact::INVALID | uri_fact::RELATIVE) == 0 {
        let scheme = uri.get(..5).unwrap_or_default();
        return scheme.eq_ignore_ascii_case(b"http:") || scheme.eq_ignore_ascii_case(b"ldap:");
    }
    parse_uri(uri).is_ok_and(|u| u.is_http_or_ldap())
}

/// The syntax error `rfc5280.uri_invalid_syntax` reports for a URI at location `l`.
fn uri_syntax_error(l: &str, e: &UriError) -> Option<UriError> {
    match e {
        UriError::Empty if l == SAN || l == IAN => None, // rfc5280.general_name_empty
        e if !e.is_relative() => Some(*e),
        _ => None,
    }
}

/// The registered-name host that `rfc5280.uri_host_not_fqdn_or_ip` reports.
fn uri_host_not_fqdn<'a>(scheme: &str, host: Host<'a>) -> Option<&'a str> {
    let Host::RegName(h) = host else { return None };
    if h.is_empty() && scheme.eq_ignore_ascii_case("ldap") {
        return None;
    }
    // A plain host name with a dot and no wildcard is one at once.
    let plain = !h.starts_with('*') && h.contains('.') && domain::is_plain_host(h.as_bytes());
    let opts = domain::DnsNameOptions { allow_underscore: true, allow_trailing_dot: true };
    let fqdn = plain
        || domain::check_dns_name_with(h.as_bytes(), opts).is_ok_and(|n| !n.is_wildcard() && n.label_count() >= 2);
    (!fqdn).then_some(h)
}

/// The length `rfc5280.uri_host_too_long` compares with 253: without a trailing dot.
fn uri_host_len(h: &str) -> usize {
    h.strip_suffix('.').unwrap_or(h).len()
}

/// Non-empty dNSNames of SAN and IAN.
fn dns_names(cert: &Certificate) -> impl Iterator<Item = (&'static str, &[u8])> + '_ {
    alt_entries(cert).filter_map(|(l, n)| match n {
        GeneralName::DnsName(d) if !d.is_empty() => Some((l, d)),
        _ => None,
    })
}

/// The labels of a dNSName without its trailing dot (if any).
fn labels(name: &[u8]) -> impl DoubleEndedIterator<Item = &[u8]> + '_ {
    let body = name.strip_suffix(b".").filter(|b| !b.is_empty()).unwrap_or(name);
    body.split(|&b| b == b'.')
}

/// Non-empty ASCII rfc822Names of SAN and IAN.
fn rfc822_names(cert: &Certificate) -> impl Iterator<Item = (&'static str, &str)> + '_ {
    alt_entries(cert).filter_map(|(l, n)| match n {
        GeneralName::Rfc822Name(m) if !m.is_empty() => n.as_ia5().map(|s| (l, s)),
        _ => None,
    })
}

/// The SmtpUTF8Mailbox otherNames of SAN and IAN: the `[0] EXPLICIT` inner element, whole.
fn smtp_utf8_mailboxes(cert: &Certificate) -> impl Iterator<Item = (&'static str, &[u8])> + '_ {
    alt_entries(cert).filter_map(|(l, n)| match n {
        GeneralName::OtherName { type_id, value } if type_id.is(&other_name::SMTP_UTF8_MAILBOX) => Some((l, value)),
        _ => None,
    })
}

/// The text of a SmtpUTF8Mailbox when it is a UTF8String of valid UTF-8.
fn smtp_text(value: &[u8]) -> Option<&str> {
    let t = Tlv::parse(value).ok()?;
    if t.tag != tag::UTF8_STRING {
        return None;
    }
    core::str::from_utf8(t.value).ok()
}

/// The SmtpUTF8Mailbox texts that are well-formed UTF8Strings.
fn smtp_texts(cert: &Certificate) -> impl Iterator<Item = (&'static str, &str)> + '_ {
    smtp_utf8_mailboxes(cert).filter_map(|(l, v)| smtp_text(v).map(|t| (l, t)))
}

/// The domain of a mailbox: what follows the last `@`.
fn mail_domain(s: &str) -> Option<&str> {
    s.rsplit_once('@').map(|(_, d)| d)
}

/// Bits of [`alt_facts`]: which SAN/IAN rules have something to say about a certificate.
mod alt_fact {
    /// SAN or IAN decodes.
    pub(super) const ALT: u32 = 1;
    /// Some decoded SAN or IAN fails `rfc5280.alt_name_no_entries`.
    pub(super) const NO_ENTRIES: u32 = 1 << 1;
    /// Some entry decodes.
    pub(super) const ENTRY: u32 = 1 << 2;
    /// Some entry fails `rfc5280.general_name_empty`.
    pub(super) const EMPTY: u32 = 1 << 3;
    /// Some dNSName, rfc822Name or URI.
    pub(super) const IA5: u32 = 1 << 4;
    /// Some of them fails `rfc5280.general_name_not_ia5`.
    pub(super) const NOT_IA5: u32 = 1 << 5;
    /// Some non-empty dNSName.
    pub(super) const DNS: u32 = 1 << 6;
    /// Some dNSName fails `rfc5280.dns_name_space`.
    pub(super) const SPACE: u32 = 1 << 7;
    /// ... `rfc5280.dns_name_too_long`.
    pub(super) const TOO_LONG: u32 = 1 << 8;
    /// ... `rfc5280.dns_name_empty_label`.
    pub(super) const EMPTY_LABEL: u32 = 1 << 9;
    /// ... `rfc5280.dns_name_label_too_long`.
    pub(super) const LABEL_TOO_LONG: u32 = 1 << 10;
    /// ... `rfc5280.dns_name_label_hyphen_at_edge`.
    pub(super) const HYPHEN: u32 = 1 << 11;
    /// Some non-empty dNSName other than a single space.
    pub(super) const NOT_SPACE: u32 = 1 << 12;
    /// ... `rfc5280.dns_name_invalid_character`.
    pub(super) const INVALID_CHAR: u32 = 1 << 13;
    /// ... `rfc5280.dns_name_underscore_in_registered_label`.
    pub(super) const UNDERSCORE_REGISTERED: u32 = 1 << 14;
    /// ... `rfc5280.dns_name_underscore_in_lower_label`.
    pub(super) const UNDERSCORE_LOWER: u32 = 1 << 15;
    /// Some UTF-8 dNSName has an `xn--` label.
    pub(super) const A_LABEL: u32 = 1 << 16;
    /// Some of those labels fails `rfc9549.dns_name_a_label_invalid`.
    pub(super) const A_LABEL_INVALID: u32 = 1 << 17;
    /// Some non-empty ASCII rfc822Name.
    pub(super) const RFC822: u32 = 1 << 18;
    /// ... `rfc5280.rfc822_name_invalid`.
    pub(super) const RFC822_INVALID: u32 = 1 << 19;
    /// ... `rfc5280.rfc822_name_domain_too_long`.
    pub(super) const RFC822_TOO_LONG: u32 = 1 << 20;
    /// Some rfc822Name domain that `rfc9598.rfc822_name_domain_not_idna2008` looks at.
    pub(super) const RFC822_IDNA: u32 = 1 << 21;
    /// Some non-empty iPAddress.
    pub(super) const IP: u32 = 1 << 22;
    /// ... `rfc5280.ip_address_wrong_length`.
    pub(super) const IP_WRONG_LENGTH: u32 = 1 << 23;
    /// Some SmtpUTF8Mailbox otherName.
    pub(super) const SMTP: u32 = 1 << 24;
}

/// What the SAN/IAN rules would find, from one walk of the entries, computed once per
/// certificate: a rule returns at once when its bit says there is nothing to report, and
/// walks the names again only to word its message. The bits come from the predicates the
/// rules report with; a dNSName that [`domain::is_plain_host`] clears every dNSName test at once.
fn alt_facts(cert: &Certificate) -> u32 {
    use alt_fact::*;
    cert.facts.alt_names.get_or(|| {
        let mut facts = 0;
        let san = cert.subject_alt_name().and_then(Result::ok).map(|e| e.value);
        let ian = cert.issuer_alt_name().and_then(Result::ok).map(|e| e.value);
        for g in san.into_iter().chain(ian) {
            facts |= ALT;
            if g.is_empty() {
                facts |= NO_ENTRIES;
            }
        }
        for (_, n) in alt_entries(cert) {
            facts |= ENTRY;
            if is_empty_name(&n) {
                facts |= EMPTY;
            }
            match n {
                GeneralName::DnsName(d) => {
                    facts |= IA5 | if d.is_ascii() { 0 } else { NOT_IA5 };
                    if !d.is_empty() {
                        facts |= DNS | if d == b" " { 0 } else { NOT_SPACE };
                        if !domain::is_plain_host(d) {
                            facts |= dns_defects(d);
                        }
                    }
                }
                GeneralName::Rfc822Name(m) => {
                    facts |= IA5 | if m.is_ascii() { 0 } else { NOT_IA5 };
                    if let Some(m) = n.as_ia5().filter(|m| !m.is_empty()) {
                        facts |= RFC822;
                        if parse_mailbox(m, false).is_err() {
                            facts |= RFC822_INVALID;
                        }
                        if mail_domain(m).is_some_and(|d| d.len() > domain::MAX_NAME_LEN) {
                            facts |= RFC822_TOO_LONG;
                        }
                        if mail_domain(m).is_some_and(rfc822_idna_applies) {
                            facts |= RFC822_IDNA;
                        }
                    }
                }
                GeneralName::Uri(u) => facts |= IA5 | if u.is_ascii() { 0 } else { NOT_IA5 },
                GeneralName::IpAddress(ip) if !ip.is_empty() => {
                    facts |= IP | if ip_wrong_length(ip) { IP_WRONG_LENGTH } else { 0 };
                }
                GeneralName::OtherName { type_id, .. } if type_id.is(&other_name::SMTP_UTF8_MAILBOX) => facts |= SMTP,
                _ => {}
            }
        }
        facts
    })
}

/// The length `rfc5280.dns_name_too_long` compares with 253: without a trailing dot.
fn dns_len(d: &[u8]) -> usize {
    d.strip_suffix(b".").unwrap_or(d).len()
}

/// The label `rfc5280.dns_name_label_too_long` reports.
fn dns_long_label(d: &[u8]) -> Option<&[u8]> {
    labels(d).find(|x| x.len() > domain::MAX_LABEL_LEN)
}

/// The label `rfc5280.dns_name_label_hyphen_at_edge` reports.
fn dns_hyphen_label(d: &[u8]) -> Option<&[u8]> {
    labels(d).find(|x| x.starts_with(b"-") || x.ends_with(b"-"))
}

/// The character `rfc5280.dns_name_invalid_character` reports.
fn dns_invalid_char(d: &[u8]) -> Option<u8> {
    labels(d).enumerate().find_map(|(i, x)| {
        if i == 0 && x == b"*" {
            return None;
        }
        x.iter().copied().find(|&b| b.is_ascii() && !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    })
}

/// Whether `rfc5280.dns_name_underscore_in_registered_label` fails `d`.
fn dns_underscore_in_registered(d: &[u8]) -> bool {
    labels(d).rev().nth(1).is_some_and(|x| x.contains(&b'_'))
}

/// The label `rfc5280.dns_name_underscore_in_lower_label` reports.
fn dns_underscore_lower(d: &[u8]) -> Option<&[u8]> {
    labels(d).rev().skip(2).find(|x| x.contains(&b'_'))
}

/// The `xn--` labels of a dNSName.
fn name_a_labels(s: &str) -> impl Iterator<Item = &str> {
    s.strip_suffix('.').unwrap_or(s).split('.').filter(|x| idna::has_ace_prefix(x))
}

/// Whether `rfc5280.general_name_empty` fails the entry.
fn is_empty_name(n: &GeneralName<'_>) -> bool {
    match n {
        GeneralName::Rfc822Name(b)
        | GeneralName::DnsName(b)
        | GeneralName::Uri(b)
        | GeneralName::IpAddress(b)
        | GeneralName::X400Address(b)
        | GeneralName::EdiPartyName(b) => b.is_empty(),
        GeneralName::DirectoryName(name) => name.is_empty(),
        GeneralName::OtherName { value, .. } => Tlv::parse(value).is_ok_and(|t| t.value.is_empty()),
        GeneralName::RegisteredId(_) => false,
    }
}

/// Whether `rfc9598.rfc822_name_domain_not_idna2008` looks at a mailbox domain.
fn rfc822_idna_applies(d: &str) -> bool {
    d.split('.').any(|x| idna::has_ace_prefix(x) || idna::is_reserved_ldh(x))
}

/// Whether `rfc5280.ip_address_wrong_length` fails a non-empty iPAddress.
fn ip_wrong_length(ip: &[u8]) -> bool {
    ip.len() != 4 && ip.len() != 16
}

/// The [`alt_fact`] defect bits of a non-empty dNSName, each from its rule's predicate.
fn dns_defects(d: &[u8]) -> u32 {
    use alt_fact::*;
    let mut facts = 0;
    let mut flag = |bit: u32, on: bool| {
        if on {
            facts |= bit;
        }
    };
    flag(SPACE, d == b" ");
    flag(TOO_LONG, dns_len(d) > domain::MAX_NAME_LEN);
    flag(EMPTY_LABEL, d.split(|&b| b == b'.').any(<[u8]>::is_empty));
    flag(LABEL_TOO_LONG, dns_long_label(d).is_some());
    flag(HYPHEN, dns_hyphen_label(d).is_some());
    flag(INVALID_CHAR, d != b" " && dns_invalid_char(d).is_some());
    flag(UNDERSCORE_REGISTERED, dns_underscore_in_registered(d));
    flag(UNDERSCORE_LOWER, dns_underscore_lower(d).is_some());
    if let Ok(s) = core::str::from_utf8(d) {
        for x in name_a_labels(s) {
            facts |= A_LABEL;
            if idna::check_a_label(x).is_err() {
                facts |= A_LABEL_INVALID;
            }
        }
    }
    facts
}

/// `rfc5280.subject_empty_without_san`
///
/// **What it checks**: a certificate whose subject is an empty sequence carries a
/// subjectAltName extension.
///
/// **Why it matters**: RFC 5280 §4.1.2.6 and §4.2.1.6 let the subject be empty only when
/// the identity is carried in subjectAltName instead; with neither, the certificate names
/// nobody.
///
/// **Example**: an empty subject and no SAN fails; an empty subject with a critical SAN
/// passes; a non-empty subject is not applicable.
pub struct SubjectEmptyWithoutSan;

impl Rule for SubjectEmptyWithoutSan {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.subject_empty_without_san", Source::Rfc5280, Severity::Error)
            .summary("a certificate with an empty subject must carry subjectAltName")
            .citation("RFC 5280 §4.1.2.6, §4.2.1.6")
            .effective(Time::ymd(1999, 1, 1))
            .aliases(&["zlint:e_subject_empty_without_san"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.subject() {
            Ok(s) if s.is_empty() => Outcome::check(
                cert.has_extension(&crate::oid::ext::SUBJECT_ALT_NAME),
                "the subject is empty and there is no subjectAltName extension",
            ),
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.san_not_critical_with_empty_subject`
///
/// **What it checks**: when the subject is empty, subjectAltName is marked critical.
///
/// **Why it matters**: RFC 5280 §4.2.1.6 requires the SAN to be critical when the subject
/// field is an empty sequence, so that a relying party that does not understand the
/// extension rejects the certificate instead of seeing no identity at all.
///
/// **Example**: an empty subject with a non-critical SAN fails; with a critical SAN it
/// passes; a non-empty subject or no SAN is not applicable.
pub struct SanNotCriticalWithEmptySubject;

impl Rule for SanNotCriticalWithEmptySubject {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.san_not_critical_with_empty_subject", Source::Rfc5280, Severity::Error)
                .summary("subjectAltName must be critical when the subject is empty")
                .citation("RFC 5280 §4.1.2.6, §4.2.1.6")
                .effective(Time::ymd(1999, 1, 1))
                .needs(Need::Extension(&crate::oid::ext::SUBJECT_ALT_NAME))
                .aliases(&[
                    "zlint:e_ext_san_not_critical_without_subject",
                    "pkilint:pkix.san_extension_not_critical_empty_subject",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match (cert.subject(), cert.extension(&crate::oid::ext::SUBJECT_ALT_NAME)) {
            (Ok(s), Some(san)) if s.is_empty() => {
                Outcome::check(san.is_critical(), "the subject is empty but subjectAltName is not critical")
            }
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.san_critical_with_subject`
///
/// **What it checks**: when the subject is not empty, subjectAltName is not critical.
///
/// **Why it matters**: RFC 5280 §4.2.1.6 says CAs SHOULD mark the SAN non-critical when the
/// subject names the holder: criticality there only makes the certificate unusable for
/// relying parties that do not process SANs.
///
/// **Example**: `CN=example.com` with a critical SAN warns; with a non-critical SAN it
/// passes; an empty subject or no SAN is not applicable.
pub struct SanCriticalWithSubject;

impl Rule for SanCriticalWithSubject {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.san_critical_with_subject", Source::Rfc5280, Severity::Warn)
            .summary("subjectAltName should not be critical when the subject is not empty")
            .citation("RFC 5280 §4.2.1.6")
            .needs(Need::Extension(&crate::oid::ext::SUBJECT_ALT_NAME))
            .aliases(&[
                "pkilint:pkix.san_extension_is_critical_non_empty_subject",
                "zlint:w_ext_san_critical_with_subject_dn",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match (cert.subject(), cert.extension(&crate::oid::ext::SUBJECT_ALT_NAME)) {
            (Ok(s), Some(san)) if !s.is_empty() => {
                Outcome::check(!san.is_critical(), "subjectAltName is critical although the subject is not empty")
            }
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.ian_critical`
///
/// **What it checks**: issuerAltName is not marked critical.
///
/// **Why it matters**: RFC 5280 §4.2.1.7 says CAs SHOULD mark the extension non-critical;
/// the issuer's alternative names are informative and must not make the certificate
/// unusable for software that ignores them.
///
/// **Example**: a critical issuerAltName warns; a non-critical one passes; no
/// issuerAltName is not applicable.
pub struct IanCritical;

impl Rule for IanCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.ian_critical", Source::Rfc5280, Severity::Warn)
            .summary("issuerAltName should not be critical")
            .citation("RFC 5280 §4.2.1.7")
            .effective(Time::ymd(1999, 1, 1))
            .needs(Need::Extension(&crate::oid::ext::ISSUER_ALT_NAME))
            .aliases(&["zlint:w_ext_ian_critical", "pkilint:pkix.issuer_alt_name_extension_critical"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&crate::oid::ext::ISSUER_ALT_NAME) {
            Some(e) => Outcome::check(!e.is_critical(), "issuerAltName is marked critical"),
            None => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.alt_name_no_entries`
///
/// **What it checks**: subjectAltName and issuerAltName hold at least one GeneralName.
///
/// **Why it matters**: `GeneralNames` is `SEQUENCE SIZE (1..MAX)` and RFC 5280 §4.2.1.6
/// says a present SAN MUST contain at least one entry (§4.2.1.7 likewise for IAN); an
/// empty one names nothing and fails strict decoders.
///
/// **Example**: `subjectAltName: SEQUENCE {}` fails; one dNSName passes; neither extension
/// present is not applicable.
pub struct AltNameNoEntries;

impl Rule for AltNameNoEntries {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.alt_name_no_entries", Source::Rfc5280, Severity::Error)
            .summary("subjectAltName and issuerAltName must hold at least one name")
            .citation("RFC 5280 §4.2.1.6, §4.2.1.7")
            .effective(Time::ymd(1999, 1, 1))
            .needs(Need::AnyOf(SAN_OR_IAN))
            .aliases(&["zlint:e_ext_san_no_entries", "zlint:e_ext_ian_no_entries"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = alt_facts(cert);
        if facts & alt_fact::NO_ENTRIES == 0 {
            return clear(facts, alt_fact::ALT);
        }
        let san = cert.subject_alt_name().and_then(Result::ok).map(|e| (SAN, e.value));
        let ian = cert.issuer_alt_name().and_then(Result::ok).map(|e| (IAN, e.value));
        verdict(san.into_iter().chain(ian), |(l, g)| g.is_empty().then(|| format!("{l} has no entries")))
    }
}

/// `rfc5280.general_name_empty`
///
/// **What it checks**: no entry of subjectAltName or issuerAltName is empty: a
/// zero-length dNSName, rfc822Name, URI or iPAddress, a directoryName with no RDNs, or an
/// otherName, x400Address or ediPartyName without content.
///
/// **Why it matters**: RFC 5280 §4.2.1.6 says CAs MUST NOT issue certificates with
/// subjectAltNames containing empty GeneralName fields (§4.2.1.7 applies the same to IAN);
/// empty names match nothing or, worse, match everything in careless comparisons.
///
/// **Example**: a SAN with `dNSName ""` fails; `dNSName "example.com"` passes; no SAN or
/// IAN is not applicable.
pub struct GeneralNameEmpty;

impl Rule for GeneralNameEmpty {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.general_name_empty", Source::Rfc5280, Severity::Error)
            .summary("alternative names must not contain empty GeneralNames")
            .citation("RFC 5280 §4.2.1.6, §4.2.1.7")
            .effective(Time::ymd(1999, 1, 1))
            .needs(Need::AnyOf(SAN_OR_IAN))
            .aliases(&["zlint:e_ext_san_empty_name", "zlint:e_ext_ian_empty_name"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = alt_facts(cert);
        if facts & alt_fact::EMPTY == 0 {
            return clear(facts, alt_fact::ENTRY);
        }
        verdict(alt_entries(cert), |(l, n)| is_empty_name(&n).then(|| format!("{l} contains an empty {}", n.kind())))
    }
}

/// `rfc5280.general_name_not_ia5`
///
/// **What it checks**: the dNSName, rfc822Name and uniformResourceIdentifier entries of
/// subjectAltName and issuerAltName contain only 7-bit ASCII.
///
/// **Why it matters**: these forms are IA5String (RFC 5280 §4.2.1.6); internationalised
/// names must be converted first: A-labels for domains (RFC 9549 §2.3), SmtpUTF8Mailbox
/// for non-ASCII local-parts (RFC 9598), and the RFC 3987 mapping for IRIs. Raw UTF-8
/// there is a different string to every decoder.
///
/// **Example**: `dNSName "bücher.example"` fails; `dNSName "xn--bcher-kva.example"`
/// passes; a SAN with only iPAddress entries is not applicable.
pub struct GeneralNameNotIa5;

impl Rule for GeneralNameNotIa5 {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.general_name_not_ia5", Source::Rfc5280, Severity::Error)
            .summary("dNSName, rfc822Name and URI names must be ASCII (IA5String)")
            .citation("RFC 5280 §4.2.1.6, §4.2.1.7; RFC 9549 §2.3")
            .effective(Time::ymd(1999, 1, 1))
            .needs(Need::AnyOf(SAN_OR_IAN))
            .aliases(&[
                "zlint:e_ext_san_dns_not_ia5_string",
                "zlint:e_ext_ian_dns_not_ia5_string",
                "zlint:e_ext_san_uri_not_ia5",
                "zlint:e_ext_ian_uri_not_ia5",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = alt_facts(cert);
        if facts & alt_fact::NOT_IA5 == 0 {
            return clear(facts, alt_fact::IA5);
        }
        let items = alt_entries(cert)
            .filter(|(_, n)| matches!(n, GeneralName::DnsName(_) | GeneralName::Rfc822Name(_) | GeneralName::Uri(_)));
        verdict(items, |(l, n)| match n {
            GeneralName::DnsName(b) | GeneralName::Rfc822Name(b) | GeneralName::Uri(b) if !b.is_ascii() => {
                Some(format!("{l} {} \"{}\" contains non-ASCII bytes", n.kind(), lossy(b)))
            }
            _ => None,
        })
    }
}

/// `rfc5280.dns_name_space`
///
/// **What it checks**: no dNSName in subjectAltName or issuerAltName is a single space.
///
/// **Why it matters**: RFC 5280 §4.2.1.6 forbids the `" "` dNSName that some CAs once used
/// as a placeholder; it is not a domain name.
///
/// **Example**: `dNSName " "` fails; `dNSName "example.com"` passes; no dNSName is not
/// applicable.
pub struct DnsNameSpace;

impl Rule for DnsNameSpace {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.dns_name_space", Source::Rfc5280, Severity::Error)
            .summary("a dNSName must not be a single space")
            .citation("RFC 5280 §4.2.1.6")
            .effective(Time::ymd(1999, 1, 1))
            .needs(Need::AnyOf(SAN_OR_IAN))
            .aliases(&["zlint:e_ext_san_space_dns_name", "zlint:e_ext_ian_space_dns_name"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = alt_facts(cert);
        if facts & alt_fact::SPACE == 0 {
            return clear(facts, alt_fact::DNS);
        }
        verdict(dns_names(cert), |(l, d)| (d == b" ").then(|| format!("{l} has a dNSName that is a single space")))
    }
}

/// `rfc5280.dns_name_too_long`
///
/// **What it checks**: each dNSName of subjectAltName and issuerAltName is at most 253
/// characters long, a trailing dot not counted.
///
/// **Why it matters**: RFC 5280 §4.2.1.6 requires the preferred name syntax of RFC 1034,
/// whose names fit 255 octets on the wire, i.e. 253 characters in text; a longer name
/// cannot exist in the DNS.
///
/// **Example**: a 254-character dNSName fails; `example.com` passes; no dNSName is not
/// applicable.
pub struct DnsNameTooLong;

impl Rule for DnsNameTooLong {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.dns_name_too_long", Source::Rfc5280, Severity::Error)
            .summary("a dNSName must be at most 253 characters")
            .citation("RFC 5280 §4.2.1.6; RFC 1034 §3.1")
            .effective(Time::ymd(2008, 5, 1))
            .needs(Need::AnyOf(SAN_OR_IAN))
            .aliases(&["zlint:e_ext_san_dns_name_too_long", "pkilint:pkix.dnsname_domain_name_too_long"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = alt_facts(cert);
        if facts & alt_fact::TOO_LONG == 0 {
            return clear(facts, alt_fact::DNS);
        }
        verdict(dns_names(cert), |(l, d)| {
            let len = dns_len(d);
            (len > domain::MAX_NAME_LEN)
                .then(|| format!("{l} dNSName \"{}\" is {len} characters long (max 253)", lossy(d)))
        })
    }
}

/// `rfc5280.dns_name_empty_label`
///
/// **What it checks**: no label of a dNSName in subjectAltName or issuerAltName is empty:
/// no leading, trailing or doubled dot.
///
/// **Why it matters**: the preferred name syntax (RFC 1034 §3.5, required by RFC 5280
/// §4.2.1.6) has no empty labels; `example..com` and `.example.com` are not host names,
/// and a trailing dot is not part of a dNSName.
///
/// **Example**: `www..example.com` fails; `www.example.com` passes; no dNSName is not
/// applicable.
pub struct DnsNameEmptyLabel;

impl Rule for DnsNameEmptyLabel {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.dns_name_empty_label", Source::Rfc5280, Severity::Error)
            .summary("dNSName labels must not be empty")
            .citation("RFC 5280 §4.2.1.6; RFC 1034 §3.5")
            .effective(Time::ymd(2008, 5, 1))
            .needs(Need::AnyOf(SAN_OR_IAN))
            .aliases(&["zlint:e_rfc_dnsname_empty_label", "pkilint:pkix.invalid_domain_name_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = alt_facts(cert);
        if facts & alt_fact::EMPTY_LABEL == 0 {
            return clear(facts, alt_fact::DNS);
        }
        verdict(dns_names(cert), |(l, d)| {
            d.split(|&b| b == b'.')
                .any(<[u8]>::is_empty)
                .then(|| format!("{l} dNSName \"{}\" has an empty label", lossy(d)))
        })
    }
}

/// `rfc5280.dns_name_label_too_long`
///
/// **What it checks**: every label of a dNSName in subjectAltName or issuerAltName is at
/// most 63 characters.
///
/// **Why it matters**: RFC 1035 §2.3.4 limits labels to 63 octets, and RFC 5280 §4.2.1.6
/// requires the DNS preferred name syntax; a longer label cannot be resolved.
///
/// **Example**: a 64-character label fails; `www.example.com` passes; no dNSName is not
/// applicable.
pub struct DnsNameLabelTooLong;

impl Rule for DnsNameLabelTooLong {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.dns_name_label_too_long", Source::Rfc5280, Severity::Error)
            .summary("dNSName labels must be at most 63 characters")
            .citation("RFC 5280 §4.2.1.6; RFC 1035 §2.3.4")
            .effective(Time::ymd(2008, 5, 1))
            .needs(Need::AnyOf(SAN_OR_IAN))
            .aliases(&["zlint:e_rfc_dnsname_label_too_long", "pkilint:pkix.invalid_domain_name_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = alt_facts(cert);
        if facts & alt_fact::LABEL_TOO_LONG == 0 {
            return clear(facts, alt_fact::DNS);
        }
        verdict(dns_names(cert), |(l, d)| {
            dns_long_label(d)
                .map(|x| format!("{l} dNSName \"{}\" has a label of {} characters (max 63)", lossy(d), x.len()))
        })
    }
}

/// `rfc5280.dns_name_label_hyphen_at_edge`
///
/// **What it checks**: no label of a dNSName in subjectAltName or issuerAltName starts or
/// ends with a hyphen.
///
/// **Why it matters**: in the preferred name syntax (RFC 1034 §3.5, required by RFC 5280
/// §4.2.1.6) a label starts with a letter or digit and ends with one.
///
/// **Example**: `-www.example.com` and `www-.example.com` fail; `w-w.example.com` passes;
/// no dNSName is not applicable.
pub struct DnsNameLabelHyphenAtEdge;

impl Rule for DnsNameLabelHyphenAtEdge {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.dns_name_label_hyphen_at_edge", Source::Rfc5280, Severity::Error)
                .summary("dNSName labels must not start or end with a hyphen")
                .citation("RFC 5280 §4.2.1.6; RFC 1034 §3.5")
                .effective(Time::ymd(2008, 5, 1))
                .needs(Need::AnyOf(SAN_OR_IAN))
                .aliases(&["zlint:e_rfc_dnsname_hyphen_in_sld", "pkilint:pkix.invalid_domain_name_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = alt_facts(cert);
        if facts & alt_fact::HYPHEN == 0 {
            return clear(facts, alt_fact::DNS);
        }
        verdict(dns_names(cert), |(l, d)| {
            dns_hyphen_label(d)
                .map(|x| format!("{l} dNSName \"{}\": label \"{}\" starts or ends with a hyphen", lossy(d), lossy(x)))
        })
    }
}

/// `rfc5280.dns_name_invalid_character`
///
/// **What it checks**: the labels of each dNSName in subjectAltName and issuerAltName use
/// only letters, digits and hyphens. Underscores are left to the two underscore rules,
/// non-ASCII bytes to `rfc5280.general_name_not_ia5`, and a leftmost label that is exactly
/// `*` is tolerated (wildcards are judged by the CA/Browser Forum rules).
///
/// **Why it matters**: RFC 5280 §4.2.1.6 requires the preferred name syntax of RFC 1034
/// §3.5 (as relaxed by RFC 1123 §2.1): LDH labels only. Spaces, `@`, `/` and the like
/// mean the value is not a host name at all.
///
/// **Example**: `www.exa mple.com` and `a*b.example.com` fail; `*.example.com` passes; no
/// dNSName is not applicable.
pub struct DnsNameInvalidCharacter;

impl Rule for DnsNameInvalidCharacter {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.dns_name_invalid_character", Source::Rfc5280, Severity::Error)
            .summary("dNSName labels must use only letters, digits and hyphens")
            .citation("RFC 5280 §4.2.1.6; RFC 1034 §3.5; RFC 1123 §2.1")
            .needs(Need::AnyOf(SAN_OR_IAN))
            .aliases(&["pkilint:pkix.invalid_domain_name_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = alt_facts(cert);
        if facts & alt_fact::INVALID_CHAR == 0 {
            return clear(facts, alt_fact::NOT_SPACE);
        }
        verdict(dns_names(cert).filter(|(_, d)| *d != b" "), |(l, d)| {
            dns_invalid_char(d)
                .map(|b| format!("{l} dNSName \"{}\" contains the invalid character {:?}", lossy(d), char::from(b)))
        })
    }
}

/// `rfc5280.dns_name_underscore_in_registered_label`
///
/// **What it checks**: the label directly left of the top-level label of each dNSName in
/// subjectAltName and issuerAltName has no underscore.
///
/// **Why it matters**: underscores are not part of the host name syntax RFC 5280 §4.2.1.6
/// requires (RFC 1034 §3.5), and a registered domain (the label under the TLD) can never
/// contain one, so such a name cannot belong to anyone.
///
/// **Example**: `www.my_domain.com` fails; `www.my-domain.com` passes; no dNSName is not
/// applicable.
pub struct DnsNameUnderscoreInRegisteredLabel;

impl Rule for DnsNameUnderscoreInRegisteredLabel {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.dns_name_underscore_in_registered_label", Source::Rfc5280, Severity::Error)
                .summary("the registered (second-level) label of a dNSName must not contain an underscore")
                .citation("RFC 5280 §4.2.1.6; RFC 1034 §3.5")
                .effective(Time::ymd(2008, 5, 1))
                .needs(Need::AnyOf(SAN_OR_IAN))
                .aliases(&["zlint:e_rfc_dnsname_underscore_in_sld", "pkilint:pkix.invalid_domain_name_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = alt_facts(cert);
        if facts & alt_fact::UNDERSCORE_REGISTERED == 0 {
            return clear(facts, alt_fact::DNS);
        }
        verdict(dns_names(cert), |(l, d)| {
            dns_underscore_in_registered(d)
                .then(|| format!("{l} dNSName \"{}\" has an underscore in its registered label", lossy(d)))
        })
    }
}

/// `rfc5280.dns_name_underscore_in_lower_label`
///
/// **What it checks**: the labels at the third level and below of each dNSName in
/// subjectAltName and issuerAltName have no underscore.
///
/// **Why it matters**: underscores are outside the preferred host name syntax required by
/// RFC 5280 §4.2.1.6 (RFC 1034 §3.5), although they occur in DNS service labels; a host
/// name with one is not interoperable.
///
/// **Example**: `my_host.example.com` warns; `my-host.example.com` passes; no dNSName is
/// not applicable.
pub struct DnsNameUnderscoreInLowerLabel;

impl Rule for DnsNameUnderscoreInLowerLabel {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.dns_name_underscore_in_lower_label", Source::Rfc5280, Severity::Warn)
                .summary("dNSName labels below the registered domain should not contain underscores")
                .citation("RFC 5280 §4.2.1.6; RFC 1034 §3.5")
                .effective(Time::ymd(2008, 5, 1))
                .needs(Need::AnyOf(SAN_OR_IAN))
                .aliases(&["zlint:w_rfc_dnsname_underscore_in_trd", "pkilint:pkix.invalid_domain_name_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = alt_facts(cert);
        if facts & alt_fact::UNDERSCORE_LOWER == 0 {
            return clear(facts, alt_fact::DNS);
        }
        verdict(dns_names(cert), |(l, d)| {
            dns_underscore_lower(d)
                .map(|x| format!("{l} dNSName \"{}\": label \"{}\" contains an underscore", lossy(d), lossy(x)))
        })
    }
}

/// The `xn--` labels of ASCII dNSNames of SAN and IAN, with the name.
fn a_labels(cert: &Certificate) -> impl Iterator<Item = (&'static str, &str, &str)> + '_ {
    dns_names(cert)
        .filter_map(|(l, d)| core::str::from_utf8(d).ok().map(|s| (l, s)))
        .flat_map(|(l, s)| name_a_labels(s).map(move |x| (l, s, x)))
}

/// `rfc9549.dns_name_a_label_invalid`
///
/// **What it checks**: every label of a dNSName (in subjectAltName or issuerAltName) that
/// starts with `xn--` is a valid A-label: its Punycode decodes to a U-label that obeys the
/// IDNA2008 rules this crate can check without Unicode tables (see
/// [`crate::domain::idna::check_a_label`]) and re-encodes to the same A-label.
///
/// **Why it matters**: RFC 9549 §2.3 stores IDNs in dNSNames as A-labels and §3 asks CAs
/// to ensure they are valid IDNA2008 (RFC 5891 §5); a label that only looks like an
/// A-label cannot be displayed or compared reliably and may not exist in the DNS.
///
/// **Example**: `xn--bcher-kva.example` passes; `xn--abc-.example` (bad Punycode) and
/// `xn--example.com` (decodes to ASCII) fail; a name without `xn--` labels is not
/// applicable.
pub struct DnsNameALabelInvalid;

impl Rule for DnsNameALabelInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc9549.dns_name_a_label_invalid", Source::Rfc5280, Severity::Error)
            .summary("xn-- labels in a dNSName must be valid IDNA2008 A-labels")
            .citation("RFC 9549 §2.3, §3; RFC 5891 §5")
            .effective(Time::ymd(2003, 3, 1))
            .needs(Need::AnyOf(SAN_OR_IAN))
            .aliases(&["zlint:e_international_dns_name_not_unicode"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = alt_facts(cert);
        if facts & alt_fact::A_LABEL_INVALID == 0 {
            return clear(facts, alt_fact::A_LABEL);
        }
        verdict(a_labels(cert), |(l, name, label)| {
            idna::check_a_label(label)
                .err()
                .map(|e| format!("{l} dNSName \"{name}\": label \"{label}\" is not a valid A-label: {e}"))
        })
    }
}

/// `rfc9549.dns_name_u_label_not_nfc`
///
/// **What it checks**: the U-label that each decodable `xn--` label of a dNSName (in
/// subjectAltName or issuerAltName) stands for is in Unicode Normalization Form C.
///
/// **Why it matters**: IDNA2008 (RFC 5891 §5.2, referenced by RFC 9549) only admits
/// U-labels in NFC; an A-label made from a decomposed string is not the A-label of the
/// name users type, so the certificate names a domain nobody can reach.
///
/// **Example**: the A-label of `u` + combining diaeresis fails; `xn--bcher-kva` (with a
/// precomposed `ü`) passes; a name without `xn--` labels is not applicable.
pub struct DnsNameULabelNotNfc;

impl Rule for DnsNameULabelNotNfc {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc9549.dns_name_u_label_not_nfc", Source::Rfc5280, Severity::Error)
            .summary("the U-label behind an A-label must be in NFC")
            .citation("RFC 9549 §2.3; RFC 5891 §5.2")
            .effective(Time::ymd(2018, 5, 1))
            .needs(Need::AnyOf(SAN_OR_IAN))
            .aliases(&["zlint:e_international_dns_name_not_nfc"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if alt_facts(cert) & alt_fact::A_LABEL == 0 {
            return Outcome::NotApplicable;
        }
        let mut buf = ['\0'; idna::MAX_U_LABEL_CHARS];
        let mut any = false;
        for (l, name, label) in a_labels(cert) {
            let Ok(u) = idna::decode_a_label(label, &mut buf) else { continue };
            any = true;
            if !u.iter().copied().nfc().eq(u.iter().copied()) {
                return Outcome::fail(format!(
                    "{l} dNSName \"{name}\": label \"{label}\" decodes to a U-label not in NFC"
                ));
            }
        }
        if any {
            Outcome::Pass
        } else {
            Outcome::NotApplicable
        }
    }
}

/// `rfc5280.rfc822_name_invalid`
///
/// **What it checks**: each rfc822Name of subjectAltName and issuerAltName is a bare
/// `Mailbox` (RFC 5321 §4.1.2): a dot-string or quoted local-part, `@`, and a domain or
/// address literal, with no display name, comment or angle brackets.
///
/// **Why it matters**: RFC 5280 §4.2.1.6 stores an email address in rfc822Name as a
/// Mailbox; `Alice <alice@example.com>` or `alice.example.com` cannot be matched against
/// an address or a name constraint.
///
/// **Example**: `alice@example.com` passes; `Alice <alice@example.com>`, `alice` and
/// `a..b@example.com` fail; no rfc822Name is not applicable.
pub struct Rfc822NameInvalid;

impl Rule for Rfc822NameInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.rfc822_name_invalid", Source::Rfc5280, Severity::Error)
            .summary("an rfc822Name must be a bare RFC 5321 mailbox")
            .citation("RFC 5280 §4.2.1.6; RFC 5321 §4.1.2")
            .effective(Time::ymd(1999, 1, 1))
            .needs(Need::AnyOf(SAN_OR_IAN))
            .aliases(&[
                "zlint:e_ext_san_rfc822_format_invalid",
                "zlint:e_ext_ian_rfc822_format_invalid",
                "pkilint:pkix.invalid_email_address_syntax",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = alt_facts(cert);
        if facts & alt_fact::RFC822_INVALID == 0 {
            return clear(facts, alt_fact::RFC822);
        }
        verdict(rfc822_names(cert), |(l, m)| {
            parse_mailbox(m, false).err().map(|e| format!("{l} rfc822Name \"{m}\" is not a valid mailbox: {e}"))
        })
    }
}

/// `rfc5280.rfc822_name_domain_too_long`
///
/// **What it checks**: the domain part of each rfc822Name of subjectAltName and
/// issuerAltName is at most 253 characters.
///
/// **Why it matters**: the domain of a Mailbox is a domain name (RFC 5321 §4.1.2,
/// §4.5.3.1.2), so the DNS limit of 253 characters applies; a longer one cannot be
/// delivered to.
///
/// **Example**: `a@` followed by a 254-character domain fails; `a@example.com` passes; no
/// rfc822Name is not applicable.
pub struct Rfc822NameDomainTooLong;

impl Rule for Rfc822NameDomainTooLong {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.rfc822_name_domain_too_long", Source::Rfc5280, Severity::Error)
            .summary("the domain of an rfc822Name must be at most 253 characters")
            .citation("RFC 5280 §4.2.1.6; RFC 5321 §4.5.3.1.2")
            .needs(Need::AnyOf(SAN_OR_IAN))
            .aliases(&["pkilint:pkix.rfc822name_domain_part_too_long"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = alt_facts(cert);
        if facts & alt_fact::RFC822_TOO_LONG == 0 {
            return clear(facts, alt_fact::RFC822);
        }
        verdict(rfc822_names(cert), |(l, m)| {
            let d = mail_domain(m)?;
            (d.len() > domain::MAX_NAME_LEN)
                .then(|| format!("{l} rfc822Name \"{m}\" has a domain of {} characters (max 253)", d.len()))
        })
    }
}

/// `rfc9598.rfc822_name_domain_not_idna2008`
///
/// **What it checks**: in the domain of each rfc822Name (SAN or IAN), every `xn--` label
/// is a valid A-label and no other label has `--` in positions 3-4.
///
/// **Why it matters**: RFC 9598 §4 requires every email address domain in a certificate to
/// conform to IDNA2008, with non-ASCII labels as A-labels (RFC 9549 §2.5); malformed
/// A-labels break the octet-for-octet comparison that name constraints rely on.
///
/// **Example**: `a@xn--bcher-kva.example` passes; `a@xn--zz.example` fails; an rfc822Name
/// without such labels is not applicable.
pub struct Rfc822NameDomainNotIdna2008;

impl Rule for Rfc822NameDomainNotIdna2008 {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc9598.rfc822_name_domain_not_idna2008", Source::Rfc5280, Severity::Error)
                .summary("the domain of an rfc822Name must be IDNA2008-conformant")
                .citation("RFC 9598 §4; RFC 9549 §2.5")
                .effective(Time::ymd(2024, 5, 1))
                .needs(Need::AnyOf(SAN_OR_IAN));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if alt_facts(cert) & alt_fact::RFC822_IDNA == 0 {
            return Outcome::NotApplicable;
        }
        let items = rfc822_names(cert).filter(|(_, m)| mail_domain(m).is_some_and(rfc822_idna_applies));
        verdict(items, |(l, m)| {
            let d = mail_domain(m)?;
            idna::check_name_labels(d).err().map(|e| format!("{l} rfc822Name \"{m}\": domain is not IDNA2008: {e}"))
        })
    }
}

/// `rfc5280.uri_invalid_syntax`
///
/// **What it checks**: every uniformResourceIdentifier in subjectAltName, issuerAltName,
/// authorityInfoAccess, subjectInfoAccess, cRLDistributionPoints and freshestCRL follows
/// the RFC 3986 grammar: a valid scheme, only allowed characters in each component, `%`
/// followed by two hex digits, a numeric port, well-formed IP literals. (A missing scheme
/// is `rfc5280.uri_relative`'s.)
///
/// **Why it matters**: RFC 5280 §4.2.1.6 requires URIs to follow the syntax and encoding
/// rules of RFC 3986; clients fetching CRLs, OCSP responses or issuer certificates from a
/// malformed URI fail or, worse, each repair it differently.
///
/// **Example**: `http://crl.example.com/ca.crl` passes; `http://crl.example.com/my ca.crl`
/// (unencoded space) fails; a certificate without URIs is not applicable.
pub struct UriInvalidSyntax;

impl Rule for UriInvalidSyntax {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.uri_invalid_syntax", Source::Rfc5280, Severity::Error)
            .summary("URIs must follow RFC 3986 syntax")
            .citation("RFC 5280 §4.2.1.6; RFC 3986 §3")
            .effective(Time::ymd(2008, 5, 1))
            .needs(Need::AnyOf(URI_EXTENSIONS))
            .aliases(&[
                "zlint:e_ext_san_uri_format_invalid",
                "zlint:e_ext_ian_uri_format_invalid",
                "pkilint:pkix.invalid_uri_syntax",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = uri_facts(cert);
        if facts & uri_fact::INVALID == 0 {
            return clear(facts, uri_fact::ANY);
        }
        verdict(uri_locations(cert), |(l, u)| {
            let e = uri_syntax_error(l, &parse_uri(u).err()?)?;
            Some(format!("{l} URI \"{}\" is not valid: {e}", lossy(u)))
        })
    }
}

/// `rfc5280.uri_relative`
///
/// **What it checks**: every uniformResourceIdentifier (in SAN, IAN, AIA, SIA, CRL
/// distribution points and freshestCRL) is absolute: a scheme and a non-empty
/// scheme-specific part.
///
/// **Why it matters**: RFC 5280 §4.2.1.6 says the name MUST NOT be a relative URI and MUST
/// include both a scheme and a scheme-specific part; a certificate has no base URI to
/// resolve a relative reference against.
///
/// **Example**: `crl.example.com/ca.crl` and `http:` fail; `http://crl.example.com/ca.crl`
/// passes; a certificate without URIs is not applicable.
pub struct UriRelative;

impl Rule for UriRelative {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.uri_relative", Source::Rfc5280, Severity::Error)
            .summary("URIs must be absolute, with a scheme and a scheme-specific part")
            .citation("RFC 5280 §4.2.1.6")
            .effective(Time::ymd(2008, 5, 1))
            .needs(Need::AnyOf(URI_EXTENSIONS))
            .aliases(&["zlint:e_ext_san_uri_relative", "zlint:e_ext_ian_uri_relative"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = uri_facts(cert);
        if facts & uri_fact::RELATIVE == 0 {
            return clear(facts, uri_fact::ANY);
        }
        verdict(uri_locations(cert), |(l, u)| match parse_uri(u) {
            Err(e) if e.is_relative() => Some(format!("{l} URI \"{}\" is not absolute: {e}", lossy(u))),
            _ => None,
        })
    }
}

/// `rfc5280.uri_host_not_fqdn_or_ip`
///
/// **What it checks**: every URI with an authority (in SAN, IAN, AIA, SIA, CRL
/// distribution points and freshestCRL) names its host by an IP address or a fully
/// qualified domain name: at least two syntactically valid labels, no wildcard.
///
/// **Why it matters**: RFC 5280 §4.2.1.6 says URIs that include an authority MUST include
/// a fully qualified domain name or IP address as the host; `http://crl/ca.crl` depends on
/// the relying party's local resolver configuration.
///
/// An LDAP URI with an empty host (`ldap:///cn=CA,dc=example?cACertificate`) passes:
/// RFC 5280 §4.2.1.13, §4.2.2.1 and §4.2.2.2 only say an LDAP URI SHOULD include a
/// `<host>`, and describe omitting it as relying on the client's own knowledge of a server
/// (RFC 4516 §2): Active Directory CAs publish such URIs.
///
/// **Example**: `http://crl/ca.crl` and `http:///ca.crl` fail;
/// `http://crl.example.com/ca.crl`, `http://192.0.2.1/ca.crl` and `ldap:///cn=CA` pass;
/// `urn:uuid:...` (no authority) is not applicable.
pub struct UriHostNotFqdnOrIp;

impl Rule for UriHostNotFqdnOrIp {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.uri_host_not_fqdn_or_ip", Source::Rfc5280, Severity::Error)
            .summary("a URI authority must name a fully qualified domain name or an IP address")
            .citation("RFC 5280 §4.2.1.6")
            .effective(Time::ymd(2008, 5, 1))
            .needs(Need::AnyOf(URI_EXTENSIONS))
            .aliases(&["zlint:e_ext_san_uri_host_not_fqdn_or_ip", "zlint:e_ext_ian_uri_host_not_fqdn_or_ip"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = uri_facts(cert);
        if facts & uri_fact::NOT_FQDN == 0 {
            return clear(facts, uri_fact::AUTHORITY);
        }
        let items = uri_locations(cert).filter_map(|(l, u)| {
            let uri = parse_uri(u).ok()?;
            Some((l, u, uri.scheme, uri.authority?.host))
        });
        verdict(items, |(l, u, scheme, host)| {
            let h = uri_host_not_fqdn(scheme, host)?;
            Some(format!("{l} URI \"{}\": host \"{h}\" is not a fully qualified domain name", lossy(u)))
        })
    }
}

/// `rfc5280.uri_host_too_long`
///
/// **What it checks**: the host of every URI with a registered-name authority (in SAN,
/// IAN, AIA, SIA, CRL distribution points and freshestCRL) is at most 253 characters.
///
/// **Why it matters**: the host must be a fully qualified domain name (RFC 5280 §4.2.1.6),
/// and domain names are at most 253 characters in text (RFC 1034 §3.1).
///
/// **Example**: a 254-character host fails; `crl.example.com` passes; URIs without an
/// authority are not applicable.
pub struct UriHostTooLong;

impl Rule for UriHostTooLong {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.uri_host_too_long", Source::Rfc5280, Severity::Error)
            .summary("the host of a URI must be at most 253 characters")
            .citation("RFC 5280 §4.2.1.6; RFC 1034 §3.1")
            .needs(Need::AnyOf(URI_EXTENSIONS))
            .aliases(&["pkilint:pkix.uri_domain_name_too_long"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = uri_facts(cert);
        if facts & uri_fact::TOO_LONG == 0 {
            return clear(facts, uri_fact::REG_NAME);
        }
        let items = uri_locations(cert).filter_map(|(l, u)| match parse_uri(u).ok()?.authority?.host {
            Host::RegName(h) => Some((l, h)),
            _ => None,
        });
        verdict(items, |(l, h)| {
            let len = uri_host_len(h);
            (len > domain::MAX_NAME_LEN).then(|| format!("{l} URI host is {len} characters long (max 253)"))
        })
    }
}

/// `rfc5280.ip_address_wrong_length`
///
/// **What it checks**: every iPAddress of subjectAltName and issuerAltName is 4 octets
/// (IPv4) or 16 octets (IPv6). Empty ones are `rfc5280.general_name_empty`'s.
///
/// **Why it matters**: RFC 5280 §4.2.1.6 stores the address in network byte order as
/// exactly 4 or 16 octets; other lengths are not addresses (8 and 32 are the
/// address-plus-mask form reserved for name constraints).
///
/// **Example**: `C0 00 02 01` passes; an 8-octet value fails; no iPAddress is not
/// applicable.
pub struct IpAddressWrongLength;

impl Rule for IpAddressWrongLength {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.ip_address_wrong_length", Source::Rfc5280, Severity::Error)
            .summary("an iPAddress name must be 4 or 16 octets")
            .citation("RFC 5280 §4.2.1.6")
            .needs(Need::AnyOf(SAN_OR_IAN))
            .aliases(&["pkilint:pkix.ip_address_wrong_length"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = alt_facts(cert);
        if facts & alt_fact::IP_WRONG_LENGTH == 0 {
            return clear(facts, alt_fact::IP);
        }
        let items = alt_entries(cert).filter_map(|(l, n)| match n {
            GeneralName::IpAddress(ip) if !ip.is_empty() => Some((l, ip)),
            _ => None,
        });
        verdict(items, |(l, ip)| {
            ip_wrong_length(ip).then(|| format!("{l} iPAddress is {} octets long (must be 4 or 16)", ip.len()))
        })
    }
}

/// `rfc9598.smtp_utf8_mailbox_ascii_local_part`
///
/// **What it checks**: each SmtpUTF8Mailbox (SAN or IAN) has a local-part with at least
/// one non-ASCII character.
///
/// **Why it matters**: RFC 9598 §3 says SmtpUTF8Mailbox MUST NOT be used unless the
/// local-part contains non-ASCII characters; ASCII addresses go in rfc822Name, so that
/// rfc822Name name constraints still see them.
///
/// **Example**: `пользователь@example.com` passes; `user@example.com` as SmtpUTF8Mailbox
/// fails; no SmtpUTF8Mailbox is not applicable.
pub struct SmtpUtf8MailboxAsciiLocalPart;

impl Rule for SmtpUtf8MailboxAsciiLocalPart {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc9598.smtp_utf8_mailbox_ascii_local_part", Source::Rfc5280, Severity::Error)
                .summary("SmtpUTF8Mailbox must only hold addresses with a non-ASCII local-part")
                .citation("RFC 9598 §3")
                .effective(Time::ymd(2024, 5, 1))
                .needs(Need::AnyOf(SAN_OR_IAN))
                .aliases(&["pkilint:pkix.smtp_utf8_mailbox_is_ascii_only"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if alt_facts(cert) & alt_fact::SMTP == 0 {
            return Outcome::NotApplicable;
        }
        verdict(smtp_texts(cert), |(l, m)| {
            let local = m.rsplit_once('@').map_or(m, |(local, _)| local);
            local.is_ascii().then(|| format!("{l} SmtpUTF8Mailbox \"{m}\" has an all-ASCII local-part"))
        })
    }
}

/// `rfc9598.smtp_utf8_mailbox_not_utf8string`
///
/// **What it checks**: the value of each SmtpUTF8Mailbox otherName (SAN or IAN) is a
/// UTF8String holding valid UTF-8.
///
/// **Why it matters**: RFC 9598 §3 defines `SmtpUTF8Mailbox ::= UTF8String`; another string
/// type or invalid UTF-8 cannot be compared octet for octet as the RFC requires.
///
/// **Example**: `[0] UTF8String "пользователь@example.com"` passes; an IA5String value
/// fails; no SmtpUTF8Mailbox is not applicable.
pub struct SmtpUtf8MailboxNotUtf8String;

impl Rule for SmtpUtf8MailboxNotUtf8String {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc9598.smtp_utf8_mailbox_not_utf8string", Source::Rfc5280, Severity::Error)
                .summary("the SmtpUTF8Mailbox value must be a UTF8String")
                .citation("RFC 9598 §3")
                .effective(Time::ymd(2024, 5, 1))
                .needs(Need::AnyOf(SAN_OR_IAN));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if alt_facts(cert) & alt_fact::SMTP == 0 {
            return Outcome::NotApplicable;
        }
        verdict(smtp_utf8_mailboxes(cert), |(l, v)| {
            smtp_text(v).is_none().then(|| {
                let t = Tlv::parse(v).map_or(0, |t| t.tag);
                format!("{l} SmtpUTF8Mailbox is a {} with valid UTF-8 expected in a UTF8String", tag::name(t))
            })
        })
    }
}

/// `rfc9598.smtp_utf8_mailbox_has_bom`
///
/// **What it checks**: no SmtpUTF8Mailbox (SAN or IAN) contains a byte order mark
/// (U+FEFF, `EF BB BF`).
///
/// **Why it matters**: RFC 9598 §3 (and RFC 9549 §2.5) forbid a BOM in the UTF8String so
/// that values compare octet for octet.
///
/// **Example**: a value starting with `EF BB BF` fails; one without passes; no
/// SmtpUTF8Mailbox is not applicable.
pub struct SmtpUtf8MailboxHasBom;

impl Rule for SmtpUtf8MailboxHasBom {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc9598.smtp_utf8_mailbox_has_bom", Source::Rfc5280, Severity::Error)
            .summary("SmtpUTF8Mailbox must not contain a byte order mark")
            .citation("RFC 9598 §3")
            .effective(Time::ymd(2024, 5, 1))
            .needs(Need::AnyOf(SAN_OR_IAN))
            .aliases(&["pkilint:pkix.smtp_utf8_mailbox_has_bom"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if alt_facts(cert) & alt_fact::SMTP == 0 {
            return Outcome::NotApplicable;
        }
        verdict(smtp_utf8_mailboxes(cert), |(l, v)| {
            let content = Tlv::parse(v).map_or(v, |t| t.value);
            content
                .windows(3)
                .any(|w| w == [0xef, 0xbb, 0xbf])
                .then(|| format!("{l} SmtpUTF8Mailbox \"{}\" contains a byte order mark", lossy(content)))
        })
    }
}

/// `rfc9598.smtp_utf8_mailbox_invalid_syntax`
///
/// **What it checks**: each SmtpUTF8Mailbox (SAN or IAN) is an internationalised
/// `Mailbox`: a UTF-8 dot-string or quoted local-part, `@`, and a domain.
///
/// **Why it matters**: RFC 9598 §3 defines the value as the Mailbox of RFC 6531 §3.3,
/// without display name, comment or angle brackets; anything else cannot be matched to an
/// address.
///
/// **Example**: `пользователь@example.com` passes; `Пользователь <п@example.com>` and
/// `пользователь` fail; no SmtpUTF8Mailbox is not applicable.
pub struct SmtpUtf8MailboxInvalidSyntax;

impl Rule for SmtpUtf8MailboxInvalidSyntax {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc9598.smtp_utf8_mailbox_invalid_syntax", Source::Rfc5280, Severity::Error)
                .summary("SmtpUTF8Mailbox must be an RFC 6531 mailbox")
                .citation("RFC 9598 §3; RFC 6531 §3.3")
                .effective(Time::ymd(2024, 5, 1))
                .needs(Need::AnyOf(SAN_OR_IAN))
                .aliases(&["pkilint:pkix.smtp_utf8_mailbox_invalid_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if alt_facts(cert) & alt_fact::SMTP == 0 {
            return Outcome::NotApplicable;
        }
        verdict(smtp_texts(cert), |(l, m)| {
            parse_mailbox(m, true).err().map(|e| format!("{l} SmtpUTF8Mailbox \"{m}\" is not a valid mailbox: {e}"))
        })
    }
}

/// `rfc9598.smtp_utf8_mailbox_domain_invalid`
///
/// **What it checks**: the domain of each SmtpUTF8Mailbox (SAN or IAN) is made of LDH
/// labels: ASCII letters, digits and hyphens, with `xn--` labels that are valid A-labels
/// and no other reserved (`??--`) labels. Address literals are accepted.
///
/// **Why it matters**: RFC 9598 §3 requires domain labels to be LDH labels, non-ASCII ones
/// as A-labels rather than U-labels, and other ASCII labels NR-LDH; §4 requires IDNA2008
/// conformance. This keeps path validation free of Unicode conversions.
///
/// **Example**: `пользователь@xn--e1afmkfd.example` passes; `пользователь@пример.example`
/// (U-label) fails; no SmtpUTF8Mailbox is not applicable.
pub struct SmtpUtf8MailboxDomainInvalid;

impl Rule for SmtpUtf8MailboxDomainInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc9598.smtp_utf8_mailbox_domain_invalid", Source::Rfc5280, Severity::Error)
                .summary("the SmtpUTF8Mailbox domain must be LDH labels conforming to IDNA2008")
                .citation("RFC 9598 §3, §4")
                .effective(Time::ymd(2024, 5, 1))
                .needs(Need::AnyOf(SAN_OR_IAN))
                .aliases(&["pkilint:pkix.smtp_utf8_mailbox_domain_part_invalid_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if alt_facts(cert) & alt_fact::SMTP == 0 {
            return Outcome::NotApplicable;
        }
        let items = smtp_texts(cert).filter_map(|(l, m)| mail_domain(m).map(|d| (l, m, d)));
        verdict(items, |(l, m, d)| {
            if d.is_empty() {
                return Some(format!("{l} SmtpUTF8Mailbox \"{m}\" has an empty domain"));
            }
            if let Err(why) = crate::cert::check_mail_domain(d, false) {
                return Some(format!("{l} SmtpUTF8Mailbox \"{m}\": domain is not LDH labels: {why}"));
            }
            if d.starts_with('[') {
                return None;
            }
            idna::check_name_labels(d)
                .err()
                .map(|e| format!("{l} SmtpUTF8Mailbox \"{m}\": domain is not IDNA2008: {e}"))
        })
    }
}

/// `rfc9598.smtp_utf8_mailbox_domain_uppercase`
///
/// **What it checks**: the domain of each SmtpUTF8Mailbox (SAN or IAN) has no uppercase
/// letters.
///
/// **Why it matters**: RFC 9598 §3 says the NR-LDH and A-label labels of the domain SHALL
/// only be encoded with lowercase letters, so that values compare octet for octet.
///
/// **Example**: `пользователь@Example.com` fails; `пользователь@example.com` passes; no
/// SmtpUTF8Mailbox is not applicable.
pub struct SmtpUtf8MailboxDomainUppercase;

impl Rule for SmtpUtf8MailboxDomainUppercase {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc9598.smtp_utf8_mailbox_domain_uppercase", Source::Rfc5280, Severity::Error)
                .summary("the SmtpUTF8Mailbox domain must be lowercase")
                .citation("RFC 9598 §3")
                .effective(Time::ymd(2024, 5, 1))
                .needs(Need::AnyOf(SAN_OR_IAN))
                .aliases(&["pkilint:pkix.smtp_utf8_mailbox_has_uppercase"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if alt_facts(cert) & alt_fact::SMTP == 0 {
            return Outcome::NotApplicable;
        }
        let items = smtp_texts(cert).filter_map(|(l, m)| mail_domain(m).map(|d| (l, m, d)));
        verdict(items, |(l, m, d)| {
            d.chars()
                .any(char::is_uppercase)
                .then(|| format!("{l} SmtpUTF8Mailbox \"{m}\" has uppercase letters in its domain"))
        })
    }
}

/// `rfc9598.smtp_utf8_mailbox_domain_too_long`
///
/// **What it checks**: the domain of each SmtpUTF8Mailbox (SAN or IAN) is at most 253
/// characters.
///
/// **Why it matters**: the domain is a DNS domain name in A-label form (RFC 9598 §3), so
/// the DNS limit of 253 characters applies (RFC 5321 §4.5.3.1.2).
///
/// **Example**: a 254-character domain fails; `example.com` passes; no SmtpUTF8Mailbox is
/// not applicable.
pub struct SmtpUtf8MailboxDomainTooLong;

impl Rule for SmtpUtf8MailboxDomainTooLong {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc9598.smtp_utf8_mailbox_domain_too_long", Source::Rfc5280, Severity::Error)
                .summary("the SmtpUTF8Mailbox domain must be at most 253 characters")
                .citation("RFC 9598 §3; RFC 5321 §4.5.3.1.2")
                .effective(Time::ymd(2024, 5, 1))
                .needs(Need::AnyOf(SAN_OR_IAN))
                .aliases(&["pkilint:pkix.smtputf8mailbox_domain_part_too_long"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if alt_facts(cert) & alt_fact::SMTP == 0 {
            return Outcome::NotApplicable;
        }
        let items = smtp_texts(cert).filter_map(|(l, m)| mail_domain(m).map(|d| (l, d)));
        verdict(items, |(l, d)| {
            (d.len() > domain::MAX_NAME_LEN)
                .then(|| format!("{l} SmtpUTF8Mailbox domain is {} characters long (max 253)", d.len()))
        })
    }
}

/// Test helpers shared by the RFC 5280 topic modules of this package.
#[cfg(test)]
pub(super) mod testkit {
    use alloc::vec::Vec;

    use crate::oid;
    use crate::rule::Rule;
    use crate::testutil::{der::*, *};
    use crate::{Status, Time};

    /// Asserts NotEffective the day before `(y, m, d)` and `on_day` from that day on.
    #[track_caller]
    pub fn dated(rule: &'static dyn Rule, b: &CertBuilder, (y, m, d): (i64, u32, u32), on_day: Status) {
        let day = Time::ymd(y, m, d);
        assert_status(rule, &b.clone().not_before(Time::from_unix(day.unix() - 86_400)), Status::NotEffective);
        assert_status(rule, &b.clone().not_before(day), on_day);
    }

    /// A leaf whose SAN holds these GeneralName elements.
    pub fn san(names: &[Vec<u8>]) -> CertBuilder {
        CertBuilder::leaf().ext(&oid::ext::SUBJECT_ALT_NAME, false, &seq_vec(names))
    }

    /// A leaf whose IAN holds these GeneralName elements (the SAN stays).
    pub fn ian(names: &[Vec<u8>]) -> CertBuilder {
        CertBuilder::leaf().ext(&oid::ext::ISSUER_ALT_NAME, false, &seq_vec(names))
    }

    /// dNSName.
    pub fn dns(s: &str) -> Vec<u8> {
        ctx_prim(2, s.as_bytes())
    }

    /// rfc822Name.
    pub fn email(s: &str) -> Vec<u8> {
        ctx_prim(1, s.as_bytes())
    }

    /// uniformResourceIdentifier.
    pub fn uri(s: &str) -> Vec<u8> {
        ctx_prim(6, s.as_bytes())
    }

    /// iPAddress.
    pub fn ip(b: &[u8]) -> Vec<u8> {
        ctx_prim(7, b)
    }

    /// directoryName.
    pub fn dir(name: &[u8]) -> Vec<u8> {
        ctx_cons(4, name)
    }

    /// otherName with this type-id and inner value element.
    pub fn other(type_id: &oid::ObjectIdentifier, value: &[u8]) -> Vec<u8> {
        ctx_cons(0, &[oid(type_id), ctx_cons(0, value)].concat())
    }

    /// SmtpUTF8Mailbox otherName holding a UTF8String.
    pub fn smtp(s: &str) -> Vec<u8> {
        other(&oid::other_name::SMTP_UTF8_MAILBOX, &tlv(tag::UTF8_STRING, s.as_bytes()))
    }

    /// The message of a failing rule.
    #[track_caller]
    pub fn message(rule: &'static dyn Rule, b: &CertBuilder) -> alloc::string::String {
        finding(rule, &b.build(), &crate::Context::default()).1
    }
}

#[cfg(test)]
mod tests {
    use super::testkit::*;
    use super::*;
    use crate::oid::{attr, ext};
    use crate::testutil::{der::*, *};
    use crate::Status;
    use alloc::string::String;
    use alloc::vec;

    fn empty_subject() -> CertBuilder {
        let mut b = CertBuilder::leaf();
        b.subject = seq(&[]);
        b
    }

    #[test]
    fn subject_empty_without_san() {
        let r = &SubjectEmptyWithoutSan;
        assert_status(r, &empty_subject(), Status::Pass);
        let b = empty_subject().without_ext(&ext::SUBJECT_ALT_NAME);
        assert_status(r, &b, Status::Error);
        assert_status(r, &CertBuilder::leaf().without_ext(&ext::SUBJECT_ALT_NAME), Status::NotApplicable);
        dated(r, &b, (1999, 1, 1), Status::Error);
    }

    #[test]
    fn san_criticality() {
        let crit = empty_subject().ext(&ext::SUBJECT_ALT_NAME, true, &seq(&[&dns("example.com")]));
        assert_status(&SanNotCriticalWithEmptySubject, &crit, Status::Pass);
        assert_status(&SanNotCriticalWithEmptySubject, &empty_subject(), Status::Error);
        assert_status(&SanNotCriticalWithEmptySubject, &CertBuilder::leaf(), Status::NotApplicable);
        dated(&SanNotCriticalWithEmptySubject, &empty_subject(), (1999, 1, 1), Status::Error);

        assert_status(&SanCriticalWithSubject, &CertBuilder::leaf(), Status::Pass);
        let b = CertBuilder::leaf().ext(&ext::SUBJECT_ALT_NAME, true, &seq(&[&dns("example.com")]));
        assert_status(&SanCriticalWithSubject, &b, Status::Warn);
        assert_status(&SanCriticalWithSubject, &crit, Status::NotApplicable);
    }

    #[test]
    fn ian_critical() {
        assert_status(&IanCritical, &ian(&[dns("ca.example")]), Status::Pass);
        let b = CertBuilder::leaf().ext(&ext::ISSUER_ALT_NAME, true, &seq(&[&dns("ca.example")]));
        assert_status(&IanCritical, &b, Status::Warn);
        assert_status(&IanCritical, &CertBuilder::leaf(), Status::NotApplicable);
        dated(&IanCritical, &b, (1999, 1, 1), Status::Warn);
    }

    #[test]
    fn alt_name_no_entries() {
        let r = &AltNameNoEntries;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        assert_status(r, &san(&[]), Status::Error);
        assert!(message(r, &ian(&[])).contains("issuerAltName"));
        assert_status(r, &CertBuilder::leaf().without_ext(&ext::SUBJECT_ALT_NAME), Status::NotApplicable);
        dated(r, &san(&[]), (1999, 1, 1), Status::Error);
    }

    #[test]
    fn general_name_empty() {
        let r = &GeneralNameEmpty;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        for bad in [dns(""), email(""), uri(""), ip(&[]), dir(&seq(&[])), smtp("")] {
            assert_status(r, &san(&[dns("example.com"), bad]), Status::Error);
        }
        assert!(message(r, &ian(&[dns("")])).contains("issuerAltName contains an empty dNSName"));
        assert_status(r, &CertBuilder::leaf().without_ext(&ext::SUBJECT_ALT_NAME), Status::NotApplicable);
        dated(r, &san(&[dns("")]), (1999, 1, 1), Status::Error);
    }

    #[test]
    fn general_name_not_ia5() {
        let r = &GeneralNameNotIa5;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        // One bad entry does not hide the next one.
        assert_status(r, &san(&[dns("example.com"), dns("bücher.example")]), Status::Error);
        assert_status(r, &san(&[email("jö@example.com")]), Status::Error);
        assert_status(r, &san(&[uri("http://bücher.example/")]), Status::Error);
        assert_status(r, &san(&[ip(&[192, 0, 2, 1])]), Status::NotApplicable);
        dated(r, &san(&[dns("bücher.example")]), (1999, 1, 1), Status::Error);
    }

    #[test]
    fn dns_name_space() {
        let r = &DnsNameSpace;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        assert_status(r, &san(&[dns(" ")]), Status::Error);
        assert_status(r, &ian(&[dns(" ")]), Status::Error);
        assert_status(r, &san(&[ip(&[192, 0, 2, 1])]), Status::NotApplicable);
        dated(r, &san(&[dns(" ")]), (1999, 1, 1), Status::Error);
    }

    fn long_name(len: usize) -> String {
        let mut s = String::new();
        while s.len() < len {
            if !s.is_empty() {
                s.push('.');
            }
            s.push_str(&"a".repeat((len - s.len()).min(63)));
        }
        s
    }

    #[test]
    fn dns_name_too_long() {
        let r = &DnsNameTooLong;
        let ok = long_name(253);
        assert_eq!(ok.len(), 253);
        assert_status(r, &san(&[dns(&ok)]), Status::Pass);
        assert_status(r, &san(&[dns(&alloc::format!("{ok}."))]), Status::Pass);
        let bad = long_name(254);
        assert!(message(r, &san(&[dns(&bad)])).contains("254 characters"));
        assert_status(r, &san(&[ip(&[192, 0, 2, 1])]), Status::NotApplicable);
        dated(r, &san(&[dns(&bad)]), (2008, 5, 1), Status::Error);
    }

    #[test]
    fn dns_name_empty_label() {
        let r = &DnsNameEmptyLabel;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        for bad in ["www..example.com", ".example.com", "example.com."] {
            assert_status(r, &san(&[dns(bad)]), Status::Error);
        }
        assert_status(r, &san(&[ip(&[192, 0, 2, 1])]), Status::NotApplicable);
        dated(r, &san(&[dns("a..b")]), (2008, 5, 1), Status::Error);
    }

    #[test]
    fn dns_name_label_too_long() {
        let r = &DnsNameLabelTooLong;
        let ok = alloc::format!("{}.example.com", "a".repeat(63));
        assert_status(r, &san(&[dns(&ok)]), Status::Pass);
        let bad = alloc::format!("{}.example.com", "a".repeat(64));
        assert!(message(r, &san(&[dns(&bad)])).contains("64 characters"));
        assert_status(r, &san(&[ip(&[192, 0, 2, 1])]), Status::NotApplicable);
        dated(r, &san(&[dns(&bad)]), (2008, 5, 1), Status::Error);
    }

    #[test]
    fn dns_name_label_hyphen_at_edge() {
        let r = &DnsNameLabelHyphenAtEdge;
        assert_status(r, &san(&[dns("w-w.example.com")]), Status::Pass);
        assert_status(r, &san(&[dns("-www.example.com")]), Status::Error);
        assert_status(r, &san(&[dns("www-.example.com")]), Status::Error);
        assert_status(r, &san(&[ip(&[192, 0, 2, 1])]), Status::NotApplicable);
        dated(r, &san(&[dns("-a.example.com")]), (2008, 5, 1), Status::Error);
    }

    #[test]
    fn dns_name_invalid_character() {
        let r = &DnsNameInvalidCharacter;
        assert_status(r, &san(&[dns("*.example.com"), dns("a_b.example.com")]), Status::Pass);
        assert!(message(r, &san(&[dns("www.exa mple.com")])).contains("' '"));
        assert_status(r, &san(&[dns("a*b.example.com")]), Status::Error);
        assert_status(r, &san(&[dns("www.*.example.com")]), Status::Error);
        assert_status(r, &san(&[dns("user@example.com")]), Status::Error);
        assert_status(r, &san(&[ip(&[192, 0, 2, 1])]), Status::NotApplicable);
    }

    #[test]
    fn dns_name_underscores() {
        let r = &DnsNameUnderscoreInRegisteredLabel;
        assert_status(r, &san(&[dns("a_b.example.com")]), Status::Pass);
        assert_status(r, &san(&[dns("www.my_domain.com")]), Status::Error);
        assert_status(r, &san(&[ip(&[192, 0, 2, 1])]), Status::NotApplicable);
        dated(r, &san(&[dns("my_domain.com")]), (2008, 5, 1), Status::Error);

        let r = &DnsNameUnderscoreInLowerLabel;
        assert_status(r, &san(&[dns("www.my_domain.com")]), Status::Pass);
        assert_status(r, &san(&[dns("my_host.example.com")]), Status::Warn);
        assert_status(r, &san(&[ip(&[192, 0, 2, 1])]), Status::NotApplicable);
        dated(r, &san(&[dns("a_b.example.com")]), (2008, 5, 1), Status::Warn);
    }

    #[test]
    fn a_labels() {
        let r = &DnsNameALabelInvalid;
        assert_status(r, &san(&[dns("xn--bcher-kva.example")]), Status::Pass);
        assert_status(r, &san(&[dns("XN--BCHER-KVA.example")]), Status::Pass);
        assert!(message(r, &san(&[dns("xn--example.com")])).contains("xn--example"));
        assert_status(r, &san(&[dns("www.xn--abc-.example")]), Status::Error);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
        dated(r, &san(&[dns("xn--example.com")]), (2003, 3, 1), Status::Error);
    }

    #[test]
    fn u_label_nfc() {
        let r = &DnsNameULabelNotNfc;
        assert_status(r, &san(&[dns("xn--bcher-kva.example")]), Status::Pass);
        // "bu\u{308}cher": decomposed ü.
        let chars: alloc::vec::Vec<char> = "bu\u{308}cher".chars().collect();
        let mut out = [0u8; 63];
        let puny = idna::punycode_encode(&chars, &mut out).unwrap();
        let name = alloc::format!("xn--{puny}.example");
        assert_status(r, &san(&[dns(&name)]), Status::Error);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
        dated(r, &san(&[dns(&name)]), (2018, 5, 1), Status::Error);
    }

    #[test]
    fn rfc822_names() {
        let r = &Rfc822NameInvalid;
        assert_status(r, &san(&[email("alice@example.com"), email("\"a b\"@example.com")]), Status::Pass);
        for bad in ["Alice <alice@example.com>", "alice", "a..b@example.com", "a@b@example.com", "a@-x.example"] {
            assert_status(r, &san(&[email(bad)]), Status::Error);
        }
        assert_status(r, &ian(&[email("alice")]), Status::Error);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
        dated(r, &san(&[email("alice")]), (1999, 1, 1), Status::Error);

        let r = &Rfc822NameDomainTooLong;
        assert_status(r, &san(&[email("a@example.com")]), Status::Pass);
        let bad = alloc::format!("a@{}", long_name(254));
        assert_status(r, &san(&[email(&bad)]), Status::Error);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);

        let r = &Rfc822NameDomainNotIdna2008;
        assert_status(r, &san(&[email("a@xn--bcher-kva.example")]), Status::Pass);
        assert_status(r, &san(&[email("a@xn--zz.example")]), Status::Error);
        assert_status(r, &san(&[email("a@ab--c.example")]), Status::Error);
        assert_status(r, &san(&[email("a@example.com")]), Status::NotApplicable);
        dated(r, &san(&[email("a@xn--zz.example")]), (2024, 5, 1), Status::Error);
    }

    fn with_aia(location: &str) -> CertBuilder {
        let aia = seq(&[&seq(&[&oid(&crate::oid::access::CA_ISSUERS), &uri(location)])]);
        CertBuilder::leaf().ext(&ext::AUTHORITY_INFO_ACCESS, false, &aia)
    }

    #[test]
    fn uri_facts_summarise_every_location_once() {
        use uri_fact::*;
        let facts = |b: &CertBuilder| uri_facts(&b.build());
        let mut none = CertBuilder::leaf();
        none.extensions = None;
        assert_eq!(facts(&none), 0);
        // The default leaf's AIA: absolute HTTP URIs with FQDN hosts.
        assert_eq!(facts(&CertBuilder::leaf()), ANY | AUTHORITY | REG_NAME);
        let b = san(&[uri("http://crl/x"), uri("example.com/x"), uri("http://example.com/%zz")]);
        assert_eq!(facts(&b) & !(ANY | AUTHORITY | REG_NAME), INVALID | RELATIVE | NOT_FQDN);
        assert_eq!(facts(&san(&[uri(&alloc::format!("http://{}/", long_name(254)))])) & TOO_LONG, TOO_LONG);
        assert_eq!(facts(&san(&[uri("http://[2001:db8::1]/")])) & !REG_NAME, ANY | AUTHORITY);
        // An empty SAN URI is general_name_empty's, not a syntax error; in AIA it is one.
        assert_eq!(facts(&san(&[uri("")])) & INVALID, 0);
        assert_eq!(facts(&with_aia("")) & INVALID, INVALID);
        // LDAP URLs count in AIA, not in SAN.
        assert_eq!(facts(&with_aia("ldap://ldap.example.com/cn=CA")) & LDAP, LDAP);
        assert_eq!(facts(&san(&[uri("ldap://ldap.example.com/cn=CA")])) & LDAP, 0);
        // Computed once: a clone carries the cached value.
        let cert = san(&[uri("http://crl/x")]).build();
        let first = uri_facts(&cert);
        assert_eq!(uri_facts(&cert.clone()), first);
        assert_eq!(cert.facts.uris.get_or(|| 0), first);
    }

    #[test]
    fn http_or_ldap_shortcut_agrees_with_the_parse() {
        let uris = [
            "http://ca.example.com/ca.crt",
            "HTTP://ca.example.com/",
            "ldap://ldap.example.com/cn=CA",
            "ldaps://ldap.example.com/",
            "https://ca.example.com/",
            "ftp://ca.example.com/",
            "http:x",
            "httpx://a/",
            "http://exa mple.com/",
            "ca.example.com/ca.crt",
            "",
        ];
        for u in uris {
            let cert = with_aia(u).build();
            let expected = parse_uri(u.as_bytes()).is_ok_and(|p| p.is_http_or_ldap());
            assert_eq!(is_http_or_ldap_uri(&cert, u.as_bytes()), expected, "{u}");
        }
    }

    #[test]
    fn uri_syntax() {
        let r = &UriInvalidSyntax;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        assert_status(r, &san(&[uri("https://example.com/a%20b?x=1#y")]), Status::Pass);
        assert!(message(r, &with_aia("http://ca.example.com/my ca.crt")).contains("authorityInfoAccess"));
        assert_status(r, &san(&[uri("http://example.com/%zz")]), Status::Error);
        assert_status(r, &san(&[uri("http://example.com:80a/")]), Status::Error);
        assert_status(r, &san(&[uri("1http://example.com/")]), Status::Error);
        // Relative references are rfc5280.uri_relative's.
        assert_status(r, &san(&[uri("example.com/x")]), Status::Pass);
        let crldp = seq(&[&seq(&[&ctx_cons(0, &ctx_cons(0, &uri("http://crl.example.com/a b.crl")))])]);
        assert_status(r, &CertBuilder::leaf().ext(&ext::CRL_DISTRIBUTION_POINTS, false, &crldp), Status::Error);
        let mut none = CertBuilder::leaf();
        none.extensions = None;
        assert_status(r, &none, Status::NotApplicable);
        dated(r, &san(&[uri("http://example.com/%zz")]), (2008, 5, 1), Status::Error);
    }

    #[test]
    fn uri_relative() {
        let r = &UriRelative;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        assert_status(r, &san(&[uri("example.com/x")]), Status::Error);
        assert_status(r, &san(&[uri("http:")]), Status::Error);
        assert_status(r, &with_aia("//ca.example.com/ca.crt"), Status::Error);
        let mut none = CertBuilder::leaf();
        none.extensions = None;
        assert_status(r, &none, Status::NotApplicable);
        dated(r, &san(&[uri("x")]), (2008, 5, 1), Status::Error);
    }

    #[test]
    fn uri_host() {
        let r = &UriHostNotFqdnOrIp;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        assert_status(
            r,
            &san(&[uri("http://192.0.2.1/"), uri("http://[2001:db8::1]/"), uri("http://a.example./")]),
            Status::Pass,
        );
        assert_status(r, &san(&[uri("http://crl/ca.crl")]), Status::Error);
        assert_status(r, &san(&[uri("file:///etc/x")]), Status::Error);
        assert_status(r, &san(&[uri("http://*.example.com/")]), Status::Error);
        assert_status(r, &with_aia("http://ca/ca.crt"), Status::Error);
        assert_status(
            r,
            &san(&[uri("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6")]).without_ext(&ext::AUTHORITY_INFO_ACCESS),
            Status::NotApplicable,
        );
        dated(r, &san(&[uri("http://crl/ca.crl")]), (2008, 5, 1), Status::Error);
        assert_status(r, &with_aia("ldap:///cn=CA,dc=example,dc=com?cACertificate"), Status::Pass);
        assert_status(r, &with_aia("http:///ca.crt"), Status::Error);
        // Real: a FreeIPA CA whose AIA points at Active Directory with `ldap:///CN=...`.
        let cert = real_cert(tests_data!("vectors/bigoid.pem"));
        assert_eq!(status(r, &cert), Status::Pass);

        let r = &UriHostTooLong;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        let bad = alloc::format!("http://{}/", long_name(254));
        assert_status(r, &san(&[uri(&bad)]), Status::Error);
        assert_status(
            r,
            &san(&[uri("urn:isbn:0451450523")]).without_ext(&ext::AUTHORITY_INFO_ACCESS),
            Status::NotApplicable,
        );
    }

    #[test]
    fn ip_address_wrong_length() {
        let r = &IpAddressWrongLength;
        assert_status(r, &san(&[ip(&[192, 0, 2, 1]), ip(&[0x20; 16])]), Status::Pass);
        assert!(message(r, &san(&[ip(&[192, 0, 2, 1, 255, 255, 255, 0])])).contains("8 octets"));
        assert_status(r, &ian(&[ip(&[1, 2, 3])]), Status::Error);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn smtp_utf8_mailbox() {
        let good = smtp("пользователь@example.com");
        let none = CertBuilder::leaf();
        for r in [
            &SmtpUtf8MailboxAsciiLocalPart as &'static dyn Rule,
            &SmtpUtf8MailboxNotUtf8String,
            &SmtpUtf8MailboxHasBom,
            &SmtpUtf8MailboxInvalidSyntax,
            &SmtpUtf8MailboxDomainInvalid,
            &SmtpUtf8MailboxDomainUppercase,
            &SmtpUtf8MailboxDomainTooLong,
        ] {
            assert_status(r, &san(core::slice::from_ref(&good)), Status::Pass);
            assert_status(r, &none, Status::NotApplicable);
        }
        let ascii = san(&[smtp("user@example.com")]);
        assert_status(&SmtpUtf8MailboxAsciiLocalPart, &ascii, Status::Error);
        dated(&SmtpUtf8MailboxAsciiLocalPart, &ascii, (2024, 5, 1), Status::Error);

        let ia5 = other(&crate::oid::other_name::SMTP_UTF8_MAILBOX, &tlv(tag::IA5_STRING, b"user@example.com"));
        assert_status(&SmtpUtf8MailboxNotUtf8String, &san(&[ia5]), Status::Error);
        let bad_utf8 = other(&crate::oid::other_name::SMTP_UTF8_MAILBOX, &tlv(tag::UTF8_STRING, &[0xff, b'@', b'a']));
        assert_status(&SmtpUtf8MailboxNotUtf8String, &san(&[bad_utf8]), Status::Error);

        assert_status(&SmtpUtf8MailboxHasBom, &san(&[smtp("\u{feff}пользователь@example.com")]), Status::Error);

        for bad in ["пользователь", "Имя <п@example.com>", "п..п@example.com"] {
            assert_status(&SmtpUtf8MailboxInvalidSyntax, &san(&[smtp(bad)]), Status::Error);
        }

        assert_status(&SmtpUtf8MailboxDomainInvalid, &san(&[smtp("п@xn--e1afmkfd.example")]), Status::Pass);
        for bad in ["п@пример.example", "п@xn--zz.example", "п@", "п@a_b.example"] {
            assert_status(&SmtpUtf8MailboxDomainInvalid, &san(&[smtp(bad)]), Status::Error);
        }

        assert_status(&SmtpUtf8MailboxDomainUppercase, &san(&[smtp("п@Example.com")]), Status::Error);

        let long = alloc::format!("п@{}", long_name(254));
        assert_status(&SmtpUtf8MailboxDomainTooLong, &san(&[smtp(&long)]), Status::Error);
        // IAN entries count too.
        assert_status(&SmtpUtf8MailboxDomainUppercase, &ian(&[smtp("п@EXAMPLE.com")]), Status::Error);
        let _ = (vec![0u8], attr::COMMON_NAME);
    }

    /// Every SAN/IAN rule behind [`alt_facts`] gives the same outcome, message included,
    /// as its full walk (forced by pre-filling the memo with every bit set).
    #[test]
    fn alt_facts_agree_with_the_full_walk() {
        let long_label = "a".repeat(64);
        let dns_cases = [
            "example.com",
            "*.example.com",
            "WWW.Example.COM",
            "a-b.c-d.example",
            "com",
            "*",
            "*.",
            "*.com",
            " ",
            "",
            ".",
            "example.com.",
            ".example.com",
            "a..b.com",
            "-a.com",
            "a-.com",
            "a.-b-.com",
            "my_host.example.com",
            "www.my_domain.com",
            "_a.b",
            "a_b",
            "a*b.example.com",
            "www.exa mple.com",
            "x@y.com",
            "xn--bcher-kva.example",
            "XN--bcher-kva.example",
            "xn--abc-.example",
            "xn--example.com",
            "xn--",
            "a.xn--zz",
            "bücher.example",
            "a.*.com",
            "**.com",
            "*.*.com",
        ];
        let mut names: alloc::vec::Vec<String> = dns_cases.iter().map(|s| String::from(*s)).collect();
        names.push(alloc::format!("{long_label}.com"));
        names.push(long_name(253));
        names.push(long_name(254));
        names.push(alloc::format!("{}.", long_name(253)));
        let mut builders: alloc::vec::Vec<CertBuilder> = names.iter().map(|n| san(&[dns(n)])).collect();
        builders.push(san(&[dns("example.com"), dns("a..b")]));
        builders.push(ian(&[dns("my_host.example.com")]));
        for m in ["a@example.com", "A <a@example.com>", "a", "", "a@xn--zz.example", "a@ab--cd.example", "é@x.com"] {
            builders.push(san(&[email(m)]));
        }
        builders.push(san(&[email(&alloc::format!("a@{}", long_name(254)))]));
        for ip_len in [0, 4, 5, 16] {
            builders.push(san(&[ip(&vec![1; ip_len])]));
        }
        builders.push(san(&[uri("http://é.example/")]));
        builders.push(san(&[dir(&seq(&[]))]));
        builders.push(san(&[smtp("пользователь@example.com"), smtp("ascii@example.com")]));
        builders.push(san(&[]));
        builders.push(ian(&[]));
        let mut none = CertBuilder::leaf();
        none.extensions = None;
        builders.push(none);
        let ctx = Context::default();
        for b in &builders {
            let cert = b.clone().not_before(Time::ymd(2025, 1, 1)).build();
            let full = cert.clone();
            full.facts.alt_names.get_or(|| u32::MAX);
            for r in RULES {
                assert_eq!(r.check(&cert, &ctx), r.check(&full, &ctx), "{} on {:?}", r.meta().id(), b.extensions);
            }
        }
        // The bits themselves, on a few names.
        use alt_fact::*;
        let facts = |b: &CertBuilder| alt_facts(&b.build());
        assert_eq!(facts(&san(&[dns("example.com")])), ALT | ENTRY | IA5 | DNS | NOT_SPACE);
        assert_eq!(facts(&san(&[dns(" ")])) & (SPACE | NOT_SPACE | INVALID_CHAR), SPACE);
        assert_eq!(
            facts(&san(&[dns("a_b.example.com")])) & (UNDERSCORE_LOWER | UNDERSCORE_REGISTERED),
            UNDERSCORE_LOWER
        );
        assert_eq!(facts(&san(&[dns("xn--abc-.example")])) & (A_LABEL | A_LABEL_INVALID), A_LABEL | A_LABEL_INVALID);
        assert_eq!(facts(&san(&[])) & (NO_ENTRIES | ENTRY), NO_ENTRIES);
    }

    /// A name that `is_plain_host` lets through fails none of the dNSName tests.
    #[test]
    fn plain_hosts_pass_every_dns_name_test() {
        let mut plain = 0;
        for n in domain::test_names() {
            if domain::is_plain_host(&n) {
                plain += 1;
                assert_eq!(dns_defects(&n), 0, "{}", n.escape_ascii());
                assert!(n != b" " && n.is_ascii());
            }
        }
        assert!(plain > 400, "{plain}");
    }

    /// The plain-host shortcut of `uri_host_not_fqdn` agrees with the full check.
    #[test]
    fn uri_host_shortcut_agrees() {
        let opts = domain::DnsNameOptions { allow_underscore: true, allow_trailing_dot: true };
        for n in domain::test_names() {
            let Ok(h) = core::str::from_utf8(&n) else { continue };
            let full =
                domain::check_dns_name_with(n.as_slice(), opts).is_ok_and(|d| !d.is_wildcard() && d.label_count() >= 2);
            for scheme in ["http", "ldap"] {
                let want = (!(full || h.is_empty() && scheme == "ldap")).then_some(h);
                assert_eq!(uri_host_not_fqdn(scheme, Host::RegName(h)), want, "{h}");
            }
        }
    }
}
