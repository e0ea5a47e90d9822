//! Signature algorithm identifiers (RFC 5280 §4.1.1.2, §4.1.2.3; RFC 3279 §2.2; RFC 4055
//! §3.1, §5; RFC 5758 §3; RFC 8410 §6).

use alloc::format;

use crate::asn1::{self, tag, Asn1Error, Tlv};
use crate::cert::{AlgorithmIdentifier, Form};
use crate::oid::{alg, sig, ObjectIdentifier};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context};

pub(crate) static RULES: &[&dyn Rule] = &[
    &SignatureAlgorithmMismatch,
    &RsaSignatureParametersNotNull,
    &EcdsaDsaSignatureParametersPresent,
    &EddsaSignatureParametersPresent,
    &PssSignatureParametersAbsent,
    &PssSignatureParametersInvalid,
    &PssMgfHashMismatch,
];

/// The signature AlgorithmIdentifiers that decode: the TBS `signature` field and, for a
/// signed certificate, the outer `signatureAlgorithm`.
fn signature_fields(cert: &Certificate) -> impl Iterator<Item = (&'static str, AlgorithmIdentifier<'_>)> {
    let tbs = cert.tbs_signature_algorithm().ok().map(|a| ("signature", a));
    let outer = cert.signature_algorithm().and_then(Result::ok).map(|a| ("signatureAlgorithm", a));
    tbs.into_iter().chain(outer)
}

/// Applies `bad` to every signature field whose algorithm is one of `oids`: not applicable
/// when none is, the first complaint otherwise.
fn for_signature_fields(
    cert: &Certificate,
    oids: &[&ObjectIdentifier],
    bad: impl Fn(&AlgorithmIdentifier<'_>) -> Option<&'static str>,
) -> Outcome {
    let mut applicable = false;
    for (field, a) in signature_fields(cert) {
        if !oids.iter().any(|o| a.oid.is(o)) {
            continue;
        }
        applicable = true;
        if let Some(what) = bad(&a) {
            return Outcome::fail(format!("{field} {}: {what}", a.oid));
        }
    }
    if applicable {
        Outcome::Pass
    } else {
        Outcome::NotApplicable
    }
}

/// The one-way hash functions RFC 4055 §2.1 lists for RSASSA-PSS and MGF1.
const PSS_HASHES: [&ObjectIdentifier; 5] = [&alg::SHA1, &alg::SHA224, &alg::SHA256, &alg::SHA384, &alg::SHA512];

fn is_pss_hash(a: &AlgorithmIdentifier<'_>) -> bool {
    PSS_HASHES.iter().any(|h| a.oid.is(h))
}

/// RSASSA-PSS-params (RFC 4055 §3.1) as encoded: each field `None` when omitted.
pub(super) struct PssParams<'a> {
    /// `[0] hashAlgorithm`
    pub hash: Option<AlgorithmIdentifier<'a>>,
    /// `[1] maskGenAlgorithm`
    pub mgf: Option<AlgorithmIdentifier<'a>>,
    /// `[2] saltLength` INTEGER content
    pub salt: Option<&'a [u8]>,
    /// `[3] trailerField` INTEGER content
    pub trailer: Option<&'a [u8]>,
}

fn explicit<'a, T>(
    r: &mut asn1::Reader<'a>,
    tag: u8,
    parse: impl FnOnce(Tlv<'a>) -> Result<T, Asn1Error>,
) -> Result<Option<T>, Asn1Error> {
    match r.read_optional(tag)? {
        Some(t) => Ok(Some(parse(Tlv::parse(t.value)?)?)),
        None => Ok(None),
    }
}

impl<'a> PssParams<'a> {
    /// Parses the parameters element of an id-RSASSA-PSS AlgorithmIdentifier.
    pub(super) fn parse(params: &Tlv<'a>) -> Result<Self, Asn1Error> {
        let mut r = params.expect(tag::SEQUENCE)?.reader();
        let hash = explicit(&mut r, 0xa0, |t| AlgorithmIdentifier::parse(t.raw))?;
        let mgf = explicit(&mut r, 0xa1, |t| AlgorithmIdentifier::parse(t.raw))?;
        let salt = explicit(&mut r, 0xa2, |t| Ok(t.expect(tag::INTEGER)?.value))?;
        let trailer = explicit(&mut r, 0xa3, |t| Ok(t.expect(tag::INTEGER)?.value))?;
        r.finish()?;
        Ok(Self { hash, mgf, salt, trailer })
    }

    /// The MGF1 hash, when the mask generation function is MGF1 with readable parameters.
    pub(super) fn mgf_hash(&self) -> Option<AlgorithmIdentifier<'a>> {
        let mgf = self.mgf?;
        if !mgf.oid.is(&alg::MGF1) {
            return None;
        }
        AlgorithmIdentifier::parse(mgf.parameters?.raw).ok()
    }
}

/// `rfc5280.signature_algorithm_mismatch`
///
/// **What it checks**: the outer signatureAlgorithm is byte-for-byte the same
/// AlgorithmIdentifier as the TBS `signature` field.
///
/// **Why it matters**: RFC 5280 §4.1.1.2 and §4.1.2.3 require the two fields to carry the
/// same algorithm identifier; the outer one is not signed, so a difference means the
/// unsigned copy could be swapped and verifiers may disagree on which to use.
///
/// **Example**: TBS `ecdsa-with-SHA256` with outer `ecdsa-with-SHA384` fails, as does
/// `sha256WithRSAEncryption` with NULL parameters in one and none in the other; identical
/// fields pass; a bare TBS (no outer signature) is not applicable.
pub struct SignatureAlgorithmMismatch;

impl Rule for SignatureAlgorithmMismatch {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.signature_algorithm_mismatch", Source::Rfc5280, Severity::Error)
            .summary("signatureAlgorithm must equal the TBS signature field")
            .citation("RFC 5280 §4.1.1.2, §4.1.2.3")
            .effective(Time::ymd(2008, 5, 1))
            .aliases(&[
                "zlint:e_cert_sig_alg_not_match_tbs_sig_alg",
                "pkilint:pkix.certificate_signature_algorithm_mismatch",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.form() == Form::Tbs {
            return Outcome::NotApplicable;
        }
        match (cert.tbs_signature_algorithm(), cert.signature_algorithm()) {
            (Ok(tbs), Some(Ok(outer))) if tbs.raw == outer.raw => Outcome::Pass,
            (Ok(tbs), Some(Ok(outer))) => Outcome::fail(format!(
                "signatureAlgorithm {} ({} octets) differs from the TBS signature {} ({} octets)",
                outer.oid,
                outer.raw.len(),
                tbs.oid,
                tbs.raw.len()
            )),
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc4055.rsa_signature_parameters_not_null`
///
/// **What it checks**: a PKCS #1 v1.5 signature AlgorithmIdentifier (md2/md5/sha1/sha224/
/// sha256/sha384/sha512WithRSAEncryption) carries NULL parameters.
///
/// **Why it matters**: RFC 3279 §2.2.1 and RFC 4055 §5 define the parameters of these
/// identifiers as NULL and require it to be present; verifiers that compare identifiers
/// byte for byte reject the variant without it.
///
/// **Example**: `sha256WithRSAEncryption` without parameters (or with an empty SEQUENCE)
/// fails; with `05 00` it passes; an ECDSA signature is not applicable.
pub struct RsaSignatureParametersNotNull;

impl Rule for RsaSignatureParametersNotNull {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc4055.rsa_signature_parameters_not_null", Source::Rfc5280, Severity::Error)
                .summary("PKCS #1 v1.5 signature algorithm identifiers must have NULL parameters")
                .citation("RFC 3279 §2.2.1; RFC 4055 §5")
                .effective(Time::ymd(2008, 5, 1))
                .needs(Need::SignatureAlgorithm(&[
                    alg::MD2_WITH_RSA,
                    alg::MD5_WITH_RSA,
                    alg::SHA1_WITH_RSA,
                    alg::SHA224_WITH_RSA,
                    alg::SHA256_WITH_RSA,
                    alg::SHA384_WITH_RSA,
                    alg::SHA512_WITH_RSA,
                ]))
                .aliases(&["zlint:e_tbs_signature_rsa_encryption_parameter_not_null"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        for_signature_fields(cert, &sig::RSA_PKCS1, |a| match a.parameters {
            None => Some("parameters are absent, NULL is required"),
            Some(_) if a.has_null_parameters() => None,
            Some(_) => Some("parameters are not NULL"),
        })
    }
}

/// `rfc5758.ecdsa_dsa_signature_parameters_present`
///
/// **What it checks**: ECDSA (`ecdsa-with-SHA1/224/256/384/512`) and DSA
/// (`id-dsa-with-sha1/224/256`) signature AlgorithmIdentifiers omit the parameters field.
///
/// **Why it matters**: RFC 3279 §2.2.2-2.2.3 and RFC 5758 §3.1-3.2 say the encoding must
/// omit the parameters for these algorithms (not even NULL), so that one algorithm has one
/// encoding.
///
/// **Example**: `ecdsa-with-SHA256` followed by `05 00` fails; the bare OID passes; an RSA
/// signature is not applicable.
pub struct EcdsaDsaSignatureParametersPresent;

impl Rule for EcdsaDsaSignatureParametersPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5758.ecdsa_dsa_signature_parameters_present", Source::Rfc5280, Severity::Error)
                .summary("ECDSA and DSA signature algorithm identifiers must omit parameters")
                .citation("RFC 3279 §2.2.2, §2.2.3; RFC 5758 §3.1, §3.2")
                .needs(Need::SignatureAlgorithm(&[
                    alg::ECDSA_WITH_SHA1,
                    alg::ECDSA_WITH_SHA224,
                    alg::ECDSA_WITH_SHA256,
                    alg::ECDSA_WITH_SHA384,
                    alg::ECDSA_WITH_SHA512,
                    alg::DSA_WITH_SHA1,
                    alg::DSA_WITH_SHA224,
                    alg::DSA_WITH_SHA256,
                ]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let oids = [
            &alg::ECDSA_WITH_SHA1,
            &alg::ECDSA_WITH_SHA224,
            &alg::ECDSA_WITH_SHA256,
            &alg::ECDSA_WITH_SHA384,
            &alg::ECDSA_WITH_SHA512,
            &alg::DSA_WITH_SHA1,
            &alg::DSA_WITH_SHA224,
            &alg::DSA_WITH_SHA256,
        ];
        for_signature_fields(cert, &oids, |a| a.parameters.map(|_| "parameters are present but must be omitted"))
    }
}

/// `rfc8410.eddsa_signature_parameters_present`
///
/// **What it checks**: Ed25519 and Ed448 signature AlgorithmIdentifiers have no
/// parameters.
///
/// **Why it matters**: RFC 8410 §6 says the parameters MUST be absent for id-Ed25519 and
/// id-Ed448 signatures.
///
/// **Example**: `id-Ed25519` with `05 00` fails; the bare OID passes; an ECDSA signature
/// is not applicable.
pub struct EddsaSignatureParametersPresent;

impl Rule for EddsaSignatureParametersPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc8410.eddsa_signature_parameters_present", Source::Rfc5280, Severity::Error)
                .summary("Ed25519 and Ed448 signature algorithm identifiers must omit parameters")
                .citation("RFC 8410 §6")
                .effective(Time::ymd(2018, 8, 1))
                .needs(Need::SignatureAlgorithm(&[alg::ED25519, alg::ED448]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        for_signature_fields(cert, &[&alg::ED25519, &alg::ED448], |a| {
            a.parameters.map(|_| "parameters are present but must be absent")
        })
    }
}

/// `rfc4055.pss_signature_parameters_absent`
///
/// **What it checks**: an id-RSASSA-PSS signature AlgorithmIdentifier carries
/// RSASSA-PSS-params.
///
/// **Why it matters**: RFC 4055 §3.1 says the parameters MUST be present when the
/// identifier goes with a signature value (they are optional only in a public key).
///
/// **Example**: `id-RSASSA-PSS` with no parameters fails; with a parameters SEQUENCE it
/// passes; any other algorithm is not applicable.
pub struct PssSignatureParametersAbsent;

impl Rule for PssSignatureParametersAbsent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc4055.pss_signature_parameters_absent", Source::Rfc5280, Severity::Error)
                .summary("RSASSA-PSS signature algorithm identifiers must carry parameters")
                .citation("RFC 4055 §3.1")
                .effective(Time::ymd(2005, 6, 1))
                .needs(Need::SignatureAlgorithm(&[alg::RSASSA_PSS]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        for_signature_fields(cert, &[&alg::RSASSA_PSS], |a| a.parameters.is_none().then_some("parameters are absent"))
    }
}

/// What is wrong with RSASSA-PSS parameters, if anything (RFC 4055 §3.1).
fn pss_defect(params: &Tlv<'_>) -> Option<&'static str> {
    let Ok(p) = PssParams::parse(params) else { return Some("RSASSA-PSS-params do not decode") };
    if p.hash.is_some_and(|h| !is_pss_hash(&h)) {
        return Some("hashAlgorithm is not one of the RFC 4055 §2.1 hash functions");
    }
    if let Some(mgf) = p.mgf {
        if !mgf.oid.is(&alg::MGF1) {
            return Some("maskGenAlgorithm is not MGF1");
        }
        match p.mgf_hash() {
            None => return Some("MGF1 parameters are not a hash AlgorithmIdentifier"),
            Some(h) if !is_pss_hash(&h) => return Some("the MGF1 hash is not one of the RFC 4055 §2.1 hash functions"),
            Some(_) => {}
        }
    }
    if p.trailer.is_some_and(|t| asn1::uint_value(t) != Some(1)) {
        return Some("trailerField is not 1");
    }
    None
}

/// `rfc4055.pss_signature_parameters_invalid`
///
/// **What it checks**: RSASSA-PSS signature parameters decode, name a hash function from
/// RFC 4055 §2.1 (SHA-1, SHA-224, SHA-256, SHA-384, SHA-512), use MGF1 with such a hash,
/// and leave trailerField at 1.
///
/// **Why it matters**: RFC 4055 §3.1 restricts hashAlgorithm to the §2.1 list, defines
/// MGF1 as the mask generation function, and requires trailerField to be 1 (0xBC);
/// anything else cannot be verified interoperably.
///
/// **Example**: parameters naming MD5 as hashAlgorithm, or trailerField 2, fail;
/// SHA-256 with MGF1-SHA-256 and salt length 32 passes; a non-PSS signature is not
/// applicable (absent parameters are reported by `rfc4055.pss_signature_parameters_absent`).
pub struct PssSignatureParametersInvalid;

impl Rule for PssSignatureParametersInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc4055.pss_signature_parameters_invalid", Source::Rfc5280, Severity::Error)
                .summary("RSASSA-PSS parameters must use a listed hash, MGF1 and trailerField 1")
                .citation("RFC 4055 §3.1")
                .effective(Time::ymd(2005, 6, 1))
                .needs(Need::SignatureAlgorithm(&[alg::RSASSA_PSS]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let mut applicable = false;
        for (field, a) in signature_fields(cert) {
            let (true, Some(p)) = (a.oid.is(&alg::RSASSA_PSS), a.parameters) else { continue };
            applicable = true;
            if let Some(what) = pss_defect(&p) {
                return Outcome::fail(format!("{field}: {what}"));
            }
        }
        if applicable {
            Outcome::Pass
        } else {
            Outcome::NotApplicable
        }
    }
}

/// `rfc4055.pss_mgf_hash_mismatch`
///
/// **What it checks**: in RSASSA-PSS parameters (signature fields or the public key), the
/// MGF1 hash is the same as hashAlgorithm (absent fields meaning SHA-1).
///
/// **Why it matters**: RFC 4055 §3.1 strongly recommends that MGF1 use the same hash as
/// the signature; mixed hashes weaken the analysis of the scheme and are rejected by many
/// implementations.
///
/// **Example**: hashAlgorithm SHA-256 with MGF1-SHA-1 (or with the MGF1 default) warns;
/// SHA-256 with MGF1-SHA-256 passes; no RSASSA-PSS parameters is not applicable.
pub struct PssMgfHashMismatch;

impl Rule for PssMgfHashMismatch {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc4055.pss_mgf_hash_mismatch", Source::Rfc5280, Severity::Warn)
            .summary("the MGF1 hash should equal the RSASSA-PSS hash algorithm")
            .citation("RFC 4055 §3.1")
            .effective(Time::ymd(2005, 6, 1))
            .needs(Need::AnyOf(&[
                Need::SignatureAlgorithm(&[alg::RSASSA_PSS]),
                Need::KeyAlgorithm(&[alg::RSASSA_PSS]),
            ]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let spki = cert.spki().ok().map(|s| ("subjectPublicKeyInfo", s.algorithm));
        let mut applicable = false;
        for (field, a) in signature_fields(cert).chain(spki) {
            let (true, Some(params)) = (a.oid.is(&alg::RSASSA_PSS), a.parameters) else { continue };
            let Ok(p) = PssParams::parse(&params) else { continue };
            let hash = p.hash.map_or(alg::SHA1.as_bytes(), |h| h.oid.as_bytes());
            let mgf_hash = match (p.mgf, p.mgf_hash()) {
                (None, _) => alg::SHA1.as_bytes(),
                (Some(_), Some(h)) => h.oid.as_bytes(),
                (Some(_), None) => continue,
            };
            applicable = true;
            if hash != mgf_hash {
                let name = |b: &[u8]| crate::oid::Oid::new(b).map(|o| format!("{o}")).unwrap_or_default();
                return Outcome::fail(format!(
                    "{field}: MGF1 uses hash {} but hashAlgorithm is {}",
                    name(mgf_hash),
                    name(hash)
                ));
            }
        }
        if applicable {
            Outcome::Pass
        } else {
            Outcome::NotApplicable
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{der::*, *};
    use crate::Status;
    use alloc::vec::Vec;

    fn with_alg(a: Vec<u8>) -> CertBuilder {
        let mut b = CertBuilder::leaf();
        b.tbs_sig_alg = a;
        b
    }

    fn hash_alg(h: &ObjectIdentifier) -> Vec<u8> {
        seq(&[&oid(h)])
    }

    fn pss(hash: Option<&ObjectIdentifier>, mgf_hash: Option<&ObjectIdentifier>, trailer: Option<u64>) -> Vec<u8> {
        let mut parts: Vec<Vec<u8>> = Vec::new();
        if let Some(h) = hash {
            parts.push(ctx_cons(0, &hash_alg(h)));
        }
        if let Some(h) = mgf_hash {
            parts.push(ctx_cons(1, &seq(&[&oid(&alg::MGF1), &hash_alg(h)])));
        }
        parts.push(ctx_cons(2, &int(32)));
        if let Some(t) = trailer {
            parts.push(ctx_cons(3, &int(t)));
        }
        seq(&[&oid(&alg::RSASSA_PSS), &seq_vec(&parts)])
    }

    #[test]
    fn mismatch() {
        assert_status(&SignatureAlgorithmMismatch, &CertBuilder::leaf(), Status::Pass);
        let mut b = CertBuilder::leaf();
        b.sig_alg = Some(seq(&[&oid(&alg::ECDSA_WITH_SHA384)]));
        let (s, msg) = finding(&SignatureAlgorithmMismatch, &b.build(), &Context::default());
        assert_eq!(s, Status::Error);
        assert!(msg.contains("1.2.840.10045.4.3.3"), "{msg}");
        let tbs = Certificate::from_tbs_der(&CertBuilder::leaf().tbs()).unwrap();
        let (s, _) = finding(&SignatureAlgorithmMismatch, &tbs, &Context::default());
        assert_eq!(s, Status::NotApplicable);
        let old = b.validity(Time::ymd(2008, 4, 30), Time::ymd(2009, 1, 1));
        assert_status(&SignatureAlgorithmMismatch, &old, Status::NotEffective);
    }

    #[test]
    fn rsa_null() {
        let good = with_alg(seq(&[&oid(&alg::SHA256_WITH_RSA), &null()]));
        assert_status(&RsaSignatureParametersNotNull, &good, Status::Pass);
        let absent = with_alg(seq(&[&oid(&alg::SHA256_WITH_RSA)]));
        let (s, msg) = finding(&RsaSignatureParametersNotNull, &absent.build(), &Context::default());
        assert_eq!(s, Status::Error);
        assert!(msg.contains("absent"), "{msg}");
        let other = with_alg(seq(&[&oid(&alg::SHA1_WITH_RSA), &seq(&[])]));
        assert_status(&RsaSignatureParametersNotNull, &other, Status::Error);
        assert_status(&RsaSignatureParametersNotNull, &CertBuilder::leaf(), Status::NotApplicable);
        let old = absent.validity(Time::ymd(2008, 4, 30), Time::ymd(2009, 1, 1));
        assert_status(&RsaSignatureParametersNotNull, &old, Status::NotEffective);
    }

    #[test]
    fn ecdsa_dsa_params() {
        assert_status(&EcdsaDsaSignatureParametersPresent, &CertBuilder::leaf(), Status::Pass);
        let b = with_alg(seq(&[&oid(&alg::ECDSA_WITH_SHA256), &null()]));
        assert_status(&EcdsaDsaSignatureParametersPresent, &b, Status::Error);
        let b = with_alg(seq(&[&oid(&alg::DSA_WITH_SHA224), &null()]));
        assert_status(&EcdsaDsaSignatureParametersPresent, &b, Status::Error);
        let rsa = with_alg(seq(&[&oid(&alg::SHA256_WITH_RSA), &null()]));
        assert_status(&EcdsaDsaSignatureParametersPresent, &rsa, Status::NotApplicable);
    }

    #[test]
    fn eddsa_params() {
        assert_status(&EddsaSignatureParametersPresent, &with_alg(seq(&[&oid(&alg::ED25519)])), Status::Pass);
        let b = with_alg(seq(&[&oid(&alg::ED448), &null()]));
        assert_status(&EddsaSignatureParametersPresent, &b, Status::Error);
        assert_status(&EddsaSignatureParametersPresent, &CertBuilder::leaf(), Status::NotApplicable);
        let old = b.clone().validity(Time::ymd(2018, 7, 31), Time::ymd(2019, 1, 1));
        assert_status(&EddsaSignatureParametersPresent, &old, Status::NotEffective);
        let day_of = b.validity(Time::ymd(2018, 8, 1), Time::ymd(2019, 1, 1));
        assert_status(&EddsaSignatureParametersPresent, &day_of, Status::Error);
    }

    #[test]
    fn pss_absent_and_invalid() {
        let good = with_alg(pss(Some(&alg::SHA256), Some(&alg::SHA256), None));
        assert_status(&PssSignatureParametersAbsent, &good, Status::Pass);
        assert_status(&PssSignatureParametersInvalid, &good, Status::Pass);
        let absent = with_alg(seq(&[&oid(&alg::RSASSA_PSS)]));
        assert_status(&PssSignatureParametersAbsent, &absent, Status::Error);
        assert_status(&PssSignatureParametersInvalid, &absent, Status::NotApplicable);
        assert_status(&PssSignatureParametersAbsent, &CertBuilder::leaf(), Status::NotApplicable);

        let md5 = with_alg(pss(Some(&alg::MD5_WITH_RSA), Some(&alg::SHA256), None));
        let (s, msg) = finding(&PssSignatureParametersInvalid, &md5.build(), &Context::default());
        assert_eq!(s, Status::Error);
        assert!(msg.contains("hashAlgorithm"), "{msg}");
        let trailer = with_alg(pss(Some(&alg::SHA256), Some(&alg::SHA256), Some(2)));
        assert_status(&PssSignatureParametersInvalid, &trailer, Status::Error);
        let bad_mgf_hash = with_alg(pss(Some(&alg::SHA256), Some(&alg::MD5_WITH_RSA), None));
        assert_status(&PssSignatureParametersInvalid, &bad_mgf_hash, Status::Error);
        let not_mgf1 = with_alg(seq(&[
            &oid(&alg::RSASSA_PSS),
            &seq(&[&ctx_cons(1, &seq(&[&oid(&alg::SHA256), &hash_alg(&alg::SHA256)]))]),
        ]));
        assert_status(&PssSignatureParametersInvalid, &not_mgf1, Status::Error);
        let junk = with_alg(seq(&[&oid(&alg::RSASSA_PSS), &null()]));
        assert_status(&PssSignatureParametersInvalid, &junk, Status::Error);
        let old = junk.validity(Time::ymd(2005, 5, 31), Time::ymd(2006, 1, 1));
        assert_status(&PssSignatureParametersInvalid, &old, Status::NotEffective);
    }

    #[test]
    fn pss_mgf_hash() {
        let good = with_alg(pss(Some(&alg::SHA256), Some(&alg::SHA256), None));
        assert_status(&PssMgfHashMismatch, &good, Status::Pass);
        let mixed = with_alg(pss(Some(&alg::SHA256), Some(&alg::SHA1), None));
        let (s, msg) = finding(&PssMgfHashMismatch, &mixed.build(), &Context::default());
        assert_eq!(s, Status::Warn);
        assert!(msg.contains("1.3.14.3.2.26"), "{msg}");
        let default_mgf = with_alg(pss(Some(&alg::SHA384), None, None));
        assert_status(&PssMgfHashMismatch, &default_mgf, Status::Warn);
        // In the public key too.
        let mut key = CertBuilder::leaf();
        key.spki = spki(&pss(Some(&alg::SHA256), Some(&alg::SHA512), None), &seq(&[&int(3), &int(65537)]));
        assert_status(&PssMgfHashMismatch, &key, Status::Warn);
        assert_status(&PssMgfHashMismatch, &CertBuilder::leaf(), Status::NotApplicable);
    }
}
