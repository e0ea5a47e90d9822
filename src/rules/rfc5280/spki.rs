//! subjectPublicKeyInfo: the key algorithm classifier and the per-algorithm encoding rules
//! of RFC 3279, RFC 4055, RFC 5480 and RFC 8410.

use crate::asn1::{self, tag, Tlv};
use crate::cert::AlgorithmIdentifier;
use crate::oid::{alg, ObjectIdentifier, Oid};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context};

pub(crate) static RULES: &[&dyn Rule] = &[
    &RsaKeyParametersNotNull,
    &RsaPublicKeyMalformed,
    &PublicKeyAlgorithmUnrecognized,
    &EcKeyParametersNotNamedCurve,
    &EcPointInvalidForm,
    &Curve25519448KeyParametersPresent,
    &Curve25519448KeyLengthInvalid,
    &PssKeyParametersInvalid,
    &OaepKeyParametersInvalid,
    &OaepKeyParametersAbsent,
    &DsaKeyParametersInvalid,
    &DhKeyParametersInvalid,
    &DsaDhPublicKeyNotInteger,
];

/// The kind of subject public key, by SPKI algorithm identifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyKind {
    /// rsaEncryption
    Rsa,
    /// id-RSASSA-PSS
    RsaPss,
    /// id-RSAES-OAEP
    RsaOaep,
    /// id-dsa
    Dsa,
    /// dhpublicnumber
    Dh,
    /// id-ecPublicKey
    Ec,
    /// id-ecDH
    EcDh,
    /// id-ecMQV
    EcMqv,
    /// id-Ed25519
    Ed25519,
    /// id-Ed448
    Ed448,
    /// id-X25519
    X25519,
    /// id-X448
    X448,
    /// id-ml-dsa-44/65/87 (FIPS 204)
    MlDsa,
    /// id-slh-dsa-* (FIPS 205)
    SlhDsa,
    /// id-alg-ml-kem-512/768/1024 (FIPS 203)
    MlKem,
    /// Anything else.
    Unknown,
}

impl KeyKind {
    /// Classifies an SPKI algorithm identifier.
    pub(crate) fn of(oid: Oid<'_>) -> Self {
        const TABLE: [(&crate::oid::ObjectIdentifier, KeyKind); 17] = [
            (&alg::RSA_ENCRYPTION, KeyKind::Rsa),
            (&alg::RSASSA_PSS, KeyKind::RsaPss),
            (&alg::RSAES_OAEP, KeyKind::RsaOaep),
            (&alg::DSA, KeyKind::Dsa),
            (&alg::DH_PUBLIC_NUMBER, KeyKind::Dh),
            (&alg::EC_PUBLIC_KEY, KeyKind::Ec),
            (&alg::EC_DH, KeyKind::EcDh),
            (&alg::EC_MQV, KeyKind::EcMqv),
            (&alg::ED25519, KeyKind::Ed25519),
            (&alg::ED448, KeyKind::Ed448),
            (&alg::X25519, KeyKind::X25519),
            (&alg::X448, KeyKind::X448),
            (&alg::ML_DSA_44, KeyKind::MlDsa),
            (&alg::ML_DSA_65, KeyKind::MlDsa),
            (&alg::ML_DSA_87, KeyKind::MlDsa),
            (&alg::ML_KEM_512, KeyKind::MlKem),
            (&alg::ML_KEM_768, KeyKind::MlKem),
        ];
        if let Some((_, k)) = TABLE.iter().find(|(o, _)| oid.is(o)) {
            return *k;
        }
        if oid.is(&alg::ML_KEM_1024) {
            return KeyKind::MlKem;
        }
        // SLH-DSA: sigAlgs arcs 20 (sha2-128s) to 31 (shake-256f).
        let first = alg::SLH_DSA_SHA2_128S.as_bytes();
        let last = alg::SLH_DSA_SHAKE_256F.as_bytes();
        if let (Some((lo, arc)), Some(hi), Some((n, prefix))) =
            (first.split_last(), last.last(), oid.as_bytes().split_last())
        {
            if prefix == arc && (*lo..=*hi).contains(n) {
                return KeyKind::SlhDsa;
            }
        }
        KeyKind::Unknown
    }

    /// Its name as the RFCs write it, for messages.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Rsa => "rsaEncryption",
            Self::RsaPss => "id-RSASSA-PSS",
            Self::RsaOaep => "id-RSAES-OAEP",
            Self::Dsa => "id-dsa",
            Self::Dh => "dhpublicnumber",
            Self::Ec => "id-ecPublicKey",
            Self::EcDh => "id-ecDH",
            Self::EcMqv => "id-ecMQV",
            Self::Ed25519 => "id-Ed25519",
            Self::Ed448 => "id-Ed448",
            Self::X25519 => "id-X25519",
            Self::X448 => "id-X448",
            Self::MlDsa => "ML-DSA",
            Self::SlhDsa => "SLH-DSA",
            Self::MlKem => "ML-KEM",
            Self::Unknown => "an unrecognized algorithm",
        }
    }
}

impl KeyKind {
    /// Every kind, in declaration (discriminant) order.
    const ALL: [KeyKind; 16] = [
        KeyKind::Rsa,
        KeyKind::RsaPss,
        KeyKind::RsaOaep,
        KeyKind::Dsa,
        KeyKind::Dh,
        KeyKind::Ec,
        KeyKind::EcDh,
        KeyKind::EcMqv,
        KeyKind::Ed25519,
        KeyKind::Ed448,
        KeyKind::X25519,
        KeyKind::X448,
        KeyKind::MlDsa,
        KeyKind::SlhDsa,
        KeyKind::MlKem,
        KeyKind::Unknown,
    ];
}

/// The SPKI algorithm identifiers of [`KeyKind::MlDsa`], for rules' needs.
pub(crate) const ML_DSA_KEYS: &[ObjectIdentifier] = &[alg::ML_DSA_44, alg::ML_DSA_65, alg::ML_DSA_87];

/// The SPKI algorithm identifiers of [`KeyKind::SlhDsa`] (arcs 20 to 31), for rules' needs.
pub(crate) const SLH_DSA_KEYS: &[ObjectIdentifier] = &[
    alg::SLH_DSA_SHA2_128S,
    alg::SLH_DSA_SHA2_128F,
    alg::SLH_DSA_SHA2_192S,
    alg::SLH_DSA_SHA2_192F,
    alg::SLH_DSA_SHA2_256S,
    alg::SLH_DSA_SHA2_256F,
    alg::SLH_DSA_SHAKE_128S,
    alg::SLH_DSA_SHAKE_128F,
    alg::SLH_DSA_SHAKE_192S,
    alg::SLH_DSA_SHAKE_192F,
    alg::SLH_DSA_SHAKE_256S,
    alg::SLH_DSA_SHAKE_256F,
];

/// The SPKI algorithm identifiers of [`KeyKind::MlKem`], for rules' needs.
pub(crate) const ML_KEM_KEYS: &[ObjectIdentifier] = &[alg::ML_KEM_512, alg::ML_KEM_768, alg::ML_KEM_1024];

// Layout of `key_facts`: the keyUsage bits as a mask (bit `i` is keyUsage bit `i`), a flag
// that keyUsage is present and decodes, and the key kind's index in `KeyKind::ALL` plus one
// (zero when the SPKI does not decode).
const KU_MASK: u32 = 0x1ff;
const KU_OK: u32 = 1 << 9;
const KIND_SHIFT: u32 = 10;

/// The key kind and the keyUsage bits, which some forty rules read: each would otherwise
/// classify the SPKI algorithm (a table of identifiers) and decode keyUsage again. Cached
/// in the certificate.
fn key_facts(cert: &Certificate) -> u32 {
    cert.facts.key.get_or(|| {
        let kind = cert.spki().ok().map_or(0, |s| KeyKind::of(s.algorithm.oid) as u32 + 1);
        let usage = match cert.key_usage() {
            Some(Ok(ku)) => (0..9u8).filter(|&b| ku.value.has(b)).fold(KU_OK, |m, b| m | (1 << b)),
            _ => 0,
        };
        (kind << KIND_SHIFT) | usage
    })
}

/// The certificate's key kind, `None` when the SPKI does not decode.
pub(crate) fn key_kind(cert: &Certificate) -> Option<KeyKind> {
    let i = usize::try_from(key_facts(cert) >> KIND_SHIFT).ok()?.checked_sub(1)?;
    KeyKind::ALL.get(i).copied()
}

/// The keyUsage bits as a mask (bit `i` is keyUsage bit `i`), when keyUsage is present and
/// decodes.
pub(crate) fn key_usage_mask(cert: &Certificate) -> Option<u16> {
    let f = key_facts(cert);
    (f & KU_OK != 0).then_some((f & KU_MASK) as u16)
}

/// The SPKI algorithm identifier and key bits when the key is of one of `kinds`.
fn spki_of<'a>(cert: &'a Certificate, kinds: &[KeyKind]) -> Option<(KeyKind, crate::cert::SubjectPublicKeyInfo<'a>)> {
    let kind = key_kind(cert)?;
    kinds.contains(&kind).then_some((kind, cert.spki().ok()?))
}

fn describe(p: Option<Tlv<'_>>) -> &'static str {
    match p {
        None => "absent",
        Some(t) => tag::name(t.tag),
    }
}

/// `rfc3279.rsa_key_parameters_not_null`
///
/// **What it checks**: an rsaEncryption key's AlgorithmIdentifier carries parameters, and
/// they are exactly NULL (`05 00`).
///
/// **Why it matters**: RFC 3279 §2.3.1 and RFC 4055 §1.2 say the parameters field MUST have
/// type NULL for rsaEncryption. Absent parameters, or anything else, break clients that
/// compare the encoding (and some that parse it).
///
/// **Example**: `{rsaEncryption}` without parameters fails, as does `{rsaEncryption, 05 01
/// 00}`; `{rsaEncryption, NULL}` passes; an EC key is not applicable.
pub struct RsaKeyParametersNotNull;

impl Rule for RsaKeyParametersNotNull {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc3279.rsa_key_parameters_not_null", Source::Rfc5280, Severity::Error)
            .summary("rsaEncryption keys must carry NULL parameters")
            .citation("RFC 3279 §2.3.1; RFC 4055 §1.2")
            .effective(Time::ymd(2008, 5, 1))
            .needs(Need::KeyAlgorithm(&[alg::RSA_ENCRYPTION]))
            .aliases(&["zlint:e_spki_rsa_encryption_parameter_not_null"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((_, spki)) = spki_of(cert, &[KeyKind::Rsa]) else {
            return Outcome::NotApplicable;
        };
        if spki.algorithm.has_null_parameters() {
            Outcome::Pass
        } else {
            Outcome::fail(alloc::format!(
                "rsaEncryption parameters are {}, not NULL",
                describe(spki.algorithm.parameters)
            ))
        }
    }
}

/// Why an RSA subjectPublicKey is not a DER RSAPublicKey, if it is not.
fn rsa_key_defect(key: &[u8], unused_bits: u8) -> Option<&'static str> {
    if unused_bits != 0 {
        return Some("the BIT STRING has unused bits");
    }
    let Ok(seq) = Tlv::parse(key).and_then(|t| t.expect(tag::SEQUENCE)) else {
        return Some("the key is not a single RSAPublicKey SEQUENCE");
    };
    let mut r = seq.reader();
    let (Ok(n), Ok(e), Ok(())) = (r.read_tag(tag::INTEGER), r.read_tag(tag::INTEGER), r.finish()) else {
        return Some("RSAPublicKey is not a SEQUENCE of two INTEGERs");
    };
    for (v, what) in [(n.value, "modulus"), (e.value, "publicExponent")] {
        if v.is_empty() {
            return Some(if what == "modulus" { "the modulus is empty" } else { "the publicExponent is empty" });
        }
        if asn1::int_is_negative(v) || asn1::int_is_zero(v) {
            return Some(if what == "modulus" {
                "the modulus is not positive"
            } else {
                "the publicExponent is not positive"
            });
        }
    }
    None
}

/// `rfc3279.rsa_public_key_malformed`
///
/// **What it checks**: the subjectPublicKey of an RSA key (rsaEncryption, id-RSASSA-PSS or
/// id-RSAES-OAEP) is a DER RSAPublicKey: a SEQUENCE of a positive modulus and a positive
/// public exponent, with no unused bits.
///
/// **Why it matters**: RFC 3279 §2.3.1 and RFC 4055 §1.2 require that encoding, and RFC
/// 8017 Appendix A.1.1 defines it; a key that does not decode cannot verify anything.
///
/// **Example**: a key whose BIT STRING holds a bare INTEGER fails, as does a zero
/// exponent; a normal 2048-bit key passes; an EC key is not applicable.
pub struct RsaPublicKeyMalformed;

impl Rule for RsaPublicKeyMalformed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc3279.rsa_public_key_malformed", Source::Rfc5280, Severity::Error)
            .summary("RSA public keys must be a DER RSAPublicKey with a positive modulus and exponent")
            .citation("RFC 3279 §2.3.1; RFC 4055 §1.2; RFC 8017 Appendix A.1.1")
            .needs(Need::KeyAlgorithm(&[alg::RSA_ENCRYPTION, alg::RSASSA_PSS, alg::RSAES_OAEP]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((kind, spki)) = spki_of(cert, &[KeyKind::Rsa, KeyKind::RsaPss, KeyKind::RsaOaep]) else {
            return Outcome::NotApplicable;
        };
        match rsa_key_defect(spki.key, spki.unused_bits) {
            None => Outcome::Pass,
            Some(why) => Outcome::fail(alloc::format!("{} key: {why}", kind.name())),
        }
    }
}

/// `rfc5280.public_key_algorithm_unrecognized`
///
/// **What it checks**: the SPKI algorithm is one this linter knows (RSA, RSASSA-PSS,
/// RSAES-OAEP, DSA, DH, the RFC 5480 EC identifiers, the RFC 8410 curves, ML-DSA, SLH-DSA,
/// ML-KEM).
///
/// **Why it matters**: RFC 5280 §4.1.2.7 lets the algorithm identifier name any key type,
/// and the per-algorithm rules (parameters, key usage) only judge those they know. This
/// notice says that they did not run; it is a limit of the linter, not a defect of the
/// certificate.
///
/// **Example**: a GOST key gets the notice; an RSA or P-256 key passes; a certificate
/// whose SPKI does not decode is not applicable.
pub struct PublicKeyAlgorithmUnrecognized;

impl Rule for PublicKeyAlgorithmUnrecognized {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.public_key_algorithm_unrecognized", Source::Rfc5280, Severity::Notice)
                .summary("The public key algorithm is not one the key-specific rules know")
                .citation("RFC 5280 §4.1.2.7")
                .aliases(&["pkilint:pkix.public_key_algorithm_unsupported"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(spki) = cert.spki() else {
            return Outcome::NotApplicable;
        };
        if KeyKind::of(spki.algorithm.oid) == KeyKind::Unknown {
            Outcome::fail(alloc::format!(
                "public key algorithm {} is not recognized; key-specific rules did not run",
                spki.algorithm.oid
            ))
        } else {
            Outcome::Pass
        }
    }
}

/// `rfc5480.ec_key_parameters_not_named_curve`
///
/// **What it checks**: an id-ecPublicKey, id-ecDH or id-ecMQV key carries ECParameters in
/// the namedCurve form: an OBJECT IDENTIFIER.
///
/// **Why it matters**: RFC 5480 §2.1.1 and §2.1.2 say the parameters MUST always be present
/// and that implicitCurve (NULL) and specifiedCurve (explicit domain parameters) MUST NOT
/// be used; explicit curves have enabled key-substitution attacks on validators.
///
/// **Example**: `{id-ecPublicKey, NULL}` or a SpecifiedECDomain SEQUENCE fails, as do
/// absent parameters; `{id-ecPublicKey, secp256r1}` passes; RSA keys are not applicable.
pub struct EcKeyParametersNotNamedCurve;

impl Rule for EcKeyParametersNotNamedCurve {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5480.ec_key_parameters_not_named_curve", Source::Rfc5280, Severity::Error)
                .summary("EC keys must name their curve (namedCurve)")
                .citation("RFC 5480 §2.1.1, §2.1.2")
                .needs(Need::KeyAlgorithm(&[alg::EC_PUBLIC_KEY, alg::EC_DH, alg::EC_MQV]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((kind, spki)) = spki_of(cert, &[KeyKind::Ec, KeyKind::EcDh, KeyKind::EcMqv]) else {
            return Outcome::NotApplicable;
        };
        match spki.algorithm.parameters {
            Some(p) if p.tag == tag::OID => Outcome::Pass,
            None => Outcome::fail(alloc::format!("{} key has no ECParameters", kind.name())),
            Some(p) if p.tag == tag::NULL => {
                Outcome::fail(alloc::format!("{} key uses implicitCurve (NULL) parameters", kind.name()))
            }
            Some(p) if p.tag == tag::SEQUENCE => {
                Outcome::fail(alloc::format!("{} key uses specifiedCurve (explicit) parameters", kind.name()))
            }
            Some(p) => Outcome::fail(alloc::format!(
                "{} key parameters are {}, not a curve OID",
                kind.name(),
                tag::name(p.tag)
            )),
        }
    }
}

/// Field size in octets of the curves whose points this linter can size.
fn curve_field_len(curve: Oid<'_>) -> Option<usize> {
    [
        (&alg::SECP192R1, 24),
        (&alg::SECP224R1, 28),
        (&alg::SECP256R1, 32),
        (&alg::SECP256K1, 32),
        (&alg::SECP384R1, 48),
        (&alg::SECP521R1, 66),
    ]
    .iter()
    .find(|(o, _)| curve.is(o))
    .map(|(_, n)| *n)
}

/// `rfc5480.ec_point_invalid_form`
///
/// **What it checks**: an EC public key is an uncompressed (`04 || X || Y`) or compressed
/// (`02`/`03 || X`) point, with the length the curve requires when the curve is known, and
/// no unused bits.
///
/// **Why it matters**: RFC 5480 §2.2 forbids the hybrid form and says a key whose first
/// octet is anything other than 02, 03 or 04 MUST be rejected; a point of the wrong length
/// for its curve cannot be decoded either.
///
/// **Example**: a P-256 key starting with 06 (hybrid) fails, as does a 64-byte P-256 point;
/// a 65-byte point starting with 04 passes; RSA keys are not applicable.
pub struct EcPointInvalidForm;

impl Rule for EcPointInvalidForm {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5480.ec_point_invalid_form", Source::Rfc5280, Severity::Error)
            .summary("EC public keys must be compressed or uncompressed points of the curve's size")
            .citation("RFC 5480 §2.2")
            .needs(Need::KeyAlgorithm(&[alg::EC_PUBLIC_KEY, alg::EC_DH, alg::EC_MQV]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((_, spki)) = spki_of(cert, &[KeyKind::Ec, KeyKind::EcDh, KeyKind::EcMqv]) else {
            return Outcome::NotApplicable;
        };
        if spki.unused_bits != 0 {
            return Outcome::fail("the EC public key BIT STRING has unused bits");
        }
        let Some(&form) = spki.key.first() else {
            return Outcome::fail("the EC public key is empty");
        };
        if !matches!(form, 0x02..=0x04) {
            return Outcome::fail(alloc::format!(
                "the EC point starts with 0x{form:02x}; only 0x04 (uncompressed) and 0x02/0x03 (compressed) are allowed"
            ));
        }
        let field = match spki.algorithm.parameters {
            Some(p) if p.tag == tag::OID => Oid::new(p.value).and_then(curve_field_len),
            _ => None,
        };
        if let Some(n) = field {
            let want = if form == 0x04 { 1 + 2 * n } else { 1 + n };
            if spki.key.len() != want {
                return Outcome::fail(alloc::format!(
                    "the EC point is {} octets; this curve needs {want} in the form 0x{form:02x}",
                    spki.key.len()
                ));
            }
        }
        Outcome::Pass
    }
}

/// `rfc8410.curve25519_448_key_parameters_present`
///
/// **What it checks**: an id-X25519, id-X448, id-Ed25519 or id-Ed448 key's
/// AlgorithmIdentifier has no parameters, not even NULL.
///
/// **Why it matters**: RFC 8410 §3 says that for all four OIDs the parameters MUST be
/// absent; a NULL is a known encoding slip that the RFC asks not to propagate.
///
/// **Example**: `{id-Ed25519, NULL}` fails; `{id-Ed25519}` passes; RSA keys are not
/// applicable.
pub struct Curve25519448KeyParametersPresent;

impl Rule for Curve25519448KeyParametersPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc8410.curve25519_448_key_parameters_present", Source::Rfc5280, Severity::Error)
                .summary("X25519, X448, Ed25519 and Ed448 keys must have absent parameters")
                .citation("RFC 8410 §3")
                .effective(Time::ymd(2018, 8, 1))
                .needs(Need::KeyAlgorithm(&[alg::X25519, alg::X448, alg::ED25519, alg::ED448]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let kinds = [KeyKind::X25519, KeyKind::X448, KeyKind::Ed25519, KeyKind::Ed448];
        let Some((kind, spki)) = spki_of(cert, &kinds) else {
            return Outcome::NotApplicable;
        };
        match spki.algorithm.parameters {
            None => Outcome::Pass,
            Some(p) => Outcome::fail(alloc::format!("{} key has {} parameters", kind.name(), tag::name(p.tag))),
        }
    }
}

/// `rfc8410.curve25519_448_key_length_invalid`
///
/// **What it checks**: an id-X25519 / id-Ed25519 key is 32 octets, id-X448 56 octets,
/// id-Ed448 57 octets, as a whole number of octets (no unused bits).
///
/// **Why it matters**: RFC 8410 §4 says subjectPublicKey holds the public key byte string
/// of RFC 7748 / RFC 8032, always a multiple of 8 bits; those documents fix its length, and
/// a key of any other length cannot be used.
///
/// **Example**: a 31-octet Ed25519 key fails; a 32-octet one passes; P-256 keys are not
/// applicable.
pub struct Curve25519448KeyLengthInvalid;

impl Rule for Curve25519448KeyLengthInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc8410.curve25519_448_key_length_invalid", Source::Rfc5280, Severity::Error)
                .summary("X25519/Ed25519 keys are 32 octets, X448 56, Ed448 57")
                .citation("RFC 8410 §4; RFC 7748 §5; RFC 8032 §5.1.5, §5.2.5")
                .effective(Time::ymd(2018, 8, 1))
                .needs(Need::KeyAlgorithm(&[alg::X25519, alg::X448, alg::ED25519, alg::ED448]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let kinds = [KeyKind::X25519, KeyKind::X448, KeyKind::Ed25519, KeyKind::Ed448];
        let Some((kind, spki)) = spki_of(cert, &kinds) else {
            return Outcome::NotApplicable;
        };
        let want = match kind {
            KeyKind::X448 => 56,
            KeyKind::Ed448 => 57,
            _ => 32,
        };
        if spki.unused_bits != 0 {
            Outcome::fail(alloc::format!("{} key BIT STRING has {} unused bits", kind.name(), spki.unused_bits))
        } else if spki.key.len() != want {
            Outcome::fail(alloc::format!("{} key is {} octets, not {want}", kind.name(), spki.key.len()))
        } else {
            Outcome::Pass
        }
    }
}

/// Whether an AlgorithmIdentifier names one of the RFC 4055 §2.1 hashes with NULL or absent
/// parameters.
fn is_listed_hash(a: &AlgorithmIdentifier<'_>) -> bool {
    let listed = [&alg::SHA1, &alg::SHA224, &alg::SHA256, &alg::SHA384, &alg::SHA512].iter().any(|h| a.oid.is(h));
    listed && (a.parameters.is_none() || a.has_null_parameters())
}

/// Reads `[n] EXPLICIT AlgorithmIdentifier` content.
fn explicit_alg(t: Tlv<'_>) -> Option<AlgorithmIdentifier<'_>> {
    AlgorithmIdentifier::parse(t.value).ok()
}

/// Whether a maskGenAlgorithm is MGF1 over a §2.1 hash.
fn is_listed_mgf(a: &AlgorithmIdentifier<'_>) -> bool {
    a.oid.is(&alg::MGF1)
        && a.parameters.and_then(|p| AlgorithmIdentifier::parse(p.raw).ok()).is_some_and(|h| is_listed_hash(&h))
}

fn pss_params_defect(p: Tlv<'_>) -> Option<&'static str> {
    let Ok(seq) = p.expect(tag::SEQUENCE) else {
        return Some("parameters are not an RSASSA-PSS-params SEQUENCE");
    };
    let mut r = seq.reader();
    let bad = Some("RSASSA-PSS-params does not decode");
    let Ok(hash) = r.read_optional(0xa0) else { return bad };
    let Ok(mgf) = r.read_optional(0xa1) else { return bad };
    let Ok(salt) = r.read_optional(0xa2) else { return bad };
    let Ok(trailer) = r.read_optional(0xa3) else { return bad };
    if r.finish().is_err() {
        return bad;
    }
    if let Some(h) = hash {
        if !explicit_alg(h).is_some_and(|a| is_listed_hash(&a)) {
            return Some("hashAlgorithm is not SHA-1, SHA-224, SHA-256, SHA-384 or SHA-512 (RFC 4055 §2.1)");
        }
    }
    if let Some(m) = mgf {
        if !explicit_alg(m).is_some_and(|a| is_listed_mgf(&a)) {
            return Some("maskGenAlgorithm is not MGF1 with a hash of RFC 4055 §2.1");
        }
    }
    if let Some(s) = salt {
        match Tlv::parse(s.value).and_then(|t| t.expect(tag::INTEGER)) {
            Ok(i) if !asn1::int_is_negative(i.value) && !i.value.is_empty() => {}
            _ => return Some("saltLength is not a non-negative INTEGER"),
        }
    }
    if let Some(t) = trailer {
        match Tlv::parse(t.value).and_then(|t| t.expect(tag::INTEGER)) {
            Ok(i) if asn1::uint_value(i.value) == Some(1) => {}
            _ => return Some("trailerField is not 1"),
        }
    }
    None
}

/// `rfc4055.pss_key_parameters_invalid`
///
/// **What it checks**: when an id-RSASSA-PSS key carries parameters, they are
/// RSASSA-PSS-params whose hash is one of SHA-1/224/256/384/512, whose mask generation is
/// MGF1 over one of those hashes, whose saltLength is non-negative, and whose trailerField
/// is 1.
///
/// **Why it matters**: RFC 4055 §1.2 and §3.1 let the parameters be absent in a public key,
/// but when present they MUST be RSASSA-PSS-params, they bind every signature made with the
/// key, and §2.1, §2.2 and §3.1 allow only those hashes, MGF1 and trailer 1.
///
/// **Example**: parameters naming MD5 as the hash fail, as does trailerField 2; SHA-256
/// with MGF1-SHA-256 passes; a PSS key without parameters, or an rsaEncryption key, is not
/// applicable.
pub struct PssKeyParametersInvalid;

impl Rule for PssKeyParametersInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc4055.pss_key_parameters_invalid", Source::Rfc5280, Severity::Error)
            .summary("id-RSASSA-PSS key parameters, when present, must be valid RSASSA-PSS-params")
            .citation("RFC 4055 §1.2, §2.1, §2.2, §3.1")
            .effective(Time::ymd(2005, 6, 1))
            .needs(Need::KeyAlgorithm(&[alg::RSASSA_PSS]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((_, spki)) = spki_of(cert, &[KeyKind::RsaPss]) else {
            return Outcome::NotApplicable;
        };
        let Some(p) = spki.algorithm.parameters else {
            return Outcome::NotApplicable;
        };
        match pss_params_defect(p) {
            None => Outcome::Pass,
            Some(why) => Outcome::fail(alloc::format!("id-RSASSA-PSS key: {why}")),
        }
    }
}

fn oaep_params_defect(p: Tlv<'_>) -> Option<&'static str> {
    let Ok(seq) = p.expect(tag::SEQUENCE) else {
        return Some("parameters are not an RSAES-OAEP-params SEQUENCE");
    };
    let mut r = seq.reader();
    let bad = Some("RSAES-OAEP-params does not decode");
    let Ok(hash) = r.read_optional(0xa0) else { return bad };
    let Ok(mgf) = r.read_optional(0xa1) else { return bad };
    let Ok(source) = r.read_optional(0xa2) else { return bad };
    if r.finish().is_err() {
        return bad;
    }
    if let Some(h) = hash {
        if !explicit_alg(h).is_some_and(|a| is_listed_hash(&a)) {
            return Some("hashFunc is not SHA-1, SHA-224, SHA-256, SHA-384 or SHA-512 (RFC 4055 §2.1)");
        }
    }
    if let Some(m) = mgf {
        if !explicit_alg(m).is_some_and(|a| is_listed_mgf(&a)) {
            return Some("maskGenFunc is not MGF1 with a hash of RFC 4055 §2.1");
        }
    }
    if let Some(s) = source {
        let ok = explicit_alg(s)
            .is_some_and(|a| a.oid.is(&alg::P_SPECIFIED) && a.parameters.is_some_and(|p| p.tag == tag::OCTET_STRING));
        if !ok {
            return Some("pSourceFunc is not id-pSpecified with an OCTET STRING");
        }
    }
    None
}

/// `rfc4055.oaep_key_parameters_invalid`
///
/// **What it checks**: when an id-RSAES-OAEP key carries parameters, they are
/// RSAES-OAEP-params with a hash of RFC 4055 §2.1, MGF1 over such a hash, and pSourceFunc
/// id-pSpecified.
///
/// **Why it matters**: RFC 4055 §1.2 and §4.1: present parameters MUST be
/// RSAES-OAEP-params, the hash MUST be one of §2.1, and compliant implementations MUST NOT
/// use any pSourceFunc other than id-pSpecified.
///
/// **Example**: parameters whose pSourceFunc is another OID fail; SHA-256 with MGF1-SHA-256
/// passes; an OAEP key without parameters, or an rsaEncryption key, is not applicable.
pub struct OaepKeyParametersInvalid;

impl Rule for OaepKeyParametersInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc4055.oaep_key_parameters_invalid", Source::Rfc5280, Severity::Error)
            .summary("id-RSAES-OAEP key parameters, when present, must be valid RSAES-OAEP-params")
            .citation("RFC 4055 §1.2, §2.1, §2.2, §4.1")
            .effective(Time::ymd(2005, 6, 1))
            .needs(Need::KeyAlgorithm(&[alg::RSAES_OAEP]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((_, spki)) = spki_of(cert, &[KeyKind::RsaOaep]) else {
            return Outcome::NotApplicable;
        };
        let Some(p) = spki.algorithm.parameters else {
            return Outcome::NotApplicable;
        };
        match oaep_params_defect(p) {
            None => Outcome::Pass,
            Some(why) => Outcome::fail(alloc::format!("id-RSAES-OAEP key: {why}")),
        }
    }
}

/// `rfc4055.oaep_key_parameters_absent`
///
/// **What it checks**: an id-RSAES-OAEP key carries RSAES-OAEP-params.
///
/// **Why it matters**: RFC 4055 §4 says CAs issuing id-RSAES-OAEP certificates SHOULD
/// require the parameters to be present, so that the sender does not fall back to the
/// SHA-1 defaults.
///
/// **Example**: `{id-RSAES-OAEP}` alone gets a warning; with parameters it passes;
/// rsaEncryption keys are not applicable.
pub struct OaepKeyParametersAbsent;

impl Rule for OaepKeyParametersAbsent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc4055.oaep_key_parameters_absent", Source::Rfc5280, Severity::Warn)
            .summary("id-RSAES-OAEP keys should carry RSAES-OAEP-params")
            .citation("RFC 4055 §4")
            .effective(Time::ymd(2005, 6, 1))
            .needs(Need::KeyAlgorithm(&[alg::RSAES_OAEP]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match spki_of(cert, &[KeyKind::RsaOaep]) {
            Some((_, spki)) => Outcome::check(
                spki.algorithm.parameters.is_some(),
                "id-RSAES-OAEP key has no parameters; the SHA-1 defaults apply",
            ),
            None => Outcome::NotApplicable,
        }
    }
}

/// Whether `t` is a SEQUENCE that starts with `count` INTEGERs (later elements unchecked).
fn integers_seq(t: Tlv<'_>, count: usize) -> bool {
    let Ok(seq) = t.expect(tag::SEQUENCE) else {
        return false;
    };
    let mut r = seq.reader();
    (0..count).all(|_| r.read_tag(tag::INTEGER).is_ok_and(|i| !i.value.is_empty()))
}

/// `rfc3279.dsa_key_parameters_invalid`
///
/// **What it checks**: an id-dsa key's parameters are either absent or a Dss-Parms
/// SEQUENCE of exactly three INTEGERs (p, q, g).
///
/// **Why it matters**: RFC 3279 §2.3.2 says that when the domain parameters are omitted
/// the parameters component MUST be omitted entirely (the AlgorithmIdentifier is a
/// SEQUENCE of the OID alone), and that present parameters use Dss-Parms. A NULL there is
/// neither.
///
/// **Example**: `{id-dsa, NULL}` fails; `{id-dsa}` or `{id-dsa, {p, q, g}}` passes; RSA
/// keys are not applicable.
pub struct DsaKeyParametersInvalid;

impl Rule for DsaKeyParametersInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc3279.dsa_key_parameters_invalid", Source::Rfc5280, Severity::Error)
            .summary("id-dsa parameters must be absent or Dss-Parms")
            .citation("RFC 3279 §2.3.2")
            .effective(Time::ymd(2002, 4, 1))
            .needs(Need::KeyAlgorithm(&[alg::DSA]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((_, spki)) = spki_of(cert, &[KeyKind::Dsa]) else {
            return Outcome::NotApplicable;
        };
        match spki.algorithm.parameters {
            None => Outcome::Pass,
            Some(p) => {
                let ok = p.tag == tag::SEQUENCE && {
                    let mut r = p.reader();
                    (0..3).all(|_| r.read_tag(tag::INTEGER).is_ok_and(|i| !i.value.is_empty())) && r.is_empty()
                };
                if ok {
                    Outcome::Pass
                } else {
                    Outcome::fail(alloc::format!(
                        "id-dsa parameters are {} and not Dss-Parms {{p, q, g}}",
                        tag::name(p.tag)
                    ))
                }
            }
        }
    }
}

/// `rfc3279.dh_key_parameters_invalid`
///
/// **What it checks**: a dhpublicnumber key carries DomainParameters: a SEQUENCE that
/// starts with the INTEGERs p, g and q.
///
/// **Why it matters**: RFC 3279 §2.3.3 gives the parameters of dhpublicnumber the type
/// DomainParameters; without p, g and q the key cannot be used for key agreement.
///
/// **Example**: `{dhpublicnumber}` without parameters fails, as does NULL; `{p, g, q}`
/// passes; other keys are not applicable.
pub struct DhKeyParametersInvalid;

impl Rule for DhKeyParametersInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc3279.dh_key_parameters_invalid", Source::Rfc5280, Severity::Error)
            .summary("dhpublicnumber keys must carry DomainParameters")
            .citation("RFC 3279 §2.3.3")
            .effective(Time::ymd(2002, 4, 1))
            .needs(Need::KeyAlgorithm(&[alg::DH_PUBLIC_NUMBER]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((_, spki)) = spki_of(cert, &[KeyKind::Dh]) else {
            return Outcome::NotApplicable;
        };
        match spki.algorithm.parameters {
            Some(p) if integers_seq(p, 3) => Outcome::Pass,
            p => Outcome::fail(alloc::format!(
                "dhpublicnumber parameters are {} and not DomainParameters {{p, g, q, ...}}",
                describe(p)
            )),
        }
    }
}

/// `rfc3279.dsa_dh_public_key_not_integer`
///
/// **What it checks**: the subjectPublicKey of an id-dsa or dhpublicnumber key is a DER
/// INTEGER (and nothing else) with no unused bits.
///
/// **Why it matters**: RFC 3279 §2.3.2 and §2.3.3 say the DSA public key and the DH public
/// key MUST be ASN.1 encoded as an INTEGER carried in the BIT STRING.
///
/// **Example**: a DSA key whose BIT STRING holds raw bytes fails; `02 81 81 00 ...`
/// passes; RSA keys are not applicable.
pub struct DsaDhPublicKeyNotInteger;

impl Rule for DsaDhPublicKeyNotInteger {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc3279.dsa_dh_public_key_not_integer", Source::Rfc5280, Severity::Error)
                .summary("DSA and DH public keys must be encoded as an INTEGER")
                .citation("RFC 3279 §2.3.2, §2.3.3")
                .effective(Time::ymd(2002, 4, 1))
                .needs(Need::KeyAlgorithm(&[alg::DSA, alg::DH_PUBLIC_NUMBER]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Some((kind, spki)) = spki_of(cert, &[KeyKind::Dsa, KeyKind::Dh]) else {
            return Outcome::NotApplicable;
        };
        let ok = spki.unused_bits == 0
            && Tlv::parse(spki.key).and_then(|t| t.expect(tag::INTEGER)).is_ok_and(|i| !i.value.is_empty());
        Outcome::check_with(ok, || alloc::format!("{} public key is not a single DER INTEGER", kind.name()))
    }
}

/// `Outcome::check` with a message built only on failure.
pub(crate) trait CheckWith {
    /// Pass when `ok`, otherwise fail with `msg()`.
    fn check_with(ok: bool, msg: impl FnOnce() -> alloc::string::String) -> Outcome;
}

impl CheckWith for Outcome {
    fn check_with(ok: bool, msg: impl FnOnce() -> alloc::string::String) -> Outcome {
        if ok {
            Outcome::Pass
        } else {
            Outcome::fail(msg())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{der::*, *};
    use crate::Status;
    use alloc::{vec, vec::Vec};

    fn with_spki(algorithm: &[u8], key: &[u8]) -> CertBuilder {
        let mut b = CertBuilder::leaf();
        b.spki = spki(algorithm, key);
        b
    }

    fn rsa_key() -> Vec<u8> {
        seq(&[&uint_bytes(&[0xc5; 256]), &int(65537)])
    }

    #[test]
    fn classifier() {
        let k = |o: &crate::oid::ObjectIdentifier| KeyKind::of(Oid::new(o.as_bytes()).unwrap());
        assert_eq!(k(&alg::RSA_ENCRYPTION), KeyKind::Rsa);
        assert_eq!(k(&alg::SLH_DSA_SHA2_128S), KeyKind::SlhDsa);
        assert_eq!(k(&alg::SLH_DSA_SHAKE_256F), KeyKind::SlhDsa);
        assert_eq!(k(&alg::ML_KEM_1024), KeyKind::MlKem);
        assert_eq!(k(&alg::ML_DSA_65), KeyKind::MlDsa);
        // sigAlgs arc 32 (after the pure SLH-DSA range) and 19 (ML-DSA-87) are not SLH-DSA.
        let after = Oid::new(&[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 32]).unwrap();
        assert_eq!(KeyKind::of(after), KeyKind::Unknown);
        assert_eq!(k(&alg::SHA256), KeyKind::Unknown);
    }

    #[test]
    fn rsa_parameters_null() {
        let mut b = CertBuilder::leaf();
        b.spki = rsa_spki(2048, 65537);
        assert_status(&RsaKeyParametersNotNull, &b, Status::Pass);
        let absent = with_spki(&seq(&[&oid(&alg::RSA_ENCRYPTION)]), &rsa_key());
        let (s, msg) = finding(&RsaKeyParametersNotNull, &absent.build(), &Context::default());
        assert_eq!((s, msg.as_str()), (Status::Error, "rsaEncryption parameters are absent, not NULL"));
        let other = with_spki(&seq(&[&oid(&alg::RSA_ENCRYPTION), &octet_string(&[])]), &rsa_key());
        assert_status(&RsaKeyParametersNotNull, &other, Status::Error);
        assert_status(&RsaKeyParametersNotNull, &CertBuilder::leaf(), Status::NotApplicable);
        let old = absent.clone().validity(Time::ymd(2008, 4, 30), Time::ymd(2009, 1, 1));
        assert_status(&RsaKeyParametersNotNull, &old, Status::NotEffective);
        let day_of = absent.validity(Time::ymd(2008, 5, 1), Time::ymd(2009, 1, 1));
        assert_status(&RsaKeyParametersNotNull, &day_of, Status::Error);
    }

    #[test]
    fn rsa_public_key() {
        let rsa_alg = seq(&[&oid(&alg::RSA_ENCRYPTION), &null()]);
        assert_status(&RsaPublicKeyMalformed, &with_spki(&rsa_alg, &rsa_key()), Status::Pass);
        assert_status(&RsaPublicKeyMalformed, &with_spki(&rsa_alg, &int(5)), Status::Error);
        let zero_e = seq(&[&uint_bytes(&[0xc5; 256]), &tlv(tag::INTEGER, &[0])]);
        let b = with_spki(&rsa_alg, &zero_e);
        let (_, msg) = finding(&RsaPublicKeyMalformed, &b.build(), &Context::default());
        assert_eq!(msg, "rsaEncryption key: the publicExponent is not positive");
        let neg_n = seq(&[&tlv(tag::INTEGER, &[0x85; 256]), &int(65537)]);
        assert_status(&RsaPublicKeyMalformed, &with_spki(&rsa_alg, &neg_n), Status::Error);
        let pss = with_spki(&seq(&[&oid(&alg::RSASSA_PSS)]), &[0x30, 0x00]);
        assert_status(&RsaPublicKeyMalformed, &pss, Status::Error);
        assert_status(&RsaPublicKeyMalformed, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn unrecognized() {
        assert_status(&PublicKeyAlgorithmUnrecognized, &CertBuilder::leaf(), Status::Pass);
        let b = with_spki(&seq(&[&oid(&alg::SHA256)]), &[1, 2, 3]);
        let (s, msg) = finding(&PublicKeyAlgorithmUnrecognized, &b.build(), &Context::default());
        assert_eq!(s, Status::Notice);
        assert!(msg.contains("2.16.840.1.101.3.4.2.1"), "{msg}");
        let mut broken = CertBuilder::leaf();
        broken.spki = seq(&[&seq(&[&oid(&alg::RSA_ENCRYPTION)])]);
        assert_status(&PublicKeyAlgorithmUnrecognized, &broken, Status::NotApplicable);
    }

    #[test]
    fn ec_named_curve() {
        assert_status(&EcKeyParametersNotNamedCurve, &CertBuilder::leaf(), Status::Pass);
        let point = [0x04; 65];
        for (params, want) in [
            (null(), "id-ecPublicKey key uses implicitCurve (NULL) parameters"),
            (seq(&[&int(1)]), "id-ecPublicKey key uses specifiedCurve (explicit) parameters"),
        ] {
            let b = with_spki(&seq(&[&oid(&alg::EC_PUBLIC_KEY), &params]), &point);
            assert_eq!(finding(&EcKeyParametersNotNamedCurve, &b.build(), &Context::default()).1, want);
        }
        let absent = with_spki(&seq(&[&oid(&alg::EC_DH)]), &point);
        assert_status(&EcKeyParametersNotNamedCurve, &absent, Status::Error);
        let mut rsa = CertBuilder::leaf();
        rsa.spki = rsa_spki(2048, 65537);
        assert_status(&EcKeyParametersNotNamedCurve, &rsa, Status::NotApplicable);
    }

    #[test]
    fn ec_point() {
        assert_status(&EcPointInvalidForm, &CertBuilder::leaf(), Status::Pass);
        let p256 = seq(&[&oid(&alg::EC_PUBLIC_KEY), &oid(&alg::SECP256R1)]);
        let mut hybrid = vec![0x06];
        hybrid.extend([1u8; 64]);
        let b = with_spki(&p256, &hybrid);
        assert!(finding(&EcPointInvalidForm, &b.build(), &Context::default()).1.contains("0x06"));
        assert_status(&EcPointInvalidForm, &with_spki(&p256, &[0x04; 64]), Status::Error);
        let mut compressed = vec![0x02];
        compressed.extend([1u8; 32]);
        assert_status(&EcPointInvalidForm, &with_spki(&p256, &compressed), Status::Pass);
        assert_status(&EcPointInvalidForm, &with_spki(&p256, &[]), Status::Error);
        let mut b = CertBuilder::leaf();
        b.spki = seq(&[&p256, &bit_string(1, &[0x04; 65])]);
        assert_status(&EcPointInvalidForm, &b, Status::Error);
        let mut rsa = CertBuilder::leaf();
        rsa.spki = rsa_spki(2048, 65537);
        assert_status(&EcPointInvalidForm, &rsa, Status::NotApplicable);
    }

    #[test]
    fn curve25519_448() {
        let ed = with_spki(&seq(&[&oid(&alg::ED25519)]), &[9; 32]);
        assert_status(&Curve25519448KeyParametersPresent, &ed, Status::Pass);
        assert_status(&Curve25519448KeyLengthInvalid, &ed, Status::Pass);
        let with_null = with_spki(&seq(&[&oid(&alg::X448), &null()]), &[9; 56]);
        assert_eq!(
            finding(&Curve25519448KeyParametersPresent, &with_null.build(), &Context::default()).1,
            "id-X448 key has NULL parameters"
        );
        assert_status(&Curve25519448KeyLengthInvalid, &with_null, Status::Pass);
        let short = with_spki(&seq(&[&oid(&alg::ED448)]), &[9; 56]);
        assert_eq!(
            finding(&Curve25519448KeyLengthInvalid, &short.build(), &Context::default()).1,
            "id-Ed448 key is 56 octets, not 57"
        );
        let mut unused = CertBuilder::leaf();
        unused.spki = seq(&[&seq(&[&oid(&alg::X25519)]), &bit_string(1, &[8; 32])]);
        assert_status(&Curve25519448KeyLengthInvalid, &unused, Status::Error);
        assert_status(&Curve25519448KeyParametersPresent, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(&Curve25519448KeyLengthInvalid, &CertBuilder::leaf(), Status::NotApplicable);
        let old = with_null.validity(Time::ymd(2018, 7, 31), Time::ymd(2019, 1, 1));
        assert_status(&Curve25519448KeyParametersPresent, &old, Status::NotEffective);
        let day_of = old.validity(Time::ymd(2018, 8, 1), Time::ymd(2019, 1, 1));
        assert_status(&Curve25519448KeyParametersPresent, &day_of, Status::Error);
    }

    fn hash_alg(h: &crate::oid::ObjectIdentifier) -> Vec<u8> {
        seq(&[&oid(h), &null()])
    }

    fn mgf1(h: &crate::oid::ObjectIdentifier) -> Vec<u8> {
        seq(&[&oid(&alg::MGF1), &hash_alg(h)])
    }

    #[test]
    fn pss_parameters() {
        let good =
            seq(&[&ctx_cons(0, &hash_alg(&alg::SHA256)), &ctx_cons(1, &mgf1(&alg::SHA256)), &ctx_cons(2, &int(32))]);
        let pss = |p: &[u8]| with_spki(&seq(&[&oid(&alg::RSASSA_PSS), p]), &rsa_key());
        assert_status(&PssKeyParametersInvalid, &pss(&good), Status::Pass);
        assert_status(&PssKeyParametersInvalid, &pss(&seq(&[])), Status::Pass);
        let md5 = seq(&[&ctx_cons(0, &seq(&[&oid(&alg::MD5_WITH_RSA), &null()]))]);
        assert!(finding(&PssKeyParametersInvalid, &pss(&md5).build(), &Context::default()).1.contains("hashAlgorithm"));
        let bad_mgf = seq(&[&ctx_cons(1, &hash_alg(&alg::SHA256))]);
        assert!(finding(&PssKeyParametersInvalid, &pss(&bad_mgf).build(), &Context::default())
            .1
            .contains("maskGenAlgorithm"));
        let trailer = seq(&[&ctx_cons(3, &int(2))]);
        assert_eq!(
            finding(&PssKeyParametersInvalid, &pss(&trailer).build(), &Context::default()).1,
            "id-RSASSA-PSS key: trailerField is not 1"
        );
        let salt = seq(&[&ctx_cons(2, &tlv(tag::INTEGER, &[0xff]))]);
        assert_status(&PssKeyParametersInvalid, &pss(&salt), Status::Error);
        assert_status(&PssKeyParametersInvalid, &pss(&null()), Status::Error);
        let no_params = with_spki(&seq(&[&oid(&alg::RSASSA_PSS)]), &rsa_key());
        assert_status(&PssKeyParametersInvalid, &no_params, Status::NotApplicable);
        assert_status(&PssKeyParametersInvalid, &CertBuilder::leaf(), Status::NotApplicable);
        let old = pss(&trailer).validity(Time::ymd(2005, 5, 31), Time::ymd(2006, 1, 1));
        assert_status(&PssKeyParametersInvalid, &old, Status::NotEffective);
        let day_of = pss(&trailer).validity(Time::ymd(2005, 6, 1), Time::ymd(2006, 1, 1));
        assert_status(&PssKeyParametersInvalid, &day_of, Status::Error);
    }

    #[test]
    fn oaep_parameters() {
        let oaep = |p: Option<&[u8]>| {
            let a = match p {
                Some(p) => seq(&[&oid(&alg::RSAES_OAEP), p]),
                None => seq(&[&oid(&alg::RSAES_OAEP)]),
            };
            with_spki(&a, &rsa_key())
        };
        let psource = seq(&[&oid(&alg::P_SPECIFIED), &octet_string(&[])]);
        let good =
            seq(&[&ctx_cons(0, &hash_alg(&alg::SHA256)), &ctx_cons(1, &mgf1(&alg::SHA256)), &ctx_cons(2, &psource)]);
        assert_status(&OaepKeyParametersInvalid, &oaep(Some(&good)), Status::Pass);
        assert_status(&OaepKeyParametersAbsent, &oaep(Some(&good)), Status::Pass);
        let bad_source = seq(&[&ctx_cons(2, &seq(&[&oid(&alg::SHA256), &octet_string(&[])]))]);
        assert_eq!(
            finding(&OaepKeyParametersInvalid, &oaep(Some(&bad_source)).build(), &Context::default()).1,
            "id-RSAES-OAEP key: pSourceFunc is not id-pSpecified with an OCTET STRING"
        );
        let bad_hash = seq(&[&ctx_cons(0, &hash_alg(&alg::MGF1))]);
        assert_status(&OaepKeyParametersInvalid, &oaep(Some(&bad_hash)), Status::Error);
        let bad_mgf = seq(&[&ctx_cons(1, &seq(&[&oid(&alg::SHA1)]))]);
        assert_status(&OaepKeyParametersInvalid, &oaep(Some(&bad_mgf)), Status::Error);
        assert_status(&OaepKeyParametersInvalid, &oaep(None), Status::NotApplicable);
        assert_status(&OaepKeyParametersAbsent, &oaep(None), Status::Warn);
        assert_status(&OaepKeyParametersAbsent, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(&OaepKeyParametersInvalid, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn dsa_and_dh() {
        let key = int(0x1234_5678);
        let dsa = |p: Option<Vec<u8>>| match p {
            Some(p) => with_spki(&seq(&[&oid(&alg::DSA), &p]), &key),
            None => with_spki(&seq(&[&oid(&alg::DSA)]), &key),
        };
        let pqg = seq(&[&int(23), &int(11), &int(4)]);
        assert_status(&DsaKeyParametersInvalid, &dsa(None), Status::Pass);
        assert_status(&DsaKeyParametersInvalid, &dsa(Some(pqg.clone())), Status::Pass);
        assert_eq!(
            finding(&DsaKeyParametersInvalid, &dsa(Some(null())).build(), &Context::default()).1,
            "id-dsa parameters are NULL and not Dss-Parms {p, q, g}"
        );
        assert_status(&DsaKeyParametersInvalid, &dsa(Some(seq(&[&int(23), &int(11)]))), Status::Error);
        assert_status(&DsaKeyParametersInvalid, &CertBuilder::leaf(), Status::NotApplicable);

        assert_status(&DsaDhPublicKeyNotInteger, &dsa(None), Status::Pass);
        let raw = with_spki(&seq(&[&oid(&alg::DSA)]), &[1, 2, 3, 4]);
        assert_eq!(
            finding(&DsaDhPublicKeyNotInteger, &raw.build(), &Context::default()).1,
            "id-dsa public key is not a single DER INTEGER"
        );
        assert_status(&DsaDhPublicKeyNotInteger, &CertBuilder::leaf(), Status::NotApplicable);

        let dh = |p: Option<Vec<u8>>| match p {
            Some(p) => with_spki(&seq(&[&oid(&alg::DH_PUBLIC_NUMBER), &p]), &key),
            None => with_spki(&seq(&[&oid(&alg::DH_PUBLIC_NUMBER)]), &key),
        };
        assert_status(&DhKeyParametersInvalid, &dh(Some(pqg)), Status::Pass);
        assert_status(&DhKeyParametersInvalid, &dh(None), Status::Error);
        assert_status(&DhKeyParametersInvalid, &dh(Some(null())), Status::Error);
        assert_status(&DhKeyParametersInvalid, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(&DsaDhPublicKeyNotInteger, &dh(None), Status::Pass);
    }

    #[test]
    fn cached_key_facts_agree_with_the_certificate() {
        let kinds = [
            &alg::RSA_ENCRYPTION,
            &alg::RSASSA_PSS,
            &alg::DH_PUBLIC_NUMBER,
            &alg::EC_PUBLIC_KEY,
            &alg::X25519,
            &alg::ML_KEM_1024,
            &alg::SLH_DSA_SHAKE_256F,
            &crate::oid::ext::KEY_USAGE,
        ];
        let usages: [Option<Vec<u8>>; 5] = [
            None,
            Some(bit_string(7, &[0x80])),
            Some(bit_string(7, &[0x86, 0x80])),
            Some(bit_string(0, &[])),
            Some(octet_string(&[1])),
        ];
        let mut certs = Vec::new();
        for k in kinds {
            for u in &usages {
                let mut b = with_spki(&seq(&[&oid(k)]), &[1, 2, 3]).without_ext(&crate::oid::ext::KEY_USAGE);
                if let Some(u) = u {
                    b = b.ext(&crate::oid::ext::KEY_USAGE, true, u);
                }
                certs.push(b.build());
            }
        }
        let mut bad_spki = CertBuilder::leaf();
        bad_spki.spki = seq(&[&int(1)]);
        certs.push(bad_spki.build());
        for cert in &certs {
            let kind = cert.spki().ok().map(|s| KeyKind::of(s.algorithm.oid));
            let mask = match cert.key_usage() {
                Some(Ok(ku)) => Some((0..9u8).filter(|&b| ku.value.has(b)).fold(0u16, |m, b| m | (1 << b))),
                _ => None,
            };
            assert_eq!((key_kind(cert), key_usage_mask(cert)), (kind, mask));
        }
        assert!(certs.iter().any(|c| key_kind(c).is_none()));
        assert!(certs.iter().any(|c| key_usage_mask(c) == Some(0x0161)));
    }
}
