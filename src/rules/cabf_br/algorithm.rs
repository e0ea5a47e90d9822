//! Signature algorithms (TLS BR §7.1.3.2; MRSP §5.1).

use alloc::format;

use crate::cert::AlgorithmIdentifier;
use crate::cert_type::CertType;
use crate::oid::alg;
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::cabf_br::key::hex;
use crate::rules::eku_sets::cert_type;
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[&SignatureAlgorithmNotAllowed, &Sha1Signature, &Sha1SubscriberExpiresTooLate];

/// The signature AlgorithmIdentifier encodings of TLS BR §7.1.3.2 (SHA-1 excluded).
const ALLOWED: [&[u8]; 9] = [
    // RSASSA-PKCS1-v1_5 with SHA-256, SHA-384, SHA-512.
    &[0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00],
    &[0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c, 0x05, 0x00],
    &[0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0d, 0x05, 0x00],
    // RSASSA-PSS with SHA-256/MGF1-SHA-256/32, SHA-384/48, SHA-512/64.
    &PSS_SHA256,
    &PSS_SHA384,
    &PSS_SHA512,
    // ECDSA with SHA-256, SHA-384, SHA-512.
    &[0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02],
    &[0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03],
    &[0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x04],
];

const fn pss(hash: u8, salt: u8) -> [u8; 67] {
    [
        0x30, 0x41, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a, 0x30, 0x34, 0xa0, 0x0f, 0x30,
        0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, hash, 0x05, 0x00, 0xa1, 0x1c, 0x30, 0x1a,
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48,
        0x01, 0x65, 0x03, 0x04, 0x02, hash, 0x05, 0x00, 0xa2, 0x03, 0x02, 0x01, salt,
    ]
}
const PSS_SHA256: [u8; 67] = pss(0x01, 0x20);
const PSS_SHA384: [u8; 67] = pss(0x02, 0x30);
const PSS_SHA512: [u8; 67] = pss(0x03, 0x40);

fn is_sha1(a: &AlgorithmIdentifier<'_>) -> bool {
    a.oid.is(&alg::SHA1_WITH_RSA) || a.oid.is(&alg::ECDSA_WITH_SHA1) || a.oid.is(&alg::DSA_WITH_SHA1)
}

/// Whether the certificate is signed with a SHA-1 algorithm (TBS signature field).
pub(crate) fn signed_with_sha1(cert: &Certificate) -> bool {
    cert.tbs_signature_algorithm().is_ok_and(|a| is_sha1(&a))
}

/// `cabf_br.signature_algorithm_not_allowed`
///
/// **What it checks**: the signature AlgorithmIdentifier (TBS `signature` and outer
/// `signatureAlgorithm`) is byte-for-byte one of the nine encodings of TLS BR §7.1.3.2:
/// RSASSA-PKCS1-v1_5 with SHA-256/384/512 and a NULL parameter, the three RSASSA-PSS
/// parameter blobs, or ECDSA with SHA-256/384/512 without parameters. Certificates issued
/// before 2020-08-20 are only held to the algorithm, not its encoding.
///
/// **Why it matters**: TLS BR §7.1.3.2 and MRSP §5.1.1/§5.1.2 permit no other encodings;
/// weak hashes (MD5, SHA-224) and ambiguous parameter encodings are out.
///
/// **Example**: md5WithRSAEncryption fails, and so does sha256WithRSAEncryption without its
/// NULL (from 2020-08-20); ecdsa-with-SHA256 without parameters passes. SHA-1 signatures
/// are not applicable here (see `cabf_br.sha1_signature`).
pub struct SignatureAlgorithmNotAllowed;

impl Rule for SignatureAlgorithmNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.signature_algorithm_not_allowed", Source::CabfBr, Severity::Error)
                .summary("signature algorithm identifiers must be one of the encodings of BR §7.1.3.2")
                .citation("TLS BR §7.1.3.2; MRSP §5.1.1, §5.1.2")
                .scope(Scope::TLS_BR)
                .effective(Time::ymd(2012, 7, 1))
                .aliases(&[
                    "zlint:e_signature_algorithm_not_supported",
                    "zlint:e_mp_rsassa-pss_parameters_encoding_in_signature_algorithm_correct",
                    "zlint:e_mp_ecdsa_signature_encoding_correct",
                    "pkilint:cabf.serverauth.prohibited_signature_algorithm_encoding",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(tbs) = cert.tbs_signature_algorithm() else { return Outcome::NotApplicable };
        let outer = match cert.signature_algorithm() {
            Some(Ok(a)) => Some(a),
            _ => None,
        };
        let exact = !matches!(cert.not_before(), Some(nb) if nb < Time::ymd(2020, 8, 20));
        for a in core::iter::once(tbs).chain(outer) {
            if is_sha1(&a) {
                return Outcome::NotApplicable;
            }
            if exact {
                if !ALLOWED.contains(&a.raw) {
                    return Outcome::fail(format!("the signature AlgorithmIdentifier {} is not allowed", hex(a.raw)));
                }
            } else {
                let ok = [
                    alg::SHA256_WITH_RSA,
                    alg::SHA384_WITH_RSA,
                    alg::SHA512_WITH_RSA,
                    alg::RSASSA_PSS,
                    alg::ECDSA_WITH_SHA256,
                    alg::ECDSA_WITH_SHA384,
                    alg::ECDSA_WITH_SHA512,
                ]
                .iter()
                .any(|o| a.oid.is(o));
                if !ok {
                    return Outcome::fail(format!("the signature algorithm {} is not allowed", a.oid));
                }
            }
        }
        Outcome::Pass
    }
}

/// `cabf_br.sha1_signature`
///
/// **What it checks**: subordinate CA, subscriber, OCSP responder and precertificates are
/// not signed with SHA-1 (sha1WithRSAEncryption, ecdsa-with-SHA1, dsa-with-SHA1).
///
/// **Why it matters**: TLS BR §7.1.3.2.1 ended SHA-1 signatures on 2016-01-01; chosen-prefix
/// collisions make SHA-1 signatures forgeable. The only exception, re-issuing an existing
/// SHA-1 cross-certificate until 2026-09-15, cannot be verified from one certificate, so a
/// SHA-1 cross certificate issued before that day is reported as a warning.
///
/// **Example**: a subscriber certificate signed with sha1WithRSAEncryption in 2016 fails; a
/// SHA-256 signature passes; a SHA-1 cross certificate issued in 2024 warns; roots are not
/// applicable.
pub struct Sha1Signature;

impl Rule for Sha1Signature {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.sha1_signature", Source::CabfBr, Severity::Error)
            .summary("certificates other than roots must not be signed with SHA-1")
            .citation("TLS BR §7.1.3.2.1")
            .scope(Scope::SUB_CA.union(Scope::TLS_SUBSCRIBER).with(CertType::OcspResponder))
            .effective(Time::ymd(2016, 1, 1))
            .aliases(&["zlint:e_sub_cert_or_sub_ca_using_sha1"]);
        &META
    }

    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome {
        let Ok(a) = cert.tbs_signature_algorithm() else { return Outcome::NotApplicable };
        if !is_sha1(&a) {
            return Outcome::Pass;
        }
        let message = format!("the certificate is signed with SHA-1 ({})", a.oid);
        let cross = cert_type(cert, ctx) == CertType::SubCaCrossCertified;
        if cross && cert.not_before().is_some_and(|nb| nb < Time::ymd(2026, 9, 15)) && !cert.is_precertificate() {
            Outcome::fail_as(Severity::Warn, message)
        } else {
            Outcome::fail(message)
        }
    }
}

/// `cabf_br.sha1_subscriber_expires_too_late`
///
/// **What it checks**: a SHA-1-signed subscriber certificate issued during the SHA-1 sunset
/// (2015-01-16 to 2015-12-31) does not expire after 2017-01-01.
///
/// **Why it matters**: TLS BR 1.2.1 §7.1.3 said such certificates SHOULD NOT be valid past
/// 2017-01-01, when browsers stopped trusting SHA-1.
///
/// **Example**: a SHA-1 certificate issued 2015-06-01 expiring 2017-06-01 warns; one
/// expiring 2016-12-31 passes; a SHA-256 certificate is not applicable.
pub struct Sha1SubscriberExpiresTooLate;

impl Rule for Sha1SubscriberExpiresTooLate {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.sha1_subscriber_expires_too_late", Source::CabfBr, Severity::Warn)
                .summary("SHA-1 subscriber certificates issued in 2015 should expire by 2017-01-01")
                .citation("TLS BR §7.1.3 (v1.2.1)")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(Time::ymd(2015, 1, 16))
                .ineffective(Time::ymd(2016, 1, 1))
                .needs(Need::SignatureAlgorithm(&[alg::SHA1_WITH_RSA, alg::ECDSA_WITH_SHA1, alg::DSA_WITH_SHA1]))
                .aliases(&["zlint:w_sub_cert_sha1_expiration_too_long"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !signed_with_sha1(cert) {
            return Outcome::NotApplicable;
        }
        let Ok(v) = cert.validity() else { return Outcome::NotApplicable };
        if v.not_after.time > Time::ymd(2017, 1, 1) {
            Outcome::fail(format!("the SHA-1 certificate expires on {}, after 2017-01-01", v.not_after.time))
        } else {
            Outcome::Pass
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::testutil::der::*;
    use crate::testutil::*;
    use crate::Status;
    use alloc::vec::Vec;

    pub(crate) fn signed_with(b: CertBuilder, alg_id: Vec<u8>) -> CertBuilder {
        let mut b = b;
        b.tbs_sig_alg = alg_id;
        b
    }

    pub(crate) fn sha1_rsa() -> Vec<u8> {
        seq(&[&oid(&alg::SHA1_WITH_RSA), &null()])
    }

    #[test]
    fn encodings() {
        let r = &SignatureAlgorithmNotAllowed;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        for a in ALLOWED {
            assert_status(r, &signed_with(CertBuilder::leaf(), a.to_vec()), Status::Pass);
        }
        assert_eq!(PSS_SHA256.len(), 0x43);
        let no_null = signed_with(CertBuilder::leaf(), seq(&[&oid(&alg::SHA256_WITH_RSA)]));
        let (s, m) = finding(r, &no_null.build(), &Context::default());
        assert_eq!(
            (s, m.as_str()),
            (Status::Error, "the signature AlgorithmIdentifier 300b06092a864886f70d01010b is not allowed")
        );
        let ecdsa_null = signed_with(CertBuilder::leaf(), seq(&[&oid(&alg::ECDSA_WITH_SHA256), &null()]));
        assert_status(r, &ecdsa_null, Status::Error);
        let md5 = seq(&[&oid(&alg::MD5_WITH_RSA), &null()]);
        assert_status(r, &signed_with(CertBuilder::leaf(), md5.clone()), Status::Error);
        // Outer signatureAlgorithm is checked too.
        let mut outer = CertBuilder::leaf();
        outer.sig_alg = Some(ecdsa_null.tbs_sig_alg.clone());
        assert_status(r, &outer, Status::Error);
        assert_status(r, &signed_with(CertBuilder::leaf(), sha1_rsa()), Status::NotApplicable);
        // Before 2020-08-20 only the algorithm counts.
        let old = |b: CertBuilder, nb| b.validity(nb, Time::ymd(2020, 12, 1));
        assert_status(r, &old(no_null.clone(), Time::ymd(2020, 8, 19)), Status::Pass);
        assert_status(r, &old(no_null, Time::ymd(2020, 8, 20)), Status::Error);
        let md5 = signed_with(CertBuilder::leaf(), md5);
        assert_status(r, &old(md5.clone(), Time::ymd(2020, 8, 19)), Status::Error);
        assert_status(r, &old(md5.clone(), Time::ymd(2012, 6, 30)), Status::NotEffective);
        assert_status(r, &old(md5, Time::ymd(2012, 7, 1)), Status::Error);
    }

    #[test]
    fn sha1() {
        let r = &Sha1Signature;
        assert_status(r, &CertBuilder::leaf(), Status::Pass);
        let leaf = signed_with(CertBuilder::leaf(), sha1_rsa());
        let (s, m) = finding(r, &leaf.build(), &Context::default());
        assert_eq!((s, m.as_str()), (Status::Error, "the certificate is signed with SHA-1 (1.2.840.113549.1.1.5)"));
        let ecdsa = signed_with(CertBuilder::sub_ca(), seq(&[&oid(&alg::ECDSA_WITH_SHA1)]));
        assert_status(r, &ecdsa, Status::Error);
        let cross = signed_with(CertBuilder::sub_ca(), sha1_rsa()).without_ext(&crate::oid::ext::EXT_KEY_USAGE);
        let cross_at = |nb| cross.clone().validity(nb, Time::ymd(2030, 1, 1));
        assert_status(r, &cross_at(Time::ymd(2026, 9, 14)), Status::Warn);
        assert_status(r, &cross_at(Time::ymd(2026, 9, 15)), Status::Error);
        assert_status(r, &signed_with(CertBuilder::root(), sha1_rsa()), Status::NotApplicable);
        let at = |nb| leaf.clone().validity(nb, Time::ymd(2016, 6, 1));
        assert_status(r, &at(Time::ymd(2015, 12, 31)), Status::NotEffective);
        assert_status(r, &at(Time::ymd(2016, 1, 1)), Status::Error);
    }

    #[test]
    fn sha1_expiry() {
        let r = &Sha1SubscriberExpiresTooLate;
        let leaf = |nb, na| signed_with(CertBuilder::leaf(), sha1_rsa()).validity(nb, na);
        assert_status(r, &leaf(Time::ymd(2015, 6, 1), Time::ymd(2017, 1, 1)), Status::Pass);
        let (s, m) = finding(r, &leaf(Time::ymd(2015, 6, 1), Time::ymd(2017, 6, 1)).build(), &Context::default());
        assert_eq!(s, Status::Warn);
        assert!(m.contains("2017-06-01"), "{m}");
        let sha2 = CertBuilder::leaf().validity(Time::ymd(2015, 6, 1), Time::ymd(2017, 6, 1));
        assert_status(r, &sha2, Status::NotApplicable);
        assert_status(r, &leaf(Time::ymd(2015, 1, 15), Time::ymd(2017, 6, 1)), Status::NotEffective);
        assert_status(r, &leaf(Time::ymd(2015, 1, 16), Time::ymd(2017, 6, 1)), Status::Warn);
        assert_status(r, &leaf(Time::ymd(2016, 1, 1), Time::ymd(2017, 6, 1)), Status::NotEffective);
    }
}
