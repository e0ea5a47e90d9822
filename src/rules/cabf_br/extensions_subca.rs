//! Subordinate CA extensions (TLS BR §7.1.2.2 to §7.1.2.6): CRL DP, AIA, EKU presence.

use crate::cert_type::{CertType, Scope};
use crate::oid::{access, attr, ext};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context};

use super::profile::{self, SC62, SUBCA};

pub(crate) static RULES: &[&dyn Rule] = &[
    &SubcaCrlDistributionPointsMissing,
    &SubcaAiaMissing,
    &SubcaAiaCaIssuersMissing,
    &SubcaEkuMissing,
    &CrossEkuMissing,
];

/// `cabf_br.subca_crl_distribution_points_missing`
///
/// **What it checks**: a subordinate CA certificate carries cRLDistributionPoints.
///
/// **Why it matters**: TLS BR §7.1.2.11.2 requires the extension in every subordinate CA
/// certificate: CAs are revoked through their issuer's CRL, and clients need to know
/// where it is.
///
/// **Example**: a TLS subordinate CA without CRL DP fails; with it passes; roots are not
/// applicable.
pub struct SubcaCrlDistributionPointsMissing;

impl Rule for SubcaCrlDistributionPointsMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subca_crl_distribution_points_missing", Source::CabfBr, Severity::Error)
                .summary("subordinate CA certificates must contain cRLDistributionPoints")
                .citation("TLS BR §7.1.2.11.2")
                .scope(SUBCA)
                .effective(Time::ymd(2012, 7, 1))
                .aliases(&[
                    "zlint:e_sub_ca_crl_distribution_points_missing",
                    "pkilint:cabf.serverauth.ca.crl_distribution_points_extension_absent",
                    "pkilint:cabf.serverauth.cross_ca.crl_distribution_points_extension_absent",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_present(cert, &ext::CRL_DISTRIBUTION_POINTS, "the subordinate CA has no cRLDistributionPoints")
    }
}

/// `cabf_br.subca_aia_missing`
///
/// **What it checks**: a subordinate CA certificate carries authorityInformationAccess;
/// an error for certificates issued before 2020-08-20, a warning from then on.
///
/// **Why it matters**: BR 1.x (§7.1.2.2(c)) required AIA in subordinate CAs; ballot
/// SC-31 (effective 2020-08-20) and the current profiles (§7.1.2.2.3 to §7.1.2.6.1) made
/// it SHOULD. Without it clients cannot fetch a missing issuer or check revocation by
/// OCSP.
///
/// **Example**: a subordinate CA from 2025 without AIA warns, one from 2019 is an error;
/// with AIA passes; roots are not applicable.
pub struct SubcaAiaMissing;

impl Rule for SubcaAiaMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subca_aia_missing", Source::CabfBr, Severity::Warn)
            .summary("subordinate CA certificates should contain authorityInformationAccess")
            .citation("TLS BR §7.1.2.2.3-§7.1.2.6.1; v1.x §7.1.2.2(c)")
            .scope(SUBCA)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&[
                "zlint:e_sub_ca_aia_missing",
                "zlint:w_sub_ca_aia_missing",
                "pkilint:cabf.serverauth.ca.authority_info_access_extension_absent",
                "pkilint:cabf.serverauth.cross_ca.authority_info_access_extension_absent",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.has_extension(&ext::AUTHORITY_INFO_ACCESS) {
            return Outcome::Pass;
        }
        if cert.not_before().is_some_and(|nb| nb < Time::ymd(2020, 8, 20)) {
            Outcome::fail_as(Severity::Error, "the subordinate CA has no authorityInformationAccess")
        } else {
            Outcome::fail("the subordinate CA has no authorityInformationAccess")
        }
    }
}

/// `cabf_br.subca_aia_ca_issuers_missing`
///
/// **What it checks**: in subordinate CAs issued under BR 1.x (before 2023-09-15), an AIA
/// extension contains an id-ad-caIssuers entry.
///
/// **Why it matters**: BR 1.x §7.1.2.2(c) said the AIA of a subordinate CA SHOULD point
/// to the issuing CA's certificate, so that clients can complete the chain. The BR 2.x
/// profiles (§7.1.2.10.3) make caIssuers optional.
///
/// **Example**: an AIA with only id-ad-ocsp warns; with id-ad-caIssuers passes; no AIA
/// is not applicable; a CA issued from 2023-09-15 is not effective.
pub struct SubcaAiaCaIssuersMissing;

impl Rule for SubcaAiaCaIssuersMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subca_aia_ca_issuers_missing", Source::CabfBr, Severity::Warn)
            .summary("under BR 1.x, a subordinate CA's AIA should contain a caIssuers URL")
            .citation("TLS BR v1.x §7.1.2.2(c)")
            .scope(SUBCA)
            .effective(Time::ymd(2012, 7, 1))
            .ineffective(SC62)
            .needs(Need::Extension(&ext::AUTHORITY_INFO_ACCESS))
            .aliases(&["zlint:w_sub_ca_aia_does_not_contain_issuing_ca_url"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.authority_info_access() {
            Some(Ok(aia)) => Outcome::check(
                aia.value.iter().any(|d| d.method.is(&access::CA_ISSUERS)),
                "the subordinate CA's authorityInformationAccess has no id-ad-caIssuers entry",
            ),
            _ => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.subca_eku_missing`
///
/// **What it checks**: a subordinate CA of a non-cross-certified kind carries
/// extKeyUsage; an error for certificates issued from 2019-01-01, a notice before.
///
/// **Why it matters**: the non-TLS constrained (§7.1.2.3.1), precertificate signing
/// (§7.1.2.4.1), constrained TLS (§7.1.2.5.1) and TLS CA (§7.1.2.6.1) profiles list
/// extKeyUsage as MUST; Mozilla policy §5.3 has required it of new intermediates since
/// 2019 and Apple too. Detection types an EKU-less CA as cross-certified (the only
/// profile that may omit it), so this rule speaks when the caller gives the type;
/// `cabf_br.cross_eku_missing` covers the detected case.
///
/// **Example**: a CA given as `subca_tls` without extKeyUsage fails; with it passes; a
/// cross-certified CA is not applicable.
pub struct SubcaEkuMissing;

impl Rule for SubcaEkuMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subca_eku_missing", Source::CabfBr, Severity::Error)
            .summary("subordinate CA certificates other than cross-certificates must contain extKeyUsage")
            .citation("TLS BR §7.1.2.3.1, §7.1.2.4.1, §7.1.2.5.1, §7.1.2.6.1; MRSP §5.3; Apple RPP §1.7")
            .scope(
                Scope::of(CertType::SubCaTcNonTls)
                    .with(CertType::SubCaPrecertSigning)
                    .with(CertType::SubCaTcTls)
                    .with(CertType::SubCaTls),
            )
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&[
                "zlint:n_sub_ca_eku_missing",
                "zlint:n_mp_allowed_eku",
                "pkilint:cabf.serverauth.ca.extended_key_usage_extension_absent",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.has_extension(&ext::EXT_KEY_USAGE) {
            return Outcome::Pass;
        }
        if cert.not_before().is_some_and(|nb| nb < Time::ymd(2019, 1, 1)) {
            Outcome::fail_as(Severity::Notice, "the subordinate CA has no extKeyUsage")
        } else {
            Outcome::fail("the subordinate CA has no extKeyUsage")
        }
    }
}

/// `cabf_br.cross_eku_missing`
///
/// **What it checks**: a cross-certified subordinate CA carries extKeyUsage. A warning,
/// or an error when the issuer's organizationName differs from the subject's (a sign of
/// an unaffiliated cross-certificate) or the certificate was issued from 2026-08-01.
///
/// **Why it matters**: TLS BR §7.1.2.2.3 makes extKeyUsage SHOULD for affiliated
/// cross-certificates and MUST (restricted) for all others; Apple's root program requires
/// it of every CA certificate issued from 2026-08-01. An unrestricted cross-certificate
/// extends the issuer's trust to every purpose of the subject CA.
///
/// **Example**: a cross-certificate without EKU between two CAs of the same organization
/// warns, between different organizations is an error; with EKU passes; TLS subordinate
/// CAs are not applicable.
pub struct CrossEkuMissing;

impl Rule for CrossEkuMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.cross_eku_missing", Source::CabfBr, Severity::Warn)
            .summary("cross-certificates should contain extKeyUsage, and must when unaffiliated")
            .citation("TLS BR §7.1.2.2.3; MRSP §5.3; Apple RPP §1.7")
            .scope(Scope::of(CertType::SubCaCrossCertified))
            .effective(SC62)
            .aliases(&[
                "pkilint:cabf.serverauth.cross_ca.extended_key_usage_extension_absent",
                "zlint:n_mp_allowed_eku",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.has_extension(&ext::EXT_KEY_USAGE) {
            return Outcome::Pass;
        }
        let issuer_o = cert.issuer().ok().and_then(|n| n.first(&attr::ORGANIZATION)).map(|a| a.value);
        let subject_o = cert.subject().ok().and_then(|n| n.first(&attr::ORGANIZATION)).map(|a| a.value);
        let unaffiliated = issuer_o != subject_o;
        if unaffiliated {
            Outcome::fail_as(
                Severity::Error,
                "the cross-certificate has no extKeyUsage and its issuer and subject organizations differ",
            )
        } else if cert.not_before().is_some_and(|nb| nb >= Time::ymd(2026, 8, 1)) {
            Outcome::fail_as(Severity::Error, "the cross-certificate issued from 2026-08-01 has no extKeyUsage")
        } else {
            Outcome::fail("the cross-certificate has no extKeyUsage")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::profile::test_support::*;
    use super::*;
    use crate::testutil::{der::*, *};
    use crate::Status;

    fn day_before(b: &CertBuilder, t: Time) -> CertBuilder {
        b.clone().not_before(Time::from_unix(t.unix() - 86_400))
    }

    const D2012: Time = Time::ymd(2012, 7, 1);

    #[test]
    fn crldp() {
        assert_status(&SubcaCrlDistributionPointsMissing, &CertBuilder::sub_ca(), Status::Pass);
        let b = CertBuilder::sub_ca().without_ext(&ext::CRL_DISTRIBUTION_POINTS);
        assert_status(&SubcaCrlDistributionPointsMissing, &b, Status::Error);
        assert_status(&SubcaCrlDistributionPointsMissing, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&SubcaCrlDistributionPointsMissing, &day_before(&b, D2012), Status::NotEffective);
        assert_status(&SubcaCrlDistributionPointsMissing, &b.not_before(D2012), Status::Error);
    }

    #[test]
    fn aia() {
        assert_status(&SubcaAiaMissing, &CertBuilder::sub_ca(), Status::Pass);
        let b = CertBuilder::sub_ca().without_ext(&ext::AUTHORITY_INFO_ACCESS);
        assert_status(&SubcaAiaMissing, &b, Status::Warn);
        let sc31 = Time::ymd(2020, 8, 20);
        assert_status(&SubcaAiaMissing, &b.clone().not_before(sc31), Status::Warn);
        assert_status(&SubcaAiaMissing, &day_before(&b, sc31), Status::Error);
        assert_status(&SubcaAiaMissing, &day_before(&b, D2012), Status::NotEffective);
        assert_status(&SubcaAiaMissing, &b.not_before(D2012), Status::Error);
        assert_status(&SubcaAiaMissing, &CertBuilder::root(), Status::NotApplicable);
    }

    #[test]
    fn aia_ca_issuers() {
        let old = |b: CertBuilder| b.not_before(Time::ymd(2020, 1, 1));
        assert_status(&SubcaAiaCaIssuersMissing, &old(CertBuilder::sub_ca()), Status::Pass);
        let ocsp_only = seq(&[&seq(&[&oid(&access::OCSP), &ctx_prim(6, b"http://ocsp.example.com")])]);
        let b = old(CertBuilder::sub_ca().ext(&ext::AUTHORITY_INFO_ACCESS, false, &ocsp_only));
        assert_status(&SubcaAiaCaIssuersMissing, &b, Status::Warn);
        let none = old(CertBuilder::sub_ca().without_ext(&ext::AUTHORITY_INFO_ACCESS));
        assert_status(&SubcaAiaCaIssuersMissing, &none, Status::NotApplicable);
        assert_status(&SubcaAiaCaIssuersMissing, &day_before(&b, D2012), Status::NotEffective);
        assert_status(&SubcaAiaCaIssuersMissing, &b.clone().not_before(D2012), Status::Warn);
        assert_status(&SubcaAiaCaIssuersMissing, &day_before(&b, SC62), Status::Warn);
        assert_status(&SubcaAiaCaIssuersMissing, &b.not_before(SC62), Status::NotEffective);
    }

    #[test]
    fn subca_eku() {
        let t = CertType::SubCaTls;
        assert_typed(&SubcaEkuMissing, &CertBuilder::sub_ca(), t, Status::Pass);
        let b = CertBuilder::sub_ca().without_ext(&ext::EXT_KEY_USAGE);
        assert_typed(&SubcaEkuMissing, &b, t, Status::Error);
        let mozilla = Time::ymd(2019, 1, 1);
        assert_typed(&SubcaEkuMissing, &b.clone().not_before(mozilla), t, Status::Error);
        assert_typed(&SubcaEkuMissing, &day_before(&b, mozilla), t, Status::Notice);
        assert_typed(&SubcaEkuMissing, &day_before(&b, D2012), t, Status::NotEffective);
        assert_typed(&SubcaEkuMissing, &b.clone().not_before(D2012), t, Status::Notice);
        // Detected as cross-certified: not applicable.
        assert_status(&SubcaEkuMissing, &b, Status::NotApplicable);
    }

    #[test]
    fn cross_eku() {
        // Same organization (Example CA) on both sides.
        let b = CertBuilder::sub_ca().without_ext(&ext::EXT_KEY_USAGE);
        assert_status(&CrossEkuMissing, &b, Status::Warn);
        let apple = Time::ymd(2026, 8, 1);
        assert_status(&CrossEkuMissing, &day_before(&b, apple), Status::Warn);
        assert_status(&CrossEkuMissing, &b.clone().not_before(apple), Status::Error);
        assert_status(&CrossEkuMissing, &day_before(&b, SC62), Status::NotEffective);
        assert_status(&CrossEkuMissing, &b.clone().not_before(SC62), Status::Warn);
        let mut other = b.clone();
        other.issuer = name(&[
            (&attr::COUNTRY, tag::PRINTABLE_STRING, "US"),
            (&attr::ORGANIZATION, tag::UTF8_STRING, "Other Trust Services"),
            (&attr::COMMON_NAME, tag::UTF8_STRING, "Other Root"),
        ]);
        assert_status(&CrossEkuMissing, &other, Status::Error);
        assert!(message(&CrossEkuMissing, &other).contains("organizations differ"));
        let any = sub_ca_eku(Some(&[&crate::oid::eku::ANY]));
        assert_status(&CrossEkuMissing, &any, Status::Pass);
        assert_status(&CrossEkuMissing, &CertBuilder::sub_ca(), Status::NotApplicable);
    }
}
