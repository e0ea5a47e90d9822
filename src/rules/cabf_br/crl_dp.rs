//! CRL distribution points (TLS BR §7.1.2.11.2; BR 1.x §7.1.2.2(b), §7.1.2.3(b)).

use alloc::format;

use crate::cert::{DistributionPoint, DistributionPoints, GeneralName};
use crate::oid::{access, ext};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::cabf_br::aia::is_http;
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[
    &SubscriberRevocationInfoMissing,
    &CrldpUriNotHttp,
    &CrldpNameNotUri,
    &CrldpNoUrl,
    &CrldpRelativeName,
    &CrldpPointNameMissing,
    &CrldpReasonsPresent,
    &CrldpCrlIssuerPresent,
    &CrldpMultiplePoints,
];

fn crldp(cert: &Certificate) -> Option<DistributionPoints<'_>> {
    match cert.crl_distribution_points() {
        Some(Ok(e)) => Some(e.value),
        _ => None,
    }
}

/// Fails with `message(index)` on the first DistributionPoint matching `bad`.
fn each_point(
    cert: &Certificate,
    bad: impl Fn(&DistributionPoint<'_>) -> bool,
    message: impl Fn(usize) -> alloc::string::String,
) -> Outcome {
    let Some(dps) = crldp(cert) else { return Outcome::NotApplicable };
    match dps.iter().position(|dp| bad(&dp)) {
        Some(i) => Outcome::fail(message(i + 1)),
        None => Outcome::Pass,
    }
}

/// The short-lived limit in seconds for a certificate issued at `nb` (TLS BR §1.6.1).
fn short_lived_limit(nb: Time) -> i64 {
    if nb < Time::ymd(2026, 3, 15) {
        864_000
    } else {
        604_800
    }
}

/// `cabf_br.subscriber_revocation_info_missing`
///
/// **What it checks**: a subscriber certificate that is not short-lived (validity over
/// 10 days, or over 7 days from 2026-03-15) and has no id-ad-ocsp URL in its AIA carries
/// cRLDistributionPoints.
///
/// **Why it matters**: TLS BR §7.1.2.11.2 (ballot SC-063) requires CRLDP in such
/// certificates: without a CRL or OCSP pointer a relying party has no way to learn of a
/// revocation.
///
/// **Example**: a 90-day certificate without CRLDP and without an OCSP URL fails; with an
/// OCSP URL or a CRLDP it passes; a 7-day certificate passes without either; CAs are not
/// applicable.
pub struct SubscriberRevocationInfoMissing;

impl Rule for SubscriberRevocationInfoMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_revocation_info_missing", Source::CabfBr, Severity::Error)
                .summary("subscriber certificates that are not short-lived need a CRLDP or an OCSP URL")
                .citation("TLS BR §7.1.2.11.2; EVG §7.1.4.3")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(Time::ymd(2024, 3, 15))
                .aliases(&[
                    "zlint:e_missing_crl_distrib_point",
                    "pkilint:cabf.serverauth.subscriber.revocation_information_absent",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.has_extension(&crate::oid::ext::CRL_DISTRIBUTION_POINTS) {
            return Outcome::Pass;
        }
        let has_ocsp =
            matches!(cert.authority_info_access(), Some(Ok(a)) if a.value.iter().any(|d| d.method.is(&access::OCSP)));
        if has_ocsp {
            return Outcome::Pass;
        }
        let Ok(v) = cert.validity() else { return Outcome::NotApplicable };
        let limit = short_lived_limit(v.not_before.time);
        if v.seconds() <= limit {
            Outcome::Pass
        } else {
            Outcome::fail(format!(
                "no cRLDistributionPoints and no OCSP URL, and the validity period ({} s) exceeds the short-lived limit of {limit} s",
                v.seconds()
            ))
        }
    }
}

/// `cabf_br.crldp_uri_not_http`
///
/// **What it checks**: every URI in a distribution point's fullName has the `http` scheme.
///
/// **Why it matters**: TLS BR §7.1.2.11.2 requires HTTP URLs for CRLs, so that fetching
/// them needs neither TLS (itself subject to revocation) nor LDAP.
///
/// **Example**: `ldap://crl.example.com` or `https://...` fails; `http://...` passes; a
/// certificate without CRLDP is not applicable.
pub struct CrldpUriNotHttp;

impl Rule for CrldpUriNotHttp {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.crldp_uri_not_http", Source::CabfBr, Severity::Error)
            .summary("CRL distribution point URIs must use http")
            .citation("TLS BR §7.1.2.11.2")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2023, 9, 15))
            .needs(Need::Extension(&ext::CRL_DISTRIBUTION_POINTS))
            .aliases(&[
                "zlint:e_crl_distrib_points_not_http",
                "pkilint:cabf.serverauth.crldp_dpname_prohibited_uri_scheme",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(dps) = crldp(cert) else { return Outcome::NotApplicable };
        for dp in dps.iter() {
            for n in dp.full_name.iter().flat_map(|f| f.names()) {
                if let GeneralName::Uri(u) = n {
                    if !is_http(u) {
                        return Outcome::fail(format!(
                            "CRL distribution point \"{}\" is not an http URL",
                            u.escape_ascii()
                        ));
                    }
                }
            }
        }
        Outcome::Pass
    }
}

/// `cabf_br.crldp_name_not_uri`
///
/// **What it checks**: every GeneralName in a distribution point's fullName is a
/// uniformResourceIdentifier.
///
/// **Why it matters**: TLS BR §7.1.2.11.2 allows only HTTP URIs in fullName; a
/// directoryName or other form gives clients nothing to fetch.
///
/// **Example**: a fullName holding a directoryName fails; URIs only pass; a certificate
/// without CRLDP is not applicable.
pub struct CrldpNameNotUri;

impl Rule for CrldpNameNotUri {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.crldp_name_not_uri", Source::CabfBr, Severity::Error)
            .summary("CRLDP fullName entries must be URIs")
            .citation("TLS BR §7.1.2.11.2")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2023, 9, 15))
            .needs(Need::Extension(&ext::CRL_DISTRIBUTION_POINTS))
            .aliases(&["pkilint:cabf.serverauth.crldp_dpname_prohibited_generalname_type"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(dps) = crldp(cert) else { return Outcome::NotApplicable };
        for dp in dps.iter() {
            if let Some(n) = dp.full_name.iter().flat_map(|f| f.names()).find(|n| !matches!(n, GeneralName::Uri(_))) {
                return Outcome::fail(format!("CRL distribution point fullName holds a {}", n.kind()));
            }
        }
        Outcome::Pass
    }
}

/// `cabf_br.crldp_no_url`
///
/// **What it checks**: a cRLDistributionPoints extension in a subordinate CA or subscriber
/// certificate has at least one distribution point with a URI in its fullName.
///
/// **Why it matters**: BR 1.x §7.1.2.2(b) and §7.1.2.3(b) required the extension to hold
/// the HTTP URL of the CRL service; an extension that names no URL points nowhere.
///
/// **Example**: a CRLDP whose only point has a directoryName fails; one with an http URI
/// passes; a certificate without CRLDP is not applicable.
pub struct CrldpNoUrl;

impl Rule for CrldpNoUrl {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.crldp_no_url", Source::CabfBr, Severity::Error)
            .summary("a CRLDP extension must contain a URL")
            .citation("TLS BR v1.x §7.1.2.2(b), §7.1.2.3(b)")
            .scope(Scope::SUB_CA.union(Scope::TLS_SUBSCRIBER))
            .effective(Time::ymd(2012, 7, 1))
            .needs(Need::Extension(&ext::CRL_DISTRIBUTION_POINTS))
            .aliases(&[
                "zlint:e_sub_ca_crl_distribution_points_does_not_contain_url",
                "zlint:e_sub_cert_crl_distribution_points_does_not_contain_url",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(dps) = crldp(cert) else { return Outcome::NotApplicable };
        let has_uri =
            dps.iter().any(|dp| dp.full_name.iter().flat_map(|f| f.names()).any(|n| matches!(n, GeneralName::Uri(_))));
        Outcome::check(has_uri, "cRLDistributionPoints contains no URL")
    }
}

/// `cabf_br.crldp_relative_name`
///
/// **What it checks**: no distribution point uses the nameRelativeToCRLIssuer form.
///
/// **Why it matters**: TLS BR §7.1.2.11.2 requires the fullName form, holding HTTP URLs;
/// a relative name is a directory name clients cannot fetch.
///
/// **Example**: a distributionPoint `[1]` fails; `[0] fullName` passes; no CRLDP is not
/// applicable.
pub struct CrldpRelativeName;

impl Rule for CrldpRelativeName {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.crldp_relative_name", Source::CabfBr, Severity::Error)
            .summary("distribution point names must be fullName, not nameRelativeToCRLIssuer")
            .citation("TLS BR §7.1.2.11.2")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2023, 9, 15))
            .needs(Need::Extension(&ext::CRL_DISTRIBUTION_POINTS))
            .aliases(&["pkilint:cabf.serverauth.crldp_dpname_prohibited_field_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        each_point(
            cert,
            |dp| dp.relative_name.is_some(),
            |i| format!("distribution point {i} uses nameRelativeToCRLIssuer"),
        )
    }
}

/// `cabf_br.crldp_point_name_missing`
///
/// **What it checks**: every DistributionPoint carries the distributionPoint field.
///
/// **Why it matters**: TLS BR §7.1.2.11.2 makes distributionPoint MUST be present; a
/// DistributionPoint with only reasons or cRLIssuer does not say where the CRL is.
///
/// **Example**: a DistributionPoint with only cRLIssuer fails; one with fullName passes;
/// no CRLDP is not applicable.
pub struct CrldpPointNameMissing;

impl Rule for CrldpPointNameMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.crldp_point_name_missing", Source::CabfBr, Severity::Error)
            .summary("every DistributionPoint must carry distributionPoint")
            .citation("TLS BR §7.1.2.11.2")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2023, 9, 15))
            .needs(Need::Extension(&ext::CRL_DISTRIBUTION_POINTS));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        each_point(
            cert,
            |dp| dp.full_name.is_none() && dp.relative_name.is_none(),
            |i| format!("distribution point {i} has no distributionPoint field"),
        )
    }
}

/// `cabf_br.crldp_reasons_present`
///
/// **What it checks**: no DistributionPoint carries the reasons field.
///
/// **Why it matters**: TLS BR §7.1.2.11.2 says reasons MUST NOT be present: the CRL at
/// each point must cover every revocation reason, with no partitioned CRLs.
///
/// **Example**: a DistributionPoint with `[1] reasons` fails; without it passes; no CRLDP
/// is not applicable.
pub struct CrldpReasonsPresent;

impl Rule for CrldpReasonsPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.crldp_reasons_present", Source::CabfBr, Severity::Error)
            .summary("DistributionPoints must not carry reasons")
            .citation("TLS BR §7.1.2.11.2")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2023, 9, 15))
            .needs(Need::Extension(&ext::CRL_DISTRIBUTION_POINTS))
            .aliases(&["pkilint:cabf.serverauth.crldp_dp_prohibited_field_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        each_point(cert, |dp| dp.reasons.is_some(), |i| format!("distribution point {i} carries reasons"))
    }
}

/// `cabf_br.crldp_crl_issuer_present`
///
/// **What it checks**: no DistributionPoint carries the cRLIssuer field.
///
/// **Why it matters**: TLS BR §7.1.2.11.2 says cRLIssuer MUST NOT be present: indirect
/// CRLs, signed by someone other than the issuing CA, are not allowed.
///
/// **Example**: a DistributionPoint with `[2] cRLIssuer` fails; without it passes; no
/// CRLDP is not applicable.
pub struct CrldpCrlIssuerPresent;

impl Rule for CrldpCrlIssuerPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.crldp_crl_issuer_present", Source::CabfBr, Severity::Error)
            .summary("DistributionPoints must not carry cRLIssuer")
            .citation("TLS BR §7.1.2.11.2")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2023, 9, 15))
            .needs(Need::Extension(&ext::CRL_DISTRIBUTION_POINTS))
            .aliases(&[
                "zlint:e_crlissuer_must_not_be_present_in_cdp",
                "pkilint:cabf.serverauth.crldp_dp_prohibited_field_present",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        each_point(cert, |dp| dp.crl_issuer.is_some(), |i| format!("distribution point {i} carries cRLIssuer"))
    }
}

/// `cabf_br.crldp_multiple_points`
///
/// **What it checks**: cRLDistributionPoints holds a single DistributionPoint.
///
/// **Why it matters**: TLS BR §7.1.2.11.2 says containing more than one is NOT
/// RECOMMENDED: clients use the first and the CA must keep every one current.
///
/// **Example**: two DistributionPoints warn; one passes; no CRLDP is not applicable.
pub struct CrldpMultiplePoints;

impl Rule for CrldpMultiplePoints {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.crldp_multiple_points", Source::CabfBr, Severity::Warn)
            .summary("CRLDP should contain a single DistributionPoint")
            .citation("TLS BR §7.1.2.11.2")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2023, 9, 15))
            .needs(Need::Extension(&ext::CRL_DISTRIBUTION_POINTS))
            .aliases(&["pkilint:cabf.serverauth.crldp_multiple_distributionpoints_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(dps) = crldp(cert) else { return Outcome::NotApplicable };
        match dps.iter().count() {
            0 | 1 => Outcome::Pass,
            n => Outcome::fail(format!("cRLDistributionPoints holds {n} DistributionPoints")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::ext;
    use crate::testutil::{der::*, *};
    use crate::time::DAY;
    use crate::Status;
    use alloc::vec::Vec;

    fn full_uri(u: &str) -> Vec<u8> {
        ctx_cons(0, &ctx_cons(0, &ctx_prim(6, u.as_bytes())))
    }

    fn sub(points: &[Vec<u8>]) -> CertBuilder {
        CertBuilder::sub_ca().not_before(Time::ymd(2024, 1, 1)).ext(
            &ext::CRL_DISTRIBUTION_POINTS,
            false,
            &seq_vec(points),
        )
    }

    fn dp(parts: &[&[u8]]) -> Vec<u8> {
        seq(parts)
    }

    #[test]
    fn revocation_info() {
        let nb = Time::ymd(2024, 3, 15);
        let leaf = |days: i64, nb: Time| {
            CertBuilder::leaf()
                .without_ext(&ext::AUTHORITY_INFO_ACCESS)
                .validity(nb, Time::from_unix(nb.unix() + days * DAY - 1))
        };
        assert_status(&SubscriberRevocationInfoMissing, &leaf(90, nb), Status::Error);
        assert_status(&SubscriberRevocationInfoMissing, &leaf(10, nb), Status::Pass);
        assert_status(&SubscriberRevocationInfoMissing, &leaf(11, nb), Status::Error);
        let late = Time::ymd(2026, 3, 15);
        assert_status(&SubscriberRevocationInfoMissing, &leaf(7, late), Status::Pass);
        assert_status(&SubscriberRevocationInfoMissing, &leaf(8, late), Status::Error);
        assert_status(&SubscriberRevocationInfoMissing, &leaf(10, Time::ymd(2026, 3, 14)), Status::Pass);
        assert_status(&SubscriberRevocationInfoMissing, &CertBuilder::leaf().not_before(nb), Status::Pass);
        let with_crl = leaf(90, nb).ext(
            &ext::CRL_DISTRIBUTION_POINTS,
            false,
            &seq(&[&dp(&[&full_uri("http://c.example.com/c.crl")])]),
        );
        assert_status(&SubscriberRevocationInfoMissing, &with_crl, Status::Pass);
        assert_status(&SubscriberRevocationInfoMissing, &leaf(90, Time::ymd(2024, 3, 14)), Status::NotEffective);
        assert_status(&SubscriberRevocationInfoMissing, &CertBuilder::sub_ca(), Status::NotApplicable);
    }

    #[test]
    fn uri_rules() {
        let ok = sub(&[dp(&[&full_uri("http://c.example.com/c.crl")])]);
        let ldap = sub(&[dp(&[&full_uri("ldap://c.example.com/c.crl")])]);
        assert_status(&CrldpUriNotHttp, &ok, Status::Pass);
        assert_status(&CrldpUriNotHttp, &ldap, Status::Error);
        let (_, msg) = finding(&CrldpUriNotHttp, &ldap.build(), &Context::default());
        assert_eq!(msg, "CRL distribution point \"ldap://c.example.com/c.crl\" is not an http URL");
        assert_status(&CrldpUriNotHttp, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&CrldpUriNotHttp, &ldap.clone().not_before(Time::ymd(2023, 9, 14)), Status::NotEffective);
        assert_status(&CrldpUriNotHttp, &ldap.not_before(Time::ymd(2023, 9, 15)), Status::Error);

        let dir = ctx_cons(0, &ctx_cons(0, &ctx_cons(4, &issuer_name())));
        let dir_only = sub(&[dp(&[&dir])]);
        assert_status(&CrldpNameNotUri, &ok, Status::Pass);
        assert_status(&CrldpNameNotUri, &dir_only, Status::Error);
        let (_, msg) = finding(&CrldpNameNotUri, &dir_only.build(), &Context::default());
        assert_eq!(msg, "CRL distribution point fullName holds a directoryName");
        assert_status(&CrldpNameNotUri, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&CrldpNameNotUri, &dir_only.clone().not_before(Time::ymd(2023, 9, 14)), Status::NotEffective);

        assert_status(&CrldpNoUrl, &ok, Status::Pass);
        assert_status(&CrldpNoUrl, &dir_only, Status::Error);
        assert_status(&CrldpNoUrl, &dir_only.clone().not_before(Time::ymd(2012, 6, 30)), Status::NotEffective);
        assert_status(&CrldpNoUrl, &dir_only.not_before(Time::ymd(2012, 7, 1)), Status::Error);
        assert_status(&CrldpNoUrl, &CertBuilder::leaf(), Status::NotApplicable);
        let root_no_url = CertBuilder::root().ext(&ext::CRL_DISTRIBUTION_POINTS, false, &seq(&[&dp(&[&dir])]));
        assert_status(&CrldpNoUrl, &root_no_url, Status::NotApplicable);
    }

    #[test]
    fn fields() {
        let ok = sub(&[dp(&[&full_uri("http://c.example.com/c.crl")])]);
        let rel = sub(&[dp(&[&ctx_cons(
            0,
            &ctx_cons(1, &set(&[&seq(&[&oid(&crate::oid::attr::COMMON_NAME), &tlv(tag::UTF8_STRING, b"x")])])),
        )])]);
        assert_status(&CrldpRelativeName, &ok, Status::Pass);
        assert_status(&CrldpRelativeName, &rel, Status::Error);
        assert_status(&CrldpRelativeName, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&CrldpRelativeName, &rel.clone().not_before(Time::ymd(2023, 9, 14)), Status::NotEffective);

        let issuer_only = sub(&[dp(&[&ctx_cons(2, &ctx_cons(4, &issuer_name()))])]);
        assert_status(&CrldpPointNameMissing, &ok, Status::Pass);
        assert_status(&CrldpPointNameMissing, &issuer_only, Status::Error);
        let (_, msg) = finding(&CrldpPointNameMissing, &issuer_only.build(), &Context::default());
        assert_eq!(msg, "distribution point 1 has no distributionPoint field");
        assert_status(&CrldpPointNameMissing, &CertBuilder::root(), Status::NotApplicable);
        assert_status(
            &CrldpPointNameMissing,
            &issuer_only.clone().not_before(Time::ymd(2023, 9, 14)),
            Status::NotEffective,
        );

        assert_status(&CrldpCrlIssuerPresent, &ok, Status::Pass);
        assert_status(&CrldpCrlIssuerPresent, &issuer_only, Status::Error);
        assert_status(&CrldpCrlIssuerPresent, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&CrldpCrlIssuerPresent, &issuer_only.not_before(Time::ymd(2023, 9, 14)), Status::NotEffective);

        let reasons = sub(&[dp(&[&full_uri("http://c.example.com/c.crl"), &ctx_prim(1, &[7, 0x80])])]);
        assert_status(&CrldpReasonsPresent, &ok, Status::Pass);
        assert_status(&CrldpReasonsPresent, &reasons, Status::Error);
        assert_status(&CrldpReasonsPresent, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&CrldpReasonsPresent, &reasons.not_before(Time::ymd(2023, 9, 14)), Status::NotEffective);

        let two =
            sub(&[dp(&[&full_uri("http://a.example.com/c.crl")]), dp(&[&full_uri("http://b.example.com/c.crl")])]);
        assert_status(&CrldpMultiplePoints, &ok, Status::Pass);
        assert_status(&CrldpMultiplePoints, &two, Status::Warn);
        assert_status(&CrldpMultiplePoints, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&CrldpMultiplePoints, &two.clone().not_before(Time::ymd(2023, 9, 14)), Status::NotEffective);
        assert_status(&CrldpMultiplePoints, &two.not_before(Time::ymd(2023, 9, 15)), Status::Warn);
    }
}
