//! Extension criticality per the TLS BR §7.1.2 profile tables ("Critical" column).

use crate::cert_type::Scope;
use crate::oid::ext;
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context};

use super::profile::{self, must_not_be_critical, BR_ALL, CA, OCSP, SC62, SUBCA};

pub(crate) static RULES: &[&dyn Rule] = &[
    &AiaCritical,
    &AkiCritical,
    &CertificatePoliciesCritical,
    &CrlDistributionPointsCritical,
    &EkuCritical,
    &SctListCritical,
    &SkiCritical,
    &BasicConstraintsNotCritical,
    &KeyUsageNotCritical,
    &NameConstraintsNotCritical,
    &OcspNocheckCritical,
];

const PROFILED: Scope = CA.union(Scope::TLS_SUBSCRIBER).union(OCSP);

/// `cabf_br.aia_critical`
///
/// **What it checks**: authorityInformationAccess is not marked critical.
///
/// **Why it matters**: every TLS BR profile that lists the extension (§7.1.2.2.3 to
/// §7.1.2.8.2) marks it non-critical, and RFC 5280 §4.2.2.1 asks the same: a client that
/// cannot fetch issuers or OCSP must still be able to process the certificate.
///
/// **Example**: a subscriber certificate with a critical AIA fails; a non-critical one
/// passes; a certificate without AIA is not applicable.
pub struct AiaCritical;

impl Rule for AiaCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.aia_critical", Source::CabfBr, Severity::Error)
            .summary("authorityInformationAccess must not be critical")
            .citation("TLS BR §7.1.2.1.2-§7.1.2.8.2")
            .scope(BR_ALL)
            .effective(Time::ymd(2012, 7, 1))
            .needs(Need::Extension(&ext::AUTHORITY_INFO_ACCESS))
            .aliases(&[
                "zlint:e_sub_ca_aia_marked_critical",
                "zlint:e_sub_cert_aia_marked_critical",
                "pkilint:cabf.serverauth.ca.critical_authority_info_access_extension",
                "pkilint:cabf.serverauth.subscriber.critical_authority_info_access_extension",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        must_not_be_critical(cert, &ext::AUTHORITY_INFO_ACCESS, "authorityInformationAccess is marked critical")
    }
}

/// `cabf_br.aki_critical`
///
/// **What it checks**: authorityKeyIdentifier is not marked critical.
///
/// **Why it matters**: the TLS BR profile tables (§7.1.2.1.2 to §7.1.2.8.2) list the
/// extension as non-critical, as RFC 5280 §4.2.1.1 requires.
///
/// **Example**: a critical AKI fails; a non-critical AKI passes; a certificate without
/// AKI is not applicable.
pub struct AkiCritical;

impl Rule for AkiCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.aki_critical", Source::CabfBr, Severity::Error)
            .summary("authorityKeyIdentifier must not be critical")
            .citation("TLS BR §7.1.2 profile tables")
            .scope(BR_ALL)
            .effective(SC62)
            .needs(Need::Extension(&ext::AUTHORITY_KEY_IDENTIFIER))
            .aliases(&[
                "pkilint:cabf.serverauth.ca.critical_authority_key_identifier_extension",
                "pkilint:cabf.serverauth.subscriber.critical_authority_key_identifier_extension",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        must_not_be_critical(cert, &ext::AUTHORITY_KEY_IDENTIFIER, "authorityKeyIdentifier is marked critical")
    }
}

/// `cabf_br.certificate_policies_critical`
///
/// **What it checks**: certificatePolicies is not marked critical; an error for
/// certificates issued from 2023-09-15, a warning before.
///
/// **Why it matters**: the BR 2.x profile tables mark the extension non-critical (MUST);
/// BR 1.x said it SHOULD NOT be critical. A critical policy extension makes clients that
/// do not process policies reject the certificate.
///
/// **Example**: a subordinate CA issued in 2024 with a critical certificatePolicies is an
/// error, one issued in 2020 a warning; non-critical passes; no extension is not
/// applicable.
pub struct CertificatePoliciesCritical;

impl Rule for CertificatePoliciesCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.certificate_policies_critical", Source::CabfBr, Severity::Error)
            .summary("certificatePolicies must not be critical")
            .citation("TLS BR §7.1.2 profile tables; v1.x §7.1.2.2(a), §7.1.2.3(a)")
            .scope(PROFILED)
            .effective(Time::ymd(2012, 7, 1))
            .needs(Need::Extension(&ext::CERTIFICATE_POLICIES))
            .aliases(&[
                "zlint:w_sub_ca_certificate_policies_marked_critical",
                "zlint:w_sub_cert_certificate_policies_marked_critical",
                "pkilint:cabf.serverauth.ca.critical_certificate_policies_extension",
                "pkilint:cabf.serverauth.subscriber.critical_certificate_policies_extension",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&ext::CERTIFICATE_POLICIES) {
            Some(e) if e.is_critical() => {
                if cert.not_before().is_some_and(|nb| nb < SC62) {
                    Outcome::fail_as(Severity::Warn, "certificatePolicies is marked critical")
                } else {
                    Outcome::fail("certificatePolicies is marked critical")
                }
            }
            Some(_) => Outcome::Pass,
            None => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.crl_distribution_points_critical`
///
/// **What it checks**: cRLDistributionPoints is not marked critical.
///
/// **Why it matters**: every TLS BR profile that lists the extension marks it
/// non-critical (§7.1.2 tables, §7.1.2.11.2), so that clients that do not fetch CRLs can
/// still use the certificate.
///
/// **Example**: a subordinate CA with a critical CRL DP fails; non-critical passes; no
/// extension is not applicable.
pub struct CrlDistributionPointsCritical;

impl Rule for CrlDistributionPointsCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.crl_distribution_points_critical", Source::CabfBr, Severity::Error)
                .summary("cRLDistributionPoints must not be critical")
                .citation("TLS BR §7.1.2 profile tables")
                .scope(BR_ALL)
                .effective(Time::ymd(2012, 7, 1))
                .needs(Need::Extension(&ext::CRL_DISTRIBUTION_POINTS))
                .aliases(&[
                    "zlint:e_sub_ca_crl_distribution_points_marked_critical",
                    "zlint:e_sub_cert_crl_distribution_points_marked_critical",
                    "pkilint:cabf.serverauth.ca.critical_crl_distribution_points_extension",
                    "pkilint:cabf.serverauth.subscriber.critical_crl_distribution_points_extension",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        must_not_be_critical(cert, &ext::CRL_DISTRIBUTION_POINTS, "cRLDistributionPoints is marked critical")
    }
}

/// `cabf_br.eku_critical`
///
/// **What it checks**: extKeyUsage is not marked critical in CA and subscriber
/// certificates; for subordinate CAs issued before 2023-09-15 only a warning.
///
/// **Why it matters**: the subordinate CA (§7.1.2.2.3 to §7.1.2.6.1) and subscriber
/// (§7.1.2.7.6) tables mark extKeyUsage non-critical; BR 1.x only recommended it for CAs.
/// OCSP responders (§7.1.2.8.2, "-") may choose and are not applicable.
///
/// **Example**: a subscriber with a critical EKU fails; a non-critical EKU passes; an OCSP
/// responder is not applicable.
pub struct EkuCritical;

impl Rule for EkuCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.eku_critical", Source::CabfBr, Severity::Error)
            .summary("extKeyUsage must not be critical in CA and subscriber certificates")
            .citation("TLS BR §7.1.2.2.3-§7.1.2.7.6")
            .scope(SUBCA.union(Scope::TLS_SUBSCRIBER))
            .effective(Time::ymd(2013, 7, 29))
            .needs(Need::Extension(&ext::EXT_KEY_USAGE))
            .aliases(&[
                "zlint:e_eku_critical",
                "zlint:w_sub_ca_eku_critical",
                "pkilint:cabf.serverauth.ca.critical_extended_key_usage_extension",
                "pkilint:cabf.serverauth.subscriber.critical_extended_key_usage_extension",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome {
        match cert.extension(&ext::EXT_KEY_USAGE) {
            Some(e) if e.is_critical() => {
                let old_ca = profile::type_of(cert, ctx).is_ca() && cert.not_before().is_some_and(|nb| nb < SC62);
                if old_ca {
                    Outcome::fail_as(Severity::Warn, "extKeyUsage is marked critical")
                } else {
                    Outcome::fail("extKeyUsage is marked critical")
                }
            }
            Some(_) => Outcome::Pass,
            None => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.sct_list_critical`
///
/// **What it checks**: the embedded Signed Certificate Timestamp list is not critical.
///
/// **Why it matters**: the TLS BR profile tables list the SCT list as non-critical
/// (§7.1.2.11.3); a critical SCT list would make clients without CT support reject the
/// certificate.
///
/// **Example**: a subscriber with a critical SCT list fails; a non-critical one passes;
/// without the extension not applicable.
pub struct SctListCritical;

impl Rule for SctListCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.sct_list_critical", Source::CabfBr, Severity::Error)
            .summary("the Signed Certificate Timestamp list must not be critical")
            .citation("TLS BR §7.1.2 profile tables, §7.1.2.11.3")
            .scope(BR_ALL)
            .effective(SC62)
            .needs(Need::Extension(&ext::CT_SCT_LIST))
            .aliases(&[
                "pkilint:cabf.serverauth.ca.critical_sct_list_extension",
                "pkilint:cabf.serverauth.subscriber.critical_sct_list_extension",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        must_not_be_critical(cert, &ext::CT_SCT_LIST, "the SCT list extension is marked critical")
    }
}

/// `cabf_br.ski_critical`
///
/// **What it checks**: subjectKeyIdentifier is not marked critical.
///
/// **Why it matters**: the TLS BR profile tables list it non-critical, as RFC 5280
/// §4.2.1.2 requires.
///
/// **Example**: a root with a critical SKI fails; non-critical passes; no SKI is not
/// applicable.
pub struct SkiCritical;

impl Rule for SkiCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ski_critical", Source::CabfBr, Severity::Error)
            .summary("subjectKeyIdentifier must not be critical")
            .citation("TLS BR §7.1.2 profile tables, §7.1.2.11.4")
            .scope(BR_ALL)
            .effective(SC62)
            .needs(Need::Extension(&ext::SUBJECT_KEY_IDENTIFIER))
            .aliases(&[
                "pkilint:cabf.serverauth.ca.critical_subject_key_identifier_extension",
                "pkilint:cabf.serverauth.subscriber.critical_subject_key_identifier_extension",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        must_not_be_critical(cert, &ext::SUBJECT_KEY_IDENTIFIER, "subjectKeyIdentifier is marked critical")
    }
}

/// `cabf_br.basic_constraints_not_critical`
///
/// **What it checks**: basicConstraints, when present, is marked critical.
///
/// **Why it matters**: every TLS BR profile (root, subordinate CAs, subscriber, OCSP
/// responder) marks basicConstraints critical ("Y"), including the optional cA=FALSE
/// form in end-entity certificates.
///
/// **Example**: a subscriber with a non-critical empty basicConstraints fails; a critical
/// one passes; a subscriber without basicConstraints is not applicable.
pub struct BasicConstraintsNotCritical;

impl Rule for BasicConstraintsNotCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.basic_constraints_not_critical", Source::CabfBr, Severity::Error)
                .summary("basicConstraints must be critical when present")
                .citation("TLS BR §7.1.2 profile tables")
                .scope(PROFILED)
                .effective(SC62)
                .needs(Need::Extension(&ext::BASIC_CONSTRAINTS))
                .aliases(&[
                    "zlint:e_sub_cert_basic_constraints_not_critical",
                    "pkilint:cabf.serverauth.ca.non_critical_basic_constraints_extension",
                    "pkilint:cabf.serverauth.subscriber.non_critical_basic_constraints_extension",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&ext::BASIC_CONSTRAINTS) {
            Some(e) => Outcome::check(e.is_critical(), "basicConstraints is not marked critical"),
            None => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.key_usage_not_critical`
///
/// **What it checks**: keyUsage, when present, is marked critical: in CA certificates
/// issued from 2012-07-01, in subscriber and OCSP responder certificates issued from
/// 2023-09-15.
///
/// **Why it matters**: the profile tables (§7.1.2.1.2 to §7.1.2.8.2) mark keyUsage
/// critical. For CAs the BRs asked it from their first version (BR 1.0 Appendix B, in
/// force 2012-07-01; RFC 5280 §4.2.1.3 only says SHOULD, which
/// `rfc5280.key_usage_not_critical` reports); for end entities the SC-062 profiles made it
/// a requirement.
///
/// **Example**: a root issued in 2014 with non-critical keyUsage fails; critical passes; a
/// root from 2006 or a subscriber issued in 2022 with a non-critical keyUsage is not
/// effective or not applicable.
pub struct KeyUsageNotCritical;

impl Rule for KeyUsageNotCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.key_usage_not_critical", Source::CabfBr, Severity::Error)
            .summary("keyUsage must be critical when present")
            .citation("TLS BR §7.1.2 profile tables, §7.1.2.10.7")
            .scope(PROFILED)
            .effective(Time::ymd(2012, 7, 1))
            .needs(Need::Extension(&ext::KEY_USAGE))
            .aliases(&[
                "zlint:e_ca_key_usage_not_critical",
                "zlint:e_root_ca_key_usage_must_be_critical",
                "pkilint:cabf.serverauth.ca.non_critical_key_usage_extension",
                "pkilint:cabf.serverauth.subscriber.non_critical_key_usage_extension",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome {
        let Some(e) = cert.extension(&ext::KEY_USAGE) else { return Outcome::NotApplicable };
        // End entities: only since the SC-062 profiles.
        if !profile::type_of(cert, ctx).is_ca() && cert.not_before().is_some_and(|nb| nb < SC62) {
            return Outcome::NotApplicable;
        }
        Outcome::check(e.is_critical(), "keyUsage is not marked critical")
    }
}

/// `cabf_br.name_constraints_not_critical`
///
/// **What it checks**: nameConstraints in a subordinate CA is marked critical.
///
/// **Why it matters**: TLS BR §7.1.2.10.8 and §7.1.2.5.2 say the extension SHOULD be
/// critical, allowing non-critical only for legacy clients that would otherwise reject
/// the CA; a non-critical constraint is ignored by clients that do not implement it.
///
/// **Example**: a non-critical nameConstraints warns; a critical one passes; a
/// subordinate CA without nameConstraints is not applicable.
pub struct NameConstraintsNotCritical;

impl Rule for NameConstraintsNotCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.name_constraints_not_critical", Source::CabfBr, Severity::Warn)
            .summary("nameConstraints should be critical")
            .citation("TLS BR §7.1.2.10.8, §7.1.2.5.2")
            .scope(SUBCA)
            .effective(Time::ymd(2012, 6, 8))
            .needs(Need::Extension(&ext::NAME_CONSTRAINTS))
            .aliases(&["zlint:w_sub_ca_name_constraints_not_critical"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&ext::NAME_CONSTRAINTS) {
            Some(e) => Outcome::check(e.is_critical(), "nameConstraints is not marked critical"),
            None => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.ocsp_nocheck_critical`
///
/// **What it checks**: id-pkix-ocsp-nocheck in an OCSP responder certificate is not
/// critical.
///
/// **Why it matters**: TLS BR §7.1.2.8.2 lists the extension as non-critical; it is
/// only a hint that relying parties need not check the responder's revocation status.
///
/// **Example**: a critical id-pkix-ocsp-nocheck fails; non-critical passes; a responder
/// without it is not applicable (`cabf_br.ocsp_nocheck_missing` reports that).
pub struct OcspNocheckCritical;

impl Rule for OcspNocheckCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ocsp_nocheck_critical", Source::CabfBr, Severity::Error)
            .summary("id-pkix-ocsp-nocheck must not be critical")
            .citation("TLS BR §7.1.2.8.2")
            .scope(OCSP)
            .effective(SC62)
            .needs(Need::Extension(&ext::OCSP_NO_CHECK));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        must_not_be_critical(cert, &ext::OCSP_NO_CHECK, "id-pkix-ocsp-nocheck is marked critical")
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

    #[test]
    fn aia() {
        assert_status(&AiaCritical, &CertBuilder::leaf(), Status::Pass);
        let b = with_critical(CertBuilder::leaf(), &ext::AUTHORITY_INFO_ACCESS, true);
        assert_status(&AiaCritical, &b, Status::Error);
        assert_status(
            &AiaCritical,
            &with_critical(CertBuilder::sub_ca(), &ext::AUTHORITY_INFO_ACCESS, true),
            Status::Error,
        );
        assert_status(&AiaCritical, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&AiaCritical, &day_before(&b, Time::ymd(2012, 7, 1)), Status::NotEffective);
        assert_status(&AiaCritical, &b.not_before(Time::ymd(2012, 7, 1)), Status::Error);
        // Out of the BRs: S/MIME subscriber.
        let smime = eku(b_without_policy(), &[&crate::oid::eku::EMAIL_PROTECTION]);
        let smime = with_critical(smime, &ext::AUTHORITY_INFO_ACCESS, true);
        assert_status(&AiaCritical, &smime, Status::NotApplicable);
    }

    fn b_without_policy() -> CertBuilder {
        CertBuilder::leaf().without_ext(&ext::CERTIFICATE_POLICIES)
    }

    #[test]
    fn aki() {
        assert_status(&AkiCritical, &CertBuilder::leaf(), Status::Pass);
        let b = with_critical(CertBuilder::leaf(), &ext::AUTHORITY_KEY_IDENTIFIER, true);
        assert_status(&AkiCritical, &b, Status::Error);
        assert_status(&AkiCritical, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&AkiCritical, &day_before(&b, SC62), Status::NotEffective);
        assert_status(&AkiCritical, &b.not_before(SC62), Status::Error);
    }

    #[test]
    fn policies() {
        assert_status(&CertificatePoliciesCritical, &CertBuilder::sub_ca(), Status::Pass);
        let b = with_critical(CertBuilder::sub_ca(), &ext::CERTIFICATE_POLICIES, true);
        assert_status(&CertificatePoliciesCritical, &b, Status::Error);
        assert_status(&CertificatePoliciesCritical, &b.clone().not_before(SC62), Status::Error);
        assert_status(&CertificatePoliciesCritical, &day_before(&b, SC62), Status::Warn);
        assert_status(&CertificatePoliciesCritical, &day_before(&b, Time::ymd(2012, 7, 1)), Status::NotEffective);
        assert_status(&CertificatePoliciesCritical, &b.not_before(Time::ymd(2012, 7, 1)), Status::Warn);
        assert_status(&CertificatePoliciesCritical, &CertBuilder::root(), Status::NotApplicable);
    }

    #[test]
    fn crldp() {
        assert_status(&CrlDistributionPointsCritical, &CertBuilder::sub_ca(), Status::Pass);
        let b = with_critical(CertBuilder::sub_ca(), &ext::CRL_DISTRIBUTION_POINTS, true);
        assert_status(&CrlDistributionPointsCritical, &b, Status::Error);
        assert_status(&CrlDistributionPointsCritical, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(&CrlDistributionPointsCritical, &day_before(&b, Time::ymd(2012, 7, 1)), Status::NotEffective);
        assert_status(&CrlDistributionPointsCritical, &b.not_before(Time::ymd(2012, 7, 1)), Status::Error);
    }

    #[test]
    fn eku_crit() {
        assert_status(&EkuCritical, &CertBuilder::leaf(), Status::Pass);
        let leaf = with_critical(CertBuilder::leaf(), &ext::EXT_KEY_USAGE, true);
        assert_status(&EkuCritical, &leaf, Status::Error);
        assert_status(&EkuCritical, &day_before(&leaf, SC62), Status::Error);
        let ca = with_critical(CertBuilder::sub_ca(), &ext::EXT_KEY_USAGE, true);
        assert_status(&EkuCritical, &ca, Status::Error);
        assert_status(&EkuCritical, &ca.clone().not_before(SC62), Status::Error);
        assert_status(&EkuCritical, &day_before(&ca, SC62), Status::Warn);
        assert_status(&EkuCritical, &day_before(&ca, Time::ymd(2013, 7, 29)), Status::NotEffective);
        assert_status(&EkuCritical, &with_critical(ocsp(), &ext::EXT_KEY_USAGE, true), Status::NotApplicable);
        assert_status(&EkuCritical, &CertBuilder::leaf().without_ext(&ext::EXT_KEY_USAGE), Status::NotApplicable);
    }

    #[test]
    fn sct() {
        let sct = octet_string(&[0x00, 0x00]);
        let ok = CertBuilder::leaf().ext(&ext::CT_SCT_LIST, false, &sct);
        assert_status(&SctListCritical, &ok, Status::Pass);
        let b = CertBuilder::leaf().ext(&ext::CT_SCT_LIST, true, &sct);
        assert_status(&SctListCritical, &b, Status::Error);
        assert_status(&SctListCritical, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(&SctListCritical, &day_before(&b, SC62), Status::NotEffective);
        assert_status(&SctListCritical, &b.not_before(SC62), Status::Error);
    }

    #[test]
    fn ski() {
        assert_status(&SkiCritical, &CertBuilder::root(), Status::Pass);
        let b = with_critical(CertBuilder::root(), &ext::SUBJECT_KEY_IDENTIFIER, true);
        assert_status(&SkiCritical, &b, Status::Error);
        assert_status(&SkiCritical, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(&SkiCritical, &day_before(&b, SC62), Status::NotEffective);
        assert_status(&SkiCritical, &b.not_before(SC62), Status::Error);
    }

    #[test]
    fn basic_constraints() {
        assert_status(&BasicConstraintsNotCritical, &CertBuilder::leaf(), Status::Pass);
        let b = with_critical(CertBuilder::leaf(), &ext::BASIC_CONSTRAINTS, false);
        assert_status(&BasicConstraintsNotCritical, &b, Status::Error);
        let ca = with_critical(CertBuilder::sub_ca(), &ext::BASIC_CONSTRAINTS, false);
        assert_status(&BasicConstraintsNotCritical, &ca, Status::Error);
        let none = CertBuilder::leaf().without_ext(&ext::BASIC_CONSTRAINTS);
        assert_status(&BasicConstraintsNotCritical, &none, Status::NotApplicable);
        assert_status(&BasicConstraintsNotCritical, &day_before(&b, SC62), Status::NotEffective);
        assert_status(&BasicConstraintsNotCritical, &b.not_before(SC62), Status::Error);
    }

    #[test]
    fn key_usage() {
        assert_status(&KeyUsageNotCritical, &CertBuilder::root(), Status::Pass);
        let root = with_critical(CertBuilder::root(), &ext::KEY_USAGE, false);
        assert_status(&KeyUsageNotCritical, &root, Status::Error);
        assert_status(&KeyUsageNotCritical, &day_before(&root, SC62), Status::Error);
        assert_status(&KeyUsageNotCritical, &day_before(&root, Time::ymd(2012, 7, 1)), Status::NotEffective);
        assert_status(&KeyUsageNotCritical, &root.clone().not_before(Time::ymd(2012, 7, 1)), Status::Error);
        // Real: QuoVadis Root CA 2 (2006) predates the BRs; OISTE WISeKey GB (2014) does not.
        let old_root = real_cert(tests_data!("mozilla-roots/QuoVadis_Root_CA_2.crt"));
        assert_eq!(status(&KeyUsageNotCritical, &old_root), Status::NotEffective);
        let new_root = real_cert(tests_data!("mozilla-roots/OISTE_WISeKey_Global_Root_GB_CA.crt"));
        assert_eq!(status(&KeyUsageNotCritical, &new_root), Status::Error);
        let leaf = with_critical(CertBuilder::leaf(), &ext::KEY_USAGE, false);
        assert_status(&KeyUsageNotCritical, &leaf, Status::Error);
        assert_status(&KeyUsageNotCritical, &leaf.clone().not_before(SC62), Status::Error);
        assert_status(&KeyUsageNotCritical, &day_before(&leaf, SC62), Status::NotApplicable);
        assert_status(&KeyUsageNotCritical, &CertBuilder::leaf().without_ext(&ext::KEY_USAGE), Status::NotApplicable);
    }

    #[test]
    fn name_constraints() {
        let nc = seq(&[&ctx_cons(0, &seq(&[&ctx_prim(2, b"example.com")]))]);
        let ok = CertBuilder::sub_ca().ext(&ext::NAME_CONSTRAINTS, true, &nc);
        assert_status(&NameConstraintsNotCritical, &ok, Status::Pass);
        let b = CertBuilder::sub_ca().ext(&ext::NAME_CONSTRAINTS, false, &nc);
        assert_status(&NameConstraintsNotCritical, &b, Status::Warn);
        assert_status(&NameConstraintsNotCritical, &CertBuilder::sub_ca(), Status::NotApplicable);
        assert_status(&NameConstraintsNotCritical, &day_before(&b, Time::ymd(2012, 6, 8)), Status::NotEffective);
        assert_status(&NameConstraintsNotCritical, &b.not_before(Time::ymd(2012, 6, 8)), Status::Warn);
    }

    #[test]
    fn nocheck() {
        assert_status(&OcspNocheckCritical, &ocsp(), Status::Pass);
        let b = with_critical(ocsp(), &ext::OCSP_NO_CHECK, true);
        assert_status(&OcspNocheckCritical, &b, Status::Error);
        assert_status(&OcspNocheckCritical, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(&OcspNocheckCritical, &day_before(&b, SC62), Status::NotEffective);
        assert_status(&OcspNocheckCritical, &b.not_before(SC62), Status::Error);
    }
}
