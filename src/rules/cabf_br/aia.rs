//! Authority Information Access content (TLS BR §7.1.2.7.7, §7.1.2.8.3, §7.1.2.10.3).

use alloc::format;

use crate::cert::{AccessDescriptions, GeneralName};
use crate::cert_type::{detect, CertType};
use crate::domain::is_internal_name;
use crate::oid::{access, ext, ObjectIdentifier};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::ip_ranges::{parse_ipv4, parse_ipv6, reserved_block};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[
    &SubscriberAiaCaIssuersMissing,
    &SubscriberAiaOcspMissing,
    &AiaAccessMethodNotAllowed,
    &AiaLocationNotUri,
    &AiaLocationNotHttp,
    &AiaLocationDuplicate,
    &AiaInternalName,
];

/// The scheme of a URI (the part before the first `:`), if it has one.
pub(crate) fn uri_scheme(uri: &[u8]) -> Option<&[u8]> {
    let end = uri.iter().position(|b| *b == b':')?;
    let scheme = uri.get(..end)?;
    let ok = scheme.first().is_some_and(u8::is_ascii_alphabetic)
        && scheme.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    ok.then_some(scheme)
}

/// Whether the URI's scheme is `http` (ASCII case-insensitive).
pub(crate) fn is_http(uri: &[u8]) -> bool {
    uri_scheme(uri).is_some_and(|s| s.eq_ignore_ascii_case(b"http"))
}

/// The host of a hierarchical URI (`scheme://[userinfo@]host[:port]/...`), brackets of an
/// IPv6 literal removed.
pub(crate) fn uri_host(uri: &[u8]) -> Option<&[u8]> {
    let scheme = uri_scheme(uri)?;
    let rest = uri.get(scheme.len() + 1..)?.strip_prefix(b"//")?;
    let end = rest.iter().position(|b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(rest.len());
    let authority = rest.get(..end)?;
    let host_port = match authority.iter().rposition(|b| *b == b'@') {
        Some(at) => authority.get(at + 1..)?,
        None => authority,
    };
    if let Some(v6) = host_port.strip_prefix(b"[") {
        let close = v6.iter().position(|b| *b == b']')?;
        return v6.get(..close);
    }
    match host_port.iter().rposition(|b| *b == b':') {
        Some(colon) => host_port.get(..colon),
        None => Some(host_port),
    }
}

fn aia(cert: &Certificate) -> Option<AccessDescriptions<'_>> {
    match cert.authority_info_access() {
        Some(Ok(e)) => Some(e.value),
        _ => None,
    }
}

fn method_name(m: &crate::oid::Oid<'_>) -> alloc::string::String {
    if m.is(&access::OCSP) {
        "id-ad-ocsp".into()
    } else if m.is(&access::CA_ISSUERS) {
        "id-ad-caIssuers".into()
    } else {
        format!("{m}")
    }
}

fn has_method(cert: &Certificate, method: &ObjectIdentifier, name: &'static str) -> Outcome {
    match aia(cert) {
        Some(a) => Outcome::check(a.iter().any(|d| d.method.is(method)), name),
        None => Outcome::NotApplicable,
    }
}

/// `cabf_br.subscriber_aia_ca_issuers_missing`
///
/// **What it checks**: a subscriber certificate's authorityInformationAccess contains an
/// id-ad-caIssuers entry.
///
/// **Why it matters**: TLS BR §7.1.2.7.7 says the caIssuers URL SHOULD be present: clients
/// fetch the issuing CA certificate from it when a server sends an incomplete chain.
///
/// **Example**: AIA with only an OCSP URL warns; AIA with a caIssuers URL passes; a
/// certificate without AIA is not applicable (the presence rules report it).
pub struct SubscriberAiaCaIssuersMissing;

impl Rule for SubscriberAiaCaIssuersMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_aia_ca_issuers_missing", Source::CabfBr, Severity::Warn)
                .summary("subscriber AIA should contain a caIssuers URL")
                .citation("TLS BR §7.1.2.7.7")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(Time::ymd(2012, 7, 1))
                .needs(Need::Extension(&ext::AUTHORITY_INFO_ACCESS))
                .aliases(&[
                    "zlint:w_sub_cert_aia_does_not_contain_issuing_ca_url",
                    "pkilint:cabf.serverauth.subscriber.ca_issuers_aia_access_method_absent",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        has_method(cert, &access::CA_ISSUERS, "authorityInformationAccess has no id-ad-caIssuers entry")
    }
}

/// `cabf_br.subscriber_aia_ocsp_missing`
///
/// **What it checks**: a subscriber certificate issued before 2023-09-15 has an id-ad-ocsp
/// entry in its authorityInformationAccess.
///
/// **Why it matters**: BR 1.x §7.1.2.3(c) required the OCSP responder URL in subscriber
/// certificates; BR 2.0 (SC-062) made it optional once CRLs became mandatory.
///
/// **Example**: a 2020 certificate whose AIA has only caIssuers fails; with an OCSP URL it
/// passes; one issued from 2023-09-15 is not effective; without AIA, not applicable.
pub struct SubscriberAiaOcspMissing;

impl Rule for SubscriberAiaOcspMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subscriber_aia_ocsp_missing", Source::CabfBr, Severity::Error)
            .summary("subscriber AIA had to contain an OCSP URL (BR 1.x)")
            .citation("TLS BR v1.x §7.1.2.3(c)")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2012, 7, 1))
            .ineffective(Time::ymd(2023, 9, 15))
            .needs(Need::Extension(&ext::AUTHORITY_INFO_ACCESS))
            .aliases(&["zlint:e_sub_cert_aia_does_not_contain_ocsp_url"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        has_method(cert, &access::OCSP, "authorityInformationAccess has no id-ad-ocsp entry")
    }
}

/// `cabf_br.aia_access_method_not_allowed`
///
/// **What it checks**: every AccessDescription in authorityInformationAccess uses
/// id-ad-ocsp or id-ad-caIssuers; in an OCSP responder certificate, only id-ad-ocsp.
///
/// **Why it matters**: the AIA tables of TLS BR §7.1.2.7.7 (subscribers), §7.1.2.10.3
/// (CAs) and §7.1.2.8.3 (OCSP responders) forbid every other access method.
///
/// **Example**: an entry with id-ad-caRepository fails; OCSP and caIssuers entries pass;
/// a caIssuers entry in an OCSP responder fails; a certificate without AIA is not
/// applicable.
pub struct AiaAccessMethodNotAllowed;

impl Rule for AiaAccessMethodNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.aia_access_method_not_allowed", Source::CabfBr, Severity::Error)
            .summary("AIA may only use id-ad-ocsp and id-ad-caIssuers")
            .citation("TLS BR §7.1.2.7.7, §7.1.2.10.3, §7.1.2.8.3")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2023, 9, 15))
            .needs(Need::Extension(&ext::AUTHORITY_INFO_ACCESS))
            .aliases(&[
                "zlint:e_aia_must_contain_permitted_access_method",
                "pkilint:cabf.serverauth.ca.unknown_aia_access_method_present",
                "pkilint:cabf.serverauth.subscriber.unknown_aia_access_method_present",
                "pkilint:cabf.serverauth.ocsp_responder.unknown_aia_access_method_present",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome {
        let Some(a) = aia(cert) else { return Outcome::NotApplicable };
        let ocsp_responder = ctx.cert_type().unwrap_or_else(|| detect(cert)) == CertType::OcspResponder;
        let allowed = |m: &crate::oid::Oid<'_>| m.is(&access::OCSP) || (!ocsp_responder && m.is(&access::CA_ISSUERS));
        match a.iter().find(|d| !allowed(&d.method)) {
            Some(d) => Outcome::fail(format!(
                "authorityInformationAccess uses access method {}, not allowed{}",
                method_name(&d.method),
                if ocsp_responder { " in an OCSP responder certificate" } else { "" }
            )),
            None => Outcome::Pass,
        }
    }
}

/// `cabf_br.aia_location_not_uri`
///
/// **What it checks**: every accessLocation in authorityInformationAccess is a
/// uniformResourceIdentifier.
///
/// **Why it matters**: TLS BR §7.1.2.7.7 and §7.1.2.10.3 require the URI form for both
/// permitted access methods; clients cannot fetch from a directoryName or dNSName.
///
/// **Example**: an OCSP entry whose location is a dNSName fails; URI locations pass; a
/// certificate without AIA is not applicable.
pub struct AiaLocationNotUri;

impl Rule for AiaLocationNotUri {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.aia_location_not_uri", Source::CabfBr, Severity::Error)
            .summary("AIA accessLocations must be URIs")
            .citation("TLS BR §7.1.2.7.7, §7.1.2.10.3")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2023, 9, 15))
            .needs(Need::Extension(&ext::AUTHORITY_INFO_ACCESS))
            .aliases(&["pkilint:cabf.serverauth.aia_location_not_uri"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(a) = aia(cert) else { return Outcome::NotApplicable };
        let bad = a.iter().find(|d| matches!(d.location, Ok(ref l) if !matches!(l, GeneralName::Uri(_))));
        match bad {
            Some(d) => Outcome::fail(format!(
                "{} accessLocation is a {}, not a uniformResourceIdentifier",
                method_name(&d.method),
                d.location.map(|l| l.kind()).unwrap_or("GeneralName")
            )),
            None => Outcome::Pass,
        }
    }
}

/// `cabf_br.aia_location_not_http`
///
/// **What it checks**: every URI accessLocation in authorityInformationAccess has the
/// `http` scheme.
///
/// **Why it matters**: TLS BR §7.1.2.7.7 and §7.1.2.10.3 describe both locations as HTTP
/// URLs: OCSP and CA certificate fetching must not depend on TLS (which would need
/// revocation checking itself) or on LDAP.
///
/// **Example**: `https://ocsp.example.com` or `ldap://...` fails; `http://...` passes;
/// a certificate without AIA is not applicable.
pub struct AiaLocationNotHttp;

impl Rule for AiaLocationNotHttp {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.aia_location_not_http", Source::CabfBr, Severity::Error)
            .summary("AIA OCSP and caIssuers locations must be http:// URLs")
            .citation("TLS BR §7.1.2.7.7, §7.1.2.10.3")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2023, 9, 15))
            .needs(Need::Extension(&ext::AUTHORITY_INFO_ACCESS))
            .aliases(&[
                "zlint:e_aia_ca_issuers_must_have_http_only",
                "zlint:e_aia_ocsp_must_have_http_only",
                "zlint:e_ca_aia_non_http_url",
                "pkilint:cabf.serverauth.aia_location_uri_not_http",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(a) = aia(cert) else { return Outcome::NotApplicable };
        for d in a.iter() {
            if let Ok(GeneralName::Uri(u)) = d.location {
                if !is_http(u) {
                    return Outcome::fail(format!(
                        "{} location \"{}\" is not an http URL",
                        method_name(&d.method),
                        u.escape_ascii()
                    ));
                }
            }
        }
        Outcome::Pass
    }
}

/// `cabf_br.aia_location_duplicate`
///
/// **What it checks**: no two AccessDescriptions in authorityInformationAccess have the
/// same access method and the same location.
///
/// **Why it matters**: TLS BR §7.1.2.7.7 and §7.1.2.10.3 allow several locations per
/// method, in priority order, but each MUST be unique; a repeat only wastes client
/// retries.
///
/// **Example**: two id-ad-ocsp entries with `http://ocsp.example.com` fail; the same URL
/// under id-ad-ocsp and id-ad-caIssuers passes; no AIA is not applicable.
pub struct AiaLocationDuplicate;

impl Rule for AiaLocationDuplicate {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.aia_location_duplicate", Source::CabfBr, Severity::Error)
            .summary("AIA locations under the same access method must be unique")
            .citation("TLS BR §7.1.2.7.7, §7.1.2.10.3")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2023, 9, 15))
            .needs(Need::Extension(&ext::AUTHORITY_INFO_ACCESS))
            .aliases(&["zlint:e_aia_unique_access_locations", "pkilint:cabf.serverauth.aia_duplicate_location"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(a) = aia(cert) else { return Outcome::NotApplicable };
        for (i, d) in a.iter().enumerate() {
            let Ok(loc) = d.location else { continue };
            if a.iter().take(i).any(|p| p.method == d.method && p.location == Ok(loc)) {
                let shown = match loc {
                    GeneralName::Uri(u) => format!("\"{}\"", u.escape_ascii()),
                    other => format!("{} entry", other.kind()),
                };
                return Outcome::fail(format!("{} location {shown} is repeated", method_name(&d.method)));
            }
        }
        Outcome::Pass
    }
}

/// Why a URI host is not publicly resolvable, if it is not.
fn internal_host(host: &[u8]) -> Option<&'static str> {
    if let Some(v4) = parse_ipv4(host) {
        return reserved_block(&v4).map(|b| b.name);
    }
    if host.contains(&b':') {
        return parse_ipv6(host).and_then(|a| reserved_block(&a)).map(|b| b.name);
    }
    let name = core::str::from_utf8(host).ok()?;
    is_internal_name(name).then_some("a name without a public top-level domain")
}

/// `cabf_br.aia_internal_name`
///
/// **What it checks**: the host of every URI in a subscriber certificate's
/// authorityInformationAccess is publicly reachable: not an IP literal in a reserved block
/// (IANA special-purpose registries) and not a name whose TLD is absent from the root zone.
///
/// **Why it matters**: relying parties fetch these URLs from the public Internet; an
/// Internal Name or reserved address (TLS BR §7.1.2.10.3, §1.6.1) cannot be reached, so
/// chain building and revocation checking silently fail.
///
/// **Example**: `http://ocsp.corp/` or `http://10.0.0.1/ca.crt` warns;
/// `http://ocsp.example.com` passes; a certificate without AIA is not applicable.
pub struct AiaInternalName;

impl Rule for AiaInternalName {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.aia_internal_name", Source::CabfBr, Severity::Warn)
            .summary("AIA URLs should point at publicly resolvable hosts")
            .citation("TLS BR §7.1.2.10.3, §1.6.1 (Internal Name)")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2012, 7, 1))
            .needs(Need::Extension(&ext::AUTHORITY_INFO_ACCESS))
            .aliases(&["zlint:w_sub_cert_aia_contains_internal_names"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(a) = aia(cert) else { return Outcome::NotApplicable };
        for d in a.iter() {
            let Ok(GeneralName::Uri(u)) = d.location else { continue };
            if let Some(why) = uri_host(u).and_then(internal_host) {
                return Outcome::fail(format!("AIA URL \"{}\" points at {why}", u.escape_ascii()));
            }
        }
        Outcome::Pass
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::{eku, ext};
    use crate::testutil::{der::*, *};
    use crate::Status;
    use alloc::vec::Vec;

    fn ad(method: &ObjectIdentifier, loc: Vec<u8>) -> Vec<u8> {
        seq(&[&oid(method), &loc])
    }

    fn uri(s: &str) -> Vec<u8> {
        ctx_prim(6, s.as_bytes())
    }

    fn with_aia(b: CertBuilder, entries: &[Vec<u8>]) -> CertBuilder {
        b.ext(&ext::AUTHORITY_INFO_ACCESS, false, &seq_vec(entries))
    }

    fn leaf(entries: &[Vec<u8>]) -> CertBuilder {
        with_aia(CertBuilder::leaf().not_before(Time::ymd(2024, 1, 1)), entries)
    }

    #[test]
    fn helpers() {
        assert_eq!(uri_host(b"http://user@[::1]:80/x"), Some(&b"::1"[..]));
        assert_eq!(uri_host(b"http://ocsp.example.com:8080"), Some(&b"ocsp.example.com"[..]));
        assert_eq!(uri_host(b"HTTP://a.example/?q"), Some(&b"a.example"[..]));
        assert_eq!(uri_host(b"urn:x"), None);
        assert!(is_http(b"HTTP://x"));
        assert!(!is_http(b"https://x"));
    }

    #[test]
    fn ca_issuers_and_ocsp_presence() {
        let only_ocsp = leaf(&[ad(&access::OCSP, uri("http://o.example.com"))]);
        let only_ca = leaf(&[ad(&access::CA_ISSUERS, uri("http://c.example.com/c.crt"))]);
        assert_status(&SubscriberAiaCaIssuersMissing, &CertBuilder::leaf(), Status::Pass);
        assert_status(&SubscriberAiaCaIssuersMissing, &only_ocsp, Status::Warn);
        assert_status(
            &SubscriberAiaCaIssuersMissing,
            &CertBuilder::leaf().without_ext(&ext::AUTHORITY_INFO_ACCESS),
            Status::NotApplicable,
        );
        assert_status(
            &SubscriberAiaCaIssuersMissing,
            &only_ocsp.clone().not_before(Time::ymd(2012, 6, 30)),
            Status::NotEffective,
        );
        assert_status(
            &SubscriberAiaCaIssuersMissing,
            &only_ocsp.clone().not_before(Time::ymd(2012, 7, 1)),
            Status::Warn,
        );
        let old = |b: CertBuilder| b.not_before(Time::ymd(2020, 1, 1));
        assert_status(&SubscriberAiaOcspMissing, &old(only_ocsp), Status::Pass);
        assert_status(&SubscriberAiaOcspMissing, &old(only_ca.clone()), Status::Error);
        assert_status(&SubscriberAiaOcspMissing, &only_ca.clone().not_before(Time::ymd(2023, 9, 14)), Status::Error);
        assert_status(
            &SubscriberAiaOcspMissing,
            &only_ca.clone().not_before(Time::ymd(2023, 9, 15)),
            Status::NotEffective,
        );
        assert_status(&SubscriberAiaOcspMissing, &only_ca.not_before(Time::ymd(2012, 6, 30)), Status::NotEffective);
        assert_status(&SubscriberAiaOcspMissing, &CertBuilder::sub_ca(), Status::NotApplicable);
    }

    #[test]
    fn access_methods() {
        assert_status(&AiaAccessMethodNotAllowed, &CertBuilder::leaf(), Status::Pass);
        let repo = leaf(&[ad(&access::CA_REPOSITORY, uri("http://r.example.com"))]);
        assert_status(&AiaAccessMethodNotAllowed, &repo, Status::Error);
        let (_, msg) = finding(&AiaAccessMethodNotAllowed, &repo.build(), &Context::default());
        assert!(msg.contains("1.3.6.1.5.5.7.48.5"), "{msg}");
        let ocsp = CertBuilder::leaf().not_before(Time::ymd(2024, 1, 1)).ext(
            &ext::EXT_KEY_USAGE,
            false,
            &seq(&[&oid(&eku::OCSP_SIGNING)]),
        );
        assert_status(&AiaAccessMethodNotAllowed, &ocsp, Status::Error);
        let ocsp_ok = with_aia(ocsp, &[ad(&access::OCSP, uri("http://o.example.com"))]);
        assert_status(&AiaAccessMethodNotAllowed, &ocsp_ok, Status::Pass);
        assert_status(&AiaAccessMethodNotAllowed, &CertBuilder::root(), Status::NotApplicable);
        assert_status(
            &AiaAccessMethodNotAllowed,
            &repo.clone().not_before(Time::ymd(2023, 9, 14)),
            Status::NotEffective,
        );
        assert_status(&AiaAccessMethodNotAllowed, &repo.not_before(Time::ymd(2023, 9, 15)), Status::Error);
    }

    #[test]
    fn locations() {
        let dns = leaf(&[ad(&access::OCSP, ctx_prim(2, b"ocsp.example.com"))]);
        assert_status(&AiaLocationNotUri, &dns, Status::Error);
        let (_, msg) = finding(&AiaLocationNotUri, &dns.build(), &Context::default());
        assert_eq!(msg, "id-ad-ocsp accessLocation is a dNSName, not a uniformResourceIdentifier");
        assert_status(&AiaLocationNotUri, &CertBuilder::sub_ca(), Status::Pass);
        assert_status(&AiaLocationNotUri, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&AiaLocationNotUri, &dns.not_before(Time::ymd(2023, 9, 14)), Status::NotEffective);

        let https = leaf(&[ad(&access::CA_ISSUERS, uri("https://c.example.com/c.crt"))]);
        assert_status(&AiaLocationNotHttp, &https, Status::Error);
        let (_, msg) = finding(&AiaLocationNotHttp, &https.build(), &Context::default());
        assert_eq!(msg, "id-ad-caIssuers location \"https://c.example.com/c.crt\" is not an http URL");
        assert_status(&AiaLocationNotHttp, &leaf(&[ad(&access::OCSP, uri("ldap://o.example.com"))]), Status::Error);
        assert_status(&AiaLocationNotHttp, &CertBuilder::leaf(), Status::Pass);
        assert_status(&AiaLocationNotHttp, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&AiaLocationNotHttp, &https.not_before(Time::ymd(2023, 9, 14)), Status::NotEffective);
    }

    #[test]
    fn duplicates() {
        let o = || ad(&access::OCSP, uri("http://o.example.com"));
        let dup = leaf(&[o(), o()]);
        assert_status(&AiaLocationDuplicate, &dup, Status::Error);
        let (_, msg) = finding(&AiaLocationDuplicate, &dup.build(), &Context::default());
        assert_eq!(msg, "id-ad-ocsp location \"http://o.example.com\" is repeated");
        let cross = leaf(&[o(), ad(&access::CA_ISSUERS, uri("http://o.example.com"))]);
        assert_status(&AiaLocationDuplicate, &cross, Status::Pass);
        assert_status(&AiaLocationDuplicate, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&AiaLocationDuplicate, &dup.not_before(Time::ymd(2023, 9, 14)), Status::NotEffective);
    }

    #[test]
    fn internal_names() {
        assert_status(&AiaInternalName, &CertBuilder::leaf(), Status::Pass);
        let corp = leaf(&[ad(&access::OCSP, uri("http://ocsp.corp/"))]);
        assert_status(&AiaInternalName, &corp, Status::Warn);
        let ip = leaf(&[ad(&access::CA_ISSUERS, uri("http://10.0.0.1/ca.crt"))]);
        assert_status(&AiaInternalName, &ip, Status::Warn);
        let (_, msg) = finding(&AiaInternalName, &ip.build(), &Context::default());
        assert_eq!(msg, "AIA URL \"http://10.0.0.1/ca.crt\" points at 10.0.0.0/8 (private use)");
        assert_status(&AiaInternalName, &leaf(&[ad(&access::OCSP, uri("http://[fd00::1]/"))]), Status::Warn);
        assert_status(&AiaInternalName, &leaf(&[ad(&access::OCSP, uri("http://8.8.8.8/"))]), Status::Pass);
        assert_status(&AiaInternalName, &CertBuilder::sub_ca(), Status::NotApplicable);
        assert_status(&AiaInternalName, &corp.clone().not_before(Time::ymd(2012, 6, 30)), Status::NotEffective);
        assert_status(&AiaInternalName, &corp.not_before(Time::ymd(2012, 7, 1)), Status::Warn);
    }
}
