//! keyUsage (RFC 5280 §4.2.1.3).

use alloc::{format, string::String};

use super::spki::{key_kind, key_usage_mask, CheckWith, KeyKind, ML_DSA_KEYS, ML_KEM_KEYS, SLH_DSA_KEYS};
use crate::asn1::{tag, Tlv};
use crate::cert::KeyUsage;
use crate::oid::{alg, ext};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[
    &KeyUsageNoBitsSet,
    &KeyCertSignWithoutCa,
    &CaKeyUsageMissing,
    &CaKeyUsageMissingKeyCertSign,
    &KeyUsageNotCritical,
    &KeyUsageUnusedBitsWrong,
    &KeyUsageTrailingZeroOctets,
    &KeyUsageTooLong,
    &KeyUsageEncipherAndDecipherOnly,
    &RsaKeyUsageKeyAgreement,
    &RsaEeKeyUsageCertOrCrlSign,
    &RsaCaKeyUsageEnciphermentWithSigning,
    &DsaKeyUsageNotAllowed,
    &DhKeyUsageInvalid,
    &EcKeyUsageEncipherment,
    &EcEeKeyUsageNotAllowed,
    &EcCaKeyAgreementWithCertSign,
    &EcdhKeyUsageInvalid,
    &EddsaKeyUsageNotAllowed,
    &XdhKeyUsageNotAllowed,
    &XdhKeyUsageMissingKeyAgreement,
    &PssKeyUsageNotAllowed,
    &OaepKeyUsageNotAllowed,
    &OaepKeyUsageBothEncipherment,
    &MldsaKeyUsageNotAllowed,
    &SlhdsaKeyUsageNotAllowed,
    &MlkemKeyUsageNotAllowed,
];

/// `rfc5280.key_usage_no_bits_set`
///
/// **What it checks**: a keyUsage extension asserts at least one bit.
///
/// **Why it matters**: RFC 5280 §4.2.1.3 says that when the extension appears, at least
/// one of the bits MUST be set to 1; an empty key usage permits nothing.
///
/// **Example**: keyUsage encoded `03 01 00` (no bits) fails; `digitalSignature` passes;
/// no keyUsage is not applicable.
pub struct KeyUsageNoBitsSet;

impl Rule for KeyUsageNoBitsSet {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.key_usage_no_bits_set", Source::Rfc5280, Severity::Error)
            .summary("keyUsage must assert at least one bit")
            .citation("RFC 5280 §4.2.1.3")
            .effective(Time::ymd(2008, 5, 1))
            .needs(Need::Extension(&ext::KEY_USAGE))
            .aliases(&["zlint:e_ext_key_usage_without_bits", "pkilint:pkix.no_ku_bits_set"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.key_usage() {
            Some(Ok(ku)) => Outcome::check(!ku.value.is_empty(), "keyUsage asserts no bit"),
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.key_cert_sign_without_ca`
///
/// **What it checks**: keyCertSign is asserted only when basicConstraints asserts cA.
///
/// **Why it matters**: RFC 5280 §4.2.1.3 and §4.2.1.9: if keyCertSign is asserted, cA
/// MUST also be asserted; otherwise the key signs certificates that path validation will
/// never accept, or worse, that lax validators do.
///
/// **Example**: an end-entity certificate with keyUsage `keyCertSign` fails; a CA
/// certificate with it passes; keyUsage without keyCertSign is not applicable.
pub struct KeyCertSignWithoutCa;

impl Rule for KeyCertSignWithoutCa {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.key_cert_sign_without_ca", Source::Rfc5280, Severity::Error)
            .summary("keyCertSign requires basicConstraints cA=TRUE")
            .citation("RFC 5280 §4.2.1.3, §4.2.1.9")
            .effective(Time::ymd(2002, 4, 1))
            .needs(Need::Extension(&ext::KEY_USAGE))
            .aliases(&[
                "zlint:e_ext_key_usage_cert_sign_without_ca",
                "pkilint:pkix.ee_certificate_keycertsign_keyusage_set",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.key_usage() {
            Some(Ok(ku)) if ku.value.has(KeyUsage::KEY_CERT_SIGN) => {
                Outcome::check(cert.is_ca(), "keyCertSign is asserted but basicConstraints does not assert cA")
            }
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.ca_key_usage_missing`
///
/// **What it checks**: a CA certificate has a keyUsage extension.
///
/// **Why it matters**: RFC 5280 §4.2.1.3 says conforming CAs MUST include keyUsage in
/// certificates whose keys verify signatures on certificates or CRLs; without it nothing
/// limits what the CA key is used for.
///
/// **Example**: a root without keyUsage fails; with `keyCertSign, cRLSign` it passes;
/// end entities are not applicable.
pub struct CaKeyUsageMissing;

impl Rule for CaKeyUsageMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.ca_key_usage_missing", Source::Rfc5280, Severity::Error)
            .summary("CA certificates must include keyUsage")
            .citation("RFC 5280 §4.2.1.3")
            .scope(Scope::CA)
            .effective(Time::ymd(2002, 4, 1))
            .aliases(&["zlint:e_ca_key_usage_missing", "pkilint:pkix.ca_certificate_no_ku_extension"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        Outcome::check(cert.key_usage().is_some(), "the CA certificate has no keyUsage extension")
    }
}

// Named bits as a mask: bit `i` of the mask is keyUsage bit `i` (digitalSignature = 0).
const DS: u16 = 1 << KeyUsage::DIGITAL_SIGNATURE;
const NR: u16 = 1 << KeyUsage::CONTENT_COMMITMENT;
const KE: u16 = 1 << KeyUsage::KEY_ENCIPHERMENT;
const DE: u16 = 1 << KeyUsage::DATA_ENCIPHERMENT;
const KA: u16 = 1 << KeyUsage::KEY_AGREEMENT;
const KCS: u16 = 1 << KeyUsage::KEY_CERT_SIGN;
const CRL: u16 = 1 << KeyUsage::CRL_SIGN;
const EO: u16 = 1 << KeyUsage::ENCIPHER_ONLY;
const DO: u16 = 1 << KeyUsage::DECIPHER_ONLY;
/// Every named bit.
const ALL: u16 = DS | NR | KE | DE | KA | KCS | CRL | EO | DO;

/// The names of the bits in `m`, comma-separated (for failure messages only).
fn names(m: u16) -> String {
    let mut out = String::new();
    for (i, n) in KeyUsage::NAMES.iter().enumerate() {
        if m & (1 << i) != 0 {
            if !out.is_empty() {
                out.push_str(", ");
            }
            out.push_str(n);
        }
    }
    out
}

/// The key kind and the asserted keyUsage bits, when the key is one of `kinds` and keyUsage
/// decodes.
fn usage_for(cert: &Certificate, kinds: &[KeyKind]) -> Option<(KeyKind, u16)> {
    let kind = key_kind(cert)?;
    if !kinds.contains(&kind) {
        return None;
    }
    Some((kind, key_usage_mask(cert)?))
}

/// Fails when a key of one of `kinds` asserts a bit outside `allowed` (which may depend on
/// whether the certificate is a CA).
fn only(cert: &Certificate, kinds: &[KeyKind], allowed: impl Fn(bool) -> u16) -> Outcome {
    let Some((kind, m)) = usage_for(cert, kinds) else {
        return Outcome::NotApplicable;
    };
    let ca = cert.is_ca();
    let bad = m & !allowed(ca);
    if bad == 0 {
        Outcome::Pass
    } else {
        let who = if ca { "a CA" } else { "an end-entity" };
        Outcome::fail(format!("keyUsage asserts {} for an {} key in {who} certificate", names(bad), kind.name()))
    }
}

/// The raw keyUsage BIT STRING: unused-bits count and content octets.
fn raw_key_usage(cert: &Certificate) -> Option<(u8, &[u8])> {
    let ext = cert.extension(&ext::KEY_USAGE)?;
    if ext.error.is_some() {
        return None;
    }
    let bs = Tlv::parse(ext.value).and_then(|t| t.expect(tag::BIT_STRING)).ok()?;
    let (&unused, bytes) = bs.value.split_first()?;
    Some((unused, bytes))
}

/// `rfc5280.ca_key_usage_missing_key_cert_sign`
///
/// **What it checks**: a CA certificate's keyUsage asserts keyCertSign.
///
/// **Why it matters**: RFC 5280 §4.2.1.3 reserves certificate signing to keys with
/// keyCertSign and §4.2.1.9 ties cA to that bit; a CA certificate whose keyUsage omits it
/// certifies a key that may not sign certificates, so nothing it issues validates.
///
/// **Example**: a subordinate CA with keyUsage `cRLSign` only fails; `keyCertSign, cRLSign`
/// passes; end entities, and CAs without keyUsage, are not applicable.
pub struct CaKeyUsageMissingKeyCertSign;

impl Rule for CaKeyUsageMissingKeyCertSign {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.ca_key_usage_missing_key_cert_sign", Source::Rfc5280, Severity::Error)
                .summary("CA certificates' keyUsage must assert keyCertSign")
                .citation("RFC 5280 §4.2.1.3, §4.2.1.9")
                .scope(Scope::CA)
                .needs(Need::Extension(&ext::KEY_USAGE))
                .aliases(&["pkilint:pkix.ca_certificate_keycertsign_keyusage_not_set"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.key_usage() {
            Some(Ok(ku)) => Outcome::check(
                ku.value.has(KeyUsage::KEY_CERT_SIGN),
                "the CA certificate's keyUsage does not assert keyCertSign",
            ),
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.key_usage_not_critical`
///
/// **What it checks**: keyUsage, when present, is marked critical.
///
/// **Why it matters**: RFC 5280 §4.2.1.3 says conforming CAs SHOULD mark the extension
/// critical, so that a relying party that cannot honour the restriction rejects the
/// certificate instead of ignoring it.
///
/// **Example**: a non-critical keyUsage gets a warning; a critical one passes; no keyUsage
/// is not applicable.
pub struct KeyUsageNotCritical;

impl Rule for KeyUsageNotCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.key_usage_not_critical", Source::Rfc5280, Severity::Warn)
            .summary("keyUsage should be critical")
            .citation("RFC 5280 §4.2.1.3")
            .effective(Time::ymd(1999, 1, 1))
            .needs(Need::Extension(&ext::KEY_USAGE))
            .aliases(&["zlint:w_ext_key_usage_not_critical", "pkilint:pkix.key_usage_extension_not_critical"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&ext::KEY_USAGE) {
            Some(e) => Outcome::check(e.is_critical(), "keyUsage is not marked critical"),
            None => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.key_usage_unused_bits_wrong`
///
/// **What it checks**: the keyUsage BIT STRING's unused-bits octet equals the number of
/// trailing zero bits of its last content octet.
///
/// **Why it matters**: KeyUsage is a named bit list (RFC 5280 §4.2.1.3), and X.690 §11.2.2
/// has DER drop trailing zero bits, so the last octet's lowest used bit is 1 and every bit
/// below it is unused. Another count is BER, and encoders disagree on what it means.
///
/// **Example**: digitalSignature encoded `03 02 00 80` (no unused bits, seven trailing
/// zeros) fails; `03 02 07 80` passes; no keyUsage is not applicable (a last octet of 00 is
/// reported by `rfc5280.key_usage_trailing_zero_octets`).
pub struct KeyUsageUnusedBitsWrong;

impl Rule for KeyUsageUnusedBitsWrong {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.key_usage_unused_bits_wrong", Source::Rfc5280, Severity::Error)
            .summary("keyUsage unused-bits count must equal the trailing zero bits (DER named bit list)")
            .citation("RFC 5280 §4.2.1.3; X.690 §11.2.2")
            .needs(Need::Extension(&ext::KEY_USAGE))
            .aliases(&["zlint:e_incorrect_ku_encoding"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((unused, bytes)) = raw_key_usage(cert) else {
            return Outcome::NotApplicable;
        };
        match bytes.last() {
            None => Outcome::check(unused == 0, "an empty keyUsage BIT STRING declares unused bits"),
            Some(0) => Outcome::NotApplicable,
            Some(&last) => {
                let want = last.trailing_zeros() as u8;
                if unused == want {
                    Outcome::Pass
                } else {
                    Outcome::fail(format!(
                        "keyUsage declares {unused} unused bits but its last octet 0x{last:02x} has {want} trailing zero bits"
                    ))
                }
            }
        }
    }
}

/// `rfc5280.key_usage_trailing_zero_octets`
///
/// **What it checks**: the keyUsage BIT STRING does not end with an all-zero octet.
///
/// **Why it matters**: in DER a named bit list carries no trailing zero bits (X.690
/// §11.2.2), so it cannot end with a zero octet; `03 03 07 80 00` is the BER form of
/// digitalSignature.
///
/// **Example**: `03 03 07 80 00` fails; `03 02 07 80` passes; no keyUsage is not applicable.
pub struct KeyUsageTrailingZeroOctets;

impl Rule for KeyUsageTrailingZeroOctets {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.key_usage_trailing_zero_octets", Source::Rfc5280, Severity::Error)
                .summary("keyUsage must not end with a zero octet (DER named bit list)")
                .citation("RFC 5280 §4.2.1.3; X.690 §11.2.2")
                .needs(Need::Extension(&ext::KEY_USAGE))
                .aliases(&["zlint:e_superfluous_ku_encoding"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match raw_key_usage(cert) {
            Some((_, bytes)) => Outcome::check(bytes.last() != Some(&0), "keyUsage ends with a 0x00 octet"),
            None => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.key_usage_too_long`
///
/// **What it checks**: keyUsage has at most two content octets and asserts no bit beyond
/// decipherOnly (bit 8).
///
/// **Why it matters**: RFC 5280 §4.2.1.3 defines nine bits; anything beyond is undefined,
/// and the DER encoding of nine bits fits two octets.
///
/// **Example**: three content octets fail, as does bit 9; `keyCertSign, cRLSign` passes;
/// no keyUsage is not applicable.
pub struct KeyUsageTooLong;

impl Rule for KeyUsageTooLong {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.key_usage_too_long", Source::Rfc5280, Severity::Error)
            .summary("keyUsage has at most two octets and nine defined bits")
            .citation("RFC 5280 §4.2.1.3")
            .effective(Time::ymd(2008, 5, 1))
            .needs(Need::Extension(&ext::KEY_USAGE))
            .aliases(&["zlint:e_key_usage_incorrect_length"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.key_usage() {
            Some(Ok(ku)) if ku.value.len > 2 => {
                Outcome::fail(format!("keyUsage has {} content octets; nine bits fit in two", ku.value.len))
            }
            Some(Ok(ku)) => {
                Outcome::check(!ku.value.has_undefined_bits(), "keyUsage asserts a bit beyond decipherOnly")
            }
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.key_usage_encipher_and_decipher_only`
///
/// **What it checks**: keyUsage does not assert both encipherOnly and decipherOnly.
///
/// **Why it matters**: the two bits restrict a key-agreement key to one direction each
/// (RFC 5280 §4.2.1.3); RFC 3279 §2.3.3 says keyUsage MUST NOT assert both, and RFC 5480
/// §3 and RFC 8410 §5 allow only one of them. Both together leave the key no use.
///
/// **Example**: `keyAgreement, encipherOnly, decipherOnly` fails; `keyAgreement,
/// encipherOnly` passes; no keyUsage is not applicable.
pub struct KeyUsageEncipherAndDecipherOnly;

impl Rule for KeyUsageEncipherAndDecipherOnly {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.key_usage_encipher_and_decipher_only", Source::Rfc5280, Severity::Error)
                .summary("keyUsage must not assert both encipherOnly and decipherOnly")
                .citation("RFC 5280 §4.2.1.3; RFC 3279 §2.3.3; RFC 5480 §3; RFC 8410 §5")
                .needs(Need::Extension(&ext::KEY_USAGE))
                .aliases(&["pkilint:pkix.both_encipheronly_and_decipheronly_ku_set"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.key_usage() {
            Some(Ok(ku)) => Outcome::check(
                !(ku.value.has(KeyUsage::ENCIPHER_ONLY) && ku.value.has(KeyUsage::DECIPHER_ONLY)),
                "keyUsage asserts both encipherOnly and decipherOnly",
            ),
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc3279.rsa_key_usage_key_agreement`
///
/// **What it checks**: an rsaEncryption key's keyUsage does not assert keyAgreement,
/// encipherOnly or decipherOnly.
///
/// **Why it matters**: RFC 3279 §2.3.1 lists what an RSA key may carry: digitalSignature,
/// nonRepudiation, keyEncipherment, dataEncipherment, and for CAs keyCertSign and cRLSign.
/// RSA has no key-agreement mode, so the other bits describe a use the key cannot have.
///
/// **Example**: an RSA leaf with `digitalSignature, keyAgreement` fails; `digitalSignature,
/// keyEncipherment` passes; EC keys are not applicable.
pub struct RsaKeyUsageKeyAgreement;

impl Rule for RsaKeyUsageKeyAgreement {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc3279.rsa_key_usage_key_agreement", Source::Rfc5280, Severity::Error)
            .summary("RSA keys must not assert keyAgreement, encipherOnly or decipherOnly")
            .citation("RFC 3279 §2.3.1")
            .effective(Time::ymd(2002, 4, 1))
            .needs(Need::KeyAlgorithm(&[alg::RSA_ENCRYPTION]))
            .aliases(&[
                "zlint:e_rsa_allowed_ku_ee",
                "zlint:e_rsa_allowed_ku_ca",
                "pkilint:pkix.key_usage_value_prohibited_for_rsa",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        only(cert, &[KeyKind::Rsa], |_| ALL & !(KA | EO | DO))
    }
}

/// `rfc3279.rsa_ee_key_usage_cert_or_crl_sign`
///
/// **What it checks**: in an end-entity certificate, an rsaEncryption key's keyUsage does
/// not assert cRLSign.
///
/// **Why it matters**: RFC 3279 §2.3.1 allows keyCertSign and cRLSign only in CA or CRL
/// issuer certificates; an end entity may carry digitalSignature, nonRepudiation,
/// keyEncipherment and dataEncipherment. (keyCertSign there is reported by
/// `rfc5280.key_cert_sign_without_ca`.)
///
/// **Example**: an RSA leaf with `digitalSignature, cRLSign` fails; `digitalSignature`
/// passes; CA certificates and EC keys are not applicable.
pub struct RsaEeKeyUsageCertOrCrlSign;

impl Rule for RsaEeKeyUsageCertOrCrlSign {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc3279.rsa_ee_key_usage_cert_or_crl_sign", Source::Rfc5280, Severity::Error)
                .summary("RSA end-entity keys must not assert cRLSign")
                .citation("RFC 3279 §2.3.1")
                .scope(Scope::END_ENTITY)
                .effective(Time::ymd(2002, 4, 1))
                .needs(Need::KeyAlgorithm(&[alg::RSA_ENCRYPTION]))
                .aliases(&["zlint:e_rsa_allowed_ku_ee"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        only(cert, &[KeyKind::Rsa], |_| ALL & !CRL)
    }
}

/// `rfc3279.rsa_ca_key_usage_encipherment_with_signing`
///
/// **What it checks**: an RSA CA key that asserts keyCertSign or cRLSign does not also
/// assert keyEncipherment or dataEncipherment.
///
/// **Why it matters**: RFC 3279 §2.3.1 recommends that when keyCertSign or cRLSign is
/// present, keyEncipherment and dataEncipherment SHOULD NOT be: a CA key should not double
/// as an encryption key.
///
/// **Example**: an RSA root with `keyCertSign, cRLSign, keyEncipherment` gets a warning;
/// `keyCertSign, cRLSign` passes; end entities and EC keys are not applicable.
pub struct RsaCaKeyUsageEnciphermentWithSigning;

impl Rule for RsaCaKeyUsageEnciphermentWithSigning {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc3279.rsa_ca_key_usage_encipherment_with_signing", Source::Rfc5280, Severity::Warn)
                .summary("RSA CA keys that sign certificates or CRLs should not assert encipherment")
                .citation("RFC 3279 §2.3.1")
                .scope(Scope::CA)
                .effective(Time::ymd(2002, 4, 1))
                .needs(Need::KeyAlgorithm(&[alg::RSA_ENCRYPTION]))
                .aliases(&["zlint:e_rsa_allowed_ku_no_encipherment_ca"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match usage_for(cert, &[KeyKind::Rsa]) {
            Some((_, m)) if m & (KCS | CRL) != 0 => {
                let bad = m & (KE | DE);
                if bad == 0 {
                    Outcome::Pass
                } else {
                    Outcome::fail(format!("an RSA CA key that signs certificates or CRLs also asserts {}", names(bad)))
                }
            }
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc3279.dsa_key_usage_not_allowed`
///
/// **What it checks**: an id-dsa key asserts only digitalSignature and nonRepudiation, plus
/// keyCertSign and cRLSign in CA certificates.
///
/// **Why it matters**: RFC 3279 §2.3.2 lists those as the values that may be present; DSA
/// is a signature-only algorithm.
///
/// **Example**: a DSA leaf with `keyEncipherment` fails, as does `cRLSign` in a leaf; a DSA
/// CA with `keyCertSign, cRLSign` passes; RSA keys are not applicable.
pub struct DsaKeyUsageNotAllowed;

impl Rule for DsaKeyUsageNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc3279.dsa_key_usage_not_allowed", Source::Rfc5280, Severity::Error)
            .summary("DSA keys may assert only signing usages")
            .citation("RFC 3279 §2.3.2")
            .effective(Time::ymd(2002, 4, 1))
            .needs(Need::KeyAlgorithm(&[alg::DSA]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        only(cert, &[KeyKind::Dsa], |ca| if ca { DS | NR | KCS | CRL } else { DS | NR | KCS })
    }
}

/// Fails unless keyUsage asserts keyAgreement and otherwise only encipherOnly/decipherOnly.
fn agreement_only(cert: &Certificate, kinds: &[KeyKind]) -> Outcome {
    let Some((kind, m)) = usage_for(cert, kinds) else {
        return Outcome::NotApplicable;
    };
    if m & KA == 0 {
        return Outcome::fail(format!("keyUsage of an {} key does not assert keyAgreement", kind.name()));
    }
    let bad = m & !(KA | EO | DO);
    if bad == 0 {
        Outcome::Pass
    } else {
        Outcome::fail(format!("keyUsage asserts {} for an {} key", names(bad), kind.name()))
    }
}

/// `rfc3279.dh_key_usage_invalid`
///
/// **What it checks**: a dhpublicnumber key's keyUsage asserts keyAgreement and nothing but
/// encipherOnly or decipherOnly besides.
///
/// **Why it matters**: RFC 3279 §2.3.3: if present, keyUsage MUST assert keyAgreement and
/// may add encipherOnly or decipherOnly; a DH key can do nothing else.
///
/// **Example**: a DH key with `digitalSignature, keyAgreement` fails, as does one without
/// keyAgreement; `keyAgreement` passes; other keys are not applicable.
pub struct DhKeyUsageInvalid;

impl Rule for DhKeyUsageInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc3279.dh_key_usage_invalid", Source::Rfc5280, Severity::Error)
            .summary("DH keys must assert keyAgreement and only encipherOnly/decipherOnly besides")
            .citation("RFC 3279 §2.3.3")
            .effective(Time::ymd(2002, 4, 1))
            .needs(Need::KeyAlgorithm(&[alg::DH_PUBLIC_NUMBER]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        // keyCertSign in a CA certificate with a DH key is also outside the list.
        agreement_only(cert, &[KeyKind::Dh])
    }
}

/// `rfc8813.ec_key_usage_encipherment`
///
/// **What it checks**: an id-ecPublicKey, id-ecDH or id-ecMQV key's keyUsage asserts neither
/// keyEncipherment nor dataEncipherment.
///
/// **Why it matters**: RFC 8813 §3 updates RFC 5480: those two bits MUST NOT be asserted for
/// EC keys, which have no encryption primitive in X.509 use.
///
/// **Example**: a P-256 leaf with `digitalSignature, keyEncipherment` fails;
/// `digitalSignature` passes; RSA keys are not applicable.
pub struct EcKeyUsageEncipherment;

impl Rule for EcKeyUsageEncipherment {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc8813.ec_key_usage_encipherment", Source::Rfc5280, Severity::Error)
            .summary("EC keys must not assert keyEncipherment or dataEncipherment")
            .citation("RFC 8813 §3")
            .effective(Time::ymd(2020, 8, 1))
            .needs(Need::KeyAlgorithm(&[alg::EC_PUBLIC_KEY, alg::EC_DH, alg::EC_MQV]))
            .aliases(&["zlint:e_ecdsa_allowed_ku", "pkilint:pkix.key_usage_value_prohibited_for_ec"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        only(cert, &[KeyKind::Ec, KeyKind::EcDh, KeyKind::EcMqv], |_| ALL & !(KE | DE))
    }
}

/// `rfc5480.ec_ee_key_usage_not_allowed`
///
/// **What it checks**: in an end-entity certificate an id-ecPublicKey key asserts neither
/// keyCertSign nor cRLSign.
///
/// **Why it matters**: RFC 5480 §3 lists digitalSignature, nonRepudiation and keyAgreement
/// (with encipherOnly or decipherOnly) as the values an EC end-entity key may carry.
/// (Encipherment bits are reported by `rfc8813.ec_key_usage_encipherment`.)
///
/// **Example**: a P-256 leaf with `digitalSignature, cRLSign` gets a notice;
/// `digitalSignature` passes; CAs and RSA keys are not applicable.
pub struct EcEeKeyUsageNotAllowed;

impl Rule for EcEeKeyUsageNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5480.ec_ee_key_usage_not_allowed", Source::Rfc5280, Severity::Notice)
            .summary("EC end-entity keys should not assert keyCertSign or cRLSign")
            .citation("RFC 5480 §3")
            .scope(Scope::END_ENTITY)
            .effective(Time::ymd(2012, 7, 1))
            .needs(Need::KeyAlgorithm(&[alg::EC_PUBLIC_KEY]))
            .aliases(&["zlint:n_ecdsa_ee_invalid_ku"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        only(cert, &[KeyKind::Ec], |_| ALL & !(KCS | CRL))
    }
}

/// `rfc5480.ec_ca_key_agreement_with_cert_sign`
///
/// **What it checks**: an EC CA key that asserts keyCertSign or cRLSign does not also
/// assert keyAgreement, encipherOnly or decipherOnly.
///
/// **Why it matters**: RFC 5480 §3 recommends that when keyCertSign or cRLSign is present,
/// keyAgreement, encipherOnly and decipherOnly SHOULD NOT be: a CA key should not double as
/// a key-agreement key.
///
/// **Example**: a P-384 root with `keyCertSign, cRLSign, keyAgreement` gets a warning;
/// `keyCertSign, cRLSign` passes; end entities and RSA keys are not applicable.
pub struct EcCaKeyAgreementWithCertSign;

impl Rule for EcCaKeyAgreementWithCertSign {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5480.ec_ca_key_agreement_with_cert_sign", Source::Rfc5280, Severity::Warn)
                .summary("EC CA keys that sign certificates or CRLs should not assert key agreement")
                .citation("RFC 5480 §3")
                .scope(Scope::CA)
                .effective(Time::ymd(2009, 3, 1))
                .needs(Need::KeyAlgorithm(&[alg::EC_PUBLIC_KEY]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match usage_for(cert, &[KeyKind::Ec]) {
            Some((_, m)) if m & (KCS | CRL) != 0 => {
                let bad = m & (KA | EO | DO);
                if bad == 0 {
                    Outcome::Pass
                } else {
                    Outcome::fail(format!("an EC CA key that signs certificates or CRLs also asserts {}", names(bad)))
                }
            }
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc5480.ecdh_key_usage_invalid`
///
/// **What it checks**: an id-ecDH or id-ecMQV key's keyUsage asserts keyAgreement, and
/// nothing but encipherOnly or decipherOnly besides.
///
/// **Why it matters**: RFC 5480 §3: for these restricted identifiers keyAgreement MUST be
/// present, and digitalSignature, nonRepudiation, keyTransport (keyEncipherment),
/// keyCertSign and cRLSign MUST NOT be.
///
/// **Example**: an id-ecDH key with `digitalSignature` fails; `keyAgreement` passes;
/// id-ecPublicKey keys are not applicable.
pub struct EcdhKeyUsageInvalid;

impl Rule for EcdhKeyUsageInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5480.ecdh_key_usage_invalid", Source::Rfc5280, Severity::Error)
            .summary("id-ecDH/id-ecMQV keys must assert keyAgreement and no signing or encipherment bit")
            .citation("RFC 5480 §3")
            .effective(Time::ymd(2009, 3, 1))
            .needs(Need::KeyAlgorithm(&[alg::EC_DH, alg::EC_MQV]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        agreement_only(cert, &[KeyKind::EcDh, KeyKind::EcMqv])
    }
}

/// `rfc8410.eddsa_key_usage_not_allowed`
///
/// **What it checks**: an id-Ed25519 or id-Ed448 key asserts only digitalSignature and
/// nonRepudiation, plus keyCertSign and cRLSign in CA certificates.
///
/// **Why it matters**: RFC 8410 §5 says the keyUsage of an EdDSA key MUST contain only
/// those values (signing ones); EdDSA keys cannot encrypt or agree keys.
///
/// **Example**: an Ed25519 leaf with `keyAgreement` fails, as does `cRLSign` in a leaf; a
/// CA with `keyCertSign, cRLSign` passes; RSA keys are not applicable.
pub struct EddsaKeyUsageNotAllowed;

impl Rule for EddsaKeyUsageNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc8410.eddsa_key_usage_not_allowed", Source::Rfc5280, Severity::Error)
            .summary("Ed25519/Ed448 keys may assert only signing usages")
            .citation("RFC 8410 §5")
            .effective(Time::ymd(2018, 8, 1))
            .needs(Need::KeyAlgorithm(&[alg::ED25519, alg::ED448]))
            .aliases(&["pkilint:pkix.key_usage_value_prohibited_for_edwards_curve"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        only(cert, &[KeyKind::Ed25519, KeyKind::Ed448], |ca| if ca { DS | NR | KCS | CRL } else { DS | NR | KCS })
    }
}

/// `rfc8410.xdh_key_usage_not_allowed`
///
/// **What it checks**: an id-X25519 or id-X448 key asserts no bit other than keyAgreement,
/// encipherOnly and decipherOnly.
///
/// **Why it matters**: RFC 8410 §5: these are key-agreement keys; keyAgreement MUST be
/// present and only encipherOnly or decipherOnly may join it.
///
/// **Example**: an X25519 key with `digitalSignature, keyAgreement` fails; `keyAgreement`
/// passes; Ed25519 keys are not applicable.
pub struct XdhKeyUsageNotAllowed;

impl Rule for XdhKeyUsageNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc8410.xdh_key_usage_not_allowed", Source::Rfc5280, Severity::Error)
            .summary("X25519/X448 keys may assert only keyAgreement, encipherOnly, decipherOnly")
            .citation("RFC 8410 §5")
            .effective(Time::ymd(2018, 8, 1))
            .needs(Need::KeyAlgorithm(&[alg::X25519, alg::X448]))
            .aliases(&["pkilint:pkix.key_usage_value_prohibited_for_edwards_curve"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        only(cert, &[KeyKind::X25519, KeyKind::X448], |_| KA | EO | DO)
    }
}

/// `rfc8410.xdh_key_usage_missing_key_agreement`
///
/// **What it checks**: an id-X25519 or id-X448 key's keyUsage asserts keyAgreement.
///
/// **Why it matters**: RFC 8410 §5 says keyAgreement MUST be present when keyUsage is; the
/// key has no other use.
///
/// **Example**: an X448 key with `encipherOnly` alone fails; `keyAgreement` passes; Ed448
/// keys are not applicable.
pub struct XdhKeyUsageMissingKeyAgreement;

impl Rule for XdhKeyUsageMissingKeyAgreement {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc8410.xdh_key_usage_missing_key_agreement", Source::Rfc5280, Severity::Error)
                .summary("X25519/X448 keys' keyUsage must assert keyAgreement")
                .citation("RFC 8410 §5")
                .effective(Time::ymd(2018, 8, 1))
                .needs(Need::KeyAlgorithm(&[alg::X25519, alg::X448]))
                .aliases(&["pkilint:pkix.key_usage_value_required_but_missing_for_edwards_curve"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match usage_for(cert, &[KeyKind::X25519, KeyKind::X448]) {
            Some((kind, m)) => Outcome::check_with(m & KA != 0, || {
                format!("keyUsage of an {} key does not assert keyAgreement", kind.name())
            }),
            None => Outcome::NotApplicable,
        }
    }
}

/// `rfc4055.pss_key_usage_not_allowed`
///
/// **What it checks**: an id-RSASSA-PSS key asserts only digitalSignature and
/// nonRepudiation, plus keyCertSign and cRLSign in CA certificates.
///
/// **Why it matters**: RFC 4055 §1.2: a key labelled id-RSASSA-PSS is restricted to PSS
/// signatures, and its keyUsage MUST hold only those signing values.
///
/// **Example**: a PSS leaf with `keyEncipherment` fails; `digitalSignature` passes;
/// rsaEncryption keys are not applicable.
pub struct PssKeyUsageNotAllowed;

impl Rule for PssKeyUsageNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc4055.pss_key_usage_not_allowed", Source::Rfc5280, Severity::Error)
            .summary("id-RSASSA-PSS keys may assert only signing usages")
            .citation("RFC 4055 §1.2")
            .effective(Time::ymd(2005, 6, 1))
            .needs(Need::KeyAlgorithm(&[alg::RSASSA_PSS]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        only(cert, &[KeyKind::RsaPss], |ca| if ca { DS | NR | KCS | CRL } else { DS | NR | KCS })
    }
}

/// `rfc4055.oaep_key_usage_not_allowed`
///
/// **What it checks**: an id-RSAES-OAEP key asserts only keyEncipherment and
/// dataEncipherment.
///
/// **Why it matters**: RFC 4055 §1.2: a key labelled id-RSAES-OAEP is restricted to OAEP
/// key transport, and its keyUsage MUST contain only those two values.
///
/// **Example**: an OAEP key with `digitalSignature` fails; `keyEncipherment` passes;
/// rsaEncryption keys are not applicable.
pub struct OaepKeyUsageNotAllowed;

impl Rule for OaepKeyUsageNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc4055.oaep_key_usage_not_allowed", Source::Rfc5280, Severity::Error)
            .summary("id-RSAES-OAEP keys may assert only keyEncipherment and dataEncipherment")
            .citation("RFC 4055 §1.2")
            .effective(Time::ymd(2005, 6, 1))
            .needs(Need::KeyAlgorithm(&[alg::RSAES_OAEP]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        only(cert, &[KeyKind::RsaOaep], |_| KE | DE)
    }
}

/// `rfc4055.oaep_key_usage_both_encipherment`
///
/// **What it checks**: an id-RSAES-OAEP key does not assert both keyEncipherment and
/// dataEncipherment.
///
/// **Why it matters**: RFC 4055 §1.2 says both SHOULD NOT be present; one key should serve
/// one purpose.
///
/// **Example**: an OAEP key with `keyEncipherment, dataEncipherment` gets a warning;
/// `keyEncipherment` passes; rsaEncryption keys are not applicable.
pub struct OaepKeyUsageBothEncipherment;

impl Rule for OaepKeyUsageBothEncipherment {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc4055.oaep_key_usage_both_encipherment", Source::Rfc5280, Severity::Warn)
                .summary("id-RSAES-OAEP keys should not assert both keyEncipherment and dataEncipherment")
                .citation("RFC 4055 §1.2")
                .effective(Time::ymd(2005, 6, 1))
                .needs(Need::KeyAlgorithm(&[alg::RSAES_OAEP]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match usage_for(cert, &[KeyKind::RsaOaep]) {
            Some((_, m)) => Outcome::check(
                m & (KE | DE) != (KE | DE),
                "keyUsage of an id-RSAES-OAEP key asserts both keyEncipherment and dataEncipherment",
            ),
            None => Outcome::NotApplicable,
        }
    }
}

/// `rfc9881.mldsa_key_usage_not_allowed`
///
/// **What it checks**: an ML-DSA key (id-ml-dsa-44/65/87) asserts no keyEncipherment,
/// dataEncipherment, keyAgreement, encipherOnly or decipherOnly.
///
/// **Why it matters**: the LAMPS ML-DSA certificate profile (§5) allows only the signing
/// values digitalSignature, nonRepudiation, keyCertSign and cRLSign; ML-DSA is a signature
/// algorithm and cannot encrypt or agree keys.
///
/// **Example**: an ML-DSA-65 key with `keyEncipherment` fails; `digitalSignature` passes;
/// RSA keys are not applicable.
pub struct MldsaKeyUsageNotAllowed;

impl Rule for MldsaKeyUsageNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc9881.mldsa_key_usage_not_allowed", Source::Rfc5280, Severity::Error)
            .summary("ML-DSA keys may assert only signing usages")
            .citation("ML-DSA certificate profile (LAMPS) §5")
            .needs(Need::KeyAlgorithm(ML_DSA_KEYS))
            .aliases(&["pkilint:pkix.key_usage_value_prohibited_for_mldsa"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        only(cert, &[KeyKind::MlDsa], |_| DS | NR | KCS | CRL)
    }
}

/// `rfc9909.slhdsa_key_usage_not_allowed`
///
/// **What it checks**: an SLH-DSA key (id-slh-dsa-*) asserts no keyEncipherment,
/// dataEncipherment, keyAgreement, encipherOnly or decipherOnly.
///
/// **Why it matters**: the LAMPS SLH-DSA certificate profile allows only the signing values
/// digitalSignature, nonRepudiation, keyCertSign and cRLSign.
///
/// **Example**: an SLH-DSA key with `keyAgreement` fails; `digitalSignature` passes; RSA
/// keys are not applicable.
pub struct SlhdsaKeyUsageNotAllowed;

impl Rule for SlhdsaKeyUsageNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc9909.slhdsa_key_usage_not_allowed", Source::Rfc5280, Severity::Error)
            .summary("SLH-DSA keys may assert only signing usages")
            .citation("SLH-DSA certificate profile (LAMPS)")
            .needs(Need::KeyAlgorithm(SLH_DSA_KEYS))
            .aliases(&["pkilint:pkix.key_usage_value_prohibited_for_slhdsa"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        only(cert, &[KeyKind::SlhDsa], |_| DS | NR | KCS | CRL)
    }
}

/// `rfc9935.mlkem_key_usage_not_allowed`
///
/// **What it checks**: an ML-KEM key's keyUsage is exactly keyEncipherment.
///
/// **Why it matters**: the LAMPS ML-KEM certificate profile makes keyEncipherment the only
/// key usage of a KEM key: it encapsulates keys and does nothing else.
///
/// **Example**: an ML-KEM-768 key with `keyAgreement` fails, as does one without
/// keyEncipherment; `keyEncipherment` passes; other keys are not applicable.
pub struct MlkemKeyUsageNotAllowed;

impl Rule for MlkemKeyUsageNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc9935.mlkem_key_usage_not_allowed", Source::Rfc5280, Severity::Error)
            .summary("ML-KEM keys' keyUsage must be exactly keyEncipherment")
            .citation("ML-KEM certificate profile (LAMPS)")
            .needs(Need::KeyAlgorithm(ML_KEM_KEYS))
            .aliases(&["pkilint:pkix.key_usage_value_prohibited_for_mlkem"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match usage_for(cert, &[KeyKind::MlKem]) {
            Some((_, m)) if m & KE == 0 => Outcome::fail("keyUsage of an ML-KEM key does not assert keyEncipherment"),
            Some(_) => only(cert, &[KeyKind::MlKem], |_| KE),
            None => Outcome::NotApplicable,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::ext;
    use crate::testutil::{der::*, *};
    use crate::Status;

    use crate::oid::{alg, ObjectIdentifier};
    use alloc::{vec, vec::Vec};

    /// The DER keyUsage BIT STRING for a mask of named bits.
    fn ku(m: u16) -> Vec<u8> {
        if m == 0 {
            return bit_string(0, &[]);
        }
        let top = 15 - m.leading_zeros() as usize;
        let mut bytes = vec![0u8; top / 8 + 1];
        for i in 0..=top {
            if m & (1 << i) != 0 {
                bytes[i / 8] |= 0x80 >> (i % 8);
            }
        }
        let unused = bytes.last().unwrap().trailing_zeros() as u8;
        bit_string(unused, &bytes)
    }

    fn key(o: &ObjectIdentifier) -> Vec<u8> {
        match *o {
            alg::RSA_ENCRYPTION => rsa_spki(2048, 65537),
            alg::EC_PUBLIC_KEY => p256_spki(),
            _ => spki(&seq(&[&oid(o)]), &[9; 32]),
        }
    }

    fn with(mut b: CertBuilder, o: &ObjectIdentifier, m: u16) -> CertBuilder {
        b.spki = key(o);
        b.ext(&ext::KEY_USAGE, true, &ku(m))
    }

    fn leaf(o: &ObjectIdentifier, m: u16) -> CertBuilder {
        with(CertBuilder::leaf(), o, m)
    }

    fn ca(o: &ObjectIdentifier, m: u16) -> CertBuilder {
        with(CertBuilder::root(), o, m)
    }

    fn msg(rule: &'static dyn Rule, b: &CertBuilder) -> String {
        finding(rule, &b.build(), &Context::default()).1
    }

    #[test]
    fn ku_helper_matches_known_encodings() {
        assert_eq!(ku(DS), bit_string(7, &[0x80]));
        assert_eq!(ku(KCS | CRL), bit_string(1, &[0x06]));
        assert_eq!(ku(DS | DO), bit_string(7, &[0x80, 0x80]));
    }

    #[test]
    fn ca_key_cert_sign() {
        assert_status(&CaKeyUsageMissingKeyCertSign, &CertBuilder::root(), Status::Pass);
        let b = CertBuilder::root().ext(&ext::KEY_USAGE, true, &ku(CRL));
        assert_status(&CaKeyUsageMissingKeyCertSign, &b, Status::Error);
        assert_status(&CaKeyUsageMissingKeyCertSign, &CertBuilder::leaf(), Status::NotApplicable);
        let none = CertBuilder::root().without_ext(&ext::KEY_USAGE);
        assert_status(&CaKeyUsageMissingKeyCertSign, &none, Status::NotApplicable);
    }

    #[test]
    fn not_critical() {
        assert_status(&KeyUsageNotCritical, &CertBuilder::leaf(), Status::Pass);
        let b = CertBuilder::leaf().ext(&ext::KEY_USAGE, false, &ku(DS));
        assert_status(&KeyUsageNotCritical, &b, Status::Warn);
        assert_status(&KeyUsageNotCritical, &CertBuilder::leaf().without_ext(&ext::KEY_USAGE), Status::NotApplicable);
    }

    #[test]
    fn raw_encoding() {
        let raw = |unused: u8, bytes: &[u8]| CertBuilder::leaf().ext(&ext::KEY_USAGE, true, &bit_string(unused, bytes));
        assert_status(&KeyUsageUnusedBitsWrong, &CertBuilder::leaf(), Status::Pass);
        assert_eq!(
            msg(&KeyUsageUnusedBitsWrong, &raw(0, &[0x80])),
            "keyUsage declares 0 unused bits but its last octet 0x80 has 7 trailing zero bits"
        );
        assert_status(&KeyUsageUnusedBitsWrong, &raw(7, &[0x80, 0x00]), Status::NotApplicable);
        assert_status(&KeyUsageUnusedBitsWrong, &raw(0, &[]), Status::Pass);
        assert_status(
            &KeyUsageUnusedBitsWrong,
            &CertBuilder::leaf().without_ext(&ext::KEY_USAGE),
            Status::NotApplicable,
        );

        assert_status(&KeyUsageTrailingZeroOctets, &CertBuilder::leaf(), Status::Pass);
        assert_status(&KeyUsageTrailingZeroOctets, &raw(7, &[0x80, 0x00]), Status::Error);
        assert_status(
            &KeyUsageTrailingZeroOctets,
            &CertBuilder::leaf().without_ext(&ext::KEY_USAGE),
            Status::NotApplicable,
        );

        assert_status(&KeyUsageTooLong, &CertBuilder::leaf(), Status::Pass);
        assert_status(&KeyUsageTooLong, &raw(7, &[0x80, 0x00, 0x80]), Status::Error);
        assert_eq!(msg(&KeyUsageTooLong, &raw(6, &[0x80, 0x40])), "keyUsage asserts a bit beyond decipherOnly");
        assert_status(&KeyUsageTooLong, &raw(7, &[0x80, 0x80]), Status::Pass);
        assert_status(&KeyUsageTooLong, &CertBuilder::leaf().without_ext(&ext::KEY_USAGE), Status::NotApplicable);
        let old = raw(6, &[0x80, 0x40]).validity(Time::ymd(2008, 4, 30), Time::ymd(2009, 1, 1));
        assert_status(&KeyUsageTooLong, &old, Status::NotEffective);
    }

    #[test]
    fn encipher_and_decipher_only() {
        let b = CertBuilder::leaf().ext(&ext::KEY_USAGE, true, &ku(KA | EO));
        assert_status(&KeyUsageEncipherAndDecipherOnly, &b, Status::Pass);
        let b = CertBuilder::leaf().ext(&ext::KEY_USAGE, true, &ku(KA | EO | DO));
        assert_status(&KeyUsageEncipherAndDecipherOnly, &b, Status::Error);
        let none = CertBuilder::leaf().without_ext(&ext::KEY_USAGE);
        assert_status(&KeyUsageEncipherAndDecipherOnly, &none, Status::NotApplicable);
    }

    #[test]
    fn rsa() {
        let rsa = alg::RSA_ENCRYPTION;
        assert_status(&RsaKeyUsageKeyAgreement, &leaf(&rsa, DS | KE), Status::Pass);
        assert_eq!(
            msg(&RsaKeyUsageKeyAgreement, &leaf(&rsa, DS | KA)),
            "keyUsage asserts keyAgreement for an rsaEncryption key in an end-entity certificate"
        );
        assert_status(&RsaKeyUsageKeyAgreement, &ca(&rsa, KCS | DO), Status::Error);
        assert_status(&RsaKeyUsageKeyAgreement, &CertBuilder::leaf(), Status::NotApplicable);
        let old = leaf(&rsa, KA).validity(Time::ymd(2002, 3, 31), Time::ymd(2003, 1, 1));
        assert_status(&RsaKeyUsageKeyAgreement, &old, Status::NotEffective);
        let day_of = leaf(&rsa, KA).validity(Time::ymd(2002, 4, 1), Time::ymd(2003, 1, 1));
        assert_status(&RsaKeyUsageKeyAgreement, &day_of, Status::Error);

        assert_status(&RsaEeKeyUsageCertOrCrlSign, &leaf(&rsa, DS), Status::Pass);
        assert_status(&RsaEeKeyUsageCertOrCrlSign, &leaf(&rsa, DS | CRL), Status::Error);
        assert_status(&RsaEeKeyUsageCertOrCrlSign, &ca(&rsa, KCS | CRL), Status::NotApplicable);
        assert_status(&RsaEeKeyUsageCertOrCrlSign, &leaf(&alg::EC_PUBLIC_KEY, CRL), Status::NotApplicable);

        assert_status(&RsaCaKeyUsageEnciphermentWithSigning, &ca(&rsa, KCS | CRL), Status::Pass);
        assert_eq!(
            msg(&RsaCaKeyUsageEnciphermentWithSigning, &ca(&rsa, KCS | KE | DE)),
            "an RSA CA key that signs certificates or CRLs also asserts keyEncipherment, dataEncipherment"
        );
        assert_status(&RsaCaKeyUsageEnciphermentWithSigning, &ca(&rsa, DS | KE), Status::NotApplicable);
        assert_status(&RsaCaKeyUsageEnciphermentWithSigning, &leaf(&rsa, KE), Status::NotApplicable);
    }

    #[test]
    fn dsa_and_dh() {
        assert_status(&DsaKeyUsageNotAllowed, &leaf(&alg::DSA, DS | NR), Status::Pass);
        assert_status(&DsaKeyUsageNotAllowed, &ca(&alg::DSA, KCS | CRL), Status::Pass);
        assert_status(&DsaKeyUsageNotAllowed, &leaf(&alg::DSA, DS | KE), Status::Error);
        assert_eq!(
            msg(&DsaKeyUsageNotAllowed, &leaf(&alg::DSA, DS | CRL)),
            "keyUsage asserts cRLSign for an id-dsa key in an end-entity certificate"
        );
        assert_status(&DsaKeyUsageNotAllowed, &CertBuilder::leaf(), Status::NotApplicable);

        let dh = alg::DH_PUBLIC_NUMBER;
        assert_status(&DhKeyUsageInvalid, &leaf(&dh, KA | EO), Status::Pass);
        assert_eq!(
            msg(&DhKeyUsageInvalid, &leaf(&dh, EO)),
            "keyUsage of an dhpublicnumber key does not assert keyAgreement"
        );
        assert_status(&DhKeyUsageInvalid, &leaf(&dh, KA | DS), Status::Error);
        assert_status(&DhKeyUsageInvalid, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn ec() {
        let ec = alg::EC_PUBLIC_KEY;
        assert_status(&EcKeyUsageEncipherment, &leaf(&ec, DS | KA), Status::Pass);
        assert_status(&EcKeyUsageEncipherment, &leaf(&ec, DS | KE), Status::Error);
        assert_status(&EcKeyUsageEncipherment, &leaf(&alg::EC_DH, DE | KA), Status::Error);
        assert_status(&EcKeyUsageEncipherment, &leaf(&alg::RSA_ENCRYPTION, KE), Status::NotApplicable);
        let old = leaf(&ec, KE).validity(Time::ymd(2020, 7, 31), Time::ymd(2021, 1, 1));
        assert_status(&EcKeyUsageEncipherment, &old, Status::NotEffective);
        let day_of = leaf(&ec, KE).validity(Time::ymd(2020, 8, 1), Time::ymd(2021, 1, 1));
        assert_status(&EcKeyUsageEncipherment, &day_of, Status::Error);

        assert_status(&EcEeKeyUsageNotAllowed, &leaf(&ec, DS | NR | KA), Status::Pass);
        assert_status(&EcEeKeyUsageNotAllowed, &leaf(&ec, DS | CRL), Status::Notice);
        assert_status(&EcEeKeyUsageNotAllowed, &ca(&ec, KCS | CRL), Status::NotApplicable);

        assert_status(&EcCaKeyAgreementWithCertSign, &ca(&ec, KCS | CRL), Status::Pass);
        assert_status(&EcCaKeyAgreementWithCertSign, &ca(&ec, KCS | KA), Status::Warn);
        assert_status(&EcCaKeyAgreementWithCertSign, &ca(&ec, DS | KA), Status::NotApplicable);
        assert_status(&EcCaKeyAgreementWithCertSign, &leaf(&ec, KA), Status::NotApplicable);

        assert_status(&EcdhKeyUsageInvalid, &leaf(&alg::EC_DH, KA | DO), Status::Pass);
        assert_status(&EcdhKeyUsageInvalid, &leaf(&alg::EC_MQV, KA | DS), Status::Error);
        assert_status(&EcdhKeyUsageInvalid, &leaf(&alg::EC_DH, DS), Status::Error);
        assert_status(&EcdhKeyUsageInvalid, &leaf(&ec, DS), Status::NotApplicable);
    }

    #[test]
    fn rfc8410() {
        assert_status(&EddsaKeyUsageNotAllowed, &leaf(&alg::ED25519, DS), Status::Pass);
        assert_status(&EddsaKeyUsageNotAllowed, &ca(&alg::ED448, KCS | CRL | DS), Status::Pass);
        assert_status(&EddsaKeyUsageNotAllowed, &leaf(&alg::ED25519, DS | KA), Status::Error);
        assert_status(&EddsaKeyUsageNotAllowed, &leaf(&alg::ED25519, DS | CRL), Status::Error);
        assert_status(&EddsaKeyUsageNotAllowed, &leaf(&alg::X25519, KA), Status::NotApplicable);
        let old = leaf(&alg::ED25519, KA).validity(Time::ymd(2018, 7, 31), Time::ymd(2019, 1, 1));
        assert_status(&EddsaKeyUsageNotAllowed, &old, Status::NotEffective);

        assert_status(&XdhKeyUsageNotAllowed, &leaf(&alg::X25519, KA | EO), Status::Pass);
        assert_status(&XdhKeyUsageNotAllowed, &leaf(&alg::X448, KA | DS), Status::Error);
        assert_status(&XdhKeyUsageNotAllowed, &leaf(&alg::ED448, DS), Status::NotApplicable);

        assert_status(&XdhKeyUsageMissingKeyAgreement, &leaf(&alg::X448, KA), Status::Pass);
        assert_eq!(
            msg(&XdhKeyUsageMissingKeyAgreement, &leaf(&alg::X448, EO)),
            "keyUsage of an id-X448 key does not assert keyAgreement"
        );
        assert_status(&XdhKeyUsageMissingKeyAgreement, &leaf(&alg::ED448, DS), Status::NotApplicable);
    }

    #[test]
    fn rfc4055() {
        assert_status(&PssKeyUsageNotAllowed, &leaf(&alg::RSASSA_PSS, DS | NR), Status::Pass);
        assert_status(&PssKeyUsageNotAllowed, &ca(&alg::RSASSA_PSS, KCS | CRL), Status::Pass);
        assert_status(&PssKeyUsageNotAllowed, &leaf(&alg::RSASSA_PSS, DS | KE), Status::Error);
        assert_status(&PssKeyUsageNotAllowed, &leaf(&alg::RSASSA_PSS, CRL), Status::Error);
        assert_status(&PssKeyUsageNotAllowed, &leaf(&alg::RSA_ENCRYPTION, KE), Status::NotApplicable);

        assert_status(&OaepKeyUsageNotAllowed, &leaf(&alg::RSAES_OAEP, KE), Status::Pass);
        assert_status(&OaepKeyUsageNotAllowed, &leaf(&alg::RSAES_OAEP, KE | DS), Status::Error);
        assert_status(&OaepKeyUsageNotAllowed, &leaf(&alg::RSA_ENCRYPTION, DS), Status::NotApplicable);

        assert_status(&OaepKeyUsageBothEncipherment, &leaf(&alg::RSAES_OAEP, DE), Status::Pass);
        assert_status(&OaepKeyUsageBothEncipherment, &leaf(&alg::RSAES_OAEP, KE | DE), Status::Warn);
        assert_status(&OaepKeyUsageBothEncipherment, &leaf(&alg::RSA_ENCRYPTION, KE | DE), Status::NotApplicable);
        let old = leaf(&alg::RSAES_OAEP, KE | DE).validity(Time::ymd(2005, 5, 31), Time::ymd(2006, 1, 1));
        assert_status(&OaepKeyUsageBothEncipherment, &old, Status::NotEffective);
    }

    #[test]
    fn post_quantum() {
        assert_status(&MldsaKeyUsageNotAllowed, &ca(&alg::ML_DSA_87, KCS | CRL), Status::Pass);
        assert_status(&MldsaKeyUsageNotAllowed, &leaf(&alg::ML_DSA_44, DS | KE), Status::Error);
        assert_status(&MldsaKeyUsageNotAllowed, &CertBuilder::leaf(), Status::NotApplicable);

        assert_status(&SlhdsaKeyUsageNotAllowed, &leaf(&alg::SLH_DSA_SHA2_128S, DS), Status::Pass);
        assert_status(&SlhdsaKeyUsageNotAllowed, &leaf(&alg::SLH_DSA_SHAKE_256F, KA), Status::Error);
        assert_status(&SlhdsaKeyUsageNotAllowed, &CertBuilder::leaf(), Status::NotApplicable);

        assert_status(&MlkemKeyUsageNotAllowed, &leaf(&alg::ML_KEM_768, KE), Status::Pass);
        assert_status(&MlkemKeyUsageNotAllowed, &leaf(&alg::ML_KEM_512, KE | KA), Status::Error);
        assert_eq!(
            msg(&MlkemKeyUsageNotAllowed, &leaf(&alg::ML_KEM_1024, DE)),
            "keyUsage of an ML-KEM key does not assert keyEncipherment"
        );
        assert_status(&MlkemKeyUsageNotAllowed, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn without_bits() {
        assert_status(&KeyUsageNoBitsSet, &CertBuilder::leaf(), Status::Pass);
        let b = CertBuilder::leaf().ext(&ext::KEY_USAGE, true, &bit_string(0, &[]));
        assert_status(&KeyUsageNoBitsSet, &b, Status::Error);
        assert_status(&KeyUsageNoBitsSet, &CertBuilder::leaf().without_ext(&ext::KEY_USAGE), Status::NotApplicable);
        let old = b.validity(Time::ymd(2008, 4, 30), Time::ymd(2009, 1, 1));
        assert_status(&KeyUsageNoBitsSet, &old, Status::NotEffective);
    }

    #[test]
    fn cert_sign_without_ca() {
        assert_status(&KeyCertSignWithoutCa, &CertBuilder::root(), Status::Pass);
        let b = CertBuilder::leaf().ext(&ext::KEY_USAGE, true, &bit_string(2, &[0x84]));
        assert_status(&KeyCertSignWithoutCa, &b, Status::Error);
        assert_status(&KeyCertSignWithoutCa, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn ca_missing() {
        assert_status(&CaKeyUsageMissing, &CertBuilder::root(), Status::Pass);
        assert_status(&CaKeyUsageMissing, &CertBuilder::sub_ca().without_ext(&ext::KEY_USAGE), Status::Error);
        assert_status(&CaKeyUsageMissing, &CertBuilder::leaf(), Status::NotApplicable);
    }
}
