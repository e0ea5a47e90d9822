//! Domain names in subscriber certificates: dNSName syntax, wildcards, underscores,
//! internal names and public suffixes, reverse zones, and onion names (TLS BR §1.6.1,
//! §3.2.2.6, §7.1.2.7.12, Appendix B; BR 1.x §7.1.4.2.1 and Appendix C).
//!
//! Every rule reads the SAN dNSNames and, like zlint, the subject commonName values that
//! are not IP addresses, since a CN must repeat a SAN entry. The TLD list is the ICANN
//! section of the embedded Public Suffix List ([`crate::domain::PSL_VERSION`]), which
//! mirrors the IANA root zone; it is not dated, so a TLD delegated after a certificate's
//! notBefore is accepted.

use alloc::format;

use crate::domain::idna::{decode_a_label, MAX_U_LABEL_CHARS};
use crate::domain::psl::{is_icann_tld, is_listed_suffix_in, registrable_domain, Scope as PslScope};
use crate::domain::{check_dns_name, is_internal_name, is_plain_host, looks_like_ipv4};
use crate::oid::{alg, attr, ext, policy};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::cabf_br::aia::uri_host;
use crate::rules::cabf_br::validity::validity_days;
use crate::rules::ip_ranges::reserved_prefix;
use crate::rules::sha3::sha3_256;
use crate::time::{Time, DAY};
use crate::{CertType, Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[
    &DnsnameInternalName,
    &DnsnameBarePublicSuffix,
    &DnsnameWildcardOnPublicSuffix,
    &DnsnameBadCharacter,
    &DnsnameEmptyLabel,
    &DnsnameLabelTooLong,
    &DnsnameHyphenAtLabelEdge,
    &DnsnameUnderscore,
    &DnsnameUnderscoreTransitionalInvalid,
    &DnsnameUnderscoreTransitionalValidityTooLong,
    &DnsnameWildcardNotLeftmost,
    &DnsnameWildcardPartialLabel,
    &DnsnameBareWildcard,
    &DnsnameReservedLabel,
    &DnsnamePlabelInvalid,
    &DnsnameIpReverseZone,
    &DnsnameReverseZoneOfReservedIp,
    &DnsnameReverseZoneMalformed,
    &OnionNameNotV3Address,
    &OnionV3ChecksumInvalid,
    &OnionVersionInvalid,
    &OnionNameInNonEv,
    &TorServiceDescriptorInvalid,
];

// ---------------------------------------------------------------------------------------
// Shared helpers (also used by cabf_ev and community rules).

/// The SAN dNSNames, then the subject commonName values that are text and not IP
/// addresses.
pub(crate) fn subscriber_names(cert: &Certificate) -> impl Iterator<Item = &[u8]> + '_ {
    cert.san_dns_names().chain(dns_like_cns(cert))
}

/// The subject commonName values that are text and not IP addresses.
fn dns_like_cns(cert: &Certificate) -> impl Iterator<Item = &[u8]> + '_ {
    let subject = cert.subject().ok();
    subject
        .into_iter()
        .flat_map(|n| n.attributes_of(&attr::COMMON_NAME))
        .filter_map(|a| a.as_str())
        .filter(|s| !looks_like_ipv4(s) && !s.contains(':'))
        .map(str::as_bytes)
}

/// What [`dns_facts`] records: which of the name rules' tests some name fails.
mod dns_fact {
    /// At least one SAN dNSName or DNS-like CN.
    pub(super) const ANY: u32 = 1;
    /// At least one SAN dNSName.
    pub(super) const SAN_ANY: u32 = 1 << 1;
    pub(super) const INTERNAL: u32 = 1 << 2;
    pub(super) const BAD_CHARACTER: u32 = 1 << 3;
    pub(super) const EMPTY_LABEL: u32 = 1 << 4;
    pub(super) const LABEL_TOO_LONG: u32 = 1 << 5;
    pub(super) const HYPHEN_EDGE: u32 = 1 << 6;
    pub(super) const UNDERSCORE: u32 = 1 << 7;
    pub(super) const WILDCARD_NOT_LEFTMOST: u32 = 1 << 8;
    pub(super) const WILDCARD_PARTIAL: u32 = 1 << 9;
    pub(super) const BARE_WILDCARD: u32 = 1 << 10;
    pub(super) const RESERVED_LABEL: u32 = 1 << 11;
    pub(super) const PLABEL_INVALID: u32 = 1 << 12;
    /// Only SAN dNSNames are tested for these two.
    pub(super) const BARE_SUFFIX: u32 = 1 << 13;
    pub(super) const WILDCARD_ON_SUFFIX: u32 = 1 << 14;
    /// Some name is in an IP reverse zone (the reverse-zone rules test only those).
    pub(super) const REVERSE_ZONE: u32 = 1 << 15;
    /// Some name is an onion name (the onion rules test only those).
    pub(super) const ONION: u32 = 1 << 16;
}

/// A name test: the reason the name fails, if it does.
type NameTest = fn(&[u8]) -> Option<&'static str>;

/// The tests of the rules that read every subscriber name, with the fact each sets.
const NAME_TESTS: [(u32, NameTest); 11] = [
    (dns_fact::INTERNAL, internal_name_defect),
    (dns_fact::BAD_CHARACTER, bad_character_defect),
    (dns_fact::EMPTY_LABEL, empty_label_defect),
    (dns_fact::LABEL_TOO_LONG, label_too_long_defect),
    (dns_fact::HYPHEN_EDGE, hyphen_edge_defect),
    (dns_fact::UNDERSCORE, |n| n.contains(&b'_').then_some("contains an underscore")),
    (dns_fact::WILDCARD_NOT_LEFTMOST, wildcard_not_leftmost_defect),
    (dns_fact::WILDCARD_PARTIAL, wildcard_partial_defect),
    (dns_fact::BARE_WILDCARD, bare_wildcard_defect),
    (dns_fact::RESERVED_LABEL, reserved_label_defect),
    (dns_fact::PLABEL_INVALID, plabel_defect),
];

/// Which name tests some SAN dNSName or DNS-like CN fails, computed in one walk and cached
/// in the certificate: a rule whose fact is clear answers at once, and one whose fact is
/// set walks the names again only to name the first offender (with its own test, so the
/// verdict and the message are the walk's).
fn dns_facts(cert: &Certificate) -> u32 {
    cert.facts.dns_names.get_or(|| {
        let mut facts = 0;
        let mut test = |n: &[u8]| {
            facts |= dns_fact::ANY;
            if reverse_zone(n).is_some() {
                facts |= dns_fact::REVERSE_ZONE;
            }
            if is_onion(n) {
                facts |= dns_fact::ONION;
            }
            if is_plain_host(n) {
                // Clears every test but the TLD's (the first).
                if facts & dns_fact::INTERNAL == 0 && internal_name_defect(n).is_some() {
                    facts |= dns_fact::INTERNAL;
                }
                return;
            }
            for (bit, bad) in NAME_TESTS {
                if facts & bit == 0 && bad(n).is_some() {
                    facts |= bit;
                }
            }
        };
        for n in cert.san_dns_names() {
            test(n);
        }
        for n in dns_like_cns(cert) {
            test(n);
        }
        for n in cert.san_dns_names() {
            facts |= dns_fact::SAN_ANY;
            if bare_suffix_defect(n).is_some() {
                facts |= dns_fact::BARE_SUFFIX;
            }
            if wildcard_on_suffix_defect(n).is_some() {
                facts |= dns_fact::WILDCARD_ON_SUFFIX;
            }
        }
        facts
    })
}

/// [`check_names`] over the subscriber names (`san_only`: the SAN dNSNames) for the test
/// `bad`, whose failures [`dns_facts`] records as `fact`.
fn check_cached<'a>(
    cert: &'a Certificate,
    san_only: bool,
    fact: u32,
    bad: impl FnMut(&'a [u8]) -> Option<&'static str>,
) -> Outcome {
    let facts = dns_facts(cert);
    let any = if san_only { dns_fact::SAN_ANY } else { dns_fact::ANY };
    if facts & any == 0 {
        Outcome::NotApplicable
    } else if facts & fact == 0 {
        Outcome::Pass
    } else if san_only {
        check_names(cert.san_dns_names(), bad)
    } else {
        check_names(subscriber_names(cert), bad)
    }
}

/// The labels of a name (split on `.`; a trailing dot gives an empty last label).
pub(crate) fn labels(name: &[u8]) -> impl DoubleEndedIterator<Item = &[u8]> {
    name.split(|b| *b == b'.')
}

fn trim_dot(name: &[u8]) -> &[u8] {
    name.strip_suffix(b".").unwrap_or(name)
}

/// Whether the name's last label is `onion` (one trailing dot ignored).
pub(crate) fn is_onion(name: &[u8]) -> bool {
    labels(trim_dot(name)).next_back().is_some_and(|l| l.eq_ignore_ascii_case(b"onion"))
}

/// Whether the name (one trailing dot ignored) is exactly a TLD or a public suffix listed
/// in the ICANN section of the Public Suffix List.
pub(crate) fn is_icann_suffix(name: &[u8]) -> bool {
    let Ok(s) = core::str::from_utf8(trim_dot(name)) else { return false };
    if s.is_empty() {
        return false;
    }
    if !s.contains('.') {
        return is_icann_tld(s);
    }
    // A second trailing dot is an empty label (the list would ignore one more dot).
    !s.ends_with('.') && is_listed_suffix_in(s, PslScope::IcannOnly)
}

/// Runs `bad` on every name; fails on the first that yields a reason, not applicable when
/// there are no names.
pub(crate) fn check_names<'a>(
    names: impl Iterator<Item = &'a [u8]>,
    mut bad: impl FnMut(&'a [u8]) -> Option<&'static str>,
) -> Outcome {
    let mut any = false;
    for n in names {
        any = true;
        if let Some(why) = bad(n) {
            return Outcome::fail(format!("name \"{}\" {why}", n.escape_ascii()));
        }
    }
    if any {
        Outcome::Pass
    } else {
        Outcome::NotApplicable
    }
}

/// Whether the name has a wildcard label in first position and something after it.
fn wildcard_base(name: &[u8]) -> Option<&[u8]> {
    name.strip_prefix(b"*.").filter(|b| !b.is_empty())
}

const UNDERSCORE_WINDOW: (Time, Time) = (Time::ymd(2018, 12, 10), Time::ymd(2019, 4, 1));

// ---------------------------------------------------------------------------------------

/// `cabf_br.dnsname_internal_name`
///
/// **What it checks**: the rightmost label of every SAN dNSName and DNS-like CN is a TLD
/// of the IANA root zone (taken from the ICANN section of the embedded Public Suffix
/// List); `onion` counts as one.
///
/// **Why it matters**: TLS BR §7.1.2.7.12 and §7.1.4.3 forbid Internal Names: a name under
/// a TLD that is not delegated (`.corp`, `.local`, `.lan`) cannot be validated and may be
/// owned by anyone on a private network.
///
/// **Example**: `server.corp` fails; `www.example.com` and `*.example.co.uk` pass; a
/// certificate with no DNS names is not applicable.
pub struct DnsnameInternalName;

impl Rule for DnsnameInternalName {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.dnsname_internal_name", Source::CabfBr, Severity::Error)
            .summary("dNSNames must end in a TLD of the IANA root zone")
            .citation("TLS BR §7.1.2.7.12 (Internal Name), §7.1.4.3")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&["zlint:e_dnsname_not_valid_tld", "pkilint:cabf.internal_domain_name"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        check_cached(cert, false, dns_fact::INTERNAL, internal_name_defect)
    }
}

fn internal_name_defect(n: &[u8]) -> Option<&'static str> {
    let s = core::str::from_utf8(n).ok()?;
    (!s.is_empty() && is_internal_name(s)).then_some("does not end in an IANA top-level domain")
}

/// `cabf_br.dnsname_bare_public_suffix`
///
/// **What it checks**: no SAN dNSName is itself a TLD or an ICANN public suffix such as
/// `com` or `co.uk`. Wildcards over a suffix (`*.co.uk`) are left to
/// `cabf_br.dnsname_wildcard_on_public_suffix`, since BR §3.2.2.6 allows them in one case.
///
/// **Why it matters**: TLS BR §1.6.1 (Base Domain Name) and §3.2.2.4 only allow
/// validating names at or below a registrable domain; a bare suffix is no one's domain.
///
/// **Example**: `co.uk` and `com` fail; `example.co.uk` passes; a certificate without SAN
/// dNSNames is not applicable.
pub struct DnsnameBarePublicSuffix;

impl Rule for DnsnameBarePublicSuffix {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.dnsname_bare_public_suffix", Source::CabfBr, Severity::Error)
            .summary("a dNSName must not be just a public suffix")
            .citation("TLS BR §1.6.1 (Base Domain Name)")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2012, 7, 1))
            .needs(Need::Extension(&ext::SUBJECT_ALT_NAME))
            .aliases(&["zlint:e_dnsname_contains_bare_iana_suffix", "zlint:n_san_iana_pub_suffix_empty"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        check_cached(cert, true, dns_fact::BARE_SUFFIX, bare_suffix_defect)
    }
}

fn bare_suffix_defect(n: &[u8]) -> Option<&'static str> {
    // A wildcard over a suffix (`*.co.uk`) is dnsname_wildcard_on_public_suffix's case.
    (wildcard_base(n).is_none() && is_icann_suffix(n)).then_some("is a bare public suffix")
}

/// `cabf_br.dnsname_wildcard_on_public_suffix`
///
/// **What it checks**: no wildcard dNSName sits directly left of an ICANN public suffix
/// (`*.co.uk`, `*.com`).
///
/// **Why it matters**: TLS BR §3.2.2.6 forbids such wildcards unless the applicant
/// controls the entire suffix namespace (a registry); the exception cannot be seen from
/// the certificate, so this is a notice.
///
/// **Example**: `*.co.uk` gives a notice; `*.example.co.uk` passes; names without
/// wildcards pass; no SAN dNSNames is not applicable.
pub struct DnsnameWildcardOnPublicSuffix;

impl Rule for DnsnameWildcardOnPublicSuffix {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.dnsname_wildcard_on_public_suffix", Source::CabfBr, Severity::Notice)
                .summary("a wildcard directly left of a public suffix needs the registry exception")
                .citation("TLS BR §3.2.2.6")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(Time::ymd(2012, 7, 1))
                .needs(Need::Extension(&ext::SUBJECT_ALT_NAME))
                .aliases(&["zlint:n_dnsname_wildcard_left_of_public_suffix"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        check_cached(cert, true, dns_fact::WILDCARD_ON_SUFFIX, wildcard_on_suffix_defect)
    }
}

fn wildcard_on_suffix_defect(n: &[u8]) -> Option<&'static str> {
    wildcard_base(n).is_some_and(is_icann_suffix).then_some("is a wildcard directly over a public suffix")
}

/// `cabf_br.dnsname_bad_character`
///
/// **What it checks**: every label of every DNS name contains only letters, digits and
/// hyphens (underscores and `*` are left to their own rules); a NUL or any non-ASCII byte
/// fails.
///
/// **Why it matters**: TLS BR §7.1.2.7.12 requires dNSNames in the preferred name syntax
/// of RFC 5280 §4.2.1.6 (LDH labels, IDNs as A-labels); other bytes are invalid hostnames,
/// and an embedded NUL has been used to spoof names in C-string comparisons.
///
/// **Example**: `exa mple.com`, `example.com\0.evil.com` and `exämple.com` fail;
/// `ex-ample.com` passes; no DNS names is not applicable.
pub struct DnsnameBadCharacter;

impl Rule for DnsnameBadCharacter {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.dnsname_bad_character", Source::CabfBr, Severity::Error)
            .summary("dNSName labels may contain only letters, digits and hyphens")
            .citation("TLS BR §7.1.2.7.12")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&[
                "zlint:e_dnsname_bad_character_in_label",
                "zlint:e_san_dns_name_includes_null_char",
                "pkilint:cabf.serverauth.invalid_dnsname_syntax",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        check_cached(cert, false, dns_fact::BAD_CHARACTER, bad_character_defect)
    }
}

fn bad_character_defect(n: &[u8]) -> Option<&'static str> {
    let ok = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'*' | b'.');
    if n.contains(&0) {
        Some("contains a NUL character")
    } else {
        (!n.iter().all(ok)).then_some("contains a character other than a letter, digit or hyphen")
    }
}

/// `cabf_br.dnsname_empty_label`
///
/// **What it checks**: no DNS name has an empty label: no leading dot, no `..`, no
/// trailing root dot, and not the empty string.
///
/// **Why it matters**: TLS BR §7.1.2.7.12 requires the preferred name syntax, in which a
/// name is a sequence of non-empty labels without the root dot.
///
/// **Example**: `.example.com`, `a..example.com` and `example.com.` fail;
/// `a.example.com` passes; no DNS names is not applicable.
pub struct DnsnameEmptyLabel;

impl Rule for DnsnameEmptyLabel {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.dnsname_empty_label", Source::CabfBr, Severity::Error)
            .summary("dNSNames must not contain empty labels")
            .citation("TLS BR §7.1.2.7.12")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&[
                "zlint:e_dnsname_empty_label",
                "zlint:e_san_dns_name_starts_with_period",
                "pkilint:cabf.serverauth.invalid_dnsname_syntax",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        check_cached(cert, false, dns_fact::EMPTY_LABEL, empty_label_defect)
    }
}

fn empty_label_defect(n: &[u8]) -> Option<&'static str> {
    labels(n).any(<[u8]>::is_empty).then_some("has an empty label")
}

/// `cabf_br.dnsname_label_too_long`
///
/// **What it checks**: no label of a DNS name is longer than 63 octets.
///
/// **Why it matters**: RFC 1035 §2.3.4 limits labels to 63 octets, and TLS BR
/// §7.1.2.7.12 requires valid DNS names; a longer label cannot exist in the DNS.
///
/// **Example**: a 64-character label fails; 63 characters pass; no DNS names is not
/// applicable.
pub struct DnsnameLabelTooLong;

impl Rule for DnsnameLabelTooLong {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.dnsname_label_too_long", Source::CabfBr, Severity::Error)
            .summary("dNSName labels must not exceed 63 octets")
            .citation("TLS BR §7.1.2.7.12; RFC 1035")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&["zlint:e_dnsname_label_too_long", "pkilint:cabf.serverauth.invalid_dnsname_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        check_cached(cert, false, dns_fact::LABEL_TOO_LONG, label_too_long_defect)
    }
}

fn label_too_long_defect(n: &[u8]) -> Option<&'static str> {
    labels(n).any(|l| l.len() > 63).then_some("has a label longer than 63 octets")
}

/// `cabf_br.dnsname_hyphen_at_label_edge`
///
/// **What it checks**: no label of a DNS name begins or ends with a hyphen.
///
/// **Why it matters**: the LDH label syntax that TLS BR §7.1.2.7.12 requires (RFC 1034
/// §3.5, RFC 5890) lets hyphens appear only inside a label.
///
/// **Example**: `-a.example.com` and `a-.example.com` fail; `a-b.example.com` passes; no
/// DNS names is not applicable.
pub struct DnsnameHyphenAtLabelEdge;

impl Rule for DnsnameHyphenAtLabelEdge {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.dnsname_hyphen_at_label_edge", Source::CabfBr, Severity::Error)
            .summary("LDH labels must not begin or end with a hyphen")
            .citation("TLS BR §7.1.2.7.12")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2008, 5, 1))
            .aliases(&["zlint:e_dnsname_hyphen_in_sld", "pkilint:cabf.serverauth.invalid_dnsname_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        check_cached(cert, false, dns_fact::HYPHEN_EDGE, hyphen_edge_defect)
    }
}

fn hyphen_edge_defect(n: &[u8]) -> Option<&'static str> {
    labels(n)
        .any(|l| l.first() == Some(&b'-') || l.last() == Some(&b'-'))
        .then_some("has a label that begins or ends with a hyphen")
}

/// `cabf_br.dnsname_underscore`
///
/// **What it checks**: no DNS name contains an underscore. Certificates issued between
/// 2018-12-10 and 2019-04-01 are left to the two transitional rules.
///
/// **Why it matters**: TLS BR §7.1.2.7.12 (ballot SC12 ended the tolerance) requires
/// hostnames in LDH syntax, which has no underscore; `_` names are service labels, not
/// hosts.
///
/// **Example**: `a_b.example.com` fails when issued in 2020 or 2018-12-09; not applicable
/// when issued 2019-01-15; `ab.example.com` passes.
pub struct DnsnameUnderscore;

impl Rule for DnsnameUnderscore {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.dnsname_underscore", Source::CabfBr, Severity::Error)
            .summary("dNSNames must not contain underscores")
            .citation("TLS BR §7.1.2.7.12 (ballot SC12)")
            .scope(Scope::TLS_SUBSCRIBER)
            .aliases(&[
                "zlint:e_underscore_not_permissible_in_dnsname",
                "zlint:e_no_underscores_before_1_6_2",
                "zlint:e_dnsname_underscore_in_sld",
                "zlint:w_dnsname_underscore_in_trd",
                "pkilint:cabf.serverauth.invalid_dnsname_syntax",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(nb) = cert.not_before() else { return Outcome::NotApplicable };
        if nb >= UNDERSCORE_WINDOW.0 && nb < UNDERSCORE_WINDOW.1 {
            return Outcome::NotApplicable;
        }
        check_cached(cert, false, dns_fact::UNDERSCORE, |n| {
            if !n.contains(&b'_') {
                return None;
            }
            let in_base = underscore_in_base_domain(n);
            Some(if in_base {
                "contains an underscore (in its registrable domain)"
            } else {
                "contains an underscore (in a subdomain label)"
            })
        })
    }
}

/// Whether an underscore lies in the registrable domain of the name (the labels of the
/// public suffix plus one), computed on a copy with `_` replaced by `a`.
fn underscore_in_base_domain(n: &[u8]) -> bool {
    let mut buf = [0u8; 253];
    let Some(dst) = buf.get_mut(..n.len()) else { return false };
    for (d, s) in dst.iter_mut().zip(n) {
        *d = if *s == b'_' { b'a' } else { *s };
    }
    let Ok(replaced) = core::str::from_utf8(dst) else { return false };
    let Some(base) = registrable_domain(replaced.strip_prefix("*.").unwrap_or(replaced)) else { return false };
    let k = base.split('.').count();
    labels(trim_dot(n)).rev().take(k).any(|l| l.contains(&b'_'))
}

/// `cabf_br.dnsname_underscore_transitional_invalid`
///
/// **What it checks**: in certificates issued between 2018-12-10 and 2019-04-01, a DNS
/// name with an underscore is a valid LDH name once each `_` is replaced by a letter, and
/// the underscore is not in the registrable domain.
///
/// **Why it matters**: BR 1.6.2 §7.1.4.2.1 (ballot SC12) tolerated underscores during the
/// transition only in subdomain labels of otherwise valid names.
///
/// **Example**: `a_b.example.com` passes; `-_.example.com` (invalid once replaced) and
/// `a.ex_ample.com` fail; certificates issued outside the window are not effective.
pub struct DnsnameUnderscoreTransitionalInvalid;

impl Rule for DnsnameUnderscoreTransitionalInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.dnsname_underscore_transitional_invalid", Source::CabfBr, Severity::Error)
                .summary("transitional underscore names had to be valid once '_' is replaced, outside the base domain")
                .citation("TLS BR v1.6.2 §7.1.4.2.1")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(UNDERSCORE_WINDOW.0)
                .ineffective(UNDERSCORE_WINDOW.1)
                .aliases(&["zlint:e_underscore_permissible_in_dnsname_if_valid_when_replaced"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        check_names(subscriber_names(cert), |n| {
            if !n.contains(&b'_') {
                return None;
            }
            let mut buf = [0u8; 253];
            let Some(dst) = buf.get_mut(..n.len()) else { return Some("is too long") };
            for (d, s) in dst.iter_mut().zip(n) {
                *d = if *s == b'_' { b'a' } else { *s };
            }
            if check_dns_name(dst).is_err() {
                Some("is not a valid name even with its underscores replaced")
            } else if underscore_in_base_domain(n) {
                Some("has an underscore in its registrable domain")
            } else {
                None
            }
        })
    }
}

/// `cabf_br.dnsname_underscore_transitional_validity_too_long`
///
/// **What it checks**: a certificate issued between 2018-12-10 and 2019-04-01 with an
/// underscore in a DNS name is valid for at most 30 days.
///
/// **Why it matters**: BR 1.6.2 §7.1.4.2.1 allowed underscore names during the transition
/// only in certificates valid for 30 days or less, so they would be gone by the sunset.
///
/// **Example**: `a_b.example.com` valid 31 days fails; 30 days passes; a certificate
/// without underscores is not applicable (when it has names) or passes.
pub struct DnsnameUnderscoreTransitionalValidityTooLong;

impl Rule for DnsnameUnderscoreTransitionalValidityTooLong {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.dnsname_underscore_transitional_validity_too_long", Source::CabfBr, Severity::Error)
                .summary("transitional underscore certificates had to be valid 30 days or less")
                .citation("TLS BR v1.6.2 §7.1.4.2.1")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(UNDERSCORE_WINDOW.0)
                .ineffective(UNDERSCORE_WINDOW.1)
                .aliases(&["zlint:e_underscore_present_with_too_long_validity"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !subscriber_names(cert).any(|n| n.contains(&b'_')) {
            return Outcome::NotApplicable;
        }
        let Ok(v) = cert.validity() else { return Outcome::NotApplicable };
        if v.seconds() > 30 * DAY {
            Outcome::fail(format!(
                "a name contains an underscore and the validity period is {} days, over 30",
                validity_days(&v)
            ))
        } else {
            Outcome::Pass
        }
    }
}

/// `cabf_br.dnsname_wildcard_not_leftmost`
///
/// **What it checks**: `*` appears in no label but the first.
///
/// **Why it matters**: TLS BR §1.6.1 defines a Wildcard Domain Name as `*.` followed by an
/// FQDN; a `*` deeper in the name is not a wildcard clients honour and not a valid label.
///
/// **Example**: `a.*.example.com` and `*.*.example.com` fail; `*.example.com` passes; no
/// DNS names is not applicable.
pub struct DnsnameWildcardNotLeftmost;

impl Rule for DnsnameWildcardNotLeftmost {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.dnsname_wildcard_not_leftmost", Source::CabfBr, Severity::Error)
            .summary("'*' may appear only in the leftmost label")
            .citation("TLS BR §1.6.1 (Wildcard Domain Name)")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&[
                "zlint:e_dnsname_wildcard_only_in_left_label",
                "zlint:e_san_wildcard_not_first",
                "pkilint:cabf.serverauth.invalid_dnsname_syntax",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        check_cached(cert, false, dns_fact::WILDCARD_NOT_LEFTMOST, wildcard_not_leftmost_defect)
    }
}

fn wildcard_not_leftmost_defect(n: &[u8]) -> Option<&'static str> {
    labels(n).skip(1).any(|l| l.contains(&b'*')).then_some("has '*' outside the leftmost label")
}

/// `cabf_br.dnsname_wildcard_partial_label`
///
/// **What it checks**: a leftmost label containing `*` is exactly `*`.
///
/// **Why it matters**: TLS BR §1.6.1 only defines the whole-label wildcard `*.`; partial
/// wildcards (`a*.example.com`) match inconsistently across clients.
///
/// **Example**: `a*.example.com` and `*b.example.com` fail; `*.example.com` passes; no
/// DNS names is not applicable.
pub struct DnsnameWildcardPartialLabel;

impl Rule for DnsnameWildcardPartialLabel {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.dnsname_wildcard_partial_label", Source::CabfBr, Severity::Error)
                .summary("a wildcard label must be exactly '*'")
                .citation("TLS BR §1.6.1 (Wildcard Domain Name)")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(Time::ymd(2012, 7, 1))
                .aliases(&[
                    "zlint:e_dnsname_left_label_wildcard_correct",
                    "pkilint:cabf.serverauth.invalid_dnsname_syntax",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        check_cached(cert, false, dns_fact::WILDCARD_PARTIAL, wildcard_partial_defect)
    }
}

fn wildcard_partial_defect(n: &[u8]) -> Option<&'static str> {
    let first = labels(n).next().unwrap_or_default();
    (first.contains(&b'*') && first != b"*").then_some("has a partial wildcard label")
}

/// `cabf_br.dnsname_bare_wildcard`
///
/// **What it checks**: no DNS name is just `*` or `*.`.
///
/// **Why it matters**: TLS BR §1.6.1 requires a wildcard to be followed by a domain name;
/// a bare `*` would match every single-label host.
///
/// **Example**: `*` fails; `*.example.com` passes; no DNS names is not applicable.
pub struct DnsnameBareWildcard;

impl Rule for DnsnameBareWildcard {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.dnsname_bare_wildcard", Source::CabfBr, Severity::Error)
            .summary("a wildcard must be followed by a domain name")
            .citation("TLS BR §1.6.1 (Wildcard Domain Name)")
            .scope(Scope::TLS_SUBSCRIBER)
            .aliases(&["zlint:e_san_bare_wildcard"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        check_cached(cert, false, dns_fact::BARE_WILDCARD, bare_wildcard_defect)
    }
}

fn bare_wildcard_defect(n: &[u8]) -> Option<&'static str> {
    (n == b"*" || n == b"*.").then_some("is a bare wildcard")
}

/// Whether a label is a reserved LDH label that is not an `xn--` label.
fn is_reserved_label(l: &[u8]) -> bool {
    l.get(2..4) == Some(b"--") && !l.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"xn--"))
}

/// `cabf_br.dnsname_reserved_label`
///
/// **What it checks**: no label has `--` in its third and fourth positions unless it
/// starts with `xn--`.
///
/// **Why it matters**: TLS BR §7.1.2.7.12 allows only Non-Reserved LDH Labels and
/// P-Labels; other `??--` labels are reserved by RFC 5890 for future encodings.
///
/// **Example**: `ab--c.example.com` fails; `xn--bcher-kva.example` and `a-b.example.com`
/// pass; no DNS names is not applicable.
pub struct DnsnameReservedLabel;

impl Rule for DnsnameReservedLabel {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.dnsname_reserved_label", Source::CabfBr, Severity::Error)
            .summary("labels with '--' in positions 3-4 are allowed only as xn-- labels")
            .citation("TLS BR §7.1.2.7.12 (Non-Reserved LDH Label)")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2021, 10, 1))
            .aliases(&[
                "zlint:e_dnsname_contains_prohibited_reserved_label",
                "pkilint:cabf.serverauth.dnsname_contains_prohibited_reserved_label",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        check_cached(cert, false, dns_fact::RESERVED_LABEL, reserved_label_defect)
    }
}

fn reserved_label_defect(n: &[u8]) -> Option<&'static str> {
    labels(n).any(is_reserved_label).then_some("has a reserved LDH label")
}

/// `cabf_br.dnsname_plabel_invalid`
///
/// **What it checks**: every `xn--` label Punycode-decodes to a non-empty string that is
/// not all ASCII.
///
/// **Why it matters**: TLS BR §7.1.2.7.12 allows `xn--` labels only as P-Labels, the
/// output of the Punycode algorithm (IDNA 2003 conformance is not required); a label that
/// does not decode is not an internationalized name at all.
///
/// **Example**: `xn--bcher-kva.example` passes; `xn--ab-.example` (all ASCII) and
/// `xn--.example` fail; no DNS names is not applicable.
pub struct DnsnamePlabelInvalid;

impl Rule for DnsnamePlabelInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.dnsname_plabel_invalid", Source::CabfBr, Severity::Error)
            .summary("xn-- labels must be valid Punycode")
            .citation("TLS BR §7.1.2.7.12 (P-Label)")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2023, 9, 15))
            .aliases(&["pkilint:cabf.serverauth.invalid_plabel_encoding"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        check_cached(cert, false, dns_fact::PLABEL_INVALID, plabel_defect)
    }
}

fn plabel_defect(n: &[u8]) -> Option<&'static str> {
    for l in labels(n) {
        if !l.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"xn--")) {
            continue;
        }
        let Ok(s) = core::str::from_utf8(l) else { return Some("has an xn-- label that is not ASCII") };
        let mut buf = ['\0'; MAX_U_LABEL_CHARS];
        match decode_a_label(s, &mut buf) {
            Err(_) => return Some("has an xn-- label that is not valid Punycode"),
            Ok(u) if u.is_empty() || u.iter().all(char::is_ascii) => {
                return Some("has an xn-- label that decodes to an ASCII-only string")
            }
            Ok(_) => {}
        }
    }
    None
}

/// The outcome of a reverse-zone rule when no subscriber name is in a reverse zone (so
/// its test passes every name), from [`dns_facts`]; `None` when some name is.
fn outside_reverse_zones(cert: &Certificate) -> Option<Outcome> {
    let facts = dns_facts(cert);
    if facts & dns_fact::ANY == 0 {
        Some(Outcome::NotApplicable)
    } else if facts & dns_fact::REVERSE_ZONE == 0 {
        Some(Outcome::Pass)
    } else {
        None
    }
}

/// A reverse-zone name: whether it is IPv6, and the labels before `in-addr.arpa` /
/// `ip6.arpa` (possibly empty).
fn reverse_zone(n: &[u8]) -> Option<(bool, &[u8])> {
    let n = trim_dot(n);
    for (suffix, v6) in [(&b"in-addr.arpa"[..], false), (&b"ip6.arpa"[..], true)] {
        let Some(cut) = n.len().checked_sub(suffix.len()) else { continue };
        if !n.get(cut..).is_some_and(|t| t.eq_ignore_ascii_case(suffix)) {
            continue;
        }
        if cut == 0 {
            return Some((v6, &[]));
        }
        if n.get(cut - 1) == Some(&b'.') {
            return Some((v6, n.get(..cut - 1).unwrap_or_default()));
        }
    }
    None
}

/// `cabf_br.dnsname_ip_reverse_zone`
///
/// **What it checks**: from 2026-03-15, no DNS name ends in `in-addr.arpa` or `ip6.arpa`.
///
/// **Why it matters**: TLS BR §7.1.2.7.12 and §4.2.2 (ballot SC-086) stop certificates for
/// IP reverse-zone names, which no domain validation method fits.
///
/// **Example**: `1.0.0.10.in-addr.arpa` issued 2026-03-15 fails (not effective a day
/// earlier); `www.example.com` passes; no DNS names is not applicable.
pub struct DnsnameIpReverseZone;

impl Rule for DnsnameIpReverseZone {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.dnsname_ip_reverse_zone", Source::CabfBr, Severity::Error)
            .summary("dNSNames must not be in in-addr.arpa or ip6.arpa")
            .citation("TLS BR §7.1.2.7.12; §4.2.2 (SC-086)")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2026, 3, 15))
            .aliases(&[
                "zlint:e_arpa_domain_not_allowed",
                "pkilint:cabf.serverauth.ip_reverse_zone_domain_name_present",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if let Some(outcome) = outside_reverse_zones(cert) {
            return outcome;
        }
        check_names(subscriber_names(cert), |n| reverse_zone(n).is_some().then_some("is in an IP reverse zone"))
    }
}

/// A parsed reverse-zone name: the address (4 or 16 octets used) and its prefix length.
enum ReverseName {
    V4([u8; 4], u32),
    V6([u8; 16], u32),
}

/// Parses the labels before the reverse-zone suffix; `Err` names the defect.
fn parse_reverse(v6: bool, prefix: &[u8]) -> Result<Option<ReverseName>, &'static str> {
    if prefix.is_empty() {
        return Ok(None);
    }
    if v6 {
        let mut addr = [0u8; 16];
        let mut count = 0u32;
        for (i, l) in labels(prefix).rev().enumerate() {
            let [c] = l else { return Err("has an ip6.arpa label that is not a single hex digit") };
            let nib = (*c as char).to_digit(16).ok_or("has an ip6.arpa label that is not a single hex digit")?;
            let byte = addr.get_mut(i / 2).ok_or("has more than 32 ip6.arpa labels")?;
            *byte |= u8::try_from(nib).unwrap_or(0) << if i % 2 == 0 { 4 } else { 0 };
            count += 1;
        }
        Ok(Some(ReverseName::V6(addr, count * 4)))
    } else {
        let mut addr = [0u8; 4];
        let mut count = 0u32;
        for (i, l) in labels(prefix).rev().enumerate() {
            if l.is_empty() || l.len() > 3 || !l.iter().all(u8::is_ascii_digit) {
                return Err("has a non-numeric in-addr.arpa label");
            }
            let v = l.iter().fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
            let octet = u8::try_from(v).map_err(|_| "has an in-addr.arpa octet over 255")?;
            *addr.get_mut(i).ok_or("has more than 4 in-addr.arpa labels")? = octet;
            count += 1;
        }
        Ok(Some(ReverseName::V4(addr, count * 8)))
    }
}

/// `cabf_br.dnsname_reverse_zone_of_reserved_ip`
///
/// **What it checks**: a well-formed `in-addr.arpa` / `ip6.arpa` name does not denote an
/// address or prefix lying inside a Reserved IP Address block (IANA special-purpose
/// registries, see [`crate::rules::ip_ranges`]).
///
/// **Why it matters**: BR 1.x §7.1.4.2.1 forbade Reserved IP Addresses in certificates;
/// the reverse-zone name of one is the same address in disguise.
///
/// **Example**: `1.0.0.10.in-addr.arpa` and `168.192.in-addr.arpa` fail;
/// `8.8.8.8.in-addr.arpa` passes; issued from 2026-03-15 it is not effective (reverse
/// zones are then forbidden outright).
pub struct DnsnameReverseZoneOfReservedIp;

impl Rule for DnsnameReverseZoneOfReservedIp {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.dnsname_reverse_zone_of_reserved_ip", Source::CabfBr, Severity::Error)
                .summary("a reverse-zone name must not denote a Reserved IP Address")
                .citation("TLS BR §7.1.4.2.1 (v1.x)")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(Time::ymd(2012, 7, 1))
                .ineffective(Time::ymd(2026, 3, 15))
                .aliases(&["zlint:e_subject_contains_reserved_arpa_ip"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if let Some(outcome) = outside_reverse_zones(cert) {
            return outcome;
        }
        check_names(subscriber_names(cert), |n| {
            let (v6, prefix) = reverse_zone(n)?;
            let block = match parse_reverse(v6, prefix).ok()?? {
                ReverseName::V4(a, bits) => reserved_prefix(&a, bits),
                ReverseName::V6(a, bits) => reserved_prefix(&a, bits),
            };
            block.map(|_| "is the reverse-zone name of a reserved IP address")
        })
    }
}

/// `cabf_br.dnsname_reverse_zone_malformed`
///
/// **What it checks**: an `in-addr.arpa` name has at most 4 decimal labels of 0-255, and an
/// `ip6.arpa` name at most 32 single-hex-digit labels.
///
/// **Why it matters**: TLS BR §3.2.2.6 and the reverse-zone validation of BR 1.x assume a
/// name that maps back to an address; a malformed one maps to nothing and points to a
/// validation mistake.
///
/// **Example**: `300.1.in-addr.arpa` and `ab.ip6.arpa` warn; `1.168.192.in-addr.arpa`
/// passes; issued from 2026-03-15 it is not effective.
pub struct DnsnameReverseZoneMalformed;

impl Rule for DnsnameReverseZoneMalformed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.dnsname_reverse_zone_malformed", Source::CabfBr, Severity::Warn)
            .summary("a reverse-zone name should be well formed")
            .citation("TLS BR §3.2.2.6")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2012, 7, 1))
            .ineffective(Time::ymd(2026, 3, 15))
            .aliases(&["zlint:w_subject_contains_malformed_arpa_ip"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if let Some(outcome) = outside_reverse_zones(cert) {
            return outcome;
        }
        check_names(subscriber_names(cert), |n| {
            let (v6, prefix) = reverse_zone(n)?;
            parse_reverse(v6, prefix).err()
        })
    }
}

// ---------------------------------------------------------------------------------------
// Onion names.

/// The label directly left of `onion`, if the name is an onion name with two labels or
/// more.
fn onion_address_label(n: &[u8]) -> Option<&[u8]> {
    let mut it = labels(trim_dot(n)).rev();
    it.next()?;
    it.next()
}

fn base32_value(c: u8) -> Option<u8> {
    match c {
        b'a'..=b'z' => Some(c - b'a'),
        b'A'..=b'Z' => Some(c - b'A'),
        b'2'..=b'7' => Some(c - b'2' + 26),
        _ => None,
    }
}

/// Decodes a 56-character base32 v3 onion label into its 35 octets.
fn decode_v3(label: &[u8]) -> Option<[u8; 35]> {
    if label.len() != 56 {
        return None;
    }
    let mut out = [0u8; 35];
    let mut acc = 0u64;
    let mut bits = 0u32;
    let mut i = 0usize;
    for &c in label {
        acc = (acc << 5) | u64::from(base32_value(c)?);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            *out.get_mut(i)? = u8::try_from((acc >> bits) & 0xff).ok()?;
            i += 1;
        }
    }
    Some(out)
}

fn is_v2_label(label: &[u8]) -> bool {
    label.len() == 16 && label.iter().all(|c| base32_value(*c).is_some())
}

fn onion_names(cert: &Certificate) -> impl Iterator<Item = &[u8]> + '_ {
    subscriber_names(cert).filter(|n| is_onion(n))
}

/// `cabf_br.onion_name_not_v3_address`
///
/// **What it checks**: every `.onion` name has at least two labels and the label left of
/// `onion` is a 56-character base32 version 3 address (for certificates issued before
/// 2020-03-27, a 16-character version 2 address is accepted too).
///
/// **Why it matters**: TLS BR Appendix B §1 (and RFC 7686) admit onion names only for a
/// valid v3 onion address; anything else cannot be reached over Tor or validated.
///
/// **Example**: `<56 base32 chars>.onion` passes; `abc.onion` and bare `onion` fail; a
/// certificate without onion names is not applicable.
pub struct OnionNameNotV3Address;

impl Rule for OnionNameNotV3Address {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.onion_name_not_v3_address", Source::CabfBr, Severity::Error)
            .summary("onion names must carry a valid version 3 onion address")
            .citation("TLS BR Appendix B §1; RFC 7686")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2015, 5, 1))
            .aliases(&["zlint:e_san_dns_name_onion_invalid", "pkilint:cabf.serverauth.invalid_tor_v3_domain_name"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if dns_facts(cert) & dns_fact::ONION == 0 {
            return Outcome::NotApplicable; // no onion names
        }
        let v2_allowed = cert.not_before().is_some_and(|nb| nb < Time::ymd(2020, 3, 27));
        check_names(onion_names(cert), |n| match onion_address_label(n) {
            None => Some("has no onion address label"),
            Some(l) if decode_v3(l).is_some() => None,
            Some(l) if v2_allowed && is_v2_label(l) => None,
            Some(_) => Some("is not a valid onion address"),
        })
    }
}

/// `cabf_br.onion_v3_checksum_invalid`
///
/// **What it checks**: for every v3 onion address (56 base32 characters), the two
/// checksum octets equal the first two octets of SHA3-256(".onion checksum" || public key
/// || version).
///
/// **Why it matters**: TLS BR Appendix B §1 requires a valid v3 address as defined by the
/// Tor rendezvous specification v3 §6; a wrong checksum means the name does not denote the
/// key it seems to, typically a typo.
///
/// **Example**: the Tor Project's address passes; the same with one character changed
/// fails; names that are not 56-character base32 labels are not applicable (see
/// `onion_name_not_v3_address`).
pub struct OnionV3ChecksumInvalid;

impl Rule for OnionV3ChecksumInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.onion_v3_checksum_invalid", Source::CabfBr, Severity::Error)
            .summary("the checksum of a v3 onion address must verify")
            .citation("TLS BR Appendix B §1 (Tor rend-spec-v3 §6)")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2020, 3, 27))
            .aliases(&["pkilint:cabf.serverauth.invalid_tor_checksum"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if dns_facts(cert) & dns_fact::ONION == 0 {
            return Outcome::NotApplicable; // no onion names
        }
        let v3 = onion_names(cert).filter(|n| onion_address_label(n).and_then(decode_v3).is_some());
        check_names(v3, |n| {
            let raw = onion_address_label(n).and_then(decode_v3)?;
            let (key, rest) = raw.split_at(32);
            let (checksum, version) = rest.split_at(2);
            let digest = sha3_256(&[b".onion checksum", key, version]);
            (digest.get(..2) != Some(checksum)).then_some("has an onion address whose checksum does not verify")
        })
    }
}

/// `cabf_br.onion_version_invalid`
///
/// **What it checks**: the version octet (the last of the 35 decoded octets) of every v3
/// onion address is 3.
///
/// **Why it matters**: TLS BR Appendix B §1 admits only version 3 onion addresses.
///
/// **Example**: an address ending in `d` (version 3) passes; the same key with version 4
/// fails; names that are not 56-character base32 labels are not applicable.
pub struct OnionVersionInvalid;

impl Rule for OnionVersionInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.onion_version_invalid", Source::CabfBr, Severity::Error)
            .summary("the version of an onion address must be 3")
            .citation("TLS BR Appendix B §1")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2020, 3, 27))
            .aliases(&["pkilint:cabf.serverauth.invalid_tor_version"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if dns_facts(cert) & dns_fact::ONION == 0 {
            return Outcome::NotApplicable; // no onion names
        }
        let v3 = onion_names(cert).filter(|n| onion_address_label(n).and_then(decode_v3).is_some());
        check_names(v3, |n| {
            let raw = onion_address_label(n).and_then(decode_v3)?;
            (raw.last() != Some(&3)).then_some("has an onion address whose version is not 3")
        })
    }
}

/// `cabf_br.onion_name_in_non_ev`
///
/// **What it checks**: a certificate issued between 2015-05-01 and 2020-03-27 that names
/// a `.onion` domain carries the EV policy 2.23.140.1.1.
///
/// **Why it matters**: before v3 onion names were admitted (ballot SC27), BR 1.x
/// Appendix C (ballot 144) allowed onion names only in EV certificates.
///
/// **Example**: a DV certificate for `<16 chars>.onion` issued 2019 fails; an EV one
/// passes; a certificate without onion names is not applicable.
pub struct OnionNameInNonEv;

impl Rule for OnionNameInNonEv {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.onion_name_in_non_ev", Source::CabfBr, Severity::Error)
            .summary("onion names were allowed only in EV certificates before v3 support")
            .citation("TLS BR v1.x Appendix C (ballot 144)")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2015, 5, 1))
            .ineffective(Time::ymd(2020, 3, 27))
            .aliases(&["zlint:e_san_dns_name_onion_not_ev_cert"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if dns_facts(cert) & dns_fact::ONION == 0 {
            return Outcome::NotApplicable; // no onion names
        }
        let ev = matches!(cert.certificate_policies(), Some(Ok(p)) if p.value.contains(&policy::EV));
        check_names(onion_names(cert), |_| (!ev).then_some("is an onion name in a certificate without the EV policy"))
    }
}

/// One TorServiceDescriptorHash: onionURI, hash algorithm, hash bit string content.
struct TorDescriptor<'a> {
    uri: &'a [u8],
    alg: Option<crate::oid::Oid<'a>>,
    hash: &'a [u8],
}

fn tor_descriptors(v: &[u8]) -> Result<alloc::vec::Vec<TorDescriptor<'_>>, crate::asn1::Asn1Error> {
    use crate::asn1::{tag, Tlv};
    let mut out = alloc::vec::Vec::new();
    let seq = Tlv::parse(v)?.expect(tag::SEQUENCE)?;
    for item in seq.reader() {
        let mut r = item?.expect(tag::SEQUENCE)?.reader();
        let uri = r.read_tag(tag::UTF8_STRING)?.value;
        let mut a = r.read_tag(tag::SEQUENCE)?.reader();
        let alg = crate::oid::Oid::new(a.read_tag(tag::OID)?.value);
        let hash = r.read_tag(tag::BIT_STRING)?.value;
        r.finish()?;
        out.push(TorDescriptor { uri, alg, hash: hash.get(1..).unwrap_or_default() });
    }
    Ok(out)
}

/// `cabf_br.tor_service_descriptor_invalid`
///
/// **What it checks**: an EV certificate naming version 2 onion addresses (16 base32
/// characters) carries the TorServiceDescriptor extension (2.23.140.1.31), each entry
/// hashes with SHA-256, SHA-384 or SHA-512 and has a hash of that algorithm's length, and
/// every v2 onion name has an entry whose onionURI host is that name.
///
/// **Why it matters**: ballot 201 (then SC27) required v2 onion certificates to bind the
/// hidden service's full public key through this extension, because a v2 address is only
/// an 80-bit truncated hash of it.
///
/// **Example**: an EV certificate for `abcdefghijklmnop.onion` without the extension fails;
/// with a matching SHA-256 entry passes; with a 20-byte SHA-256 hash fails; a certificate
/// with only v3 names is not applicable.
pub struct TorServiceDescriptorInvalid;

impl Rule for TorServiceDescriptorInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.tor_service_descriptor_invalid", Source::CabfBr, Severity::Error)
                .summary("v2 onion names need a valid TorServiceDescriptor entry each")
                .citation("TLS BR ballot 201 / SC27")
                .scope(Scope::of(CertType::SubscriberEv))
                .effective(Time::ymd(2017, 7, 28))
                .aliases(&["zlint:e_ext_tor_service_descriptor_hash_invalid"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let mut v2 = onion_names(cert).filter(|n| onion_address_label(n).is_some_and(is_v2_label)).peekable();
        if v2.peek().is_none() {
            return Outcome::NotApplicable;
        }
        let Some(ext) = cert.extension(&policy::TOR_SERVICE_DESCRIPTOR) else {
            return Outcome::fail("v2 onion names are present but the TorServiceDescriptor extension is absent");
        };
        let Ok(entries) = tor_descriptors(ext.value) else {
            return Outcome::fail("the TorServiceDescriptor extension does not decode");
        };
        for e in &entries {
            let expected = match e.alg {
                Some(a) if a.is(&alg::SHA256) => 32,
                Some(a) if a.is(&alg::SHA384) => 48,
                Some(a) if a.is(&alg::SHA512) => 64,
                _ => {
                    return Outcome::fail(format!(
                        "TorServiceDescriptor entry for \"{}\" uses an unknown hash algorithm",
                        e.uri.escape_ascii()
                    ))
                }
            };
            if e.hash.len() != expected {
                return Outcome::fail(format!(
                    "TorServiceDescriptor entry for \"{}\" has a {}-byte hash, expected {expected}",
                    e.uri.escape_ascii(),
                    e.hash.len()
                ));
            }
        }
        for n in v2 {
            let covered =
                entries.iter().any(|e| uri_host(e.uri).is_some_and(|h| trim_dot(h).eq_ignore_ascii_case(trim_dot(n))));
            if !covered {
                return Outcome::fail(format!("no TorServiceDescriptor entry for onion name \"{}\"", n.escape_ascii()));
            }
        }
        Outcome::Pass
    }
}

#[cfg(test)]
mod tests;
