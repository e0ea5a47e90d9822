//! Encoding: the outer structure, DER, version, serial number and time formats
//! (RFC 5280 §4.1, §4.1.2.1, §4.1.2.2, §4.1.2.5).

use alloc::{format, string::String};

use super::algorithm::PssParams;
use super::raw;
use crate::asn1::{self, tag, Asn1Error, Tlv};
use crate::cert::{Critical, TimeField, Version};
use crate::oid::alg;
use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::summary::{flag, settled};
use crate::time::Time;
use crate::{Certificate, Context};

pub(crate) static RULES: &[&dyn Rule] = &[
    &StructureMalformed,
    &DerLengthNotMinimal,
    &DerIntegerNotMinimal,
    &DerBooleanNotCanonical,
    &DerExplicitDefaultValue,
    &DerSetOfNotSorted,
    &DerBitStringPaddingNotZero,
    &DerConstructedString,
    &DerNullNotEmpty,
    &VersionInvalid,
    &VersionNotV3,
    &ExtensionsRequireV3,
    &UniqueIdRequiresV2OrV3,
    &IssuerUniqueIdPresent,
    &SubjectUniqueIdPresent,
    &SerialNumberNotPositive,
    &SerialNumberTooLong,
    &ExtensionsFieldEmpty,
    &UtctimeNotZulu,
    &UtctimeMissingSeconds,
    &GeneralizedTimeNotZulu,
    &GeneralizedTimeMissingSeconds,
    &GeneralizedTimeFractionalSeconds,
    &GeneralizedTimeBefore2050,
    &TimeValueInvalid,
    &PrintableStringInvalidCharacter,
    &Ia5StringNonAscii,
    &Utf8StringInvalid,
    &BmpOrUniversalStringInvalid,
];

/// `rfc5280.structure_malformed`
///
/// **What it checks**: every field of the certificate can be read: the outer SEQUENCE,
/// the TBSCertificate fields in their order with their types (version, serial, signature,
/// issuer, validity, subject, subjectPublicKeyInfo, unique ids, extensions), and nothing
/// follows the signature.
///
/// **Why it matters**: RFC 5280 §4.1 fixes the ASN.1 syntax of a certificate; a field that
/// cannot be decoded cannot be checked or relied on. The other rules still run on the
/// fields that do decode; this one names what does not.
///
/// **Example**: a subject that is an OCTET STRING instead of a Name, or a validity with
/// an unreadable time, fails; a well-formed certificate passes.
pub struct StructureMalformed;

impl Rule for StructureMalformed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.structure_malformed", Source::Rfc5280, Severity::Fatal)
            .summary("every certificate field must decode according to its ASN.1 syntax")
            .citation("RFC 5280 §4.1")
            .aliases(&["pkilint:itu.invalid_asn1_syntax", "pkilint:base.unhandled_exception"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if let Some(m) = cert.structure_errors().first() {
            return Outcome::fail(format!("{m}"));
        }
        let fields = [
            cert.version().err(),
            cert.serial().err(),
            cert.tbs_signature_algorithm().err(),
            cert.issuer().err(),
            cert.validity().err(),
            cert.subject().err(),
            cert.spki().err(),
            cert.extensions_error().cloned(),
            cert.signature_algorithm().and_then(Result::err),
            cert.signature_value().and_then(Result::err),
        ];
        match fields.into_iter().flatten().next() {
            Some(m) => Outcome::fail(format!("{m}")),
            None => Outcome::Pass,
        }
    }
}

/// Runs a DER visitor over the whole certificate and turns its verdict into an outcome:
/// a failure naming the first defect, otherwise pass (or not applicable when `applicable`
/// stayed false).
fn der_outcome(found: Option<alloc::string::String>, applicable: bool) -> Outcome {
    match found {
        Some(m) => Outcome::fail(m),
        None if applicable => Outcome::Pass,
        None => Outcome::NotApplicable,
    }
}

/// A defect of DER INTEGER content octets (X.690 §8.3.2).
fn integer_defect(value: &[u8]) -> Option<&'static str> {
    let t = Tlv { tag: tag::INTEGER, value, raw: value, offset: 0, non_minimal_length: false };
    asn1::primitive_non_der(&t)
}

/// A defect of BOOLEAN content octets (X.690 §11.1).
fn boolean_defect(value: &[u8]) -> Option<&'static str> {
    let t = Tlv { tag: tag::BOOLEAN, value, raw: value, offset: 0, non_minimal_length: false };
    asn1::primitive_non_der(&t)
}

/// A defect of BIT STRING content octets (X.690 §11.2).
fn bit_string_defect(value: &[u8]) -> Option<&'static str> {
    let t = Tlv { tag: tag::BIT_STRING, value, raw: value, offset: 0, non_minimal_length: false };
    asn1::primitive_non_der(&t)
}

/// Bits of [`der_defects`]: which defects (or which element kinds) occur anywhere in the
/// DER that [`raw::scan`] walks.
const D_LENGTH: u32 = 1;
const D_INTEGER: u32 = 1 << 1;
const D_BOOLEAN_SEEN: u32 = 1 << 2;
const D_BOOLEAN: u32 = 1 << 3;
const D_SET_SEEN: u32 = 1 << 4;
const D_SET: u32 = 1 << 5;
const D_BIT_STRING: u32 = 1 << 6;
const D_CONSTRUCTED_STRING: u32 = 1 << 7;
const D_NULL: u32 = 1 << 8;
// Bits 9 to 18 are the string types' (`STRING_TAGS`).
const D_ENUMERATED: u32 = 1 << 19;
/// Some content was too deep to walk ([`raw::TOO_DEEP`]).
const D_TOO_DEEP: u32 = 1 << 20;

/// The string types [`string_scan`] checks, and their (seen, defect) bits in
/// [`der_defects`].
const STRING_TAGS: [(u8, u32); 5] = [
    (tag::PRINTABLE_STRING, 1 << 9),
    (tag::IA5_STRING, 1 << 11),
    (tag::UTF8_STRING, 1 << 13),
    (tag::BMP_STRING, 1 << 15),
    (tag::UNIVERSAL_STRING, 1 << 17),
];

/// The (seen, defect) bits of a string type of [`STRING_TAGS`].
fn string_bits(tag: u8) -> Option<(u32, u32)> {
    STRING_TAGS.iter().find(|(t, _)| *t == tag).map(|&(_, seen)| (seen, seen << 1))
}

/// One walk over everything [`raw::scan`] visits, recording what each DER rule's visitor
/// would object to (and whether BOOLEANs and multi-member SETs occur at all). The walk
/// visits the same elements in the same order as each rule's own scan, which only stops
/// earlier: a rule whose bit is clear passes without walking, and a rule whose bit is set
/// re-runs its own scan to name the first defect. Cached in the certificate.
fn der_defects(cert: &Certificate) -> u32 {
    cert.der_defects.get_or(|| {
        let mut bits = 0;
        raw::scan(cert, &mut |t| {
            match t {
                // By parts, not `&Tlv`: the element then stays in registers.
                Ok(t) if t.non_minimal_length || may_have_defect(t.tag) => {
                    bits |= element_defects(t.tag, t.value, t.non_minimal_length);
                }
                Ok(_) => {}
                Err(Asn1Error::IndefiniteLength) => bits |= D_LENGTH,
                Err(Asn1Error::InvalidValue(raw::TOO_DEEP)) => bits |= D_TOO_DEEP,
                Err(_) => {}
            }
            None
        });
        bits
    })
}

/// Whether [`asn1::first_non_der`] may find something in an extension value. The
/// [`der_defects`] walk visits every element that one does (and more), and records each
/// defect it looks for: when there is none, `rfc5280.extension_value_not_der` passes
/// without walking again.
pub(super) fn may_have_non_der_values(cert: &Certificate) -> bool {
    let bits = D_LENGTH | D_INTEGER | D_ENUMERATED | D_BOOLEAN | D_SET | D_BIT_STRING | D_NULL | D_TOO_DEEP;
    der_defects(cert) & bits != 0
}

/// The universal tags (all below 0x40) that [`element_defects`] can find something in:
/// INTEGER, ENUMERATED, BOOLEAN, SET, BIT STRING, NULL, the [`STRING_TAGS`], and the
/// constructed forms of string types.
const DEFECT_TAGS: u64 = {
    let mut set = 1 << tag::INTEGER
        | 1 << tag::ENUMERATED
        | 1 << tag::BOOLEAN
        | 1 << tag::SET
        | 1 << tag::BIT_STRING
        | 1 << tag::NULL;
    let mut n = 0u8;
    while n < 0x20 {
        if raw::is_string_tag_number(n) {
            set |= 1 << (0x20 | n);
        }
        n += 1;
    }
    let mut strings: &[(u8, u32)] = &STRING_TAGS;
    while let [(t, _), rest @ ..] = strings {
        set |= 1 << *t;
        strings = rest;
    }
    set
};

/// Whether [`element_defects`] may find something in an element with minimal length
/// octets and tag `tag`. The visitor of the [`der_defects`] walk inlines this test, so
/// most elements (SEQUENCE, OID, OCTET STRING, context tags) cost a shift and a branch.
fn may_have_defect(tag: u8) -> bool {
    tag < 0x40 && (DEFECT_TAGS >> tag) & 1 != 0
}

/// The [`der_defects`] bits of one element.
#[inline(never)]
fn element_defects(tag: u8, value: &[u8], non_minimal_length: bool) -> u32 {
    let length = if non_minimal_length { D_LENGTH } else { 0 };
    length
        | match tag {
            tag::INTEGER if integer_defect(value).is_some() => D_INTEGER,
            tag::ENUMERATED if integer_defect(value).is_some() => D_ENUMERATED,
            tag::BOOLEAN if boolean_defect(value).is_some() => D_BOOLEAN_SEEN | D_BOOLEAN,
            tag::BOOLEAN => D_BOOLEAN_SEEN,
            tag::SET => set_defects(value),
            tag::BIT_STRING if bit_string_defect(value).is_some() => D_BIT_STRING,
            tag::NULL if !value.is_empty() => D_NULL,
            tag::PRINTABLE_STRING | tag::IA5_STRING | tag::UTF8_STRING | tag::BMP_STRING | tag::UNIVERSAL_STRING => {
                string_defects(tag, value)
            }
            n if n & 0xe0 == 0x20 && raw::is_string_tag_number(n & 0x1f) => D_CONSTRUCTED_STRING,
            _ => 0,
        }
}

/// The [`der_defects`] bits of a SET's content: whether it has two members or more, and
/// whether they are out of order.
fn set_defects(content: &[u8]) -> u32 {
    let mut bits = 0;
    let mut prev: Option<&[u8]> = None;
    for m in asn1::Reader::new(content).flatten() {
        if let Some(p) = prev {
            bits |= D_SET_SEEN;
            if sorts_after(p, m.raw) {
                bits |= D_SET;
            }
        }
        prev = Some(m.raw);
    }
    bits
}

/// The [`der_defects`] bits of a string element of a type of [`STRING_TAGS`].
fn string_defects(tag: u8, value: &[u8]) -> u32 {
    match string_bits(tag) {
        Some((seen, bad)) if string_defect(tag, value) => seen | bad,
        Some((seen, _)) => seen,
        None => 0,
    }
}

/// Whether the DER rule with defect bit `bit` needs its own scan (a defect is somewhere).
fn has(cert: &Certificate, bit: u32) -> bool {
    der_defects(cert) & bit != 0
}

/// `rfc5280.der_length_not_minimal`
///
/// **What it checks**: every length in the certificate (including the DER inside
/// extension values and RSA keys) is definite and in its shortest form.
///
/// **Why it matters**: RFC 5280 §4.1 requires the certificate to be DER-encoded, and DER
/// (X.690 §10.1) allows only the definite, minimal length form; a BER length gives two
/// encodings of the same certificate and lets parsers disagree on what was signed.
///
/// **Example**: a subject whose length is written `81 0C` instead of `0C`, or an
/// indefinite length `80`, fails; minimal lengths pass.
pub struct DerLengthNotMinimal;

impl Rule for DerLengthNotMinimal {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.der_length_not_minimal", Source::Rfc5280, Severity::Error)
            .summary("every DER length must be definite and minimal")
            .citation("RFC 5280 §4.1; X.690 §10.1")
            .aliases(&["pkilint:itu.invalid_asn1_syntax", "zlint:e_cert_ext_invalid_der"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !has(cert, D_LENGTH) {
            return Outcome::Pass;
        }
        let found = raw::scan(cert, &mut |t| match t {
            Ok(t) if t.non_minimal_length => Some("length octets are not in minimal form"),
            Err(Asn1Error::IndefiniteLength) => Some("indefinite length (0x80) is not DER"),
            _ => None,
        });
        der_outcome(found, true)
    }
}

/// `rfc5280.der_integer_not_minimal`
///
/// **What it checks**: every INTEGER (version, serial, pathLenConstraint, SkipCerts, RSA
/// key components, and the implicitly tagged AKI serial, GeneralSubtree bounds and
/// policyConstraints values) has content octets and no redundant leading 0x00 or 0xFF.
///
/// **Why it matters**: DER (X.690 §8.3.2) encodes an integer in the fewest octets; RFC
/// 5280 §4.1 requires DER, and a padded integer is a second encoding of the same value.
///
/// **Example**: serial `02 03 00 12 34` fails (the 0x00 is redundant); `02 02 12 34`
/// passes.
pub struct DerIntegerNotMinimal;

impl Rule for DerIntegerNotMinimal {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.der_integer_not_minimal", Source::Rfc5280, Severity::Error)
            .summary("DER integers must use the fewest octets")
            .citation("RFC 5280 §4.1; X.690 §8.3.2")
            .aliases(&["pkilint:itu.invalid_asn1_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let found = if has(cert, D_INTEGER) {
            raw::scan(cert, &mut |t| match t {
                Ok(t) if t.tag == tag::INTEGER => integer_defect(t.value),
                _ => None,
            })
        } else {
            None
        };
        if found.is_some() {
            return der_outcome(found, true);
        }
        // Implicitly tagged INTEGERs, which the walker cannot recognise by tag.
        if let Some(Ok(aki)) = cert.authority_key_identifier() {
            if let Some(what) = aki.value.serial.and_then(integer_defect) {
                return Outcome::fail(format!("authorityKeyIdentifier authorityCertSerialNumber: {what}"));
            }
        }
        if let Some(Ok(nc)) = cert.name_constraints() {
            for subtree in [nc.value.permitted, nc.value.excluded].into_iter().flatten().flat_map(|s| s.iter()) {
                for (field, v) in [("minimum", subtree.minimum), ("maximum", subtree.maximum)] {
                    if let Some(what) = v.and_then(integer_defect) {
                        return Outcome::fail(format!("nameConstraints GeneralSubtree {field}: {what}"));
                    }
                }
            }
        }
        if let Some(ext) = cert.extension(&crate::oid::ext::POLICY_CONSTRAINTS) {
            if let Ok(seq) = Tlv::parse(ext.value) {
                for t in seq.reader().flatten() {
                    if let Some(what) = integer_defect(t.value) {
                        return Outcome::fail(format!("policyConstraints: {what}"));
                    }
                }
            }
        }
        Outcome::Pass
    }
}

/// `rfc5280.der_boolean_not_canonical`
///
/// **What it checks**: every BOOLEAN (extension critical flags, basicConstraints cA, ...)
/// is one octet, 0x00 or 0xFF.
///
/// **Why it matters**: DER (X.690 §11.1) encodes TRUE as 0xFF only; RFC 5280 §4.1 requires
/// DER, and strict parsers (Go, x509-cert) reject a certificate whose critical flag is
/// 0x01.
///
/// **Example**: a critical flag `01 01 01` fails; `01 01 FF` passes; a certificate with no
/// BOOLEAN at all is not applicable.
pub struct DerBooleanNotCanonical;

impl Rule for DerBooleanNotCanonical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.der_boolean_not_canonical", Source::Rfc5280, Severity::Error)
            .summary("DER BOOLEAN values must be 0x00 or 0xFF")
            .citation("RFC 5280 §4.1; X.690 §11.1")
            .aliases(&[
                "pkilint:itu.invalid_asn1_syntax",
                "zlint:e_cert_ext_invalid_der",
                "zlint:e_basic_constr_invalid_der",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !has(cert, D_BOOLEAN) {
            return der_outcome(None, has(cert, D_BOOLEAN_SEEN));
        }
        let mut seen = false;
        let found = raw::scan(cert, &mut |t| match t {
            Ok(t) if t.tag == tag::BOOLEAN => {
                seen = true;
                asn1::primitive_non_der(t)
            }
            _ => None,
        });
        der_outcome(found, seen)
    }
}

/// `rfc5280.der_explicit_default_value`
///
/// **What it checks**: no field is encoded with its DEFAULT value: version v1 written
/// out, an extension's critical FALSE, basicConstraints cA FALSE, a GeneralSubtree minimum
/// of 0, and RSASSA-PSS parameters equal to their defaults (SHA-1, MGF1 with SHA-1, salt
/// length 20, trailerField 1) in the signature fields or the public key.
///
/// **Why it matters**: DER (X.690 §11.5) forbids encoding a value equal to the DEFAULT;
/// RFC 5280 §4.1 and §4.2 require DER, and RFC 4055 §3.1 says signers MUST omit the PSS
/// fields that take the default. Re-encoding such a certificate changes its bytes and
/// breaks the signature.
///
/// **Example**: an extension with `01 01 00` (critical FALSE) fails; the same extension
/// with the flag omitted passes.
pub struct DerExplicitDefaultValue;

impl Rule for DerExplicitDefaultValue {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.der_explicit_default_value", Source::Rfc5280, Severity::Error)
            .summary("DER forbids encoding a field whose value equals its DEFAULT")
            .citation("RFC 5280 §4.1, §4.2; RFC 4055 §3; X.690 §11.5")
            .aliases(&[
                "pkilint:itu.invalid_asn1_syntax",
                "zlint:e_cert_ext_invalid_der",
                "zlint:e_basic_constr_invalid_der",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.version_raw() == Some(&[0]) {
            return Outcome::fail("version is encoded explicitly as v1, the DEFAULT");
        }
        for ext in cert.extensions() {
            if ext.critical == Critical::ExplicitFalse {
                return Outcome::fail(format!(
                    "{} has critical FALSE encoded explicitly",
                    crate::cert::extension_name(ext.oid_raw)
                ));
            }
        }
        if let Some(ext) = cert.extension(&crate::oid::ext::BASIC_CONSTRAINTS) {
            let first = Tlv::parse(ext.value).ok().and_then(|s| s.reader().next()).and_then(Result::ok);
            if first.is_some_and(|b| b.tag == tag::BOOLEAN && b.value == [0]) {
                return Outcome::fail("basicConstraints has cA FALSE encoded explicitly");
            }
        }
        if let Some(Ok(nc)) = cert.name_constraints() {
            let subtrees = [nc.value.permitted, nc.value.excluded].into_iter().flatten().flat_map(|s| s.iter());
            if subtrees.filter_map(|s| s.minimum).any(asn1::int_is_zero) {
                return Outcome::fail("nameConstraints has a GeneralSubtree minimum of 0 encoded explicitly");
            }
        }
        let algs = [
            ("signature", cert.tbs_signature_algorithm().ok()),
            ("signatureAlgorithm", cert.signature_algorithm().and_then(Result::ok)),
            ("subjectPublicKeyInfo", cert.spki().ok().map(|s| s.algorithm)),
        ];
        for (field, a) in algs {
            let Some(a) = a else { continue };
            let (true, Some(params)) = (a.oid.is(&alg::RSASSA_PSS), a.parameters) else { continue };
            let Ok(p) = PssParams::parse(&params) else { continue };
            let is_sha1 = |h: &crate::cert::AlgorithmIdentifier<'_>| h.oid.is(&alg::SHA1);
            let what = if p.hash.is_some_and(|h| is_sha1(&h)) {
                Some("hashAlgorithm SHA-1")
            } else if p.mgf.is_some_and(|m| m.oid.is(&alg::MGF1)) && p.mgf_hash().is_some_and(|h| is_sha1(&h)) {
                Some("maskGenAlgorithm MGF1 with SHA-1")
            } else if p.salt.and_then(asn1::uint_value) == Some(20) {
                Some("saltLength 20")
            } else if p.trailer.and_then(asn1::uint_value) == Some(1) {
                Some("trailerField 1")
            } else {
                None
            };
            if let Some(what) = what {
                return Outcome::fail(format!("{field} RSASSA-PSS parameters encode the DEFAULT {what}"));
            }
        }
        Outcome::Pass
    }
}

/// `rfc5280.der_set_of_not_sorted`
///
/// **What it checks**: the members of every SET OF with two or more elements (multi-valued
/// RDNs, mostly) are in ascending order of their encodings.
///
/// **Why it matters**: DER (X.690 §11.6) sorts SET OF members by encoding; RFC 5280
/// §4.1.2.4 names are compared and chained by their bytes, so an unsorted multi-valued RDN
/// is re-sorted by some encoders and no longer matches.
///
/// **Example**: an RDN `{ CN=b, O=a }` whose CN member sorts after the O member but is
/// encoded first fails; the same RDN sorted passes; names with only single-valued RDNs
/// are not applicable.
pub struct DerSetOfNotSorted;

/// Whether `a` sorts after `b` as DER compares SET OF members: as octet strings, the
/// shorter padded at its end with zero octets.
fn sorts_after(a: &[u8], b: &[u8]) -> bool {
    let n = a.len().max(b.len());
    let pad = |s: &[u8], i: usize| s.get(i).copied().unwrap_or(0);
    (0..n).map(|i| pad(a, i).cmp(&pad(b, i))).find(|o| o.is_ne()) == Some(core::cmp::Ordering::Greater)
}

impl Rule for DerSetOfNotSorted {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.der_set_of_not_sorted", Source::Rfc5280, Severity::Error)
            .summary("SET OF members must be in ascending DER order")
            .citation("RFC 5280 §4.1.2.4; X.690 §11.6")
            .aliases(&["pkilint:itu.invalid_asn1_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !has(cert, D_SET) {
            return der_outcome(None, has(cert, D_SET_SEEN));
        }
        let mut seen = false;
        let found = raw::scan(cert, &mut |t| {
            let t = t.ok().filter(|t| t.tag == tag::SET)?;
            let mut prev: Option<&[u8]> = None;
            for m in t.reader().flatten() {
                if let Some(p) = prev {
                    seen = true;
                    if sorts_after(p, m.raw) {
                        return Some("SET OF members are not in ascending order");
                    }
                }
                prev = Some(m.raw);
            }
            None
        });
        der_outcome(found, seen)
    }
}

/// `rfc5280.der_bit_string_padding_not_zero`
///
/// **What it checks**: every BIT STRING (signature, public key, keyUsage, unique
/// identifiers, ...) has an unused-bits count of 0-7, 0 when it is empty, and zero
/// padding bits.
///
/// **Why it matters**: DER (X.690 §11.2) fixes the padding of a BIT STRING; RFC 5280 §4.1
/// requires DER, and non-zero padding makes two encodings of one value.
///
/// **Example**: keyUsage `03 02 07 81` (unused count 7, padding bit set) fails;
/// `03 02 07 80` passes.
pub struct DerBitStringPaddingNotZero;

impl Rule for DerBitStringPaddingNotZero {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.der_bit_string_padding_not_zero", Source::Rfc5280, Severity::Error)
                .summary("DER BIT STRING padding bits must be zero")
                .citation("RFC 5280 §4.1; X.690 §11.2")
                .aliases(&["pkilint:itu.invalid_asn1_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let found = if has(cert, D_BIT_STRING) {
            raw::scan(cert, &mut |t| match t {
                Ok(t) if t.tag == tag::BIT_STRING => bit_string_defect(t.value),
                _ => None,
            })
        } else {
            None
        };
        if found.is_some() {
            return der_outcome(found, true);
        }
        for (field, uid) in [("issuerUniqueID", cert.issuer_unique_id()), ("subjectUniqueID", cert.subject_unique_id())]
        {
            if let Some(what) = uid.and_then(bit_string_defect) {
                return Outcome::fail(format!("{field}: {what}"));
            }
        }
        Outcome::Pass
    }
}

/// `rfc5280.der_constructed_string`
///
/// **What it checks**: no string-type element (BIT STRING, OCTET STRING, the character
/// strings, UTCTime, GeneralizedTime) uses the constructed form.
///
/// **Why it matters**: DER (X.690 §10.2) encodes string types in primitive form only;
/// RFC 5280 §4.1 requires DER, and a constructed (segmented) string is a BER-only second
/// encoding.
///
/// **Example**: a commonName encoded `2C 07 0C 05 ...` (constructed UTF8String) fails; a
/// primitive `0C 05 ...` passes.
pub struct DerConstructedString;

impl Rule for DerConstructedString {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.der_constructed_string", Source::Rfc5280, Severity::Error)
            .summary("DER string types must use the primitive form")
            .citation("RFC 5280 §4.1; X.690 §10.2")
            .aliases(&["pkilint:itu.invalid_asn1_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !has(cert, D_CONSTRUCTED_STRING) {
            return Outcome::Pass;
        }
        let found = raw::scan(cert, &mut |t| match t {
            Ok(t) if t.tag & 0xe0 == 0x20 && raw::is_string_tag_number(t.tag & 0x1f) => {
                Some("a string type is encoded in constructed form")
            }
            _ => None,
        });
        der_outcome(found, true)
    }
}

/// `rfc5280.der_null_not_empty`
///
/// **What it checks**: every NULL (algorithm parameters, the CT poison) has no content
/// octets.
///
/// **Why it matters**: X.690 §8.8 defines NULL as an element with no contents; RFC 5280
/// §4.1 requires DER, and a NULL with content is not a NULL to strict parsers.
///
/// **Example**: parameters `05 01 00` fail; `05 00` passes.
pub struct DerNullNotEmpty;

impl Rule for DerNullNotEmpty {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.der_null_not_empty", Source::Rfc5280, Severity::Error)
            .summary("DER NULL values must have no content")
            .citation("RFC 5280 §4.1; X.690 §8.8.2")
            .aliases(&["pkilint:itu.invalid_asn1_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !has(cert, D_NULL) {
            return Outcome::Pass;
        }
        let found = raw::scan(cert, &mut |t| match t {
            Ok(t) if t.tag == tag::NULL && !t.value.is_empty() => Some("NULL has content octets"),
            _ => None,
        });
        der_outcome(found, true)
    }
}

/// `rfc5280.extensions_require_v3`
///
/// **What it checks**: a certificate with an extensions field is version 3.
///
/// **Why it matters**: RFC 5280 §4.1.2.9 says the extensions field MUST only appear if
/// the version is 3; older parsers do not expect it in v1 or v2 certificates.
///
/// **Example**: a v1 certificate carrying `[3]` extensions fails; a v3 one passes; a v1
/// certificate without extensions is not applicable.
pub struct ExtensionsRequireV3;

impl Rule for ExtensionsRequireV3 {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.extensions_require_v3", Source::Rfc5280, Severity::Error)
            .summary("extensions must only appear in version 3 certificates")
            .citation("RFC 5280 §4.1.2.9")
            .effective(Time::ymd(1999, 1, 1))
            .aliases(&["zlint:e_cert_extensions_version_not_3"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !cert.has_extensions_field() {
            return Outcome::NotApplicable;
        }
        match cert.version() {
            Ok(Version::V3) => Outcome::Pass,
            Ok(v) => Outcome::fail(format!("extensions are present in a {v:?} certificate")),
            Err(_) => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.unique_id_requires_v2_or_v3`
///
/// **What it checks**: issuerUniqueID and subjectUniqueID appear only in v2 or v3
/// certificates.
///
/// **Why it matters**: RFC 5280 §4.1.2.8 says these fields MUST only appear if the version
/// is 2 or 3 (and CAs conforming to the profile MUST NOT generate them at all).
///
/// **Example**: a v1 certificate with a subjectUniqueID fails; a v3 one passes (the
/// generation ban is a separate rule); no unique id is not applicable.
pub struct UniqueIdRequiresV2OrV3;

impl Rule for UniqueIdRequiresV2OrV3 {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.unique_id_requires_v2_or_v3", Source::Rfc5280, Severity::Error)
            .summary("unique identifiers must only appear in version 2 or 3 certificates")
            .citation("RFC 5280 §4.1.2.8")
            .effective(Time::ymd(2008, 5, 1))
            .aliases(&["zlint:e_cert_unique_identifier_version_not_2_or_3"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.issuer_unique_id().is_none() && cert.subject_unique_id().is_none() {
            return Outcome::NotApplicable;
        }
        match cert.version() {
            Ok(Version::V1) => Outcome::fail("a unique identifier is present in a v1 certificate"),
            Ok(_) => Outcome::Pass,
            Err(_) => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.serial_number_not_positive`
///
/// **What it checks**: the serial number is a positive integer.
///
/// **Why it matters**: RFC 5280 §4.1.2.2 requires the serial number to be a positive
/// integer; negative or zero serials break software that treats serials as unsigned and
/// collide with "no serial" sentinels in revocation lists.
///
/// **Example**: serial `-1` (`02 01 FF`) or `0` fails; serial `0x3a5f…` passes.
pub struct SerialNumberNotPositive;

impl Rule for SerialNumberNotPositive {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.serial_number_not_positive", Source::Rfc5280, Severity::Error)
            .summary("the serial number must be a positive integer")
            .citation("RFC 5280 §4.1.2.2")
            .effective(Time::ymd(2002, 4, 1))
            .aliases(&["zlint:e_serial_number_not_positive", "pkilint:pkix.certificate_serial_number_out_of_range"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(serial) = cert.serial() else { return Outcome::NotApplicable };
        if asn1::int_is_negative(serial) {
            Outcome::fail("the serial number is negative")
        } else if asn1::int_is_zero(serial) {
            Outcome::fail("the serial number is zero")
        } else {
            Outcome::Pass
        }
    }
}

/// `rfc5280.serial_number_too_long`
///
/// **What it checks**: the serial number's encoding is at most 20 octets.
///
/// **Why it matters**: RFC 5280 §4.1.2.2 says conforming CAs MUST NOT use serial numbers
/// longer than 20 octets, and relying parties need only handle that much.
///
/// **Example**: a 21-octet serial fails; a 20-octet one (with its sign octet) passes.
pub struct SerialNumberTooLong;

impl Rule for SerialNumberTooLong {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.serial_number_too_long", Source::Rfc5280, Severity::Error)
            .summary("the serial number must be at most 20 octets")
            .citation("RFC 5280 §4.1.2.2")
            .effective(Time::ymd(2002, 4, 1))
            .aliases(&[
                "zlint:e_serial_number_longer_than_20_octets",
                "pkilint:pkix.certificate_serial_number_out_of_range",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.serial() {
            Ok(s) if s.len() > 20 => Outcome::fail(format!("the serial number is {} octets long", s.len())),
            Ok(_) => Outcome::Pass,
            Err(_) => Outcome::NotApplicable,
        }
    }
}

fn times(cert: &Certificate) -> Option<[(&'static str, TimeField<'_>); 2]> {
    let v = cert.validity().ok()?;
    Some([("notBefore", v.not_before), ("notAfter", v.not_after)])
}

/// The parts of a time's text around the seconds and the zone.
struct TimeShape {
    zulu: bool,
    has_seconds: bool,
    fraction: bool,
}

fn shape(t: &TimeField<'_>) -> TimeShape {
    let raw = t.raw;
    let zulu = raw.last() == Some(&b'Z');
    let body_len = if zulu {
        raw.len() - 1
    } else if raw.len() >= 5 && matches!(raw.get(raw.len() - 5), Some(b'+' | b'-')) {
        raw.len() - 5
    } else {
        raw.len()
    };
    let body = raw.get(..body_len).unwrap_or_default();
    let digits = body.iter().take_while(|c| c.is_ascii_digit()).count();
    let full = if t.tag == tag::UTC_TIME { 12 } else { 14 };
    TimeShape { zulu, has_seconds: digits >= full, fraction: digits < body.len() }
}

/// Bits of [`time_facts`]: which time types the validity has (when both times read), and
/// which format rules fail.
const T_UTC: u32 = 1;
const T_GEN: u32 = 1 << 1;
const T_UTC_NOT_ZULU: u32 = 1 << 2;
const T_UTC_NO_SECONDS: u32 = 1 << 3;
const T_GEN_NOT_ZULU: u32 = 1 << 4;
const T_GEN_NO_SECONDS: u32 = 1 << 5;
const T_GEN_FRACTION: u32 = 1 << 6;
const T_GEN_BEFORE_2050: u32 = 1 << 7;
/// The same for [`TimeValueInvalid`], which reads the times as encoded.
const T_VALUE_SEEN: u32 = 1 << 8;
const T_VALUE_INVALID: u32 = 1 << 9;

/// What the validity-time rules would find, for all of them at once: reading the times
/// costs more than the checks, and each rule would read them again. A rule passes or is
/// not applicable from these bits; one that fails re-runs its own check for the message.
/// Cached in the certificate.
fn time_facts(cert: &Certificate) -> u32 {
    cert.facts.times.get_or(|| {
        let mut bits = match invalid_time(cert) {
            (Some(_), _) => T_VALUE_SEEN | T_VALUE_INVALID,
            (None, true) => T_VALUE_SEEN,
            (None, false) => 0,
        };
        for (_, t) in times(cert).into_iter().flatten() {
            let s = shape(&t);
            bits |= match t.tag {
                tag::UTC_TIME => T_UTC | flag(!s.zulu, T_UTC_NOT_ZULU) | flag(!s.has_seconds, T_UTC_NO_SECONDS),
                tag::GENERALIZED_TIME => {
                    T_GEN
                        | flag(!s.zulu, T_GEN_NOT_ZULU)
                        | flag(!s.has_seconds, T_GEN_NO_SECONDS)
                        | flag(s.fraction, T_GEN_FRACTION)
                        | flag(year_before_2050(&t), T_GEN_BEFORE_2050)
                }
                _ => 0,
            };
        }
        bits
    })
}

/// A validity-time format rule: `bad` of the shape of each time of type `tag`, with the
/// [`time_facts`] bit `bad_bit` saying whether any is.
fn time_rule(cert: &Certificate, tag: u8, bad_bit: u32, bad: impl Fn(&TimeShape) -> bool, what: &str) -> Outcome {
    let seen = if tag == tag::UTC_TIME { T_UTC } else { T_GEN };
    settled(time_facts(cert), seen, bad_bit).unwrap_or_else(|| shape_rule(cert, tag, bad, what))
}

/// [`time_rule`] without the cached facts: the first time of type `tag` that is `bad`.
fn shape_rule(cert: &Certificate, tag: u8, bad: impl Fn(&TimeShape) -> bool, what: &str) -> Outcome {
    let Some(fields) = times(cert) else { return Outcome::NotApplicable };
    let mut applicable = false;
    for (name, t) in fields {
        if t.tag != tag {
            continue;
        }
        applicable = true;
        if bad(&shape(&t)) {
            return Outcome::fail(format!("{name} {what}: {}", crate::cert::lossy(t.raw)));
        }
    }
    if applicable {
        Outcome::Pass
    } else {
        Outcome::NotApplicable
    }
}

/// `rfc5280.utctime_not_zulu`
///
/// **What it checks**: UTCTime validity values end in `Z`.
///
/// **Why it matters**: RFC 5280 §4.1.2.5.1 requires UTCTime values to be expressed in
/// Greenwich Mean Time (Zulu); a local offset gives different instants to different
/// parsers.
///
/// **Example**: `250601000000+0200` fails; `250601000000Z` passes; a certificate with
/// GeneralizedTime validity only is not applicable.
pub struct UtctimeNotZulu;

impl Rule for UtctimeNotZulu {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.utctime_not_zulu", Source::Rfc5280, Severity::Error)
            .summary("UTCTime must be expressed in Zulu (UTC)")
            .citation("RFC 5280 §4.1.2.5.1")
            .effective(Time::ymd(1999, 1, 1))
            .aliases(&["zlint:e_utc_time_not_in_zulu", "pkilint:pkix.utctime_incorrect_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        time_rule(cert, tag::UTC_TIME, T_UTC_NOT_ZULU, |s| !s.zulu, "is not in Zulu time")
    }
}

/// `rfc5280.utctime_missing_seconds`
///
/// **What it checks**: UTCTime validity values include seconds (`YYMMDDHHMMSSZ`).
///
/// **Why it matters**: RFC 5280 §4.1.2.5.1 requires seconds to be present even when zero;
/// DER parsers reject the shorter form.
///
/// **Example**: `2506010000Z` fails; `250601000000Z` passes; GeneralizedTime-only
/// validity is not applicable.
pub struct UtctimeMissingSeconds;

impl Rule for UtctimeMissingSeconds {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.utctime_missing_seconds", Source::Rfc5280, Severity::Error)
            .summary("UTCTime must include seconds")
            .citation("RFC 5280 §4.1.2.5.1")
            .effective(Time::ymd(1999, 1, 1))
            .aliases(&["zlint:e_utc_time_does_not_include_seconds", "pkilint:pkix.utctime_incorrect_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        time_rule(cert, tag::UTC_TIME, T_UTC_NO_SECONDS, |s| !s.has_seconds, "has no seconds")
    }
}

/// `rfc5280.generalized_time_before_2050`
///
/// **What it checks**: validity dates in 1950-2049 are encoded as UTCTime (GeneralizedTime
/// is for 2050 and later, and for years before 1950 that UTCTime cannot hold).
///
/// **Why it matters**: RFC 5280 §4.1.2.5 says CAs MUST encode validity dates through the
/// year 2049 as UTCTime and dates in 2050 or later as GeneralizedTime; software relies on
/// the choice of type.
///
/// **Example**: notAfter `20301231235959Z` as GeneralizedTime fails; as UTCTime
/// `301231235959Z` it passes; UTCTime-only validity is not applicable.
pub struct GeneralizedTimeBefore2050;

impl Rule for GeneralizedTimeBefore2050 {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.generalized_time_before_2050", Source::Rfc5280, Severity::Error)
            .summary("dates through 2049 must be encoded as UTCTime")
            .citation("RFC 5280 §4.1.2.5")
            .effective(Time::ymd(1999, 1, 1))
            .aliases(&["zlint:e_wrong_time_format_pre2050", "pkilint:pkix.wrong_time_useful_type"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(time_facts(cert), T_GEN, T_GEN_BEFORE_2050).unwrap_or_else(|| generalized_before_2050(cert))
    }
}

/// [`GeneralizedTimeBefore2050`] without the cached facts.
fn generalized_before_2050(cert: &Certificate) -> Outcome {
    let Some(fields) = times(cert) else { return Outcome::NotApplicable };
    let mut applicable = false;
    for (name, t) in fields {
        if t.tag == tag::GENERALIZED_TIME {
            applicable = true;
            if year_before_2050(&t) {
                return Outcome::fail(format!("{name} is {} but encoded as GeneralizedTime", t.time));
            }
        }
    }
    if applicable {
        Outcome::Pass
    } else {
        Outcome::NotApplicable
    }
}

/// Whether a GeneralizedTime's year is one UTCTime can hold (1950-2049).
fn year_before_2050(t: &TimeField<'_>) -> bool {
    let year = t.raw.get(..4).and_then(|y| core::str::from_utf8(y).ok()).and_then(|y| y.parse::<u32>().ok());
    year.is_some_and(|y| (1950..2050).contains(&y))
}

/// `rfc5280.generalized_time_fractional_seconds`
///
/// **What it checks**: GeneralizedTime validity values have no fractional seconds.
///
/// **Why it matters**: RFC 5280 §4.1.2.5.2 says GeneralizedTime values MUST NOT include
/// fractional seconds; the profile fixes one representation per instant.
///
/// **Example**: `20500101000000.5Z` fails; `20500101000000Z` passes; UTCTime-only
/// validity is not applicable.
pub struct GeneralizedTimeFractionalSeconds;

impl Rule for GeneralizedTimeFractionalSeconds {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.generalized_time_fractional_seconds", Source::Rfc5280, Severity::Error)
                .summary("GeneralizedTime must not include fractional seconds")
                .citation("RFC 5280 §4.1.2.5.2")
                .effective(Time::ymd(1999, 1, 1))
                .aliases(&[
                    "zlint:e_generalized_time_includes_fraction_seconds",
                    "pkilint:pkix.generalizedtime_incorrect_syntax",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        time_rule(cert, tag::GENERALIZED_TIME, T_GEN_FRACTION, |s| s.fraction, "has fractional seconds")
    }
}

/// `rfc5280.version_invalid`
///
/// **What it checks**: the version field holds v1 (0), v2 (1) or v3 (2).
///
/// **Why it matters**: RFC 5280 §4.1.2.1 defines `Version ::= INTEGER { v1(0), v2(1),
/// v3(2) }`; any other number names no known certificate format.
///
/// **Example**: version `[0] INTEGER 3` fails; `[0] INTEGER 2` passes, as does an absent
/// version (v1).
pub struct VersionInvalid;

impl Rule for VersionInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.version_invalid", Source::Rfc5280, Severity::Error)
            .summary("the version must be v1, v2 or v3")
            .citation("RFC 5280 §4.1.2.1");
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.version_raw() {
            None if cert.version().is_ok() => Outcome::Pass,
            None => Outcome::NotApplicable,
            Some(v) => match asn1::uint_value(v) {
                Some(0..=2) => Outcome::Pass,
                Some(n) => Outcome::fail(format!("version is {n}, not 0, 1 or 2")),
                None => Outcome::fail("version is negative or too large"),
            },
        }
    }
}

/// `rfc5280.version_not_v3`
///
/// **What it checks**: the certificate is version 3.
///
/// **Why it matters**: RFC 5280 §4.1.2.1 ties v3 to the use of extensions, and §4.2
/// requires conforming CAs to use extensions (key identifiers, basic constraints, key
/// usage, policies) that only exist in v3; a v1 or v2 certificate cannot follow the
/// profile.
///
/// **Example**: a v1 certificate without extensions warns; a v3 one passes; a v1
/// certificate that carries extensions is not applicable (it fails
/// `rfc5280.extensions_require_v3`).
pub struct VersionNotV3;

impl Rule for VersionNotV3 {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.version_not_v3", Source::Rfc5280, Severity::Warn)
            .summary("certificates should be version 3")
            .citation("RFC 5280 §4.1.2.1, §4.2")
            .aliases(&["pkilint:pkix.certificate_version_is_not_v3"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.version() {
            Ok(Version::V3) => Outcome::Pass,
            Ok(_) if cert.has_extensions_field() => Outcome::NotApplicable,
            Ok(v) => Outcome::fail(format!("the certificate is {v:?}")),
            Err(_) => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.issuer_unique_id_present`
///
/// **What it checks**: the TBS has no issuerUniqueID field.
///
/// **Why it matters**: RFC 5280 §4.1.2.8 says conforming CAs MUST NOT generate
/// certificates with unique identifiers; names, not these bit strings, identify issuers.
///
/// **Example**: a certificate with `[1] issuerUniqueID` fails; one without passes.
pub struct IssuerUniqueIdPresent;

impl Rule for IssuerUniqueIdPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.issuer_unique_id_present", Source::Rfc5280, Severity::Error)
            .summary("certificates must not contain an issuerUniqueID")
            .citation("RFC 5280 §4.1.2.8")
            .effective(Time::ymd(2008, 5, 1))
            .aliases(&["zlint:e_cert_contains_unique_identifier", "pkilint:pkix.issuer_unique_id_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        Outcome::check(cert.issuer_unique_id().is_none(), "the certificate contains an issuerUniqueID")
    }
}

/// `rfc5280.subject_unique_id_present`
///
/// **What it checks**: the TBS has no subjectUniqueID field.
///
/// **Why it matters**: RFC 5280 §4.1.2.8 says conforming CAs MUST NOT generate
/// certificates with unique identifiers.
///
/// **Example**: a certificate with `[2] subjectUniqueID` fails; one without passes.
pub struct SubjectUniqueIdPresent;

impl Rule for SubjectUniqueIdPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.subject_unique_id_present", Source::Rfc5280, Severity::Error)
            .summary("certificates must not contain a subjectUniqueID")
            .citation("RFC 5280 §4.1.2.8")
            .effective(Time::ymd(2008, 5, 1))
            .aliases(&["zlint:e_cert_contains_unique_identifier", "pkilint:pkix.subject_unique_id_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        Outcome::check(cert.subject_unique_id().is_none(), "the certificate contains a subjectUniqueID")
    }
}

/// `rfc5280.extensions_field_empty`
///
/// **What it checks**: when the `[3]` extensions field is present, it holds at least one
/// extension.
///
/// **Why it matters**: RFC 5280 §4.1 defines `Extensions ::= SEQUENCE SIZE (1..MAX) OF
/// Extension` and §4.1.2.9 calls the field a sequence of one or more extensions; an empty
/// one violates the size constraint and strict decoders reject it.
///
/// **Example**: `A3 02 30 00` fails; a field with extensions passes; a certificate without
/// the field is not applicable.
pub struct ExtensionsFieldEmpty;

impl Rule for ExtensionsFieldEmpty {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.extensions_field_empty", Source::Rfc5280, Severity::Error)
            .summary("the extensions field, when present, must hold at least one extension")
            .citation("RFC 5280 §4.1, §4.1.2.9");
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !cert.has_extensions_field() || cert.extensions_error().is_some() {
            return Outcome::NotApplicable;
        }
        Outcome::check(cert.extensions().len() > 0, "the extensions field is present but empty")
    }
}

/// `rfc5280.generalized_time_not_zulu`
///
/// **What it checks**: GeneralizedTime validity values end in `Z`.
///
/// **Why it matters**: RFC 5280 §4.1.2.5.2 requires GeneralizedTime values to be
/// expressed in Greenwich Mean Time (Zulu), with no local time and no offset.
///
/// **Example**: `20500101000000+0100` or `20500101000000` (local time) fails;
/// `20500101000000Z` passes; UTCTime-only validity is not applicable.
pub struct GeneralizedTimeNotZulu;

impl Rule for GeneralizedTimeNotZulu {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.generalized_time_not_zulu", Source::Rfc5280, Severity::Error)
            .summary("GeneralizedTime must be expressed in Zulu (UTC)")
            .citation("RFC 5280 §4.1.2.5.2")
            .effective(Time::ymd(1999, 1, 1))
            .aliases(&["zlint:e_generalized_time_not_in_zulu", "pkilint:pkix.generalizedtime_incorrect_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        time_rule(cert, tag::GENERALIZED_TIME, T_GEN_NOT_ZULU, |s| !s.zulu, "is not in Zulu time")
    }
}

/// `rfc5280.generalized_time_missing_seconds`
///
/// **What it checks**: GeneralizedTime validity values include minutes and seconds
/// (`YYYYMMDDHHMMSSZ`).
///
/// **Why it matters**: RFC 5280 §4.1.2.5.2 requires seconds to be present even when zero.
///
/// **Example**: `205001010000Z` fails; `20500101000000Z` passes; UTCTime-only validity is
/// not applicable.
pub struct GeneralizedTimeMissingSeconds;

impl Rule for GeneralizedTimeMissingSeconds {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.generalized_time_missing_seconds", Source::Rfc5280, Severity::Error)
                .summary("GeneralizedTime must include seconds")
                .citation("RFC 5280 §4.1.2.5.2")
                .effective(Time::ymd(1999, 1, 1))
                .aliases(&[
                    "zlint:e_generalized_time_does_not_include_seconds",
                    "pkilint:pkix.generalizedtime_incorrect_syntax",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        time_rule(cert, tag::GENERALIZED_TIME, T_GEN_NO_SECONDS, |s| !s.has_seconds, "has no seconds")
    }
}

/// `rfc5280.time_value_invalid`
///
/// **What it checks**: notBefore and notAfter are real instants written in the
/// UTCTime/GeneralizedTime layout: digits where digits belong, month 1-12, a day that
/// exists in that month, hour 0-23, minute and second 0-59, a well-formed zone.
///
/// **Why it matters**: RFC 5280 §4.1.2.5 defines validity as two dates; a value that is
/// not a date (February 30, hour 24, letters) has no meaning and parsers either reject
/// the certificate or guess.
///
/// **Example**: UTCTime `250230000000Z` (30 February) fails; `250228000000Z` passes.
pub struct TimeValueInvalid;

impl Rule for TimeValueInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.time_value_invalid", Source::Rfc5280, Severity::Error)
            .summary("validity times must be valid calendar instants")
            .citation("RFC 5280 §4.1.2.5")
            .aliases(&["pkilint:pkix.invalid_time_syntax"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        settled(time_facts(cert), T_VALUE_SEEN, T_VALUE_INVALID).unwrap_or_else(|| time_value(cert))
    }
}

/// [`TimeValueInvalid`] without the cached facts.
fn time_value(cert: &Certificate) -> Outcome {
    match invalid_time(cert) {
        (Some((name, value, why)), _) => Outcome::fail(format!("{name} {}: {why}", crate::cert::lossy(value))),
        (None, true) => Outcome::Pass,
        (None, false) => Outcome::NotApplicable,
    }
}

/// A validity time that is not a valid instant: its field name, content and defect.
type TimeDefect<'a> = (&'static str, &'a [u8], &'static str);

/// The first validity time, as encoded, that is not a valid instant, and whether any time
/// of either type was there to check.
fn invalid_time(cert: &Certificate) -> (Option<TimeDefect<'_>>, bool) {
    let Some(validity) = raw::raw_tbs(cert).validity else { return (None, false) };
    let mut applicable = false;
    for (name, t) in ["notBefore", "notAfter"].into_iter().zip(validity.reader().flatten()) {
        let parsed = match t.tag {
            tag::UTC_TIME => asn1::parse_utc_time(t.value),
            tag::GENERALIZED_TIME => asn1::parse_generalized_time(t.value),
            _ => continue,
        };
        applicable = true;
        if let Err(asn1::TimeError::Invalid(why)) = parsed {
            return (Some((name, t.value, why)), true);
        }
    }
    (None, applicable)
}

/// Whether the content of a string element of type `tag` (one of [`STRING_TAGS`]) is
/// invalid for its type.
fn string_defect(tag: u8, v: &[u8]) -> bool {
    match tag {
        tag::PRINTABLE_STRING => !v.iter().all(|&b| is_printable(b)),
        tag::IA5_STRING => !v.is_ascii(),
        tag::UTF8_STRING => core::str::from_utf8(v).is_err(),
        tag::BMP_STRING | tag::UNIVERSAL_STRING => wide_string_defect(tag, v),
        _ => false,
    }
}

/// Scans every element with `tag` (one of [`STRING_TAGS`]) and returns the first value
/// [`string_defect`] objects to, and whether any element has that tag. The cached
/// [`der_defects`] walk answers without scanning when there is no defect.
fn string_scan(cert: &Certificate, tag: u8) -> (Option<(String, &[u8])>, bool) {
    if let Some((seen, bad)) = string_bits(tag) {
        let bits = der_defects(cert);
        if bits & bad == 0 {
            return (None, bits & seen != 0);
        }
    }
    let mut seen = false;
    let mut value: Option<&[u8]> = None;
    let found = raw::scan(cert, &mut |t| match t {
        Ok(t) if t.tag == tag => {
            seen = true;
            if string_defect(tag, t.value) {
                value = Some(t.value);
                Some(tag::name(t.tag))
            } else {
                None
            }
        }
        _ => None,
    });
    (found.zip(value), seen)
}

fn string_outcome(found: Option<(String, &[u8])>, seen: bool, what: &str) -> Outcome {
    match found {
        Some((place, v)) => Outcome::fail(format!("{place} \"{}\" {what}", crate::cert::lossy(v))),
        None if seen => Outcome::Pass,
        None => Outcome::NotApplicable,
    }
}

/// The PrintableString character set (X.680 §41.4), by byte value.
#[allow(clippy::indexing_slicing)] // evaluated by the compiler: a bad index fails the build
const PRINTABLE: [bool; 256] = {
    let mut set = [false; 256];
    let mut b = 0u8;
    while b < 128 {
        if b.is_ascii_alphanumeric()
            || matches!(b, b' ' | b'\'' | b'(' | b')' | b'+' | b',' | b'-' | b'.' | b'/' | b':' | b'=' | b'?')
        {
            set[b as usize] = true;
        }
        b += 1;
    }
    set
};

/// Whether a byte belongs to the PrintableString character set.
fn is_printable(b: u8) -> bool {
    PRINTABLE.get(usize::from(b)).copied().unwrap_or(false)
}

/// `rfc5280.printable_string_invalid_character`
///
/// **What it checks**: every PrintableString (in names and in extensions) contains only
/// `A-Z a-z 0-9`, space and `' ( ) + , - . / : = ?`.
///
/// **Why it matters**: X.680 §41.4 defines the PrintableString alphabet, which RFC 5280
/// (Appendix B) relies on for name matching; `@`, `&`, `*` or `_` in a PrintableString is
/// an invalid encoding that strict parsers reject.
///
/// **Example**: `O=AT&T` as a PrintableString fails; `O=ATT` passes; a certificate with no
/// PrintableString is not applicable.
pub struct PrintableStringInvalidCharacter;

impl Rule for PrintableStringInvalidCharacter {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.printable_string_invalid_character", Source::Rfc5280, Severity::Error)
                .summary("PrintableString values must use only the PrintableString characters")
                .citation("RFC 5280 Appendix B; X.680 §41.4")
                .effective(Time::ymd(1999, 1, 1))
                .aliases(&["zlint:e_subject_printable_string_badalpha"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let (found, seen) = string_scan(cert, tag::PRINTABLE_STRING);
        string_outcome(found, seen, "contains a character outside the PrintableString set")
    }
}

/// `rfc5280.ia5_string_non_ascii`
///
/// **What it checks**: every IA5String outside GeneralNames (emailAddress and
/// domainComponent attributes, CPS URIs, explicitText, ...) holds only 7-bit ASCII.
///
/// **Why it matters**: IA5String is the International Alphabet No. 5, i.e. ASCII (RFC 5280
/// Appendix A uses it for these values); a byte at 0x80 or above is not an IA5 character
/// and is read differently by every parser. GeneralNames are checked by
/// `rfc5280.general_name_not_ia5`.
///
/// **Example**: a CPS URI `http://exämple.com/cps` in UTF-8 fails; `http://example.com/cps`
/// passes; a certificate without IA5String is not applicable.
pub struct Ia5StringNonAscii;

impl Rule for Ia5StringNonAscii {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.ia5_string_non_ascii", Source::Rfc5280, Severity::Error)
            .summary("IA5String values must be 7-bit ASCII")
            .citation("RFC 5280 Appendix A; X.680 §41.4");
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let (found, seen) = string_scan(cert, tag::IA5_STRING);
        string_outcome(found, seen, "contains a byte outside 7-bit ASCII")
    }
}

/// `rfc5280.utf8_string_invalid`
///
/// **What it checks**: every UTF8String holds well-formed UTF-8.
///
/// **Why it matters**: RFC 5280 §4.1.2.4 uses UTF8String for names, and RFC 3629 defines
/// what UTF-8 is: no stray continuation bytes, no overlong forms, no surrogates, nothing
/// above U+10FFFF. Malformed UTF-8 displays differently everywhere and defeats name
/// comparison.
///
/// **Example**: a commonName with bytes `C3 28` fails; `caf\u{e9}` encoded `63 61 66 C3 A9`
/// passes; a certificate without UTF8String is not applicable.
pub struct Utf8StringInvalid;

impl Rule for Utf8StringInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.utf8_string_invalid", Source::Rfc5280, Severity::Error)
            .summary("UTF8String values must be well-formed UTF-8")
            .citation("RFC 5280 §4.1.2.4; RFC 3629");
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let (found, seen) = string_scan(cert, tag::UTF8_STRING);
        string_outcome(found, seen, "is not well-formed UTF-8")
    }
}

/// What is wrong with BMPString or UniversalString content, if anything.
fn wide_string_defect(tag: u8, v: &[u8]) -> bool {
    let width = if tag == tag::BMP_STRING { 2 } else { 4 };
    if v.len() % width != 0 {
        return true;
    }
    v.chunks(width).any(|c| char::from_u32(c.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b))).is_none())
}

/// `rfc5280.bmp_or_universal_string_invalid`
///
/// **What it checks**: a BMPString has an even length and no surrogate code units; a
/// UniversalString's length is a multiple of 4 and every unit is a Unicode scalar value.
///
/// **Why it matters**: X.680 §41 defines BMPString as UCS-2 (two octets per character,
/// Basic Multilingual Plane only) and UniversalString as UCS-4; RFC 5280 §4.1.2.4 allows
/// them in DirectoryString. Other content cannot be decoded into characters.
///
/// **Example**: a BMPString of three octets fails; `00 41 00 42` ("AB") passes; a
/// certificate with neither type is not applicable.
pub struct BmpOrUniversalStringInvalid;

impl Rule for BmpOrUniversalStringInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.bmp_or_universal_string_invalid", Source::Rfc5280, Severity::Error)
                .summary("BMPString and UniversalString values must hold whole UCS-2/UCS-4 characters")
                .citation("RFC 5280 §4.1.2.4; X.680 §41");
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let mut seen = false;
        for t in [tag::BMP_STRING, tag::UNIVERSAL_STRING] {
            let (found, s) = string_scan(cert, t);
            seen |= s;
            if let Some((place, v)) = found {
                return Outcome::fail(format!("{place} of {} octets is not valid {}", v.len(), tag::name(t)));
            }
        }
        if seen {
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

    fn with_times(nb: &[u8], na: &[u8]) -> CertBuilder {
        let mut b = CertBuilder::leaf();
        b.not_before = nb.to_vec();
        b.not_after = na.to_vec();
        b
    }

    #[test]
    fn structure() {
        assert_status(&StructureMalformed, &CertBuilder::leaf(), Status::Pass);
        let mut b = CertBuilder::leaf();
        b.subject = octet_string(b"not a name");
        let cert = b.build();
        let (s, msg) = finding(&StructureMalformed, &cert, &Context::default());
        assert_eq!(s, Status::Fatal);
        assert!(msg.contains("subject"), "{msg}");
        // The other fields are still read.
        assert!(cert.issuer().is_ok());
        assert!(cert.basic_constraints().is_some());
    }

    /// An element re-encoded with a long-form length (`81 nn`), which DER forbids for
    /// lengths under 128.
    fn long_form(el: &[u8]) -> alloc::vec::Vec<u8> {
        let t = crate::asn1::Tlv::parse(el).unwrap();
        let mut out = alloc::vec![t.tag, 0x81, t.value.len() as u8];
        out.extend_from_slice(t.value);
        out
    }

    fn msg(rule: &'static dyn Rule, b: &CertBuilder) -> (Status, alloc::string::String) {
        finding(rule, &b.build(), &Context::default())
    }

    #[test]
    fn der_length() {
        assert_status(&DerLengthNotMinimal, &CertBuilder::leaf(), Status::Pass);
        let mut b = CertBuilder::leaf();
        b.subject = long_form(&b.subject);
        assert_status(&DerLengthNotMinimal, &b, Status::Error);
        // Inside an extension value.
        let b = CertBuilder::leaf().ext(&crate::oid::ext::BASIC_CONSTRAINTS, true, &long_form(&seq(&[])));
        let (s, m) = msg(&DerLengthNotMinimal, &b);
        assert_eq!(s, Status::Error);
        assert!(m.contains("basicConstraints"), "{m}");
        // Indefinite length inside an extension value.
        let b = CertBuilder::leaf().ext(&crate::oid::ext::BASIC_CONSTRAINTS, true, &[0x30, 0x80, 0, 0]);
        let (s, m) = msg(&DerLengthNotMinimal, &b);
        assert_eq!(s, Status::Error);
        assert!(m.contains("indefinite"), "{m}");
    }

    #[test]
    fn der_integer() {
        assert_status(&DerIntegerNotMinimal, &CertBuilder::leaf(), Status::Pass);
        let mut b = CertBuilder::leaf();
        b.serial = tlv(tag::INTEGER, &[0x00, 0x12, 0x34]);
        let (s, m) = msg(&DerIntegerNotMinimal, &b);
        assert_eq!(s, Status::Error);
        assert!(m.contains("0x00"), "{m}");
        b.serial = tlv(tag::INTEGER, &[0xff, 0x84]);
        assert_status(&DerIntegerNotMinimal, &b, Status::Error);
        b.serial = tlv(tag::INTEGER, &[]);
        assert_status(&DerIntegerNotMinimal, &b, Status::Error);
        // pathLenConstraint inside basicConstraints.
        let b = CertBuilder::sub_ca().ext(
            &crate::oid::ext::BASIC_CONSTRAINTS,
            true,
            &seq(&[&boolean(true), &tlv(tag::INTEGER, &[0, 1])]),
        );
        assert_status(&DerIntegerNotMinimal, &b, Status::Error);
        // Implicitly tagged: AKI authorityCertSerialNumber.
        let aki =
            seq(&[&ctx_prim(0, &[1; 20]), &ctx_cons(1, &seq(&[&ctx_cons(4, &issuer_name())])), &ctx_prim(2, &[0, 5])]);
        let b = CertBuilder::leaf().ext(&crate::oid::ext::AUTHORITY_KEY_IDENTIFIER, false, &aki);
        let (s, m) = msg(&DerIntegerNotMinimal, &b);
        assert_eq!(s, Status::Error);
        assert!(m.contains("authorityCertSerialNumber"), "{m}");
        // RSA key components.
        let mut b = CertBuilder::leaf();
        b.spki = spki(&seq(&[&oid(&alg::RSA_ENCRYPTION), &null()]), &seq(&[&tlv(tag::INTEGER, &[0, 0x40]), &int(3)]));
        let (s, m) = msg(&DerIntegerNotMinimal, &b);
        assert_eq!(s, Status::Error);
        assert!(m.contains("subjectPublicKey"), "{m}");
    }

    #[test]
    fn der_boolean() {
        assert_status(&DerBooleanNotCanonical, &CertBuilder::leaf(), Status::Pass);
        let non_der_bool =
            seq(&[&oid(&crate::oid::ext::BASIC_CONSTRAINTS), &tlv(tag::BOOLEAN, &[1]), &octet_string(&seq(&[]))]);
        let b = CertBuilder::leaf().raw_ext(&crate::oid::ext::BASIC_CONSTRAINTS, non_der_bool);
        let (s, m) = msg(&DerBooleanNotCanonical, &b);
        assert_eq!(s, Status::Error);
        assert!(m.contains("BOOLEAN"), "{m}");
        // cA inside the extension value.
        let b = CertBuilder::sub_ca().ext(
            &crate::oid::ext::BASIC_CONSTRAINTS,
            true,
            &seq(&[&tlv(tag::BOOLEAN, &[0xff, 0xff])]),
        );
        assert_status(&DerBooleanNotCanonical, &b, Status::Error);
        let mut none = CertBuilder::leaf();
        none.extensions = None;
        assert_status(&DerBooleanNotCanonical, &none, Status::NotApplicable);
    }

    #[test]
    fn der_explicit_default() {
        assert_status(&DerExplicitDefaultValue, &CertBuilder::leaf(), Status::Pass);
        let mut v1 = CertBuilder::leaf();
        v1.version = Some(ctx_cons(0, &int(0)));
        let (s, m) = msg(&DerExplicitDefaultValue, &v1);
        assert_eq!(s, Status::Error);
        assert!(m.contains("version"), "{m}");
        let crit = seq(&[
            &oid(&crate::oid::ext::EXT_KEY_USAGE),
            &boolean(false),
            &octet_string(&seq(&[&oid(&crate::oid::eku::SERVER_AUTH)])),
        ]);
        let b = CertBuilder::leaf().raw_ext(&crate::oid::ext::EXT_KEY_USAGE, crit);
        let (s, m) = msg(&DerExplicitDefaultValue, &b);
        assert_eq!(s, Status::Error);
        assert!(m.contains("extKeyUsage"), "{m}");
        let b = CertBuilder::leaf().ext(&crate::oid::ext::BASIC_CONSTRAINTS, true, &seq(&[&boolean(false)]));
        assert_status(&DerExplicitDefaultValue, &b, Status::Error);
        let subtree = seq(&[&ctx_prim(2, b"example.com"), &ctx_prim(0, &[0])]);
        let b = CertBuilder::sub_ca().ext(&crate::oid::ext::NAME_CONSTRAINTS, true, &seq(&[&ctx_cons(0, &subtree)]));
        assert_status(&DerExplicitDefaultValue, &b, Status::Error);
        let mut pss = CertBuilder::leaf();
        pss.tbs_sig_alg = seq(&[&oid(&alg::RSASSA_PSS), &seq(&[&ctx_cons(2, &int(20))])]);
        let (s, m) = msg(&DerExplicitDefaultValue, &pss);
        assert_eq!(s, Status::Error);
        assert!(m.contains("saltLength 20"), "{m}");
        pss.tbs_sig_alg = seq(&[&oid(&alg::RSASSA_PSS), &seq(&[&ctx_cons(0, &seq(&[&oid(&alg::SHA1)]))])]);
        assert_status(&DerExplicitDefaultValue, &pss, Status::Error);
        pss.tbs_sig_alg = seq(&[&oid(&alg::RSASSA_PSS), &seq(&[&ctx_cons(2, &int(32))])]);
        assert_status(&DerExplicitDefaultValue, &pss, Status::Pass);
    }

    #[test]
    fn der_set_of() {
        // Single-valued RDNs only.
        assert_status(&DerSetOfNotSorted, &CertBuilder::leaf(), Status::NotApplicable);
        let cn = seq(&[&oid(&crate::oid::attr::COMMON_NAME), &tlv(tag::UTF8_STRING, b"b")]);
        let o = seq(&[&oid(&crate::oid::attr::ORGANIZATION), &tlv(tag::UTF8_STRING, b"a")]);
        let mut b = CertBuilder::leaf();
        b.subject = seq(&[&set(&[&cn, &o])]);
        assert_status(&DerSetOfNotSorted, &b, Status::Pass);
        b.subject = seq(&[&set(&[&o, &cn])]);
        assert_status(&DerSetOfNotSorted, &b, Status::Error);
        assert!(sorts_after(&[1, 2], &[1]));
        assert!(!sorts_after(&[1, 0], &[1]));
    }

    #[test]
    fn der_bit_string() {
        assert_status(&DerBitStringPaddingNotZero, &CertBuilder::leaf(), Status::Pass);
        let b = CertBuilder::leaf().ext(&crate::oid::ext::KEY_USAGE, true, &bit_string(7, &[0x81]));
        let (s, m) = msg(&DerBitStringPaddingNotZero, &b);
        assert_eq!(s, Status::Error);
        assert!(m.contains("keyUsage"), "{m}");
        let b = CertBuilder::leaf().ext(&crate::oid::ext::KEY_USAGE, true, &bit_string(8, &[0x80]));
        assert_status(&DerBitStringPaddingNotZero, &b, Status::Error);
        let b = CertBuilder::leaf().ext(&crate::oid::ext::KEY_USAGE, true, &bit_string(3, &[]));
        assert_status(&DerBitStringPaddingNotZero, &b, Status::Error);
        let mut uid = CertBuilder::leaf();
        uid.unique_ids = alloc::vec![ctx_prim(2, &[4, 0x01])];
        let (s, m) = msg(&DerBitStringPaddingNotZero, &uid);
        assert_eq!(s, Status::Error);
        assert!(m.contains("subjectUniqueID"), "{m}");
    }

    #[test]
    fn der_constructed_string_and_null() {
        assert_status(&DerConstructedString, &CertBuilder::leaf(), Status::Pass);
        let mut b = CertBuilder::leaf();
        let cons = tlv(tag::UTF8_STRING | 0x20, &tlv(tag::UTF8_STRING, b"example.com"));
        b.subject = seq(&[&set(&[&seq(&[&oid(&crate::oid::attr::COMMON_NAME), &cons])])]);
        assert_status(&DerConstructedString, &b, Status::Error);

        assert_status(&DerNullNotEmpty, &CertBuilder::leaf(), Status::Pass);
        let mut b = CertBuilder::leaf();
        b.tbs_sig_alg = seq(&[&oid(&alg::SHA256_WITH_RSA), &tlv(tag::NULL, &[0])]);
        assert_status(&DerNullNotEmpty, &b, Status::Error);
    }

    #[test]
    fn versions() {
        assert_status(&VersionInvalid, &CertBuilder::leaf(), Status::Pass);
        let mut b = CertBuilder::leaf();
        b.version = Some(ctx_cons(0, &int(3)));
        let (s, m) = msg(&VersionInvalid, &b);
        assert_eq!(s, Status::Error);
        assert!(m.contains('3'), "{m}");
        b.version = Some(ctx_cons(0, &octet_string(&[2])));
        assert_status(&VersionInvalid, &b, Status::NotApplicable);
        b.version = None;
        assert_status(&VersionInvalid, &b, Status::Pass);

        assert_status(&VersionNotV3, &CertBuilder::leaf(), Status::Pass);
        let mut v1 = CertBuilder::leaf();
        v1.version = None;
        assert_status(&VersionNotV3, &v1, Status::NotApplicable);
        v1.extensions = None;
        assert_status(&VersionNotV3, &v1, Status::Warn);
        v1.version = Some(ctx_cons(0, &int(1)));
        assert_status(&VersionNotV3, &v1, Status::Warn);
    }

    #[test]
    fn unique_ids_present() {
        assert_status(&IssuerUniqueIdPresent, &CertBuilder::leaf(), Status::Pass);
        assert_status(&SubjectUniqueIdPresent, &CertBuilder::leaf(), Status::Pass);
        let mut b = CertBuilder::leaf();
        b.unique_ids = alloc::vec![ctx_prim(1, &[0, 1])];
        assert_status(&IssuerUniqueIdPresent, &b, Status::Error);
        assert_status(&SubjectUniqueIdPresent, &b, Status::Pass);
        b.unique_ids = alloc::vec![ctx_prim(2, &[0, 1])];
        assert_status(&SubjectUniqueIdPresent, &b, Status::Error);
        assert_status(&IssuerUniqueIdPresent, &b, Status::Pass);
        let old = b.clone().validity(Time::ymd(2008, 4, 30), Time::ymd(2009, 1, 1));
        assert_status(&SubjectUniqueIdPresent, &old, Status::NotEffective);
        let day_of = b.validity(Time::ymd(2008, 5, 1), Time::ymd(2009, 1, 1));
        assert_status(&SubjectUniqueIdPresent, &day_of, Status::Error);
    }

    #[test]
    fn extensions_empty() {
        assert_status(&ExtensionsFieldEmpty, &CertBuilder::leaf(), Status::Pass);
        let mut b = CertBuilder::leaf();
        b.extensions = Some(alloc::vec![]);
        assert_status(&ExtensionsFieldEmpty, &b, Status::Error);
        b.extensions = None;
        assert_status(&ExtensionsFieldEmpty, &b, Status::NotApplicable);
    }

    #[test]
    fn generalized_time_forms() {
        let nb = utc_time(Time::ymd(2025, 6, 1));
        let good = with_times(&nb, &generalized_time(Time::ymd(2050, 1, 1)));
        assert_status(&GeneralizedTimeNotZulu, &good, Status::Pass);
        assert_status(&GeneralizedTimeMissingSeconds, &good, Status::Pass);
        let utc_only = with_times(&nb, &utc_time(Time::ymd(2026, 1, 1)));
        assert_status(&GeneralizedTimeNotZulu, &utc_only, Status::NotApplicable);
        assert_status(&GeneralizedTimeMissingSeconds, &utc_only, Status::NotApplicable);
        let offset = with_times(&nb, &tlv(tag::GENERALIZED_TIME, b"20500101000000+0100"));
        assert_status(&GeneralizedTimeNotZulu, &offset, Status::Error);
        let local = with_times(&nb, &tlv(tag::GENERALIZED_TIME, b"20500101000000"));
        assert_status(&GeneralizedTimeNotZulu, &local, Status::Error);
        let no_secs = with_times(&nb, &tlv(tag::GENERALIZED_TIME, b"205001010000Z"));
        let (s, m) = msg(&GeneralizedTimeMissingSeconds, &no_secs);
        assert_eq!(s, Status::Error);
        assert!(m.contains("205001010000Z"), "{m}");
        // Before 1950: GeneralizedTime is the only choice.
        let early = with_times(&generalized_time(Time::ymd(1949, 1, 1)), &utc_time(Time::ymd(2026, 1, 1)));
        assert_eq!(GeneralizedTimeBefore2050.check(&early.build(), &Context::default()), Outcome::Pass);
    }

    #[test]
    fn time_values() {
        assert_status(&TimeValueInvalid, &CertBuilder::leaf(), Status::Pass);
        let feb30 = with_times(&tlv(tag::UTC_TIME, b"250230000000Z"), &utc_time(Time::ymd(2026, 1, 1)));
        let (s, m) = msg(&TimeValueInvalid, &feb30);
        assert_eq!(s, Status::Error);
        assert!(m.contains("notBefore 250230000000Z"), "{m}");
        let hour24 = with_times(&utc_time(Time::ymd(2025, 1, 1)), &tlv(tag::GENERALIZED_TIME, b"20500101240000Z"));
        assert_status(&TimeValueInvalid, &hour24, Status::Error);
        let letters = with_times(&tlv(tag::UTC_TIME, b"25O101000000Z"), &utc_time(Time::ymd(2026, 1, 1)));
        assert_status(&TimeValueInvalid, &letters, Status::Error);
        let not_times = with_times(&int(1), &int(2));
        assert_status(&TimeValueInvalid, &not_times, Status::NotApplicable);
    }

    #[test]
    fn printable_string_set() {
        for b in 0..=255u8 {
            assert_eq!(is_printable(b), b.is_ascii_alphanumeric() || b" '()+,-./:=?".contains(&b), "{b:#x}");
        }
    }

    #[test]
    fn walk_skips_only_elements_without_defects() {
        let unsorted = [set(&[&int(2), &int(1)]), set(&[&int(1), &int(2)])].concat();
        let values: [&[u8]; 12] = [
            b"",
            &[0],
            &[1],
            &[0, 1],
            &[0xff, 0xff],
            &[8, 1],
            &[1, 0x81],
            b"AT&T",
            &[0xc3, 0x28],
            &[0, 0xd8, 0, 0x41],
            &unsorted,
            &[0x80],
        ];
        for tag in 0..=255u8 {
            for v in values {
                if element_defects(tag, v, false) != 0 {
                    assert!(may_have_defect(tag), "tag {tag:#x} value {v:02x?}");
                }
            }
        }
    }

    #[test]
    fn cached_time_facts_give_the_direct_verdicts() {
        let encodings: [alloc::vec::Vec<u8>; 17] = [
            utc_time(Time::ymd(2025, 6, 1)),
            tlv(tag::UTC_TIME, b"250601020000+0200"),
            tlv(tag::UTC_TIME, b"2506010000Z"),
            tlv(tag::UTC_TIME, b"250601000000"),
            tlv(tag::UTC_TIME, b"250230000000Z"),
            tlv(tag::UTC_TIME, b"25O101000000Z"),
            tlv(tag::UTC_TIME, b""),
            generalized_time(Time::ymd(2050, 1, 1)),
            generalized_time(Time::ymd(2030, 1, 1)),
            generalized_time(Time::ymd(1949, 1, 1)),
            tlv(tag::GENERALIZED_TIME, b"20500101000000.5Z"),
            tlv(tag::GENERALIZED_TIME, b"20300101000000.5+0100"),
            tlv(tag::GENERALIZED_TIME, b"20500101000000+0100"),
            tlv(tag::GENERALIZED_TIME, b"20500101000000"),
            tlv(tag::GENERALIZED_TIME, b"205001010000Z"),
            tlv(tag::GENERALIZED_TIME, b"20500101240000Z"),
            int(1),
        ];
        for nb in &encodings {
            for na in &encodings {
                let cert = with_times(nb, na).build();
                let ctx = Context::default();
                let direct = [
                    shape_rule(&cert, tag::UTC_TIME, |s| !s.zulu, "is not in Zulu time"),
                    shape_rule(&cert, tag::UTC_TIME, |s| !s.has_seconds, "has no seconds"),
                    shape_rule(&cert, tag::GENERALIZED_TIME, |s| !s.zulu, "is not in Zulu time"),
                    shape_rule(&cert, tag::GENERALIZED_TIME, |s| !s.has_seconds, "has no seconds"),
                    shape_rule(&cert, tag::GENERALIZED_TIME, |s| s.fraction, "has fractional seconds"),
                    generalized_before_2050(&cert),
                    time_value(&cert),
                ];
                let rules: [&dyn Rule; 7] = [
                    &UtctimeNotZulu,
                    &UtctimeMissingSeconds,
                    &GeneralizedTimeNotZulu,
                    &GeneralizedTimeMissingSeconds,
                    &GeneralizedTimeFractionalSeconds,
                    &GeneralizedTimeBefore2050,
                    &TimeValueInvalid,
                ];
                for (rule, want) in rules.into_iter().zip(direct) {
                    assert_eq!(rule.check(&cert, &ctx), want, "{} on {nb:02x?} {na:02x?}", rule.meta().id());
                }
            }
        }
    }

    fn with_cn(t: u8, v: &[u8]) -> CertBuilder {
        let mut b = CertBuilder::leaf();
        b.subject = seq(&[&set(&[&seq(&[&oid(&crate::oid::attr::COMMON_NAME), &tlv(t, v)])])]);
        b
    }

    #[test]
    fn string_types() {
        assert_status(&PrintableStringInvalidCharacter, &CertBuilder::leaf(), Status::Pass);
        let (s, m) = msg(&PrintableStringInvalidCharacter, &with_cn(tag::PRINTABLE_STRING, b"AT&T"));
        assert_eq!(s, Status::Error);
        assert!(m.contains("AT&T"), "{m}");
        assert_status(
            &PrintableStringInvalidCharacter,
            &with_cn(tag::PRINTABLE_STRING, b"A-Z (a'b) +,./:=?"),
            Status::Pass,
        );
        let mut none = CertBuilder::leaf();
        none.issuer = name(&[(&crate::oid::attr::COMMON_NAME, tag::UTF8_STRING, "CA")]);
        assert_status(&PrintableStringInvalidCharacter, &none, Status::NotApplicable);

        assert_status(&Ia5StringNonAscii, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(&Ia5StringNonAscii, &with_cn(tag::IA5_STRING, b"ascii"), Status::Pass);
        assert_status(&Ia5StringNonAscii, &with_cn(tag::IA5_STRING, "caf\u{e9}".as_bytes()), Status::Error);

        assert_status(&Utf8StringInvalid, &CertBuilder::leaf(), Status::Pass);
        assert_status(&Utf8StringInvalid, &with_cn(tag::UTF8_STRING, &[0x63, 0xc3, 0x28]), Status::Error);
        assert_status(&Utf8StringInvalid, &with_cn(tag::UTF8_STRING, &[0xed, 0xa0, 0x80]), Status::Error);
        assert_status(&Utf8StringInvalid, &none_utf8(), Status::NotApplicable);

        assert_status(&BmpOrUniversalStringInvalid, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(&BmpOrUniversalStringInvalid, &with_cn(tag::BMP_STRING, &[0, 0x41, 0, 0x42]), Status::Pass);
        assert_status(&BmpOrUniversalStringInvalid, &with_cn(tag::BMP_STRING, &[0, 0x41, 0]), Status::Error);
        assert_status(&BmpOrUniversalStringInvalid, &with_cn(tag::BMP_STRING, &[0xd8, 0x00]), Status::Error);
        assert_status(&BmpOrUniversalStringInvalid, &with_cn(tag::UNIVERSAL_STRING, &[0, 0, 0, 0x41]), Status::Pass);
        assert_status(&BmpOrUniversalStringInvalid, &with_cn(tag::UNIVERSAL_STRING, &[0, 0x11, 0, 0]), Status::Error);
        assert_status(&BmpOrUniversalStringInvalid, &with_cn(tag::UNIVERSAL_STRING, &[0, 0, 0x41]), Status::Error);
    }

    fn none_utf8() -> CertBuilder {
        let mut b = with_cn(tag::PRINTABLE_STRING, b"example");
        b.issuer = name(&[(&crate::oid::attr::COUNTRY, tag::PRINTABLE_STRING, "US")]);
        b
    }

    #[test]
    fn extensions_and_unique_ids_by_version() {
        assert_status(&ExtensionsRequireV3, &CertBuilder::leaf(), Status::Pass);
        let mut v1 = CertBuilder::leaf();
        v1.version = None;
        assert_status(&ExtensionsRequireV3, &v1, Status::Error);
        let mut bare = v1.clone();
        bare.extensions = None;
        assert_status(&ExtensionsRequireV3, &bare, Status::NotApplicable);

        assert_status(&UniqueIdRequiresV2OrV3, &CertBuilder::leaf(), Status::NotApplicable);
        bare.unique_ids = alloc::vec![ctx_prim(2, &[0, 1])];
        assert_status(&UniqueIdRequiresV2OrV3, &bare, Status::Error);
        let mut v3 = CertBuilder::leaf();
        v3.unique_ids = alloc::vec![ctx_prim(2, &[0, 1])];
        assert_status(&UniqueIdRequiresV2OrV3, &v3, Status::Pass);
        let old = bare.validity(Time::ymd(2008, 4, 30), Time::ymd(2009, 1, 1));
        assert_status(&UniqueIdRequiresV2OrV3, &old, Status::NotEffective);
    }

    #[test]
    fn serial_numbers() {
        assert_status(&SerialNumberNotPositive, &CertBuilder::leaf(), Status::Pass);
        let mut b = CertBuilder::leaf();
        b.serial = tlv(tag::INTEGER, &[0xff, 0x2a]);
        assert_status(&SerialNumberNotPositive, &b, Status::Error);
        b.serial = tlv(tag::INTEGER, &[0]);
        assert_status(&SerialNumberNotPositive, &b, Status::Error);

        assert_status(&SerialNumberTooLong, &CertBuilder::leaf(), Status::Pass);
        b.serial = tlv(tag::INTEGER, &[0x11; 21]);
        assert_status(&SerialNumberTooLong, &b, Status::Error);
        b.serial = tlv(tag::INTEGER, &[0x11; 20]);
        assert_status(&SerialNumberTooLong, &b, Status::Pass);
        b.serial = octet_string(&[1]);
        assert_status(&SerialNumberTooLong, &b, Status::NotApplicable);
    }

    #[test]
    fn time_formats() {
        let good = with_times(&utc_time(Time::ymd(2025, 6, 1)), &utc_time(Time::ymd(2025, 8, 1)));
        for rule in [&UtctimeNotZulu as &'static dyn Rule, &UtctimeMissingSeconds] {
            assert_status(rule, &good, Status::Pass);
        }
        assert_status(&GeneralizedTimeBefore2050, &good, Status::NotApplicable);
        assert_status(&GeneralizedTimeFractionalSeconds, &good, Status::NotApplicable);

        let offset = with_times(&tlv(tag::UTC_TIME, b"250601020000+0200"), &utc_time(Time::ymd(2025, 8, 1)));
        assert_status(&UtctimeNotZulu, &offset, Status::Error);
        assert_status(&UtctimeMissingSeconds, &offset, Status::Pass);

        let no_secs = with_times(&tlv(tag::UTC_TIME, b"2506010000Z"), &utc_time(Time::ymd(2025, 8, 1)));
        assert_status(&UtctimeMissingSeconds, &no_secs, Status::Error);
        assert_status(&UtctimeNotZulu, &no_secs, Status::Pass);

        let gen_early = with_times(&utc_time(Time::ymd(2025, 6, 1)), &generalized_time(Time::ymd(2030, 1, 1)));
        assert_status(&GeneralizedTimeBefore2050, &gen_early, Status::Error);
        let gen_late = with_times(&utc_time(Time::ymd(2025, 6, 1)), &generalized_time(Time::ymd(2050, 1, 1)));
        assert_status(&GeneralizedTimeBefore2050, &gen_late, Status::Pass);
        assert_status(&GeneralizedTimeFractionalSeconds, &gen_late, Status::Pass);
        let frac = with_times(&utc_time(Time::ymd(2025, 6, 1)), &tlv(tag::GENERALIZED_TIME, b"20500101000000.5Z"));
        assert_status(&GeneralizedTimeFractionalSeconds, &frac, Status::Error);
    }
}
