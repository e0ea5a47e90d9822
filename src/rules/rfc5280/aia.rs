//! authorityInfoAccess and subjectInfoAccess (RFC 5280 §4.2.2.1, §4.2.2.2), and the LDAP
//! URIs of access descriptions and distribution points (RFC 4516).

use alloc::format;

use crate::cert::{lossy, parse_uri, AccessDescription, GeneralName};
use crate::oid::{access, ext};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::summary::settled;
use crate::time::Time;
use crate::{Certificate, Context};

use super::san::{uri_fact, uri_facts, verdict};

pub(crate) static RULES: &[&dyn Rule] = &[
    &AiaCritical,
    &SiaCritical,
    &AiaAccessLocationNotUri,
    &AiaCaIssuersNoHttpOrLdap,
    &SiaCaRepositoryNoHttpOrLdap,
    &LdapUriIncomplete,
    &SiaTimestampingLocationType,
];

fn aia(cert: &Certificate) -> impl Iterator<Item = AccessDescription<'_>> + '_ {
    cert.authority_info_access().and_then(Result::ok).into_iter().flat_map(|e| e.value.iter())
}

fn sia(cert: &Certificate) -> impl Iterator<Item = AccessDescription<'_>> + '_ {
    cert.subject_info_access().and_then(Result::ok).into_iter().flat_map(|e| e.value.iter())
}

fn is_http_or_ldap(cert: &Certificate, location: &Result<GeneralName<'_>, crate::asn1::Asn1Error>) -> bool {
    matches!(location, Ok(GeneralName::Uri(u)) if super::san::is_http_or_ldap_uri(cert, u))
}

// Bits of `access_facts`. Each rule reads a pair: one saying it applies, one saying it fails.
/// An AIA id-ad-caIssuers or id-ad-ocsp description.
const A_LOC: u32 = 1;
/// One of those whose location decodes to a name other than a URI.
const A_LOC_BAD: u32 = 1 << 1;
/// An AIA id-ad-caIssuers description.
const A_CAI: u32 = 1 << 2;
/// Those exist and none is an HTTP or LDAP URI.
const A_CAI_BAD: u32 = 1 << 3;
/// An SIA id-ad-caRepository description.
const A_REPO: u32 = 1 << 4;
/// Those exist and none is an HTTP or LDAP URI.
const A_REPO_BAD: u32 = 1 << 5;

/// What the access-description rules would find, for all of them in one walk of AIA and
/// SIA. Cached in the certificate.
fn access_facts(cert: &Certificate) -> u32 {
    cert.facts.access.get_or(|| {
        let (mut bits, mut cai_ok, mut repo_ok) = (0, false, false);
        for ad in aia(cert) {
            let cai = ad.method.is(&access::CA_ISSUERS);
            if cai || ad.method.is(&access::OCSP) {
                bits |= A_LOC;
                if matches!(ad.location, Ok(ref n) if !matches!(n, GeneralName::Uri(_))) {
                    bits |= A_LOC_BAD;
                }
            }
            if cai {
                bits |= A_CAI;
                cai_ok = cai_ok || is_http_or_ldap(cert, &ad.location);
            }
        }
        for ad in sia(cert).filter(|ad| ad.method.is(&access::CA_REPOSITORY)) {
            bits |= A_REPO;
            repo_ok = repo_ok || is_http_or_ldap(cert, &ad.location);
        }
        if bits & A_CAI != 0 && !cai_ok {
            bits |= A_CAI_BAD;
        }
        if bits & A_REPO != 0 && !repo_ok {
            bits |= A_REPO_BAD;
        }
        bits
    })
}

/// `rfc5280.aia_critical`
///
/// **What it checks**: authorityInfoAccess is not marked critical.
///
/// **Why it matters**: RFC 5280 §4.2.2.1 says conforming CAs MUST mark the extension
/// non-critical; it only tells relying parties where to find more information.
///
/// **Example**: a critical AIA fails; a non-critical one passes; no AIA is not applicable.
pub struct AiaCritical;

impl Rule for AiaCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.aia_critical", Source::Rfc5280, Severity::Error)
            .summary("authorityInfoAccess must not be critical")
            .citation("RFC 5280 §4.2.2.1")
            .effective(Time::ymd(1999, 1, 1))
            .needs(Need::Extension(&ext::AUTHORITY_INFO_ACCESS))
            .aliases(&[
                "zlint:e_ext_aia_marked_critical",
                "pkilint:pkix.authority_information_access_extension_critical",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&ext::AUTHORITY_INFO_ACCESS) {
            Some(e) => Outcome::check(!e.is_critical(), "authorityInfoAccess is marked critical"),
            None => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.sia_critical`
///
/// **What it checks**: subjectInfoAccess is not marked critical.
///
/// **Why it matters**: RFC 5280 §4.2.2.2 says conforming CAs MUST mark the extension
/// non-critical.
///
/// **Example**: a critical SIA fails; a non-critical one passes; no SIA is not applicable.
pub struct SiaCritical;

impl Rule for SiaCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.sia_critical", Source::Rfc5280, Severity::Error)
            .summary("subjectInfoAccess must not be critical")
            .citation("RFC 5280 §4.2.2.2")
            .effective(Time::ymd(2002, 4, 1))
            .needs(Need::Extension(&ext::SUBJECT_INFO_ACCESS))
            .aliases(&[
                "zlint:e_subject_info_access_marked_critical",
                "pkilint:pkix.subject_information_access_extension_critical",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&ext::SUBJECT_INFO_ACCESS) {
            Some(e) => Outcome::check(!e.is_critical(), "subjectInfoAccess is marked critical"),
            None => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.aia_access_location_not_uri`
///
/// **What it checks**: every id-ad-caIssuers and id-ad-ocsp access description of
/// authorityInfoAccess gives its location as a uniformResourceIdentifier.
///
/// **Why it matters**: RFC 5280 §4.2.2.1 expects a URI for HTTP, FTP and (SHOULD) LDAP
/// access to issuer certificates, and the OCSP responder location is a URI (RFC 6960
/// §3.1); other name forms are not fetchable by today's relying parties.
///
/// **Example**: a caIssuers directoryName warns; `http://ca.example.com/ca.crt` passes;
/// an AIA with neither access method is not applicable.
pub struct AiaAccessLocationNotUri;

impl Rule for AiaAccessLocationNotUri {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.aia_access_location_not_uri", Source::Rfc5280, Severity::Warn)
            .summary("AIA caIssuers and OCSP locations should be URIs")
            .citation("RFC 5280 §4.2.2.1; RFC 6960 §3.1")
            .needs(Need::Extension(&ext::AUTHORITY_INFO_ACCESS));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(access_facts(cert), A_LOC, A_LOC_BAD).unwrap_or_else(|| self.direct(cert))
    }
}

impl AiaAccessLocationNotUri {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        let items = aia(cert).filter(|ad| ad.method.is(&access::CA_ISSUERS) || ad.method.is(&access::OCSP));
        verdict(items, |ad| match ad.location {
            Ok(GeneralName::Uri(_)) | Err(_) => None,
            Ok(other) => {
                let m = if ad.method.is(&access::OCSP) { "id-ad-ocsp" } else { "id-ad-caIssuers" };
                Some(format!("authorityInfoAccess {m} location is a {}, not a URI", other.kind()))
            }
        })
    }
}

/// `rfc5280.aia_ca_issuers_no_http_or_ldap`
///
/// **What it checks**: when authorityInfoAccess has id-ad-caIssuers descriptions, at least
/// one location is an `http` or `ldap` URI.
///
/// **Why it matters**: RFC 5280 §4.2.2.1 says at least one caIssuers instance SHOULD
/// specify an HTTP or LDAP URI: those are what path builders fetch issuer certificates
/// with.
///
/// **Example**: a caIssuers with only an `ftp://` URI warns;
/// `http://ca.example.com/ca.crt` passes; an AIA without caIssuers is not applicable.
pub struct AiaCaIssuersNoHttpOrLdap;

impl Rule for AiaCaIssuersNoHttpOrLdap {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.aia_ca_issuers_no_http_or_ldap", Source::Rfc5280, Severity::Warn)
                .summary("AIA caIssuers should include an HTTP or LDAP URI")
                .citation("RFC 5280 §4.2.2.1")
                .effective(Time::ymd(2008, 5, 1))
                .needs(Need::Extension(&ext::AUTHORITY_INFO_ACCESS))
                .aliases(&["zlint:w_ext_aia_access_location_missing"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(access_facts(cert), A_CAI, A_CAI_BAD).unwrap_or_else(|| self.direct(cert))
    }
}

impl AiaCaIssuersNoHttpOrLdap {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        let mut any = false;
        for ad in aia(cert).filter(|ad| ad.method.is(&access::CA_ISSUERS)) {
            any = true;
            if is_http_or_ldap(cert, &ad.location) {
                return Outcome::Pass;
            }
        }
        if any {
            Outcome::fail("no authorityInfoAccess caIssuers location is an HTTP or LDAP URI")
        } else {
            Outcome::NotApplicable
        }
    }
}

/// `rfc5280.sia_ca_repository_no_http_or_ldap`
///
/// **What it checks**: when subjectInfoAccess has id-ad-caRepository descriptions, at
/// least one location is an `http` or `ldap` URI.
///
/// **Why it matters**: RFC 5280 §4.2.2.2 says at least one caRepository instance SHOULD
/// specify an HTTP or LDAP URI, so that relying parties can fetch the certificates the CA
/// issued.
///
/// **Example**: a caRepository with only a directoryName warns; an `ldap://` URI passes;
/// an SIA without caRepository is not applicable.
pub struct SiaCaRepositoryNoHttpOrLdap;

impl Rule for SiaCaRepositoryNoHttpOrLdap {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.sia_ca_repository_no_http_or_ldap", Source::Rfc5280, Severity::Warn)
                .summary("SIA caRepository should include an HTTP or LDAP URI")
                .citation("RFC 5280 §4.2.2.2")
                .needs(Need::Extension(&ext::SUBJECT_INFO_ACCESS));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(access_facts(cert), A_REPO, A_REPO_BAD).unwrap_or_else(|| self.direct(cert))
    }
}

impl SiaCaRepositoryNoHttpOrLdap {
    /// The verdict worked out from the certificate, for the message of a failure.
    fn direct(&self, cert: &Certificate) -> Outcome {
        let mut any = false;
        for ad in sia(cert).filter(|ad| ad.method.is(&access::CA_REPOSITORY)) {
            any = true;
            if is_http_or_ldap(cert, &ad.location) {
                return Outcome::Pass;
            }
        }
        if any {
            Outcome::fail("no subjectInfoAccess caRepository location is an HTTP or LDAP URI")
        } else {
            Outcome::NotApplicable
        }
    }
}

/// `rfc5280.ldap_uri_incomplete`
///
/// **What it checks**: every `ldap` URI in an AIA or SIA access location names the entry
/// (`<dn>`) and the attributes to read (`<attributes>`), and every `ldap` URI in a
/// fullName of cRLDistributionPoints or freshestCRL names the entry and exactly one
/// attribute.
///
/// **Why it matters**: RFC 5280 §4.2.2.1 and §4.2.2.2 say LDAP URIs MUST include a `<dn>`
/// and an `<attributes>` field listing the attributes that hold the certificates;
/// §4.2.1.13 says a CRL's LDAP URI MUST include a `<dn>` and a single `<attrdesc>`.
/// Without them the client does not know which entry or attribute to fetch.
///
/// **Example**: `ldap://dir.example/cn=CA,o=Example?cACertificate` passes;
/// `ldap://dir.example` and `ldap://dir.example/cn=CA` fail; a certificate without LDAP
/// URIs is not applicable.
pub struct LdapUriIncomplete;

impl Rule for LdapUriIncomplete {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.ldap_uri_incomplete", Source::Rfc5280, Severity::Error)
            .summary("LDAP URIs must name the entry and the attributes to read")
            .citation("RFC 5280 §4.2.1.13, §4.2.2.1, §4.2.2.2; RFC 4516 §2")
            .needs(Need::AnyOf(&[
                Need::Extension(&ext::AUTHORITY_INFO_ACCESS),
                Need::Extension(&ext::SUBJECT_INFO_ACCESS),
                Need::Extension(&ext::CRL_DISTRIBUTION_POINTS),
                Need::Extension(&ext::FRESHEST_CRL),
            ]))
            .aliases(&["pkilint:pkix.ldap_uri_not_validated"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        // No LDAP URL among these locations: nothing to check (see `uri_facts`).
        if uri_facts(cert) & uri_fact::LDAP == 0 {
            return Outcome::NotApplicable;
        }
        let access = aia(cert)
            .map(|ad| ("authorityInfoAccess", ad.location))
            .chain(sia(cert).map(|ad| ("subjectInfoAccess", ad.location)));
        let access = access.filter_map(|(l, loc)| match loc {
            Ok(GeneralName::Uri(u)) => Some((l, u, false)),
            _ => None,
        });
        let crldp = cert.crl_distribution_points().and_then(Result::ok).map(|e| ("cRLDistributionPoints", e.value));
        let fresh = cert.freshest_crl().and_then(Result::ok).map(|e| ("freshestCRL", e.value));
        let dps = crldp.into_iter().chain(fresh).flat_map(|(l, dps)| {
            dps.iter().flat_map(move |dp| {
                dp.full_name.into_iter().flat_map(|g| g.names()).filter_map(move |n| match n {
                    GeneralName::Uri(u) => Some((l, u, true)),
                    _ => None,
                })
            })
        });
        let items = access.chain(dps).filter_map(|(l, raw, crl)| {
            let ldap = parse_uri(raw).ok()?.ldap()?;
            Some((l, raw, crl, ldap))
        });
        verdict(items, |(l, raw, crl, ldap)| {
            let uri = lossy(raw);
            if ldap.dn.is_empty() {
                return Some(format!("{l} LDAP URI \"{uri}\" has no <dn>"));
            }
            match ldap.attributes {
                None => Some(format!("{l} LDAP URI \"{uri}\" has no <attributes>")),
                Some(a) if crl && a.contains(',') => {
                    Some(format!("{l} LDAP URI \"{uri}\" names more than one attribute for the CRL"))
                }
                Some(_) => None,
            }
        })
    }
}

/// `rfc5280.sia_timestamping_location_type`
///
/// **What it checks**: every id-ad-timeStamping access description of subjectInfoAccess
/// gives its location as a uniformResourceIdentifier, rfc822Name, dNSName or iPAddress.
///
/// **Why it matters**: RFC 5280 §4.2.2.2 defines the location of a time-stamping service
/// by protocol: a URI for HTTP or FTP, an rfc822Name for email, a dNSName or iPAddress
/// for TCP/IP. Any other form leaves clients no way to reach the service.
///
/// **Example**: `http://tsa.example.com/` passes; a directoryName fails; an SIA without
/// timeStamping is not applicable.
pub struct SiaTimestampingLocationType;

impl Rule for SiaTimestampingLocationType {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.sia_timestamping_location_type", Source::Rfc5280, Severity::Error)
                .summary("SIA timeStamping locations must be a URI, rfc822Name, dNSName or iPAddress")
                .citation("RFC 5280 §4.2.2.2")
                .needs(Need::Extension(&ext::SUBJECT_INFO_ACCESS));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let items = sia(cert).filter(|ad| ad.method.is(&access::TIME_STAMPING));
        verdict(items, |ad| match ad.location {
            Ok(
                GeneralName::Uri(_) | GeneralName::Rfc822Name(_) | GeneralName::DnsName(_) | GeneralName::IpAddress(_),
            )
            | Err(_) => None,
            Ok(other) => Some(format!("subjectInfoAccess id-ad-timeStamping location is a {}", other.kind())),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::san::testkit::*;
    use super::*;
    use crate::oid::ObjectIdentifier;
    use crate::testutil::{der::*, *};
    use crate::Status;
    use alloc::{vec, vec::Vec};

    fn ad(method: &ObjectIdentifier, location: &[u8]) -> Vec<u8> {
        seq(&[&oid(method), location])
    }

    fn with_aia(ads: &[Vec<u8>]) -> CertBuilder {
        CertBuilder::leaf().ext(&ext::AUTHORITY_INFO_ACCESS, false, &seq_vec(ads))
    }

    fn with_sia(ads: &[Vec<u8>]) -> CertBuilder {
        CertBuilder::sub_ca().ext(&ext::SUBJECT_INFO_ACCESS, false, &seq_vec(ads))
    }

    #[test]
    fn criticality() {
        assert_status(&AiaCritical, &CertBuilder::leaf(), Status::Pass);
        let b = CertBuilder::leaf().ext(
            &ext::AUTHORITY_INFO_ACCESS,
            true,
            &seq(&[&ad(&access::OCSP, &uri("http://o.example.com"))]),
        );
        assert_status(&AiaCritical, &b, Status::Error);
        assert_status(&AiaCritical, &CertBuilder::root(), Status::NotApplicable);
        dated(&AiaCritical, &b, (1999, 1, 1), Status::Error);

        let rep = ad(&access::CA_REPOSITORY, &uri("http://repo.example.com/"));
        assert_status(&SiaCritical, &with_sia(core::slice::from_ref(&rep)), Status::Pass);
        let b = CertBuilder::sub_ca().ext(&ext::SUBJECT_INFO_ACCESS, true, &seq(&[&rep]));
        assert_status(&SiaCritical, &b, Status::Error);
        assert_status(&SiaCritical, &CertBuilder::sub_ca(), Status::NotApplicable);
        dated(&SiaCritical, &b, (2002, 4, 1), Status::Error);
    }

    #[test]
    fn access_location_not_uri() {
        let r = &AiaAccessLocationNotUri;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        let b = with_aia(&[ad(&access::CA_ISSUERS, &dir(&issuer_name()))]);
        assert!(message(r, &b).contains("directoryName"));
        assert_status(r, &with_aia(&[ad(&access::OCSP, &dns("ocsp.example.com"))]), Status::Warn);
        assert_status(r, &with_aia(&[ad(&access::TIME_STAMPING, &dns("tsa.example.com"))]), Status::NotApplicable);
    }

    #[test]
    fn ca_issuers_http_or_ldap() {
        let r = &AiaCaIssuersNoHttpOrLdap;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        let b = with_aia(&[ad(&access::CA_ISSUERS, &uri("ftp://ca.example.com/ca.crt"))]);
        assert_status(r, &b, Status::Warn);
        let mixed = with_aia(&[
            ad(&access::CA_ISSUERS, &uri("ftp://ca.example.com/ca.crt")),
            ad(&access::CA_ISSUERS, &uri("ldap://dir.example.com/cn=CA?cACertificate")),
        ]);
        assert_status(r, &mixed, Status::Pass);
        assert_status(r, &with_aia(&[ad(&access::OCSP, &uri("http://o.example.com"))]), Status::NotApplicable);
        dated(r, &b, (2008, 5, 1), Status::Warn);
    }

    #[test]
    fn ca_repository_http_or_ldap() {
        let r = &SiaCaRepositoryNoHttpOrLdap;
        assert_status(r, &with_sia(&[ad(&access::CA_REPOSITORY, &uri("http://repo.example.com/"))]), Status::Pass);
        assert_status(r, &with_sia(&[ad(&access::CA_REPOSITORY, &dir(&issuer_name()))]), Status::Warn);
        assert_status(r, &CertBuilder::sub_ca(), Status::NotApplicable);
    }

    #[test]
    fn ldap_uris() {
        let r = &LdapUriIncomplete;
        let good = with_aia(&[ad(
            &access::CA_ISSUERS,
            &uri("ldap://dir.example.com/cn=CA,o=Example?cACertificate;binary,crossCertificatePair;binary"),
        )]);
        assert_status(r, &good, Status::Pass);
        assert!(message(r, &with_aia(&[ad(&access::CA_ISSUERS, &uri("ldap://dir.example.com"))])).contains("<dn>"));
        assert!(message(r, &with_aia(&[ad(&access::CA_ISSUERS, &uri("ldap://dir.example.com/cn=CA"))]))
            .contains("<attributes>"));
        assert_status(r, &with_sia(&[ad(&access::CA_REPOSITORY, &uri("ldap:///cn=CA?"))]), Status::Error);
        let dp = |u: &str| seq(&[&seq(&[&ctx_cons(0, &ctx_cons(0, &uri(u)))])]);
        let crl = |u: &str| CertBuilder::sub_ca().ext(&ext::CRL_DISTRIBUTION_POINTS, false, &dp(u));
        assert_status(r, &crl("ldap://dir.example.com/cn=CA?certificateRevocationList;binary"), Status::Pass);
        assert!(message(r, &crl("ldap://dir.example.com/cn=CA?a,b")).contains("more than one"));
        assert_status(r, &crl("ldap://dir.example.com/cn=CA"), Status::Error);
        assert_status(r, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn timestamping_location() {
        let r = &SiaTimestampingLocationType;
        let ok = with_sia(&[
            ad(&access::TIME_STAMPING, &uri("http://tsa.example.com/")),
            ad(&access::TIME_STAMPING, &email("tsa@example.com")),
            ad(&access::TIME_STAMPING, &dns("tsa.example.com")),
            ad(&access::TIME_STAMPING, &ip(&[192, 0, 2, 1])),
        ]);
        assert_status(r, &ok, Status::Pass);
        assert_status(r, &with_sia(&[ad(&access::TIME_STAMPING, &dir(&issuer_name()))]), Status::Error);
        assert_status(r, &with_sia(&[ad(&access::CA_REPOSITORY, &dir(&issuer_name()))]), Status::NotApplicable);
    }

    #[test]
    fn cached_access_facts_give_the_direct_verdicts() {
        let locations: Vec<Vec<u8>> = vec![
            uri("http://ca.example/ca.crt"),
            uri("ldap://dir.example/cn=CA?cACertificate"),
            uri("ftp://ca.example/ca.crt"),
            dir(&issuer_name()),
            ctx_prim(6, &[0xff]),
            ctx_prim(9, b""),
        ];
        let methods = [&access::CA_ISSUERS, &access::OCSP, &access::CA_REPOSITORY];
        let mut certs = vec![CertBuilder::leaf(), CertBuilder::sub_ca()];
        for m in methods {
            for l in &locations {
                let one = ad(m, l);
                certs.push(with_aia(core::slice::from_ref(&one)));
                certs.push(with_sia(core::slice::from_ref(&one)));
                let ftp = ad(m, &locations[2]);
                certs.push(with_aia(&[ftp.clone(), one.clone()]));
                certs.push(with_sia(&[ftp, one]));
            }
        }
        type Direct = (&'static dyn Rule, fn(&Certificate) -> Outcome);
        let rules: [Direct; 3] = [
            (&AiaAccessLocationNotUri, |c| AiaAccessLocationNotUri.direct(c)),
            (&AiaCaIssuersNoHttpOrLdap, |c| AiaCaIssuersNoHttpOrLdap.direct(c)),
            (&SiaCaRepositoryNoHttpOrLdap, |c| SiaCaRepositoryNoHttpOrLdap.direct(c)),
        ];
        let mut failures = [0; 3];
        for b in &certs {
            let cert = b.build();
            for (i, (rule, direct)) in rules.iter().enumerate() {
                let want = direct(&cert);
                failures[i] += usize::from(matches!(want, Outcome::Fail(_)));
                assert_eq!(rule.check(&cert, &Context::default()), want, "{}", rule.meta().id());
            }
        }
        assert!(failures.iter().all(|&n| n > 0), "{failures:?}");
    }
}
