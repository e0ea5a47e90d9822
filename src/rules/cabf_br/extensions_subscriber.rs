//! Subscriber certificate extensions (TLS BR §7.1.2.7).

use alloc::format;

use crate::cert::key::RSA_KEYS;
use crate::cert::{KeyUsage, PublicKey};
use crate::oid::ext;
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

use super::profile::{self, OCSP, SC62};

pub(crate) static RULES: &[&dyn Rule] = &[
    &EndEntityNameConstraintsPresent,
    &SubscriberAiaMissing,
    &SubscriberKeyUsageMissing,
    &SubscriberSkiPresent,
    &SubscriberCaTrue,
    &SubscriberKeyUsageProhibitedBit,
    &SubscriberKeyUsageRequiredBitMissing,
    &SubscriberKeyUsageRecommendedBitMissing,
    &SubscriberKeyUsageDiscouragedBit,
    &SubscriberRsaKeyUsageMixed,
];

/// The subscriber key's family, for the §7.1.2.7.11 tables.
#[derive(Clone, Copy, PartialEq, Eq)]
enum KeyKind {
    Rsa,
    Ecc,
    Other,
}

fn key_kind(cert: &Certificate) -> KeyKind {
    match cert.spki().ok().and_then(|k| k.public_key().ok()) {
        Some(PublicKey::Rsa { .. }) => KeyKind::Rsa,
        Some(PublicKey::Ec { .. } | PublicKey::EcNonNamed { .. }) => KeyKind::Ecc,
        _ => KeyKind::Other,
    }
}

fn key_usage(cert: &Certificate) -> Option<KeyUsage> {
    match cert.key_usage() {
        Some(Ok(ku)) => Some(ku.value),
        _ => None,
    }
}

/// §7.1.2.7.11: the bits each key family may assert.
const RSA_PERMITTED: [u8; 3] = [KeyUsage::DIGITAL_SIGNATURE, KeyUsage::KEY_ENCIPHERMENT, KeyUsage::DATA_ENCIPHERMENT];
const ECC_PERMITTED: [u8; 2] = [KeyUsage::DIGITAL_SIGNATURE, KeyUsage::KEY_AGREEMENT];

/// `cabf_br.end_entity_name_constraints_present`
///
/// **What it checks**: a subscriber or OCSP responder certificate has no
/// nameConstraints.
///
/// **Why it matters**: TLS BR §7.1.2.7.6 and §7.1.2.8.2 mark nameConstraints MUST NOT in
/// end-entity certificates: the extension constrains what a CA may issue and means
/// nothing, or something misleading, on a leaf.
///
/// **Example**: a subscriber with nameConstraints fails; without passes; CAs are not
/// applicable.
pub struct EndEntityNameConstraintsPresent;

impl Rule for EndEntityNameConstraintsPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.end_entity_name_constraints_present", Source::CabfBr, Severity::Error)
                .summary("subscriber and OCSP responder certificates must not contain nameConstraints")
                .citation("TLS BR §7.1.2.7.6, §7.1.2.8.2")
                .scope(Scope::TLS_SUBSCRIBER.union(OCSP))
                .effective(SC62)
                .aliases(&[
                    "pkilint:cabf.serverauth.subscriber.name_constraints_extension_present",
                    "pkilint:cabf.serverauth.ocsp_responder.name_constraints_extension_present",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_absent(cert, &ext::NAME_CONSTRAINTS, "the end-entity certificate contains nameConstraints")
    }
}

/// `cabf_br.subscriber_aia_missing`
///
/// **What it checks**: a TLS subscriber certificate carries authorityInformationAccess.
///
/// **Why it matters**: TLS BR §7.1.2.7.6 lists AIA as MUST in subscriber certificates:
/// it points to the issuing CA's certificate and, where offered, its OCSP responder.
///
/// **Example**: a DV certificate without AIA fails; with AIA passes; CAs are not
/// applicable.
pub struct SubscriberAiaMissing;

impl Rule for SubscriberAiaMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subscriber_aia_missing", Source::CabfBr, Severity::Error)
            .summary("subscriber certificates must contain authorityInformationAccess")
            .citation("TLS BR §7.1.2.7.6")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&[
                "zlint:e_sub_cert_aia_missing",
                "pkilint:cabf.serverauth.subscriber.authority_info_access_extension_absent",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_present(
            cert,
            &ext::AUTHORITY_INFO_ACCESS,
            "the subscriber certificate has no authorityInformationAccess",
        )
    }
}

/// `cabf_br.subscriber_key_usage_missing`
///
/// **What it checks**: a TLS subscriber certificate carries keyUsage.
///
/// **Why it matters**: TLS BR §7.1.2.7.6 lists keyUsage as SHOULD: it restricts the key to
/// the operations its type supports (§7.1.2.7.11).
///
/// **Example**: a subscriber without keyUsage warns; with it passes; CAs are not
/// applicable.
pub struct SubscriberKeyUsageMissing;

impl Rule for SubscriberKeyUsageMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subscriber_key_usage_missing", Source::CabfBr, Severity::Warn)
            .summary("subscriber certificates should contain keyUsage")
            .citation("TLS BR §7.1.2.7.6")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(SC62)
            .aliases(&["pkilint:cabf.serverauth.subscriber.key_usage_extension_absent"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_present(cert, &ext::KEY_USAGE, "the subscriber certificate has no keyUsage")
    }
}

/// `cabf_br.subscriber_ski_present`
///
/// **What it checks**: a TLS subscriber certificate has no subjectKeyIdentifier.
///
/// **Why it matters**: TLS BR §7.1.2.7.6 marks subjectKeyIdentifier NOT RECOMMENDED for
/// subscribers: nothing chains to a leaf, so it only adds bytes to every handshake.
///
/// **Example**: a subscriber with SKI warns; without passes; CAs are not applicable.
pub struct SubscriberSkiPresent;

impl Rule for SubscriberSkiPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subscriber_ski_present", Source::CabfBr, Severity::Warn)
            .summary("subscriber certificates should not contain subjectKeyIdentifier")
            .citation("TLS BR §7.1.2.7.6")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(SC62)
            .aliases(&[
                "zlint:w_ext_subject_key_identifier_not_recommended_subscriber",
                "pkilint:cabf.serverauth.subscriber.subject_key_identifier_extension_present",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        profile::must_be_absent(
            cert,
            &ext::SUBJECT_KEY_IDENTIFIER,
            "the subscriber certificate contains subjectKeyIdentifier",
        )
    }
}

/// `cabf_br.subscriber_ca_true`
///
/// **What it checks**: a TLS subscriber certificate does not assert cA=TRUE.
///
/// **Why it matters**: TLS BR §7.1.2.7.8 says cA MUST be FALSE: a subscriber key that
/// clients accept as a CA could issue certificates for any name. Detection types a
/// certificate with cA=TRUE as a subscriber only when it carries a TLS subscriber policy
/// and its keyUsage lacks keyCertSign and cRLSign.
///
/// **Example**: a DV certificate with `cA=TRUE` and keyUsage digitalSignature fails;
/// with an empty basicConstraints passes; CAs are not applicable.
pub struct SubscriberCaTrue;

impl Rule for SubscriberCaTrue {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subscriber_ca_true", Source::CabfBr, Severity::Error)
            .summary("subscriber certificates must not assert cA=TRUE")
            .citation("TLS BR §7.1.2.7.8")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2012, 7, 1))
            .needs(Need::Extension(&ext::BASIC_CONSTRAINTS))
            .aliases(&[
                "zlint:e_sub_cert_not_is_ca",
                "pkilint:cabf.serverauth.subscriber_basic_constraints_ca_bit_set",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.basic_constraints() {
            Some(Ok(bc)) => Outcome::check(!bc.value.ca, "the subscriber certificate's basicConstraints asserts cA"),
            _ => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.subscriber_key_usage_prohibited_bit`
///
/// **What it checks**: a TLS subscriber's keyUsage asserts only bits its key type
/// permits: never keyCertSign or cRLSign; from 2023-09-15, for RSA keys only
/// digitalSignature, keyEncipherment and dataEncipherment, for ECC keys only
/// digitalSignature and keyAgreement.
///
/// **Why it matters**: TLS BR §7.1.2.7.11 tables the permitted bits per key type (BR 1.x
/// §7.1.2.3(e) already excluded the CA bits): a bit the algorithm cannot perform, or a
/// CA bit, means the CA did not check the key against the profile.
///
/// **Example**: an ECC key with `digitalSignature, keyEncipherment` fails naming
/// keyEncipherment; `digitalSignature` passes; a subscriber without keyUsage is not
/// applicable.
pub struct SubscriberKeyUsageProhibitedBit;

impl Rule for SubscriberKeyUsageProhibitedBit {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_key_usage_prohibited_bit", Source::CabfBr, Severity::Error)
                .summary("subscriber keyUsage may assert only the bits permitted for its key type")
                .citation("TLS BR §7.1.2.7.11; v1.x §7.1.2.3(e)")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(Time::ymd(2012, 7, 1))
                .needs(Need::Extension(&ext::KEY_USAGE))
                .aliases(&[
                    "zlint:e_sub_cert_key_usage_cert_sign_bit_set",
                    "zlint:e_sub_cert_key_usage_crl_sign_bit_set",
                    "zlint:e_cabf_ecc_allowed_key_usages",
                    "pkilint:cabf.serverauth.subscriber_prohibited_ku_present",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(ku) = key_usage(cert) else { return Outcome::NotApplicable };
        for (bit, name) in [(KeyUsage::KEY_CERT_SIGN, "keyCertSign"), (KeyUsage::CRL_SIGN, "cRLSign")] {
            if ku.has(bit) {
                return Outcome::fail(format!("the subscriber's keyUsage asserts {name}"));
            }
        }
        if cert.not_before().is_some_and(|nb| nb < SC62) {
            return Outcome::Pass;
        }
        let (kind, permitted): (&str, &[u8]) = match key_kind(cert) {
            KeyKind::Rsa => ("RSA", &RSA_PERMITTED),
            KeyKind::Ecc => ("ECC", &ECC_PERMITTED),
            KeyKind::Other => return Outcome::Pass,
        };
        match profile::first_bit_outside(&ku, permitted) {
            None => Outcome::Pass,
            Some(bit) => {
                Outcome::fail(format!("the subscriber's keyUsage asserts {bit}, not permitted for an {kind} key"))
            }
        }
    }
}

/// `cabf_br.subscriber_key_usage_required_bit_missing`
///
/// **What it checks**: when a TLS subscriber has keyUsage, an ECC key asserts
/// digitalSignature and an RSA key asserts at least one of digitalSignature,
/// keyEncipherment and dataEncipherment.
///
/// **Why it matters**: TLS BR §7.1.2.7.11 makes digitalSignature MUST for ECC keys (it is
/// the only way they authenticate a TLS handshake) and at least one bit MUST for RSA
/// keys: a keyUsage that allows no TLS operation makes the certificate useless.
///
/// **Example**: an ECC key with `keyAgreement` only fails; `digitalSignature` passes; a
/// subscriber without keyUsage is not applicable.
pub struct SubscriberKeyUsageRequiredBitMissing;

impl Rule for SubscriberKeyUsageRequiredBitMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_key_usage_required_bit_missing", Source::CabfBr, Severity::Error)
                .summary("subscriber keyUsage must assert the bits required for its key type")
                .citation("TLS BR §7.1.2.7.11")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(SC62)
                .needs(Need::Extension(&ext::KEY_USAGE))
                .aliases(&["pkilint:cabf.serverauth.subscriber_required_ku_missing"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(ku) = key_usage(cert) else { return Outcome::NotApplicable };
        match key_kind(cert) {
            KeyKind::Ecc => Outcome::check(
                ku.has(KeyUsage::DIGITAL_SIGNATURE),
                "the ECC subscriber key's keyUsage does not assert digitalSignature",
            ),
            KeyKind::Rsa => Outcome::check(
                RSA_PERMITTED.iter().any(|b| ku.has(*b)),
                "the RSA subscriber key's keyUsage asserts none of digitalSignature, keyEncipherment, dataEncipherment",
            ),
            KeyKind::Other => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.subscriber_key_usage_recommended_bit_missing`
///
/// **What it checks**: an RSA subscriber key's keyUsage asserts digitalSignature.
///
/// **Why it matters**: TLS BR §7.1.2.7.11 marks digitalSignature SHOULD for RSA keys:
/// TLS 1.3 and every forward-secret cipher suite need it; keyEncipherment alone limits
/// the certificate to legacy RSA key exchange.
///
/// **Example**: an RSA key with `keyEncipherment` only warns; with digitalSignature
/// passes; ECC keys and subscribers without keyUsage are not applicable.
pub struct SubscriberKeyUsageRecommendedBitMissing;

impl Rule for SubscriberKeyUsageRecommendedBitMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_key_usage_recommended_bit_missing", Source::CabfBr, Severity::Warn)
                .summary("an RSA subscriber keyUsage should assert digitalSignature")
                .citation("TLS BR §7.1.2.7.11")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(SC62)
                .needs(Need::KeyAlgorithm(RSA_KEYS))
                .aliases(&["pkilint:cabf.serverauth.subscriber_recommended_ku_missing"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match (key_usage(cert), key_kind(cert)) {
            (Some(ku), KeyKind::Rsa) => Outcome::check(
                ku.has(KeyUsage::DIGITAL_SIGNATURE),
                "the RSA subscriber key's keyUsage does not assert digitalSignature",
            ),
            _ => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.subscriber_key_usage_discouraged_bit`
///
/// **What it checks**: an RSA subscriber key does not assert dataEncipherment and an ECC
/// subscriber key does not assert keyAgreement.
///
/// **Why it matters**: TLS BR §7.1.2.7.11 permits both but marks them NOT RECOMMENDED,
/// as pending prohibition: TLS uses neither.
///
/// **Example**: an ECC key with `digitalSignature, keyAgreement` warns; `digitalSignature`
/// passes; a subscriber without keyUsage is not applicable.
pub struct SubscriberKeyUsageDiscouragedBit;

impl Rule for SubscriberKeyUsageDiscouragedBit {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_key_usage_discouraged_bit", Source::CabfBr, Severity::Warn)
                .summary("subscriber keyUsage should not assert dataEncipherment (RSA) or keyAgreement (ECC)")
                .citation("TLS BR §7.1.2.7.11")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(SC62)
                .needs(Need::Extension(&ext::KEY_USAGE))
                .aliases(&[
                    "zlint:w_cabf_ecc_ku_keyagreement_present",
                    "pkilint:cabf.serverauth.subscriber_discouraged_ku_present",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some(ku) = key_usage(cert) else { return Outcome::NotApplicable };
        match key_kind(cert) {
            KeyKind::Rsa => Outcome::check(
                !ku.has(KeyUsage::DATA_ENCIPHERMENT),
                "the RSA subscriber key's keyUsage asserts dataEncipherment",
            ),
            KeyKind::Ecc => Outcome::check(
                !ku.has(KeyUsage::KEY_AGREEMENT),
                "the ECC subscriber key's keyUsage asserts keyAgreement",
            ),
            KeyKind::Other => Outcome::NotApplicable,
        }
    }
}

/// `cabf_br.subscriber_rsa_key_usage_mixed`
///
/// **What it checks**: an RSA subscriber key does not assert both digitalSignature and
/// keyEncipherment.
///
/// **Why it matters**: TLS BR §7.1.2.7.11 (note) marks the mix NOT RECOMMENDED: it lets
/// the same key serve secure (signing) and insecure (RSA key transport) cipher suites,
/// exposing the former to attacks on the latter.
///
/// **Example**: `digitalSignature, keyEncipherment` on an RSA key warns;
/// `digitalSignature` passes; ECC keys are not applicable.
pub struct SubscriberRsaKeyUsageMixed;

impl Rule for SubscriberRsaKeyUsageMixed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subscriber_rsa_key_usage_mixed", Source::CabfBr, Severity::Warn)
            .summary("an RSA subscriber keyUsage should not assert both digitalSignature and keyEncipherment")
            .citation("TLS BR §7.1.2.7.11")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(SC62)
            .needs(Need::KeyAlgorithm(RSA_KEYS))
            .aliases(&["pkilint:cabf.serverauth.subscriber_rsa_digitalsignature_and_keyencipherment_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match (key_usage(cert), key_kind(cert)) {
            (Some(ku), KeyKind::Rsa) => Outcome::check(
                !(ku.has(KeyUsage::DIGITAL_SIGNATURE) && ku.has(KeyUsage::KEY_ENCIPHERMENT)),
                "the RSA subscriber key's keyUsage asserts both digitalSignature and keyEncipherment",
            ),
            _ => Outcome::NotApplicable,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::ext;
    use crate::testutil::{der::*, *};
    use crate::{Context, Status};

    #[test]
    fn cert_sign() {
        assert_status(&SubscriberKeyUsageProhibitedBit, &CertBuilder::leaf(), Status::Pass);
        let b = CertBuilder::leaf().ext(&ext::KEY_USAGE, true, &bit_string(2, &[0x84]));
        assert_status(&SubscriberKeyUsageProhibitedBit, &b, Status::Error);
        let b = CertBuilder::leaf().without_ext(&ext::KEY_USAGE);
        assert_status(&SubscriberKeyUsageProhibitedBit, &b, Status::NotApplicable);
        assert_status(&SubscriberKeyUsageProhibitedBit, &CertBuilder::root(), Status::NotApplicable);
    }

    fn day_before(b: &CertBuilder, t: Time) -> CertBuilder {
        b.clone().not_before(Time::from_unix(t.unix() - 86_400))
    }

    fn rsa(b: CertBuilder) -> CertBuilder {
        let mut b = b;
        b.spki = rsa_spki(2048, 65537);
        b
    }

    const D2012: Time = Time::ymd(2012, 7, 1);

    #[test]
    fn name_constraints_present() {
        use super::super::profile::test_support::ocsp;
        assert_status(&EndEntityNameConstraintsPresent, &CertBuilder::leaf(), Status::Pass);
        let nc = seq(&[&ctx_cons(0, &seq(&[&ctx_prim(2, b"example.com")]))]);
        let b = CertBuilder::leaf().ext(&ext::NAME_CONSTRAINTS, true, &nc);
        assert_status(&EndEntityNameConstraintsPresent, &b, Status::Error);
        assert_status(&EndEntityNameConstraintsPresent, &ocsp().ext(&ext::NAME_CONSTRAINTS, true, &nc), Status::Error);
        assert_status(&EndEntityNameConstraintsPresent, &CertBuilder::sub_ca(), Status::NotApplicable);
        assert_status(&EndEntityNameConstraintsPresent, &day_before(&b, SC62), Status::NotEffective);
        assert_status(&EndEntityNameConstraintsPresent, &b.not_before(SC62), Status::Error);
    }

    #[test]
    fn aia_ku_ski_presence() {
        assert_status(&SubscriberAiaMissing, &CertBuilder::leaf(), Status::Pass);
        let b = CertBuilder::leaf().without_ext(&ext::AUTHORITY_INFO_ACCESS);
        assert_status(&SubscriberAiaMissing, &b, Status::Error);
        assert_status(&SubscriberAiaMissing, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&SubscriberAiaMissing, &day_before(&b, D2012), Status::NotEffective);
        assert_status(&SubscriberAiaMissing, &b.not_before(D2012), Status::Error);

        assert_status(&SubscriberKeyUsageMissing, &CertBuilder::leaf(), Status::Pass);
        let b = CertBuilder::leaf().without_ext(&ext::KEY_USAGE);
        assert_status(&SubscriberKeyUsageMissing, &b, Status::Warn);
        assert_status(
            &SubscriberKeyUsageMissing,
            &CertBuilder::root().without_ext(&ext::KEY_USAGE),
            Status::NotApplicable,
        );
        assert_status(&SubscriberKeyUsageMissing, &day_before(&b, SC62), Status::NotEffective);
        assert_status(&SubscriberKeyUsageMissing, &b.not_before(SC62), Status::Warn);

        assert_status(&SubscriberSkiPresent, &CertBuilder::leaf(), Status::Pass);
        let b = CertBuilder::leaf().ext(&ext::SUBJECT_KEY_IDENTIFIER, false, &octet_string(&[1; 20]));
        assert_status(&SubscriberSkiPresent, &b, Status::Warn);
        assert_status(&SubscriberSkiPresent, &CertBuilder::root(), Status::NotApplicable);
        assert_status(&SubscriberSkiPresent, &day_before(&b, SC62), Status::NotEffective);
        assert_status(&SubscriberSkiPresent, &b.not_before(SC62), Status::Warn);
    }

    #[test]
    fn ca_true() {
        assert_status(&SubscriberCaTrue, &CertBuilder::leaf(), Status::Pass);
        let b = CertBuilder::leaf().ext(&ext::BASIC_CONSTRAINTS, true, &seq(&[&boolean(true)]));
        assert_status(&SubscriberCaTrue, &b, Status::Error);
        assert_status(
            &SubscriberCaTrue,
            &CertBuilder::leaf().without_ext(&ext::BASIC_CONSTRAINTS),
            Status::NotApplicable,
        );
        assert_status(&SubscriberCaTrue, &CertBuilder::sub_ca(), Status::NotApplicable);
        assert_status(&SubscriberCaTrue, &day_before(&b, D2012), Status::NotEffective);
        assert_status(&SubscriberCaTrue, &b.not_before(D2012), Status::Error);
    }

    #[test]
    fn prohibited_bits() {
        use super::super::profile::test_support::ku;
        use KeyUsage as K;
        let r = &SubscriberKeyUsageProhibitedBit;
        // ECC (the builder's P-256 key).
        assert_status(r, &ku(CertBuilder::leaf(), &[K::DIGITAL_SIGNATURE, K::KEY_AGREEMENT]), Status::Pass);
        let b = ku(CertBuilder::leaf(), &[K::DIGITAL_SIGNATURE, K::KEY_ENCIPHERMENT]);
        assert_status(r, &b, Status::Error);
        let (_, msg) = finding(r, &b.build(), &Context::default());
        assert!(msg.contains("keyEncipherment, not permitted for an ECC key"), "{msg}");
        // Before the SC-062 profiles only the CA bits count.
        assert_status(r, &day_before(&b, SC62), Status::Pass);
        assert_status(r, &b.clone().not_before(SC62), Status::Error);
        let crl = ku(CertBuilder::leaf(), &[K::DIGITAL_SIGNATURE, K::CRL_SIGN]);
        assert_status(r, &day_before(&crl, SC62), Status::Error);
        assert_status(r, &day_before(&crl, D2012), Status::NotEffective);
        assert_status(r, &crl.not_before(D2012), Status::Error);
        // RSA.
        let ok = rsa(ku(CertBuilder::leaf(), &[K::DIGITAL_SIGNATURE, K::KEY_ENCIPHERMENT, K::DATA_ENCIPHERMENT]));
        assert_status(r, &ok, Status::Pass);
        let b = rsa(ku(CertBuilder::leaf(), &[K::DIGITAL_SIGNATURE, K::KEY_AGREEMENT]));
        assert_status(r, &b, Status::Error);
        let b = rsa(ku(CertBuilder::leaf(), &[K::DIGITAL_SIGNATURE, K::CONTENT_COMMITMENT]));
        let (_, msg) = finding(r, &b.build(), &Context::default());
        assert!(msg.contains("nonRepudiation, not permitted for an RSA key"), "{msg}");
    }

    #[test]
    fn required_and_recommended_bits() {
        use super::super::profile::test_support::ku;
        use KeyUsage as K;
        let req = &SubscriberKeyUsageRequiredBitMissing;
        assert_status(req, &CertBuilder::leaf(), Status::Pass);
        let ecc = ku(CertBuilder::leaf(), &[K::KEY_AGREEMENT]);
        assert_status(req, &ecc, Status::Error);
        assert_status(req, &rsa(ku(CertBuilder::leaf(), &[K::KEY_ENCIPHERMENT])), Status::Pass);
        assert_status(req, &rsa(ku(CertBuilder::leaf(), &[K::KEY_AGREEMENT])), Status::Error);
        assert_status(req, &CertBuilder::leaf().without_ext(&ext::KEY_USAGE), Status::NotApplicable);
        assert_status(req, &day_before(&ecc, SC62), Status::NotEffective);
        assert_status(req, &ecc.not_before(SC62), Status::Error);

        let rec = &SubscriberKeyUsageRecommendedBitMissing;
        assert_status(rec, &rsa(CertBuilder::leaf()), Status::Pass);
        let b = rsa(ku(CertBuilder::leaf(), &[K::KEY_ENCIPHERMENT]));
        assert_status(rec, &b, Status::Warn);
        assert_status(rec, &ku(CertBuilder::leaf(), &[K::KEY_AGREEMENT]), Status::NotApplicable);
        assert_status(rec, &day_before(&b, SC62), Status::NotEffective);
        assert_status(rec, &b.not_before(SC62), Status::Warn);
    }

    #[test]
    fn discouraged_and_mixed_bits() {
        use super::super::profile::test_support::ku;
        use KeyUsage as K;
        let d = &SubscriberKeyUsageDiscouragedBit;
        assert_status(d, &CertBuilder::leaf(), Status::Pass);
        let ecc = ku(CertBuilder::leaf(), &[K::DIGITAL_SIGNATURE, K::KEY_AGREEMENT]);
        assert_status(d, &ecc, Status::Warn);
        let r = rsa(ku(CertBuilder::leaf(), &[K::DIGITAL_SIGNATURE, K::DATA_ENCIPHERMENT]));
        assert_status(d, &r, Status::Warn);
        assert_status(d, &rsa(ku(CertBuilder::leaf(), &[K::KEY_AGREEMENT])), Status::Pass);
        assert_status(d, &CertBuilder::leaf().without_ext(&ext::KEY_USAGE), Status::NotApplicable);
        assert_status(d, &day_before(&ecc, SC62), Status::NotEffective);
        assert_status(d, &ecc.not_before(SC62), Status::Warn);

        let m = &SubscriberRsaKeyUsageMixed;
        assert_status(m, &rsa(CertBuilder::leaf()), Status::Pass);
        let b = rsa(ku(CertBuilder::leaf(), &[K::DIGITAL_SIGNATURE, K::KEY_ENCIPHERMENT]));
        assert_status(m, &b, Status::Warn);
        assert_status(m, &ku(CertBuilder::leaf(), &[K::DIGITAL_SIGNATURE, K::KEY_ENCIPHERMENT]), Status::NotApplicable);
        assert_status(m, &day_before(&b, SC62), Status::NotEffective);
        assert_status(m, &b.not_before(SC62), Status::Warn);
    }
}
