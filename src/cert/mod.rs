//! The certificate model: the original DER, an index of where each field lies, and typed
//! views that borrow from it.
//!
//! Decoding happens once, in [`Certificate::from_der`]: a lenient walk of the outer
//! structure (see [`crate::asn1`]) records the byte range of every TBS field and extension.
//! A field that cannot be read is kept as [`Malformed`] and reported by the rule about that
//! field; everything else is still linted. Views such as [`Certificate::subject`] or
//! [`Certificate::basic_constraints`] parse their bytes on demand without allocating.

mod algs;
mod attribute;
mod extensions;
mod general_name;
pub(crate) mod key;
mod memo;
pub(crate) mod needs;
pub(crate) use memo::Memo;
pub(crate) use needs::NeedBits;
pub(crate) mod name;
mod spans;
mod uri;

pub use attribute::string_tag_name;
pub use extensions::*;
pub use general_name::{GeneralName, GeneralNames};
pub use key::{AlgorithmIdentifier, PublicKey, SubjectPublicKeyInfo};
pub use name::{AttributeTypeAndValue, Name, Rdn};
pub use uri::{
    check_mail_domain, is_ipv4, is_ipv6, parse_mailbox, parse_uri, Authority, Host, LdapUrl, Mailbox, MailboxError,
    Uri, UriError,
};

use alloc::{boxed::Box, string::String, vec::Vec};
use core::{fmt, ops::Range};

use crate::asn1::{self, tag, Asn1Error, Reader, Tlv};
use crate::oid::{ext as ext_oid, Oid};
use crate::time::Time;
use crate::Error;

/// A part of the certificate that could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    /// What was being decoded, e.g. `"subject"` or `"extension 2.5.29.19"`.
    pub field: &'static str,
    /// Why it failed.
    pub reason: Asn1Error,
}

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.reason)
    }
}

impl Malformed {
    pub(crate) fn new(field: &'static str, reason: Asn1Error) -> Self {
        Self { field, reason }
    }
}

/// X.509 version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Version {
    /// v1 (the field absent, or explicitly 0)
    V1,
    /// v2
    V2,
    /// v3
    V3,
}

/// A byte range inside the certificate's DER.
type Span = Range<u32>;

/// The bytes at `span` of `der` (empty when out of range, which the index never records).
#[inline]
fn slice_of<'a>(der: &'a [u8], span: &Span) -> &'a [u8] {
    der.get(span.start as usize..span.end as usize).unwrap_or_default()
}

/// A required field's bytes, or the error recorded for it (`Truncated` when the TBS ended
/// before it).
#[inline]
fn field_of<'a>(der: &'a [u8], f: &Option<Result<Span, Malformed>>, name: &'static str) -> Result<&'a [u8], Malformed> {
    match f {
        Some(Ok(span)) => Ok(slice_of(der, span)),
        Some(Err(m)) => Err(m.clone()),
        None => Err(Malformed::new(name, Asn1Error::Truncated)),
    }
}

fn span_of(base: &[u8], part: &[u8]) -> Span {
    let start = (part.as_ptr() as usize).saturating_sub(base.as_ptr() as usize);
    // The DER is capped far below 4 GiB in `from_der`.
    let start = u32::try_from(start).unwrap_or(u32::MAX);
    let len = u32::try_from(part.len()).unwrap_or(0);
    start..start.saturating_add(len)
}

/// A time field: its encoding and the decoded instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeField<'a> {
    /// The tag: [`tag::UTC_TIME`] or [`tag::GENERALIZED_TIME`] (anything else is malformed).
    pub tag: u8,
    /// The content octets.
    pub raw: &'a [u8],
    /// The instant.
    pub time: Time,
    /// The first way the encoding departs from RFC 5280 §4.1.2.5, if any.
    pub defect: Option<&'static str>,
}

/// The validity period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Validity<'a> {
    /// notBefore
    pub not_before: TimeField<'a>,
    /// notAfter
    pub not_after: TimeField<'a>,
}

impl Validity<'_> {
    /// The validity period in seconds, counted as RFC 5280 and the BRs do: both ends
    /// inclusive, so a certificate valid for exactly 398 days lasts 398 × 86 400 seconds
    /// from notBefore to one second before notAfter... plus that second.
    pub fn seconds(&self) -> i64 {
        self.not_before.time.seconds_until(self.not_after.time).saturating_add(1)
    }
}

#[derive(Debug, Clone)]
struct Index {
    tbs: Span,
    sig_alg: Option<Result<Span, Malformed>>,
    signature: Option<Result<Span, Malformed>>,
    version: Option<Result<Span, Malformed>>,
    serial: Option<Result<Span, Malformed>>,
    tbs_sig_alg: Option<Result<Span, Malformed>>,
    issuer: Option<Result<Span, Malformed>>,
    validity: Option<Result<(Span, Span), Malformed>>,
    subject: Option<Result<Span, Malformed>>,
    spki: Option<Result<Span, Malformed>>,
    issuer_uid: Option<Span>,
    subject_uid: Option<Span>,
    extensions: Option<Result<Span, Malformed>>,
    exts: Vec<ExtEntry>,
    /// For each identifier with a [`slot`]: 1 + the index of its first occurrence in
    /// `exts`, or 0. Almost every lookup is for one of these, and this makes it O(1).
    slots: [u16; SLOTS],
    structure: Vec<Malformed>,
    /// The attributes of the issuer and subject names, when they are well formed.
    issuer_atvs: Vec<name::AtvSpan>,
    subject_atvs: Vec<name::AtvSpan>,
    /// What rules' needs ask about, as bits (see [`needs::presence_of`]).
    presence: [u32; needs::WORDS],
    /// The decoded forms of the fields above that most rules read.
    decoded: Decoded,
}

/// What `index` decodes once for every rule (see `spans`).
#[derive(Debug, Clone)]
struct Decoded {
    tbs_sig_alg: Result<spans::AlgSpan, Malformed>,
    sig_alg: Option<Result<spans::AlgSpan, Malformed>>,
    validity: Result<(spans::TimeSpan, spans::TimeSpan), Malformed>,
    spki: Result<spans::SpkiSpan, Malformed>,
    /// The values of the first basicConstraints and keyUsage extensions, if present.
    basic_constraints: Option<Result<BasicConstraints, Malformed>>,
    key_usage: Option<Result<KeyUsage, Malformed>>,
}

impl Default for Decoded {
    fn default() -> Self {
        let truncated = |field| Malformed::new(field, Asn1Error::Truncated);
        Self {
            tbs_sig_alg: Err(truncated("signature")),
            sig_alg: None,
            validity: Err(truncated("validity")),
            spki: Err(truncated("subjectPublicKeyInfo")),
            basic_constraints: None,
            key_usage: None,
        }
    }
}

impl Default for Index {
    fn default() -> Self {
        Self {
            tbs: 0..0,
            sig_alg: None,
            signature: None,
            version: None,
            serial: None,
            tbs_sig_alg: None,
            issuer: None,
            validity: None,
            subject: None,
            spki: None,
            issuer_uid: None,
            subject_uid: None,
            extensions: None,
            exts: Vec::new(),
            slots: [0; SLOTS],
            structure: Vec::new(),
            issuer_atvs: Vec::new(),
            subject_atvs: Vec::new(),
            presence: [0; needs::WORDS],
            decoded: Decoded::default(),
        }
    }
}

/// How many extension identifiers have a slot in `Index::slots`.
const SLOTS: usize = 64 + 32 + 8;

/// The slot of an extension identifier in `Index::slots`: id-ce 2.5.29.n (n < 64), id-pe
/// 1.3.6.1.5.5.7.1.n (n < 32: AIA, SIA, TLS feature…) and Certificate Transparency
/// 1.3.6.1.4.1.11129.2.4.n (n < 8: the SCT list and the precertificate poison, which many
/// rules look for).
#[inline(always)]
fn slot(oid: &[u8]) -> Option<usize> {
    match oid {
        [0x55, 0x1d, n] if *n < 64 => Some(usize::from(*n)),
        [0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x01, n] if *n < 32 => Some(64 + usize::from(*n)),
        [0x2b, 0x06, 0x01, 0x04, 0x01, 0xd6, 0x79, 0x02, 0x04, n] if *n < 8 => Some(96 + usize::from(*n)),
        _ => None,
    }
}

impl Index {
    /// Where the first extension in slot `n` is in `exts`.
    #[inline]
    fn first_in(&self, n: usize) -> Option<usize> {
        usize::from(*self.slots.get(n)?).checked_sub(1)
    }
}

#[derive(Debug, Clone)]
struct ExtEntry {
    raw: Span,
    oid: Span,
    critical: Critical,
    value: Span,
    error: Option<Asn1Error>,
    /// Whether `oid` is a well-formed identifier.
    oid_ok: bool,
}

/// How the `critical` flag of an extension was encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Critical {
    /// Absent: the DEFAULT, FALSE.
    Absent,
    /// Explicitly encoded FALSE, which DER forbids (a DEFAULT value must be omitted).
    ExplicitFalse,
    /// TRUE (0xFF).
    True,
    /// A BOOLEAN whose content is not DER (one octet other than 0x00/0xFF, or the wrong length);
    /// its value is taken as TRUE when non-zero.
    NonDer(bool),
}

impl Critical {
    /// The flag's value.
    pub fn is_critical(self) -> bool {
        matches!(self, Self::True | Self::NonDer(true))
    }
}

/// Whether a certificate was decoded from a signed certificate or from a TBSCertificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A signed `Certificate`.
    Signed,
    /// A `TBSCertificate` about to be signed: no outer signature fields.
    Tbs,
}

/// An X.509 certificate (or a TBSCertificate about to be signed), decoded leniently.
///
/// Owns its DER; every accessor borrows. Construction fails only when the input is not
/// DER-framed as a certificate at all; everything inside is decoded field by field and a
/// field that cannot be read is reported by the rules, not by an error here.
#[derive(Clone)]
pub struct Certificate {
    der: Box<[u8]>,
    form: Form,
    index: Index,
    /// Which DER defects occur anywhere in the certificate (see `rules::rfc5280::raw`),
    /// computed by the first rule that asks.
    pub(crate) der_defects: memo::Memo,
    /// Other summaries shared by families of rules, computed by the first rule that asks.
    pub(crate) facts: memo::Facts,
}

impl fmt::Debug for Certificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Certificate").field("form", &self.form).field("len", &self.der.len()).finish_non_exhaustive()
    }
}

/// Certificates larger than this are refused: real ones are a few kilobytes.
pub const MAX_CERTIFICATE_SIZE: usize = 16 * 1024 * 1024;

impl Certificate {
    /// Decodes a DER certificate.
    pub fn from_der(der: &[u8]) -> Result<Self, Error> {
        Self::decode(der.into(), Form::Signed)
    }

    /// Decodes a DER `TBSCertificate` for pre-issuance linting. Rules about the outer
    /// signature fields do not apply.
    pub fn from_tbs_der(tbs: &[u8]) -> Result<Self, Error> {
        Self::decode(tbs.into(), Form::Tbs)
    }

    /// Lints-to-be: takes an `x509_cert` TBS certificate (as built by its builder or decoded
    /// strictly) and encodes it for linting.
    pub fn from_tbs(tbs: &x509_cert::TbsCertificate) -> Result<Self, Error> {
        use der::Encode;
        let der = tbs.to_der().map_err(|_| Error::Encode)?;
        Self::decode(der.into_boxed_slice(), Form::Tbs)
    }

    /// Decodes the single certificate in a PEM document (text around it is ignored).
    pub fn from_pem(pem: &str) -> Result<Self, Error> {
        let mut blocks = crate::pem::blocks(pem);
        let first = blocks.next().ok_or(Error::NoPem { found: None })??;
        if blocks.next().is_some() {
            return Err(Error::MultiplePem);
        }
        Self::from_der(&first)
    }

    /// Decodes every `CERTIFICATE` block of a PEM bundle, in order. Text between blocks is
    /// ignored; blocks of other labels are skipped.
    pub fn parse_pem_bundle(pem: &str) -> Result<Vec<Self>, Error> {
        let mut out = Vec::new();
        for block in crate::pem::blocks(pem) {
            let der = block?;
            out.push(Self::from_der(&der).map_err(|e| Error::InBundle { index: out.len(), source: Box::new(e) })?);
        }
        if out.is_empty() {
            return Err(Error::NoPem { found: None });
        }
        Ok(out)
    }

    /// The DER this certificate was decoded from.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// Signed certificate or TBS.
    pub fn form(&self) -> Form {
        self.form
    }

    /// Decodes strictly with `x509_cert`, for callers who want its owned types. Fails on
    /// exactly the defects this crate tolerates.
    pub fn to_x509(&self) -> Result<x509_cert::Certificate, der::Error> {
        use der::Decode;
        x509_cert::Certificate::from_der(&self.der)
    }

    fn decode(der: Box<[u8]>, form: Form) -> Result<Self, Error> {
        if der.is_empty() {
            return Err(Error::Empty);
        }
        if der.len() > MAX_CERTIFICATE_SIZE {
            return Err(Error::TooLarge(der.len()));
        }
        let index = index(&der, form)?;
        Ok(Self { der, form, index, der_defects: memo::Memo::default(), facts: memo::Facts::default() })
    }

    fn slice(&self, span: &Span) -> &[u8] {
        slice_of(&self.der, span)
    }

    #[inline]
    fn field(&self, f: &Option<Result<Span, Malformed>>, name: &'static str) -> Result<&[u8], Malformed> {
        field_of(&self.der, f, name)
    }

    /// Problems with the outer structure (missing fields, trailing data, unexpected tags),
    /// in the order found.
    pub fn structure_errors(&self) -> &[Malformed] {
        &self.index.structure
    }

    /// The whole TBSCertificate element.
    pub fn tbs_der(&self) -> &[u8] {
        self.slice(&self.index.tbs)
    }

    /// The version. An absent field is v1.
    pub fn version(&self) -> Result<Version, Malformed> {
        match &self.index.version {
            None => Ok(Version::V1),
            Some(Err(m)) => Err(m.clone()),
            Some(Ok(span)) => match self.slice(span) {
                [0] => Ok(Version::V1),
                [1] => Ok(Version::V2),
                [2] => Ok(Version::V3),
                _ => Err(Malformed::new("version", Asn1Error::InvalidValue("version is not 0, 1 or 2"))),
            },
        }
    }

    /// The raw version INTEGER content, when the field is present (v1 must omit it).
    pub fn version_raw(&self) -> Option<&[u8]> {
        match &self.index.version {
            Some(Ok(span)) => Some(self.slice(span)),
            _ => None,
        }
    }

    /// The serial number's INTEGER content octets (two's complement, as encoded).
    pub fn serial(&self) -> Result<&[u8], Malformed> {
        self.field(&self.index.serial, "serialNumber")
    }

    /// The signature algorithm inside the TBS.
    pub fn tbs_signature_algorithm(&self) -> Result<AlgorithmIdentifier<'_>, Malformed> {
        match &self.index.decoded.tbs_sig_alg {
            Ok(a) => Ok(a.get(&self.der)),
            Err(m) => Err(m.clone()),
        }
    }

    /// The outer signatureAlgorithm (`None` for a TBS).
    pub fn signature_algorithm(&self) -> Option<Result<AlgorithmIdentifier<'_>, Malformed>> {
        Some(match self.index.decoded.sig_alg.as_ref()? {
            Ok(a) => Ok(a.get(&self.der)),
            Err(m) => Err(m.clone()),
        })
    }

    /// The signature BIT STRING content (unused-bits octet first); `None` for a TBS.
    pub fn signature_value(&self) -> Option<Result<&[u8], Malformed>> {
        let f = self.index.signature.as_ref()?;
        Some(match f {
            Ok(span) => Ok(self.slice(span)),
            Err(m) => Err(m.clone()),
        })
    }

    /// The issuer name.
    #[inline]
    pub fn issuer(&self) -> Result<Name<'_>, Malformed> {
        self.field(&self.index.issuer, "issuer").map(|raw| Name::decoded(raw, &self.der, &self.index.issuer_atvs))
    }

    /// The subject name.
    #[inline]
    pub fn subject(&self) -> Result<Name<'_>, Malformed> {
        self.field(&self.index.subject, "subject").map(|raw| Name::decoded(raw, &self.der, &self.index.subject_atvs))
    }

    /// The validity period.
    #[inline]
    pub fn validity(&self) -> Result<Validity<'_>, Malformed> {
        match &self.index.decoded.validity {
            Ok((nb, na)) => Ok(Validity { not_before: nb.get(&self.der), not_after: na.get(&self.der) }),
            Err(m) => Err(m.clone()),
        }
    }

    /// notBefore, if it can be read. Effective dates of rules are compared with it.
    #[inline]
    pub fn not_before(&self) -> Option<Time> {
        self.index.decoded.validity.as_ref().ok().map(|(nb, _)| nb.time())
    }

    /// The subject public key info.
    #[inline]
    pub fn spki(&self) -> Result<SubjectPublicKeyInfo<'_>, Malformed> {
        match &self.index.decoded.spki {
            Ok(s) => Ok(s.get(&self.der)),
            Err(m) => Err(m.clone()),
        }
    }

    /// [`SubjectPublicKeyInfo::rsa_integers`], read once at decoding; `None` also when
    /// the SubjectPublicKeyInfo cannot be read.
    pub(crate) fn rsa_integers(&self) -> Option<Result<key::RsaIntegers<'_>, Asn1Error>> {
        self.index.decoded.spki.as_ref().ok()?.rsa_integers(&self.der)
    }

    /// The RSA [`PublicKey`] of [`SubjectPublicKeyInfo::public_key`], from
    /// [`Self::rsa_integers`]: the modulus and exponent magnitudes, `None` for another
    /// algorithm or a key that does not read.
    pub(crate) fn rsa_key(&self) -> Option<(&[u8], &[u8])> {
        match key::rsa_key(self.rsa_integers()?.ok()?) {
            Ok(PublicKey::Rsa { modulus, exponent }) => Some((modulus, exponent)),
            _ => None,
        }
    }

    /// issuerUniqueID BIT STRING content, if present.
    pub fn issuer_unique_id(&self) -> Option<&[u8]> {
        self.index.issuer_uid.as_ref().map(|s| self.slice(s))
    }

    /// subjectUniqueID BIT STRING content, if present.
    pub fn subject_unique_id(&self) -> Option<&[u8]> {
        self.index.subject_uid.as_ref().map(|s| self.slice(s))
    }

    /// Whether the `[3]` extensions field is present (even if empty).
    pub fn has_extensions_field(&self) -> bool {
        self.index.extensions.is_some()
    }

    /// The extensions field itself, when it could not be read as a SEQUENCE OF Extension.
    pub fn extensions_error(&self) -> Option<&Malformed> {
        match &self.index.extensions {
            Some(Err(m)) => Some(m),
            _ => None,
        }
    }

    /// All extensions, in certificate order, duplicates included.
    pub fn extensions(&self) -> impl ExactSizeIterator<Item = Extension<'_>> + '_ {
        self.index.exts.iter().map(move |e| self.ext_at(e))
    }

    #[inline]
    fn ext_at(&self, e: &ExtEntry) -> Extension<'_> {
        ext_at(&self.der, e)
    }

    /// A decoded Copy value of a present extension, with the extension itself.
    #[inline(always)]
    fn cached<T: Copy>(
        &self,
        id: &crate::oid::ObjectIdentifier,
        value: &Option<Result<T, Malformed>>,
    ) -> Option<Result<Ext<'_, T>, Malformed>> {
        let ext = self.extension(id)?;
        Some(match value.as_ref()? {
            Ok(v) => Ok(Ext { critical: ext.is_critical(), value: *v, ext }),
            Err(m) => Err(m.clone()),
        })
    }

    /// The first extension with this identifier.
    ///
    /// Inlined everywhere: with the constant identifiers of the rules and accessors, the
    /// slot is found at compile time and a lookup is a few loads.
    #[inline(always)]
    pub fn extension(&self, id: &crate::oid::ObjectIdentifier) -> Option<Extension<'_>> {
        self.position(id).and_then(|i| self.index.exts.get(i)).map(|e| self.ext_at(e))
    }

    /// Where the first extension with this identifier is in `index.exts`.
    #[inline(always)]
    fn position(&self, id: &crate::oid::ObjectIdentifier) -> Option<usize> {
        let id = id.as_bytes();
        match slot(id) {
            Some(n) => self.index.first_in(n),
            None => self.search(id),
        }
    }

    /// `position` for the identifiers without a slot in the index.
    #[inline(never)]
    fn search(&self, id: &[u8]) -> Option<usize> {
        self.index.exts.iter().position(|e| self.slice(&e.oid) == id)
    }

    /// Whether an extension with this identifier is present.
    #[inline(always)]
    pub fn has_extension(&self, id: &crate::oid::ObjectIdentifier) -> bool {
        self.extension(id).is_some()
    }

    /// Whether the extensions field is absent or reads as a SEQUENCE OF Extension.
    #[inline]
    pub(crate) fn extensions_readable(&self) -> bool {
        !matches!(self.index.extensions, Some(Err(_)))
    }

    #[inline(always)]
    fn typed<'a, T>(
        &'a self,
        id: &crate::oid::ObjectIdentifier,
        parse: impl FnOnce(&'a [u8]) -> Result<T, Asn1Error>,
    ) -> Option<Result<Ext<'a, T>, Malformed>> {
        let ext = self.extension(id)?;
        Some(ext.decode(parse))
    }

    /// Like `typed`, for the views over a SEQUENCE: once one call has validated the value,
    /// the later ones (a few dozen rules read each of these) only frame it. Inlined into
    /// each accessor, where the identifier is a constant.
    #[inline(always)]
    fn view<'a, T: SequenceView<'a>>(
        &'a self,
        id: &crate::oid::ObjectIdentifier,
        parse: impl FnOnce(&'a [u8]) -> Result<T, Asn1Error>,
    ) -> Option<Result<Ext<'a, T>, Malformed>> {
        let i = self.position(id)?;
        let ext = self.ext_at(self.index.exts.get(i)?);
        if self.facts.valid_exts.has(i) {
            let content = Tlv::parse(ext.value).map(|t| t.value).unwrap_or_default();
            return Some(Ok(Ext { critical: ext.is_critical(), value: T::validated(content), ext }));
        }
        let decoded = ext.decode(parse);
        if decoded.is_ok() {
            self.facts.valid_exts.raise(i);
        }
        Some(decoded)
    }

    /// basicConstraints.
    #[inline]
    pub fn basic_constraints(&self) -> Option<Result<Ext<'_, BasicConstraints>, Malformed>> {
        self.cached(&ext_oid::BASIC_CONSTRAINTS, &self.index.decoded.basic_constraints)
    }

    /// keyUsage.
    #[inline]
    pub fn key_usage(&self) -> Option<Result<Ext<'_, KeyUsage>, Malformed>> {
        self.cached(&ext_oid::KEY_USAGE, &self.index.decoded.key_usage)
    }

    /// extKeyUsage.
    pub fn ext_key_usage(&self) -> Option<Result<Ext<'_, ExtKeyUsage<'_>>, Malformed>> {
        self.view(&ext_oid::EXT_KEY_USAGE, ExtKeyUsage::parse)
    }

    /// subjectAltName.
    pub fn subject_alt_name(&self) -> Option<Result<Ext<'_, GeneralNames<'_>>, Malformed>> {
        self.view(&ext_oid::SUBJECT_ALT_NAME, GeneralNames::parse)
    }

    /// The dNSName entries of subjectAltName, raw; none when the extension is absent or
    /// does not decode (`rfc5280.extension_malformed` reports that).
    pub fn san_dns_names(&self) -> impl Iterator<Item = &[u8]> + '_ {
        let san = match self.subject_alt_name() {
            Some(Ok(e)) => Some(e.value),
            _ => None,
        };
        san.into_iter().flat_map(|g| g.dns_names())
    }

    /// issuerAltName.
    pub fn issuer_alt_name(&self) -> Option<Result<Ext<'_, GeneralNames<'_>>, Malformed>> {
        self.view(&ext_oid::ISSUER_ALT_NAME, GeneralNames::parse)
    }

    /// certificatePolicies.
    pub fn certificate_policies(&self) -> Option<Result<Ext<'_, CertificatePolicies<'_>>, Malformed>> {
        self.view(&ext_oid::CERTIFICATE_POLICIES, CertificatePolicies::parse)
    }

    /// authorityKeyIdentifier.
    pub fn authority_key_identifier(&self) -> Option<Result<Ext<'_, AuthorityKeyIdentifier<'_>>, Malformed>> {
        self.typed(&ext_oid::AUTHORITY_KEY_IDENTIFIER, AuthorityKeyIdentifier::parse)
    }

    /// subjectKeyIdentifier: the key identifier's octets.
    pub fn subject_key_identifier(&self) -> Option<Result<Ext<'_, &[u8]>, Malformed>> {
        self.typed(&ext_oid::SUBJECT_KEY_IDENTIFIER, |v| Ok(Tlv::parse(v)?.expect(tag::OCTET_STRING)?.value))
    }

    /// authorityInfoAccess.
    pub fn authority_info_access(&self) -> Option<Result<Ext<'_, AccessDescriptions<'_>>, Malformed>> {
        self.view(&ext_oid::AUTHORITY_INFO_ACCESS, AccessDescriptions::parse)
    }

    /// subjectInfoAccess.
    pub fn subject_info_access(&self) -> Option<Result<Ext<'_, AccessDescriptions<'_>>, Malformed>> {
        self.view(&ext_oid::SUBJECT_INFO_ACCESS, AccessDescriptions::parse)
    }

    /// cRLDistributionPoints.
    pub fn crl_distribution_points(&self) -> Option<Result<Ext<'_, DistributionPoints<'_>>, Malformed>> {
        self.view(&ext_oid::CRL_DISTRIBUTION_POINTS, DistributionPoints::parse)
    }

    /// freshestCRL.
    pub fn freshest_crl(&self) -> Option<Result<Ext<'_, DistributionPoints<'_>>, Malformed>> {
        self.view(&ext_oid::FRESHEST_CRL, DistributionPoints::parse)
    }

    /// nameConstraints.
    pub fn name_constraints(&self) -> Option<Result<Ext<'_, NameConstraints<'_>>, Malformed>> {
        self.typed(&ext_oid::NAME_CONSTRAINTS, NameConstraints::parse)
    }

    /// policyConstraints.
    pub fn policy_constraints(&self) -> Option<Result<Ext<'_, PolicyConstraints>, Malformed>> {
        self.typed(&ext_oid::POLICY_CONSTRAINTS, PolicyConstraints::parse)
    }

    /// policyMappings.
    pub fn policy_mappings(&self) -> Option<Result<Ext<'_, PolicyMappings<'_>>, Malformed>> {
        self.view(&ext_oid::POLICY_MAPPINGS, PolicyMappings::parse)
    }

    /// inhibitAnyPolicy: SkipCerts.
    pub fn inhibit_any_policy(&self) -> Option<Result<Ext<'_, Option<u64>>, Malformed>> {
        self.typed(&ext_oid::INHIBIT_ANY_POLICY, |v| {
            let t = Tlv::parse(v)?.expect(tag::INTEGER)?;
            Ok(asn1::uint_value(t.value))
        })
    }

    /// The embedded SCT list (RFC 6962 §3.3).
    pub fn sct_list(&self) -> Option<Result<Ext<'_, SctList<'_>>, Malformed>> {
        self.typed(&ext_oid::CT_SCT_LIST, SctList::parse)
    }

    /// Whether the CT precertificate poison extension is present.
    pub fn is_precertificate(&self) -> bool {
        self.has_extension(&ext_oid::CT_POISON)
    }

    /// Whether issuer and subject are byte-identical (self-issued, RFC 5280 §3.2).
    pub fn is_self_issued(&self) -> bool {
        match (self.issuer(), self.subject()) {
            (Ok(i), Ok(s)) => i.raw() == s.raw(),
            _ => false,
        }
    }

    /// Whether basicConstraints says cA = TRUE.
    #[inline]
    pub fn is_ca(&self) -> bool {
        matches!(self.basic_constraints(), Some(Ok(bc)) if bc.value.ca)
    }
}

fn read_time<'a>(tlv_raw: &'a [u8], field: &'static str) -> Result<TimeField<'a>, Malformed> {
    let tlv = Tlv::parse(tlv_raw).map_err(|e| Malformed::new(field, e))?;
    let parsed = match tlv.tag {
        tag::UTC_TIME => asn1::parse_utc_time(tlv.value),
        tag::GENERALIZED_TIME => asn1::parse_generalized_time(tlv.value),
        found => return Err(Malformed::new(field, Asn1Error::UnexpectedTag { expected: tag::UTC_TIME, found })),
    };
    let (time, defect) = parsed.map_err(|e| match e {
        asn1::TimeError::Invalid(why) => Malformed::new(field, Asn1Error::InvalidValue(why)),
    })?;
    Ok(TimeField { tag: tlv.tag, raw: tlv.value, time, defect })
}

fn index(der: &[u8], form: Form) -> Result<Index, Error> {
    let mut ix = Index::default();
    let outer = Reader::new(der).read().map_err(|e| Error::NotDer { offset: 0, reason: e })?;
    if outer.tag != tag::SEQUENCE {
        return Err(Error::NotACertificate("the input is not a SEQUENCE"));
    }
    if outer.raw.len() < der.len() {
        ix.structure.push(Malformed::new("certificate", Asn1Error::TrailingData));
    }
    let tbs = match form {
        Form::Tbs => outer,
        Form::Signed => {
            let mut r = outer.reader();
            let tbs = r.read().map_err(|e| Error::NotDer { offset: outer.header_len(), reason: e })?;
            let first_inner = Reader::new(tbs.value).peek_tag();
            if tbs.tag != tag::SEQUENCE
                || (first_tags::<3>(outer) == [tag::SEQUENCE, tag::BIT_STRING, 0] && first_inner == Some(tag::OID))
            {
                return Err(not_a_certificate(outer));
            }
            if looks_like_crl(tbs) {
                return Err(Error::NotACertificate(
                    "it is a CRL (its TBS holds a thisUpdate time where a certificate has validity)",
                ));
            }
            ix.sig_alg = Some(required(&mut r, tag::SEQUENCE, "signatureAlgorithm", der, &mut ix.structure));
            ix.signature = Some(match r.read().and_then(|t| t.expect(tag::BIT_STRING)) {
                Ok(t) => Ok(span_of(der, t.value)),
                Err(e) => Err(Malformed::new("signatureValue", e)),
            });
            if !r.is_empty() {
                ix.structure.push(Malformed::new("certificate", Asn1Error::TrailingData));
            }
            tbs
        }
    };
    ix.tbs = span_of(der, tbs.raw);
    index_tbs(der, tbs, &mut ix);
    ix.decoded = decode_fields(der, &ix);
    ix.presence = needs::presence_of(der, &ix);
    Ok(ix)
}

#[inline]
fn ext_at<'a>(der: &'a [u8], e: &ExtEntry) -> Extension<'a> {
    let slice = |span| slice_of(der, span);
    Extension {
        raw: slice(&e.raw),
        oid: e.oid_ok.then(|| Oid::new_unchecked(slice(&e.oid))),
        oid_raw: slice(&e.oid),
        critical: e.critical,
        value: slice(&e.value),
        error: e.error,
    }
}

/// Decodes the fields in [`Decoded`], with the errors their accessors report.
fn decode_fields(der: &[u8], ix: &Index) -> Decoded {
    let field = |f, name| field_of(der, f, name);
    let alg = |raw: &[u8], name| {
        AlgorithmIdentifier::parse(raw).map(|a| spans::AlgSpan::of(der, &a)).map_err(|e| Malformed::new(name, e))
    };
    Decoded {
        tbs_sig_alg: field(&ix.tbs_sig_alg, "signature").and_then(|raw| alg(raw, "signature")),
        sig_alg: ix.sig_alg.as_ref().map(|f| match f {
            Ok(span) => alg(slice_of(der, span), "signatureAlgorithm"),
            Err(m) => Err(m.clone()),
        }),
        validity: match &ix.validity {
            Some(Ok((nb, na))) => spans::TimeSpan::read(der, nb, "notBefore")
                .and_then(|nb| Ok((nb, spans::TimeSpan::read(der, na, "notAfter")?))),
            Some(Err(m)) => Err(m.clone()),
            None => Err(Malformed::new("validity", Asn1Error::Truncated)),
        },
        spki: field(&ix.spki, "subjectPublicKeyInfo").and_then(|raw| {
            SubjectPublicKeyInfo::parse(raw)
                .map(|s| spans::SpkiSpan::of(der, &s))
                .map_err(|e| Malformed::new("subjectPublicKeyInfo", e))
        }),
        basic_constraints: slotted_extension(der, ix, &ext_oid::BASIC_CONSTRAINTS)
            .map(|e| e.decode(BasicConstraints::parse).map(|e| e.value)),
        key_usage: slotted_extension(der, ix, &ext_oid::KEY_USAGE).map(|e| e.decode(KeyUsage::parse).map(|e| e.value)),
    }
}

/// The first extension with a slotted identifier, from the index being built.
fn slotted_extension<'a>(der: &'a [u8], ix: &Index, id: &crate::oid::ObjectIdentifier) -> Option<Extension<'a>> {
    Some(ext_at(der, ix.exts.get(ix.first_in(slot(id.as_bytes())?)?)?))
}

/// Names what a DER SEQUENCE that is not a signed certificate most likely is.
fn not_a_certificate(outer: Tlv<'_>) -> Error {
    match first_tags::<4>(outer) {
        [0xa0, ..] | [tag::INTEGER, tag::SEQUENCE, tag::SEQUENCE, tag::SEQUENCE] => Error::TbsCertificate,
        [tag::SEQUENCE, tag::BIT_STRING, 0, 0] => Error::NotACertificate("it is a public key (SubjectPublicKeyInfo)"),
        [tag::INTEGER, tag::SEQUENCE, tag::OCTET_STRING, ..] => Error::NotACertificate("it is a private key (PKCS #8)"),
        [tag::INTEGER, tag::INTEGER, ..] => Error::NotACertificate("it is an RSA private key (PKCS #1)"),
        [tag::INTEGER, tag::OCTET_STRING, ..] => Error::NotACertificate("it is an EC private key (RFC 5915)"),
        _ => Error::NotACertificate("the first element is not a TBSCertificate SEQUENCE"),
    }
}

/// A TBSCertList has `version?, signature, issuer, thisUpdate`; a TBSCertificate has
/// `[0] version, serialNumber, signature, issuer, validity`.
fn looks_like_crl(tbs: Tlv<'_>) -> bool {
    let is_time = |t: u8| t == tag::UTC_TIME || t == tag::GENERALIZED_TIME;
    match first_tags::<4>(tbs) {
        [tag::INTEGER, tag::SEQUENCE, tag::SEQUENCE, t] => is_time(t),
        [tag::SEQUENCE, tag::SEQUENCE, t, _] => is_time(t),
        _ => false,
    }
}

/// The tags of the first `N` elements inside a constructed element (0 where there are fewer).
fn first_tags<const N: usize>(t: Tlv<'_>) -> [u8; N] {
    let mut out = [0u8; N];
    for (slot, item) in out.iter_mut().zip(t.reader()) {
        match item {
            Ok(item) => *slot = item.tag,
            Err(_) => break,
        }
    }
    out
}

fn required(
    r: &mut Reader<'_>,
    expected: u8,
    field: &'static str,
    der: &[u8],
    structure: &mut Vec<Malformed>,
) -> Result<Span, Malformed> {
    let res = r.read().and_then(|t| t.expect(expected));
    match res {
        Ok(t) => Ok(span_of(der, t.raw)),
        Err(e) => {
            let m = Malformed::new(field, e);
            structure.push(m.clone());
            Err(m)
        }
    }
}

fn index_tbs(der: &[u8], tbs: Tlv<'_>, ix: &mut Index) {
    let mut r = tbs.reader();
    let s = &mut ix.structure;
    if r.peek_tag() == Some(tag::context_constructed(0)) {
        ix.version = Some(match r.read().and_then(|t| Tlv::parse(t.value)).and_then(|t| t.expect(tag::INTEGER)) {
            Ok(t) => Ok(span_of(der, t.value)),
            Err(e) => Err(Malformed::new("version", e)),
        });
    }
    ix.serial = Some(match r.read().and_then(|t| t.expect(tag::INTEGER)) {
        Ok(t) => Ok(span_of(der, t.value)),
        Err(e) => {
            s.push(Malformed::new("serialNumber", e));
            Err(Malformed::new("serialNumber", e))
        }
    });
    ix.tbs_sig_alg = Some(required(&mut r, tag::SEQUENCE, "signature", der, s));
    ix.issuer = Some(
        required(&mut r, tag::SEQUENCE, "issuer", der, s)
            .and_then(|sp| check_name(der, sp, "issuer", &mut ix.issuer_atvs)),
    );
    ix.validity = Some(match r.read().and_then(|t| t.expect(tag::SEQUENCE)) {
        Ok(v) => {
            let mut vr = v.reader();
            match (vr.read(), vr.read(), vr.finish()) {
                (Ok(nb), Ok(na), Ok(())) => Ok((span_of(der, nb.raw), span_of(der, na.raw))),
                (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => Err(Malformed::new("validity", e)),
            }
        }
        Err(e) => {
            s.push(Malformed::new("validity", e));
            Err(Malformed::new("validity", e))
        }
    });
    ix.subject = Some(
        required(&mut r, tag::SEQUENCE, "subject", der, s)
            .and_then(|sp| check_name(der, sp, "subject", &mut ix.subject_atvs)),
    );
    ix.spki = Some(required(&mut r, tag::SEQUENCE, "subjectPublicKeyInfo", der, s));
    while let Some(t) = r.peek_tag() {
        let item = match r.read() {
            Ok(i) => i,
            Err(e) => {
                s.push(Malformed::new("tbsCertificate", e));
                break;
            }
        };
        match t {
            0x81 | 0xa1 => ix.issuer_uid = Some(span_of(der, item.value)),
            0x82 | 0xa2 => ix.subject_uid = Some(span_of(der, item.value)),
            0xa3 => {
                ix.extensions = Some(index_extensions(der, item, &mut ix.exts));
                for (i, e) in ix.exts.iter().enumerate().rev() {
                    let oid = slice_of(der, &e.oid);
                    let Ok(first) = u16::try_from(i + 1) else { continue };
                    if let Some(s) = slot(oid).and_then(|n| ix.slots.get_mut(n)) {
                        *s = first;
                    }
                }
            }
            _ => s.push(Malformed::new(
                "tbsCertificate",
                Asn1Error::UnexpectedTag { expected: tag::context_constructed(3), found: t },
            )),
        }
    }
}

fn check_name(der: &[u8], span: Span, field: &'static str, atvs: &mut Vec<name::AtvSpan>) -> Result<Span, Malformed> {
    *atvs = name::decode_name(der, &span).map_err(|e| Malformed::new(field, e))?;
    Ok(span)
}

fn index_extensions(der: &[u8], wrapper: Tlv<'_>, out: &mut Vec<ExtEntry>) -> Result<Span, Malformed> {
    let seq =
        Tlv::parse(wrapper.value).and_then(|t| t.expect(tag::SEQUENCE)).map_err(|e| Malformed::new("extensions", e))?;
    let mut r = seq.reader();
    out.reserve(r.clone().count());
    while !r.is_empty() {
        let item = r.read().map_err(|e| Malformed::new("extensions", e))?;
        out.push(extension_entry(der, item));
    }
    Ok(span_of(der, seq.raw))
}

fn extension_entry(der: &[u8], item: Tlv<'_>) -> ExtEntry {
    let empty = span_of(der, item.raw.get(..0).unwrap_or_default());
    let mut entry = ExtEntry {
        raw: span_of(der, item.raw),
        oid: empty.clone(),
        critical: Critical::Absent,
        value: empty,
        error: None,
        oid_ok: false,
    };
    let mut parse = || -> Result<(), Asn1Error> {
        let item = item.expect(tag::SEQUENCE)?;
        let mut r = item.reader();
        let oid = r.read_tag(tag::OID)?;
        entry.oid = span_of(der, oid.value);
        if Oid::new(oid.value).is_none() {
            return Err(Asn1Error::InvalidValue("malformed extension identifier"));
        }
        entry.oid_ok = true;
        if let Some(b) = r.read_optional(tag::BOOLEAN)? {
            entry.critical = match b.value {
                [0x00] => Critical::ExplicitFalse,
                [0xff] => Critical::True,
                v => Critical::NonDer(v.iter().any(|&x| x != 0)),
            };
        }
        let value = r.read_tag(tag::OCTET_STRING)?;
        entry.value = span_of(der, value.value);
        r.finish()
    };
    let result = parse();
    entry.error = result.err();
    entry
}

/// The bytes of a text, for messages: the string if it is UTF-8, its escaped form otherwise.
pub(crate) fn lossy(bytes: &[u8]) -> String {
    use core::fmt::Write;
    match core::str::from_utf8(bytes) {
        Ok(s) => s.into(),
        Err(_) => {
            let mut out = String::new();
            for &b in bytes {
                if b.is_ascii_graphic() || b == b' ' {
                    out.push(char::from(b));
                } else {
                    let _ = write!(out, "\\x{b:02x}");
                }
            }
            out
        }
    }
}
