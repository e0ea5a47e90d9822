//! Delegated OCSP responder certificates (TLS BR §7.1.2.8).

use alloc::format;

use crate::cert::KeyUsage;
use crate::oid::{eku, ext};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context};

use super::profile::{self, OCSP, SC62};

pub(crate) static RULES: &[&dyn Rule] = &[
    &OcspNocheckMissing,
    &OcspNocheckValueInvalid,
    &OcspEkuMissing,
    &OcspEkuOtherPurpose,
    &OcspKeyUsageMissing,
    &OcspKeyUsageDigitalSignatureMissing,
    &OcspKeyUsageProhibitedBit,
    &OcspCaTrue,
    &OcspCrlDistributionPointsPresent,
    &OcspCertificatePoliciesPresent,
    &OcspSanPresent,
    &OcspAiaPresent,
    &OcspSkiMissing,
];

/// `cabf_br.ocsp_nocheck_missing`
///
/// **What it checks**: an OCSP responder certificate carries id-pkix-ocsp-nocheck.
///
/// **Why it matters**: TLS BR §7.1.2.8.6 and §4.9.9 (and Mozilla policy §5.2) require it:
/// without it a client would have to check the responder's own revocation status, by
/// asking the same responder.
///
/// **Example**: a certificate with the OCSPSigning EKU and no nocheck fails; with it
/// passes; subscribers are not applicable.
pub struct OcspNocheckMissing;

impl Rule for OcspNocheckMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ocsp_nocheck_missing", Source::CabfBr, Severity::Error)
            .summary("OCSP responder certificates must contain id-pkix-ocsp-nocheck")
            .citation("TLS BR §7.1.2.8.6, §4.9.9; MRSP §5.2")
            .scope(OCSP)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&[
                "zlint:e_ocsp_id_pkix_ocsp_nocheck_ext_not_included_server_auth",
                "pkilint:cabf.serverauth.ocsp_responder.ocsp_nocheck_extension_absent",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_present(
            cert,
            &ext::OCSP_NO_CHECK,
            "the OCSP responder certificate has no id-pkix-ocsp-nocheck",
        )
    }
}

/// `cabf_br.ocsp_nocheck_value_invalid`
///
/// **What it checks**: the id-pkix-ocsp-nocheck extnValue is exactly `05 00` (NULL).
///
/// **Why it matters**: TLS BR §7.1.2.8.6 fixes the encoding, as RFC 6960 §4.2.2.2.1
/// defines it; anything else is not the extension clients expect.
///
/// **Example**: extnValue `05 00` passes; an empty extnValue fails; a responder without
/// the extension is not applicable.
pub struct OcspNocheckValueInvalid;

impl Rule for OcspNocheckValueInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ocsp_nocheck_value_invalid", Source::CabfBr, Severity::Error)
            .summary("the id-pkix-ocsp-nocheck extnValue must be the DER NULL 0500")
            .citation("TLS BR §7.1.2.8.6")
            .scope(OCSP)
            .effective(SC62)
            .needs(Need::Extension(&ext::OCSP_NO_CHECK));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&ext::OCSP_NO_CHECK) {
            Some(e) if e.value == [0x05, 0x00] => Outcome::Pass,
            Some(e) => {
                let hex: alloc::string::String = e.value.iter().map(|b| format!("{b:02x}")).collect();
                Outcome::fail(format!("the id-pkix-ocsp-nocheck extnValue is '{hex}', not '0500'"))
            }
            None => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.ocsp_eku_missing`
///
/// **What it checks**: an OCSP responder certificate has an extKeyUsage containing
/// id-kp-OCSPSigning.
///
/// **Why it matters**: TLS BR §7.1.2.8.2 and §7.1.2.8.5 require it: the EKU is what
/// authorises the key to sign responses on the CA's behalf (RFC 6960 §4.2.2.2). Detection
/// types a certificate as a responder by that EKU, so this fires for certificates
/// detected by id-pkix-ocsp-nocheck alone or given the type.
///
/// **Example**: a certificate with id-pkix-ocsp-nocheck and a clientAuth EKU fails; with
/// OCSPSigning passes; subscribers are not applicable.
pub struct OcspEkuMissing;

impl Rule for OcspEkuMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ocsp_eku_missing", Source::CabfBr, Severity::Error)
            .summary("OCSP responder certificates must contain an extKeyUsage with id-kp-OCSPSigning")
            .citation("TLS BR §7.1.2.8.2, §7.1.2.8.5")
            .scope(OCSP)
            .effective(SC62)
            .aliases(&[
                "pkilint:cabf.serverauth.ocsp_responder.extended_key_usage_extension_absent",
                "pkilint:cabf.serverauth.ocsp_responder.ocspsigning_eku_absent",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.ext_key_usage() {
            None => Outcome::fail("the OCSP responder certificate has no extKeyUsage"),
            Some(Ok(e)) => Outcome::check(
                e.value.contains(&eku::OCSP_SIGNING),
                "the OCSP responder's extKeyUsage does not contain id-kp-OCSPSigning",
            ),
            Some(Err(_)) => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.ocsp_eku_other_purpose`
///
/// **What it checks**: an OCSP responder's extKeyUsage contains id-kp-OCSPSigning and
/// nothing else.
///
/// **Why it matters**: TLS BR §7.1.2.8.5 marks every other purpose MUST NOT (Mozilla
/// policy §7.5.1 agrees): a responder key that also serves TLS or signs mail mixes a
/// CA-delegated authority with an end-entity use.
///
/// **Example**: `OCSPSigning, serverAuth` fails naming serverAuth's OID; `OCSPSigning`
/// alone passes; a responder without extKeyUsage is not applicable.
pub struct OcspEkuOtherPurpose;

impl Rule for OcspEkuOtherPurpose {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ocsp_eku_other_purpose", Source::CabfBr, Severity::Error)
            .summary("an OCSP responder's extKeyUsage must contain only id-kp-OCSPSigning")
            .citation("TLS BR §7.1.2.8.5; MRSP §7.5.1")
            .scope(OCSP)
            .effective(SC62)
            .needs(Need::Extension(&ext::EXT_KEY_USAGE))
            .aliases(&["pkilint:cabf.serverauth.ocsp_responder.unknown_eku_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(Ok(e)) = cert.ext_key_usage() else { return Outcome::NotApplicable };
        match e.value.purposes().find(|p| !p.is(&eku::OCSP_SIGNING)) {
            None => Outcome::Pass,
            Some(other) => Outcome::fail(format!("the OCSP responder's extKeyUsage contains {other}")),
        }
    }
}

/// `cabf_br.ocsp_key_usage_missing`
///
/// **What it checks**: an OCSP responder certificate carries keyUsage.
///
/// **Why it matters**: TLS BR §7.1.2.8.2 lists keyUsage as MUST, limited to
/// digitalSignature (§7.1.2.8.7).
///
/// **Example**: a responder without keyUsage fails; with `digitalSignature` passes;
/// subscribers are not applicable.
pub struct OcspKeyUsageMissing;

impl Rule for OcspKeyUsageMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ocsp_key_usage_missing", Source::CabfBr, Severity::Error)
            .summary("OCSP responder certificates must contain keyUsage")
            .citation("TLS BR §7.1.2.8.2")
            .scope(OCSP)
            .effective(SC62)
            .aliases(&["pkilint:cabf.serverauth.ocsp_responder.key_usage_extension_absent"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_present(cert, &ext::KEY_USAGE, "the OCSP responder certificate has no keyUsage")
    }
}

/// `cabf_br.ocsp_key_usage_digital_signature_missing`
///
/// **What it checks**: an OCSP responder's keyUsage asserts digitalSignature.
///
/// **Why it matters**: TLS BR §7.1.2.8.7 requires it: signing OCSP responses is a digital
/// signature.
///
/// **Example**: keyUsage `keyEncipherment` fails; `digitalSignature` passes; a responder
/// without keyUsage is not applicable.
pub struct OcspKeyUsageDigitalSignatureMissing;

impl Rule for OcspKeyUsageDigitalSignatureMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.ocsp_key_usage_digital_signature_missing", Source::CabfBr, Severity::Error)
                .summary("OCSP responder keyUsage must assert digitalSignature")
                .citation("TLS BR §7.1.2.8.7")
                .scope(OCSP)
                .effective(SC62)
                .needs(Need::Extension(&ext::KEY_USAGE))
                .aliases(&[
                    "zlint:e_ocsp_cert_invalid_ku",
                    "pkilint:cabf.serverauth.ocsp_responder.digitalsignature_bit_missing",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.key_usage() {
            Some(Ok(ku)) => Outcome::check(
                ku.value.has(KeyUsage::DIGITAL_SIGNATURE),
                "the OCSP responder's keyUsage does not assert digitalSignature",
            ),
            _ => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.ocsp_key_usage_prohibited_bit`
///
/// **What it checks**: an OCSP responder's keyUsage asserts nothing but
/// digitalSignature.
///
/// **Why it matters**: TLS BR §7.1.2.8.7 marks every other bit as not permitted: a
/// responder key signs responses and nothing else.
///
/// **Example**: `digitalSignature, keyEncipherment` fails naming keyEncipherment;
/// `digitalSignature` passes; a responder without keyUsage is not applicable.
pub struct OcspKeyUsageProhibitedBit;

impl Rule for OcspKeyUsageProhibitedBit {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ocsp_key_usage_prohibited_bit", Source::CabfBr, Severity::Error)
            .summary("OCSP responder keyUsage must assert only digitalSignature")
            .citation("TLS BR §7.1.2.8.7")
            .scope(OCSP)
            .effective(SC62)
            .needs(Need::Extension(&ext::KEY_USAGE))
            .aliases(&["zlint:e_ocsp_cert_invalid_ku", "pkilint:cabf.serverauth.ocsp_responder.prohibited_ku_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(Ok(ku)) = cert.key_usage() else { return Outcome::NotApplicable };
        match profile::first_bit_outside(&ku.value, &[KeyUsage::DIGITAL_SIGNATURE]) {
            None => Outcome::Pass,
            Some(bit) => Outcome::fail(format!("the OCSP responder's keyUsage asserts {bit}")),
        }
    }
}

/// `cabf_br.ocsp_ca_true`
///
/// **What it checks**: an OCSP responder certificate does not assert cA=TRUE.
///
/// **Why it matters**: TLS BR §7.1.2.8.4 says responder certificates MUST NOT be CA
/// certificates. Detection keeps a certificate with OCSPSigning and no keyCertSign an
/// OCSP responder even when cA is TRUE, so that this rule reports it.
///
/// **Example**: a responder with `cA=TRUE` fails; without basicConstraints or with an
/// empty one passes; subscribers are not applicable.
pub struct OcspCaTrue;

impl Rule for OcspCaTrue {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ocsp_ca_true", Source::CabfBr, Severity::Error)
            .summary("OCSP responder certificates must not be CA certificates")
            .citation("TLS BR §7.1.2.8.4")
            .scope(OCSP)
            .effective(SC62)
            .aliases(&["pkilint:cabf.serverauth.ocsp_responder.basic_constraints_ca_bit_set"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.basic_constraints() {
            Some(Ok(bc)) => Outcome::check(!bc.value.ca, "the OCSP responder's basicConstraints asserts cA"),
            Some(Err(_)) => Outcome::NotApplicable,
            None => Outcome::Pass,
        }
    }
}

/// `cabf_br.ocsp_crl_distribution_points_present`
///
/// **What it checks**: an OCSP responder certificate has no cRLDistributionPoints.
///
/// **Why it matters**: TLS BR §7.1.2.8.2 and §7.1.2.11.2 mark it MUST NOT: responders
/// carry id-pkix-ocsp-nocheck and are not checked for revocation.
///
/// **Example**: a responder with a CRL DP fails; without passes; subscribers are not
/// applicable.
pub struct OcspCrlDistributionPointsPresent;

impl Rule for OcspCrlDistributionPointsPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.ocsp_crl_distribution_points_present", Source::CabfBr, Severity::Error)
                .summary("OCSP responder certificates must not contain cRLDistributionPoints")
                .citation("TLS BR §7.1.2.8.2, §7.1.2.11.2")
                .scope(OCSP)
                .effective(SC62)
                .aliases(&[
                    "zlint:e_ocsp_cert_cdp_forbidden",
                    "pkilint:cabf.serverauth.ocsp_responder.crl_distribution_points_extension_present",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_absent(
            cert,
            &ext::CRL_DISTRIBUTION_POINTS,
            "the OCSP responder certificate contains cRLDistributionPoints",
        )
    }
}

/// `cabf_br.ocsp_certificate_policies_present`
///
/// **What it checks**: an OCSP responder certificate has no certificatePolicies.
///
/// **Why it matters**: TLS BR §7.1.2.8.2 says SHOULD NOT (§7.1.2.8.8 explains that a
/// wrong policy can make responses fail validation). zlint and pkilint report it as an
/// error; BR 2.2.6 only discourages it, hence a warning.
///
/// **Example**: a responder with certificatePolicies warns; without passes; subscribers
/// are not applicable.
pub struct OcspCertificatePoliciesPresent;

impl Rule for OcspCertificatePoliciesPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.ocsp_certificate_policies_present", Source::CabfBr, Severity::Warn)
                .summary("OCSP responder certificates should not contain certificatePolicies")
                .citation("TLS BR §7.1.2.8.2, §7.1.2.8.8")
                .scope(OCSP)
                .effective(SC62)
                .aliases(&[
                    "zlint:e_ocsp_cert_cp_forbidden",
                    "pkilint:cabf.serverauth.ocsp_responder.certificate_policies_extension_present",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_absent(
            cert,
            &ext::CERTIFICATE_POLICIES,
            "the OCSP responder certificate contains certificatePolicies",
        )
    }
}

/// `cabf_br.ocsp_san_present`
///
/// **What it checks**: an OCSP responder certificate has no subjectAltName.
///
/// **Why it matters**: TLS BR §7.1.2.8.2 marks subjectAltName MUST NOT: a responder
/// names no host, and a SAN would let its key pass for a server certificate.
///
/// **Example**: a responder with a dNSName SAN fails; without passes; subscribers are
/// not applicable.
pub struct OcspSanPresent;

impl Rule for OcspSanPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ocsp_san_present", Source::CabfBr, Severity::Error)
            .summary("OCSP responder certificates must not contain subjectAltName")
            .citation("TLS BR §7.1.2.8.2")
            .scope(OCSP)
            .effective(SC62)
            .aliases(&["pkilint:cabf.serverauth.ocsp_responder.subject_altname_extension_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_absent(cert, &ext::SUBJECT_ALT_NAME, "the OCSP responder certificate contains subjectAltName")
    }
}

/// `cabf_br.ocsp_aia_present`
///
/// **What it checks**: an OCSP responder certificate has no authorityInformationAccess.
///
/// **Why it matters**: TLS BR §7.1.2.8.3 marks AIA NOT RECOMMENDED: clients already hold
/// the issuer, and with id-pkix-ocsp-nocheck they never query the OCSP location. Access
/// methods other than id-ad-ocsp are reported by `cabf_br.aia_access_method_not_allowed`.
///
/// **Example**: a responder with AIA warns; without passes; subscribers are not
/// applicable.
pub struct OcspAiaPresent;

impl Rule for OcspAiaPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ocsp_aia_present", Source::CabfBr, Severity::Warn)
            .summary("OCSP responder certificates should not contain authorityInformationAccess")
            .citation("TLS BR §7.1.2.8.3")
            .scope(OCSP)
            .effective(SC62)
            .aliases(&[
                "pkilint:cabf.serverauth.ocsp_responder.authority_info_access_extension_present",
                "pkilint:cabf.serverauth.ocsp_responder.ocsp_aia_access_method_present",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_absent(
            cert,
            &ext::AUTHORITY_INFO_ACCESS,
            "the OCSP responder certificate contains authorityInformationAccess",
        )
    }
}

/// `cabf_br.ocsp_ski_missing`
///
/// **What it checks**: an OCSP responder certificate carries subjectKeyIdentifier.
///
/// **Why it matters**: TLS BR §7.1.2.8.2 lists SKI as SHOULD: OCSP responses may name
/// their responder by key hash, and the SKI helps clients match it.
///
/// **Example**: a responder without SKI warns; with SKI passes; subscribers are not
/// applicable.
pub struct OcspSkiMissing;

impl Rule for OcspSkiMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ocsp_ski_missing", Source::CabfBr, Severity::Warn)
            .summary("OCSP responder certificates should contain subjectKeyIdentifier")
            .citation("TLS BR §7.1.2.8.2")
            .scope(OCSP)
            .effective(SC62)
            .aliases(&["pkilint:cabf.serverauth.ocsp_responder.subject_key_identifier_extension_absent"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_present(
            cert,
            &ext::SUBJECT_KEY_IDENTIFIER,
            "the OCSP responder certificate has no subjectKeyIdentifier",
        )
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

    /// Pass on the model responder, the given status on `bad` (also on the effective
    /// day), not effective the day before, not applicable on a subscriber.
    #[track_caller]
    fn standard(rule: &'static dyn Rule, bad: CertBuilder, status: Status) {
        assert_status(rule, &ocsp(), Status::Pass);
        assert_status(rule, &bad, status);
        assert_status(rule, &day_before(&bad, SC62), Status::NotEffective);
        assert_status(rule, &bad.not_before(SC62), status);
        assert_status(rule, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn nocheck() {
        let b = ocsp().without_ext(&ext::OCSP_NO_CHECK);
        assert_status(&OcspNocheckMissing, &ocsp(), Status::Pass);
        assert_status(&OcspNocheckMissing, &b, Status::Error);
        assert_status(&OcspNocheckMissing, &CertBuilder::leaf(), Status::NotApplicable);
        let d = Time::ymd(2012, 7, 1);
        assert_status(&OcspNocheckMissing, &day_before(&b, d), Status::NotEffective);
        assert_status(&OcspNocheckMissing, &b.not_before(d), Status::Error);

        let bad = ocsp().ext(&ext::OCSP_NO_CHECK, false, &[]);
        assert!(message(&OcspNocheckValueInvalid, &bad).contains("is '', not '0500'"));
        standard(&OcspNocheckValueInvalid, bad, Status::Error);
        let nested = ocsp().ext(&ext::OCSP_NO_CHECK, false, &octet_string(&null()));
        assert_status(&OcspNocheckValueInvalid, &nested, Status::Error);
        assert_status(&OcspNocheckValueInvalid, &ocsp().without_ext(&ext::OCSP_NO_CHECK), Status::NotApplicable);
    }

    #[test]
    fn eku_rules() {
        // Typed OCSP through id-pkix-ocsp-nocheck.
        standard(&OcspEkuMissing, eku(ocsp(), &[&eku::CLIENT_AUTH]), Status::Error);
        assert_status(&OcspEkuMissing, &ocsp().without_ext(&ext::EXT_KEY_USAGE), Status::Error);

        let mixed = eku(ocsp(), &[&eku::OCSP_SIGNING, &eku::SERVER_AUTH]);
        assert!(message(&OcspEkuOtherPurpose, &mixed).ends_with("contains 1.3.6.1.5.5.7.3.1"));
        standard(&OcspEkuOtherPurpose, mixed, Status::Error);
        assert_status(&OcspEkuOtherPurpose, &ocsp().without_ext(&ext::EXT_KEY_USAGE), Status::NotApplicable);
    }

    #[test]
    fn key_usage_rules() {
        use KeyUsage as K;
        standard(&OcspKeyUsageMissing, ocsp().without_ext(&ext::KEY_USAGE), Status::Error);
        standard(&OcspKeyUsageDigitalSignatureMissing, ku(ocsp(), &[K::CONTENT_COMMITMENT]), Status::Error);
        let no_ku = ocsp().without_ext(&ext::KEY_USAGE);
        assert_status(&OcspKeyUsageDigitalSignatureMissing, &no_ku, Status::NotApplicable);
        let extra = ku(ocsp(), &[K::DIGITAL_SIGNATURE, K::KEY_ENCIPHERMENT]);
        assert!(message(&OcspKeyUsageProhibitedBit, &extra).ends_with("asserts keyEncipherment"));
        standard(&OcspKeyUsageProhibitedBit, extra, Status::Error);
        assert_status(&OcspKeyUsageProhibitedBit, &no_ku, Status::NotApplicable);
    }

    #[test]
    fn ca_true() {
        standard(&OcspCaTrue, ocsp().ext(&ext::BASIC_CONSTRAINTS, true, &seq(&[&boolean(true)])), Status::Error);
        assert_status(&OcspCaTrue, &ocsp().ext(&ext::BASIC_CONSTRAINTS, true, &seq(&[])), Status::Pass);
    }

    #[test]
    fn presence_rules() {
        let crldp = CertBuilder::sub_ca().build().extension(&ext::CRL_DISTRIBUTION_POINTS).unwrap().value.to_vec();
        standard(
            &OcspCrlDistributionPointsPresent,
            ocsp().ext(&ext::CRL_DISTRIBUTION_POINTS, false, &crldp),
            Status::Error,
        );
        let cp = seq(&[&seq(&[&oid(&crate::oid::policy::ANY_POLICY)])]);
        standard(&OcspCertificatePoliciesPresent, ocsp().ext(&ext::CERTIFICATE_POLICIES, false, &cp), Status::Warn);
        standard(&OcspSanPresent, ocsp().san_dns(&["ocsp.example.com"]), Status::Error);
        let aia = CertBuilder::leaf().build().extension(&ext::AUTHORITY_INFO_ACCESS).unwrap().value.to_vec();
        standard(&OcspAiaPresent, ocsp().ext(&ext::AUTHORITY_INFO_ACCESS, false, &aia), Status::Warn);
        standard(&OcspSkiMissing, ocsp().without_ext(&ext::SUBJECT_KEY_IDENTIFIER), Status::Warn);
    }
}
