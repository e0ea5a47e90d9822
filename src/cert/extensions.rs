//! Extensions (RFC 5280 §4.2 and companions), as borrowed views.
//!
//! Each typed view is parsed from the extension's OCTET STRING content on demand. Parsing
//! checks the framing strictly enough that rules can iterate without further error
//! handling; entry-level content (strings, names) is left for the rules to judge.

use crate::asn1::{self, tag, Asn1Error, Reader, Tlv};
use crate::oid::Oid;

use super::{Critical, GeneralName, GeneralNames, Malformed};

/// One extension as encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extension<'a> {
    /// The whole Extension SEQUENCE.
    pub raw: &'a [u8],
    /// extnID, if well formed.
    pub oid: Option<Oid<'a>>,
    /// extnID's raw content octets.
    pub oid_raw: &'a [u8],
    /// How `critical` was encoded.
    pub critical: Critical,
    /// extnValue's content octets: the DER of the extension's own syntax.
    pub value: &'a [u8],
    /// Why the Extension SEQUENCE itself could not be read, if it could not.
    pub error: Option<Asn1Error>,
}

impl<'a> Extension<'a> {
    /// Whether it is marked critical.
    pub fn is_critical(&self) -> bool {
        self.critical.is_critical()
    }

    /// Decodes the value with `parse`, naming the extension in the error.
    pub fn decode<T>(&self, parse: impl FnOnce(&'a [u8]) -> Result<T, Asn1Error>) -> Result<Ext<'a, T>, Malformed> {
        if let Some(e) = self.error {
            return Err(Malformed::new("extension", e));
        }
        parse(self.value)
            .map(|value| Ext { critical: self.is_critical(), value, ext: *self })
            .map_err(|e| Malformed::new(extension_name(self.oid_raw), e))
    }
}

/// An extension value read as a view over the content of its outer SEQUENCE, once its
/// `parse` has accepted that value.
pub(crate) trait SequenceView<'a>: Sized {
    /// The view over `content`, already validated by the type's `parse`.
    fn validated(content: &'a [u8]) -> Self;
}

macro_rules! sequence_views {
    ($($t:ident),*) => {$(
        impl<'a> SequenceView<'a> for $t<'a> {
            fn validated(content: &'a [u8]) -> Self {
                Self { content }
            }
        }
    )*};
}

sequence_views!(ExtKeyUsage, CertificatePolicies, AccessDescriptions, DistributionPoints, PolicyMappings);

/// A decoded extension: its criticality, its typed value, and the raw extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ext<'a, T> {
    /// Whether it is marked critical.
    pub critical: bool,
    /// The decoded value.
    pub value: T,
    /// The extension as encoded.
    pub ext: Extension<'a>,
}

/// A readable name for a known extension identifier, for messages.
pub fn extension_name(oid: &[u8]) -> &'static str {
    use crate::oid::ext::*;
    [
        (SUBJECT_KEY_IDENTIFIER, "subjectKeyIdentifier"),
        (KEY_USAGE, "keyUsage"),
        (SUBJECT_ALT_NAME, "subjectAltName"),
        (ISSUER_ALT_NAME, "issuerAltName"),
        (BASIC_CONSTRAINTS, "basicConstraints"),
        (NAME_CONSTRAINTS, "nameConstraints"),
        (CRL_DISTRIBUTION_POINTS, "cRLDistributionPoints"),
        (CERTIFICATE_POLICIES, "certificatePolicies"),
        (POLICY_MAPPINGS, "policyMappings"),
        (AUTHORITY_KEY_IDENTIFIER, "authorityKeyIdentifier"),
        (POLICY_CONSTRAINTS, "policyConstraints"),
        (EXT_KEY_USAGE, "extKeyUsage"),
        (FRESHEST_CRL, "freshestCRL"),
        (INHIBIT_ANY_POLICY, "inhibitAnyPolicy"),
        (AUTHORITY_INFO_ACCESS, "authorityInfoAccess"),
        (SUBJECT_INFO_ACCESS, "subjectInfoAccess"),
        (CT_SCT_LIST, "signedCertificateTimestampList"),
        (CT_POISON, "precertificate poison"),
        (SUBJECT_DIRECTORY_ATTRIBUTES, "subjectDirectoryAttributes"),
        (PRIVATE_KEY_USAGE_PERIOD, "privateKeyUsagePeriod"),
        (NO_REV_AVAIL, "noRevAvail"),
        (TLS_FEATURE, "tlsFeature"),
        (QC_STATEMENTS, "qcStatements"),
        (OCSP_NO_CHECK, "ocspNoCheck"),
    ]
    .iter()
    .find(|(o, _)| o.as_bytes() == oid)
    .map_or("extension", |(_, n)| n)
}

/// basicConstraints (RFC 5280 §4.2.1.9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BasicConstraints {
    /// cA.
    pub ca: bool,
    /// cA was encoded explicitly as FALSE (a DEFAULT value, which DER omits).
    pub ca_explicit_false: bool,
    /// pathLenConstraint, if present.
    pub path_len: Option<PathLen>,
}

/// A pathLenConstraint value as encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathLen {
    /// A value that fits a u64.
    Value(u64),
    /// A negative INTEGER, which `INTEGER (0..MAX)` forbids.
    Negative,
    /// A positive value beyond u64.
    Huge,
}

impl BasicConstraints {
    /// Parses the extension value.
    pub fn parse(v: &[u8]) -> Result<Self, Asn1Error> {
        let seq = Tlv::parse(v)?.expect(tag::SEQUENCE)?;
        let mut r = seq.reader();
        let mut out = Self { ca: false, ca_explicit_false: false, path_len: None };
        if let Some(b) = r.read_optional(tag::BOOLEAN)? {
            out.ca = b.value.iter().any(|&x| x != 0);
            out.ca_explicit_false = !out.ca;
        }
        if let Some(i) = r.read_optional(tag::INTEGER)? {
            out.path_len = Some(if asn1::int_is_negative(i.value) {
                PathLen::Negative
            } else {
                asn1::uint_value(i.value).map_or(PathLen::Huge, PathLen::Value)
            });
        }
        r.finish()?;
        Ok(out)
    }
}

/// keyUsage (RFC 5280 §4.2.1.3): the named bits and how they were encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyUsage {
    /// Bits 0..=15, bit 0 (digitalSignature) in the most significant position of the first
    /// octet as in the encoding: test with the `KeyUsage::*` constants.
    bits: u16,
    /// The BIT STRING's unused-bits count.
    pub unused_bits: u8,
    /// Content octets after the unused-bits octet.
    pub len: usize,
    /// The encoding is not DER: trailing zero bits not trimmed, or unused bits not zero.
    pub non_der: bool,
}

impl KeyUsage {
    /// digitalSignature (0)
    pub const DIGITAL_SIGNATURE: u8 = 0;
    /// nonRepudiation / contentCommitment (1)
    pub const CONTENT_COMMITMENT: u8 = 1;
    /// keyEncipherment (2)
    pub const KEY_ENCIPHERMENT: u8 = 2;
    /// dataEncipherment (3)
    pub const DATA_ENCIPHERMENT: u8 = 3;
    /// keyAgreement (4)
    pub const KEY_AGREEMENT: u8 = 4;
    /// keyCertSign (5)
    pub const KEY_CERT_SIGN: u8 = 5;
    /// cRLSign (6)
    pub const CRL_SIGN: u8 = 6;
    /// encipherOnly (7)
    pub const ENCIPHER_ONLY: u8 = 7;
    /// decipherOnly (8)
    pub const DECIPHER_ONLY: u8 = 8;

    /// The names of the bits, by bit number (RFC 5280 §4.2.1.3).
    pub const NAMES: [&'static str; 9] = [
        "digitalSignature",
        "nonRepudiation",
        "keyEncipherment",
        "dataEncipherment",
        "keyAgreement",
        "keyCertSign",
        "cRLSign",
        "encipherOnly",
        "decipherOnly",
    ];

    /// Parses the extension value.
    pub fn parse(v: &[u8]) -> Result<Self, Asn1Error> {
        let bs = Tlv::parse(v)?.expect(tag::BIT_STRING)?;
        let (&unused_bits, bytes) = bs.value.split_first().ok_or(Asn1Error::InvalidValue("empty BIT STRING"))?;
        if unused_bits > 7 || (bytes.is_empty() && unused_bits != 0) {
            return Err(Asn1Error::InvalidValue("invalid BIT STRING unused-bits count"));
        }
        let b0 = u16::from(bytes.first().copied().unwrap_or(0));
        let b1 = u16::from(bytes.get(1).copied().unwrap_or(0));
        let bits = (b0 << 8) | b1;
        let non_der = match bytes.last() {
            None => false,
            Some(&last) => {
                let lowest_used = 1u8 << unused_bits;
                // Unused bits must be zero, and the last used bit must be one (trailing
                // zero bits are removed in DER for a named bit list).
                last & (lowest_used - 1) != 0 || last & lowest_used == 0
            }
        };
        Ok(Self { bits, unused_bits, len: bytes.len(), non_der })
    }

    /// Whether a named bit (0..=15) is set.
    pub fn has(&self, bit: u8) -> bool {
        bit < 16 && self.bits & (0x8000 >> bit) != 0
    }

    /// Whether no bit is set.
    pub fn is_empty(&self) -> bool {
        self.bits == 0
    }

    /// Bits beyond decipherOnly (9..=15) that are set, or more than two content octets.
    pub fn has_undefined_bits(&self) -> bool {
        self.bits & 0x007f != 0 || self.len > 2
    }
}

/// extKeyUsage (RFC 5280 §4.2.1.12).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExtKeyUsage<'a> {
    content: &'a [u8],
}

impl<'a> ExtKeyUsage<'a> {
    /// Parses the extension value.
    pub fn parse(v: &'a [u8]) -> Result<Self, Asn1Error> {
        let seq = Tlv::parse(v)?.expect(tag::SEQUENCE)?;
        for t in seq.reader() {
            let t = t?.expect(tag::OID)?;
            Oid::new(t.value).ok_or(Asn1Error::InvalidValue("malformed KeyPurposeId"))?;
        }
        Ok(Self { content: seq.value })
    }

    /// The purposes, in order.
    pub fn purposes(&self) -> impl Iterator<Item = Oid<'a>> + 'a {
        // `content` passed `parse`: every element is a well-formed OID.
        Reader::new(self.content).filter_map(|t| Some(Oid::new_unchecked(t.ok()?.value)))
    }

    /// Whether a purpose is listed.
    pub fn contains(&self, purpose: &crate::oid::ObjectIdentifier) -> bool {
        self.purposes().any(|p| p.is(purpose))
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.content.is_empty()
    }
}

/// certificatePolicies (RFC 5280 §4.2.1.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CertificatePolicies<'a> {
    content: &'a [u8],
}

/// One PolicyInformation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolicyInformation<'a> {
    /// policyIdentifier.
    pub id: Oid<'a>,
    /// The policyQualifiers SEQUENCE content, if present.
    qualifiers: Option<&'a [u8]>,
}

/// One PolicyQualifierInfo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolicyQualifier<'a> {
    /// policyQualifierId.
    pub id: Oid<'a>,
    /// The qualifier element, whole (an IA5String for CPS, a SEQUENCE for UserNotice).
    pub qualifier: Option<Tlv<'a>>,
}

impl<'a> CertificatePolicies<'a> {
    /// Parses the extension value.
    pub fn parse(v: &'a [u8]) -> Result<Self, Asn1Error> {
        let seq = Tlv::parse(v)?.expect(tag::SEQUENCE)?;
        for p in seq.reader() {
            let p = PolicyInformation::from_tlv(p?)?;
            for q in p.qualifiers_checked() {
                q?;
            }
        }
        Ok(Self { content: seq.value })
    }

    /// The policies, in order.
    pub fn policies(&self) -> impl Iterator<Item = PolicyInformation<'a>> + 'a {
        // `content` passed `parse`: the elements are only framed, not checked again.
        Reader::new(self.content).filter_map(|t| PolicyInformation::from_valid(t.ok()?))
    }

    /// Whether a policy identifier is listed.
    pub fn contains(&self, id: &crate::oid::ObjectIdentifier) -> bool {
        self.policies().any(|p| p.id.is(id))
    }
}

impl<'a> PolicyInformation<'a> {
    fn from_tlv(t: Tlv<'a>) -> Result<Self, Asn1Error> {
        let mut r = t.expect(tag::SEQUENCE)?.reader();
        let id = Oid::new(r.read_tag(tag::OID)?.value).ok_or(Asn1Error::InvalidValue("malformed policy identifier"))?;
        let qualifiers = r.read_optional(tag::SEQUENCE)?.map(|q| q.value);
        r.finish()?;
        Ok(Self { id, qualifiers })
    }

    /// `from_tlv` of an element already accepted by it.
    fn from_valid(t: Tlv<'a>) -> Option<Self> {
        let mut r = t.reader();
        let id = Oid::new_unchecked(r.read().ok()?.value);
        let qualifiers = r.read().ok().map(|q| q.value);
        Some(Self { id, qualifiers })
    }

    /// Whether policyQualifiers is present.
    pub fn has_qualifiers(&self) -> bool {
        self.qualifiers.is_some()
    }

    fn qualifiers_checked(&self) -> impl Iterator<Item = Result<PolicyQualifier<'a>, Asn1Error>> + 'a {
        Reader::new(self.qualifiers.unwrap_or_default()).map(|t| {
            let mut r = t?.expect(tag::SEQUENCE)?.reader();
            let id = Oid::new(r.read_tag(tag::OID)?.value).ok_or(Asn1Error::InvalidValue("malformed qualifier id"))?;
            let qualifier = if r.is_empty() { None } else { Some(r.read()?) };
            r.finish()?;
            Ok(PolicyQualifier { id, qualifier })
        })
    }

    /// The qualifiers, in order.
    pub fn qualifiers(&self) -> impl Iterator<Item = PolicyQualifier<'a>> + 'a {
        // A PolicyInformation outside `CertificatePolicies::parse` comes from a value that
        // `qualifiers_checked` accepted: only frame the elements.
        Reader::new(self.qualifiers.unwrap_or_default()).filter_map(|t| {
            let mut r = t.ok()?.reader();
            let id = Oid::new_unchecked(r.read().ok()?.value);
            Some(PolicyQualifier { id, qualifier: r.read().ok() })
        })
    }
}

/// authorityKeyIdentifier (RFC 5280 §4.2.1.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuthorityKeyIdentifier<'a> {
    /// `[0] keyIdentifier`
    pub key_id: Option<&'a [u8]>,
    /// `[1] authorityCertIssuer`
    pub issuer: Option<GeneralNames<'a>>,
    /// `[2] authorityCertSerialNumber` content octets
    pub serial: Option<&'a [u8]>,
}

impl<'a> AuthorityKeyIdentifier<'a> {
    /// Parses the extension value.
    pub fn parse(v: &'a [u8]) -> Result<Self, Asn1Error> {
        let mut r = Tlv::parse(v)?.expect(tag::SEQUENCE)?.reader();
        let key_id = r.read_optional(0x80)?.map(|t| t.value);
        let issuer = match r.read_optional(0xa1)? {
            Some(t) => Some(GeneralNames::from_content(t.value)?),
            None => None,
        };
        let serial = r.read_optional(0x82)?.map(|t| t.value);
        r.finish()?;
        Ok(Self { key_id, issuer, serial })
    }
}

/// AuthorityInfoAccessSyntax / SubjectInfoAccessSyntax (RFC 5280 §4.2.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AccessDescriptions<'a> {
    content: &'a [u8],
}

/// One AccessDescription.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AccessDescription<'a> {
    /// accessMethod.
    pub method: Oid<'a>,
    /// accessLocation, or why it does not decode.
    pub location: Result<GeneralName<'a>, Asn1Error>,
}

impl<'a> AccessDescriptions<'a> {
    /// Parses the extension value.
    pub fn parse(v: &'a [u8]) -> Result<Self, Asn1Error> {
        let seq = Tlv::parse(v)?.expect(tag::SEQUENCE)?;
        for d in seq.reader() {
            Self::item(d?)?;
        }
        Ok(Self { content: seq.value })
    }

    fn item(t: Tlv<'a>) -> Result<AccessDescription<'a>, Asn1Error> {
        let mut r = t.expect(tag::SEQUENCE)?.reader();
        let method = Oid::new(r.read_tag(tag::OID)?.value).ok_or(Asn1Error::InvalidValue("malformed accessMethod"))?;
        let location = r.read()?;
        r.finish()?;
        Ok(AccessDescription { method, location: GeneralName::from_tlv(location) })
    }

    /// The descriptions, in order.
    pub fn iter(&self) -> impl Iterator<Item = AccessDescription<'a>> + 'a {
        // `content` passed `parse`: the elements are only framed, not checked again.
        Reader::new(self.content).filter_map(|t| {
            let mut r = t.ok()?.reader();
            let method = Oid::new_unchecked(r.read().ok()?.value);
            Some(AccessDescription { method, location: GeneralName::from_tlv(r.read().ok()?) })
        })
    }

    /// Whether the sequence is empty.
    pub fn is_empty(&self) -> bool {
        self.content.is_empty()
    }
}

/// CRLDistributionPoints / FreshestCRL (RFC 5280 §4.2.1.13, §4.2.1.15).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DistributionPoints<'a> {
    content: &'a [u8],
}

/// One DistributionPoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DistributionPoint<'a> {
    /// `[0] distributionPoint`: fullName.
    pub full_name: Option<GeneralNames<'a>>,
    /// `[0] distributionPoint`: nameRelativeToCRLIssuer (raw RDN content).
    pub relative_name: Option<&'a [u8]>,
    /// `[1] reasons` BIT STRING content.
    pub reasons: Option<&'a [u8]>,
    /// `[2] cRLIssuer`.
    pub crl_issuer: Option<GeneralNames<'a>>,
}

impl<'a> DistributionPoints<'a> {
    /// Parses the extension value.
    pub fn parse(v: &'a [u8]) -> Result<Self, Asn1Error> {
        let seq = Tlv::parse(v)?.expect(tag::SEQUENCE)?;
        for d in seq.reader() {
            Self::item(d?)?;
        }
        Ok(Self { content: seq.value })
    }

    fn item(t: Tlv<'a>) -> Result<DistributionPoint<'a>, Asn1Error> {
        let mut r = t.expect(tag::SEQUENCE)?.reader();
        let mut dp = DistributionPoint { full_name: None, relative_name: None, reasons: None, crl_issuer: None };
        if let Some(name) = r.read_optional(0xa0)? {
            let inner = Tlv::parse(name.value)?;
            match inner.tag {
                0xa0 => dp.full_name = Some(GeneralNames::from_content(inner.value)?),
                0xa1 => dp.relative_name = Some(inner.value),
                _ => return Err(Asn1Error::InvalidValue("unknown DistributionPointName choice")),
            }
        }
        dp.reasons = r.read_optional(0x81)?.map(|t| t.value);
        if let Some(i) = r.read_optional(0xa2)? {
            dp.crl_issuer = Some(GeneralNames::from_content(i.value)?);
        }
        r.finish()?;
        Ok(dp)
    }

    /// The distribution points, in order.
    pub fn iter(&self) -> impl Iterator<Item = DistributionPoint<'a>> + 'a {
        // `content` passed `parse`: the elements are only framed, not checked again.
        Reader::new(self.content).filter_map(|t| Some(Self::valid_item(t.ok()?)))
    }

    /// `item` of an element already accepted by it.
    fn valid_item(t: Tlv<'a>) -> DistributionPoint<'a> {
        let mut r = t.reader();
        let mut dp = DistributionPoint { full_name: None, relative_name: None, reasons: None, crl_issuer: None };
        if let Some(inner) = r.read_optional(0xa0).ok().flatten().and_then(|n| Tlv::parse(n.value).ok()) {
            match inner.tag {
                0xa0 => dp.full_name = Some(GeneralNames::validated(inner.value)),
                _ => dp.relative_name = Some(inner.value),
            }
        }
        dp.reasons = r.read_optional(0x81).ok().flatten().map(|t| t.value);
        dp.crl_issuer = r.read_optional(0xa2).ok().flatten().map(|i| GeneralNames::validated(i.value));
        dp
    }

    /// Whether the sequence is empty.
    pub fn is_empty(&self) -> bool {
        self.content.is_empty()
    }
}

/// nameConstraints (RFC 5280 §4.2.1.10).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameConstraints<'a> {
    /// `[0] permittedSubtrees` content, if present.
    pub permitted: Option<Subtrees<'a>>,
    /// `[1] excludedSubtrees` content, if present.
    pub excluded: Option<Subtrees<'a>>,
}

/// GeneralSubtrees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Subtrees<'a> {
    content: &'a [u8],
}

/// One GeneralSubtree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GeneralSubtree<'a> {
    /// base.
    pub base: Result<GeneralName<'a>, Asn1Error>,
    /// `[0] minimum` (DEFAULT 0): the raw INTEGER content, if encoded.
    pub minimum: Option<&'a [u8]>,
    /// `[1] maximum`: the raw INTEGER content, if present.
    pub maximum: Option<&'a [u8]>,
}

impl<'a> NameConstraints<'a> {
    /// Parses the extension value.
    pub fn parse(v: &'a [u8]) -> Result<Self, Asn1Error> {
        let mut r = Tlv::parse(v)?.expect(tag::SEQUENCE)?.reader();
        let permitted = r.read_optional(0xa0)?.map(|t| Subtrees::check(t.value)).transpose()?;
        let excluded = r.read_optional(0xa1)?.map(|t| Subtrees::check(t.value)).transpose()?;
        r.finish()?;
        Ok(Self { permitted, excluded })
    }
}

impl<'a> Subtrees<'a> {
    fn check(content: &'a [u8]) -> Result<Self, Asn1Error> {
        for t in Reader::new(content) {
            Self::item(t?)?;
        }
        Ok(Self { content })
    }

    fn item(t: Tlv<'a>) -> Result<GeneralSubtree<'a>, Asn1Error> {
        let mut r = t.expect(tag::SEQUENCE)?.reader();
        let base = GeneralName::from_tlv(r.read()?);
        let minimum = r.read_optional(0x80)?.map(|t| t.value);
        let maximum = r.read_optional(0x81)?.map(|t| t.value);
        r.finish()?;
        Ok(GeneralSubtree { base, minimum, maximum })
    }

    /// The subtrees, in order.
    pub fn iter(&self) -> impl Iterator<Item = GeneralSubtree<'a>> + 'a {
        Reader::new(self.content).filter_map(|t| Self::item(t.ok()?).ok())
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.content.is_empty()
    }
}

/// policyConstraints (RFC 5280 §4.2.1.11).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolicyConstraints {
    /// `[0] requireExplicitPolicy`, if present (`None` inside when out of range).
    pub require_explicit_policy: Option<Option<u64>>,
    /// `[1] inhibitPolicyMapping`, if present.
    pub inhibit_policy_mapping: Option<Option<u64>>,
}

impl PolicyConstraints {
    /// Parses the extension value.
    pub fn parse(v: &[u8]) -> Result<Self, Asn1Error> {
        let mut r = Tlv::parse(v)?.expect(tag::SEQUENCE)?.reader();
        let require_explicit_policy = r.read_optional(0x80)?.map(|t| asn1::uint_value(t.value));
        let inhibit_policy_mapping = r.read_optional(0x81)?.map(|t| asn1::uint_value(t.value));
        r.finish()?;
        Ok(Self { require_explicit_policy, inhibit_policy_mapping })
    }
}

/// policyMappings (RFC 5280 §4.2.1.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolicyMappings<'a> {
    content: &'a [u8],
}

impl<'a> PolicyMappings<'a> {
    /// Parses the extension value.
    pub fn parse(v: &'a [u8]) -> Result<Self, Asn1Error> {
        let seq = Tlv::parse(v)?.expect(tag::SEQUENCE)?;
        for m in seq.reader() {
            Self::item(m?)?;
        }
        Ok(Self { content: seq.value })
    }

    fn item(t: Tlv<'a>) -> Result<(Oid<'a>, Oid<'a>), Asn1Error> {
        let mut r = t.expect(tag::SEQUENCE)?.reader();
        let bad = Asn1Error::InvalidValue("malformed policy identifier");
        let issuer = Oid::new(r.read_tag(tag::OID)?.value).ok_or(bad)?;
        let subject = Oid::new(r.read_tag(tag::OID)?.value).ok_or(bad)?;
        r.finish()?;
        Ok((issuer, subject))
    }

    /// (issuerDomainPolicy, subjectDomainPolicy) pairs.
    pub fn iter(&self) -> impl Iterator<Item = (Oid<'a>, Oid<'a>)> + 'a {
        Reader::new(self.content).filter_map(|t| Self::item(t.ok()?).ok())
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.content.is_empty()
    }
}

/// The embedded SignedCertificateTimestampList (RFC 6962 §3.3): an OCTET STRING holding a
/// TLS-encoded list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SctList<'a> {
    list: &'a [u8],
}

/// The fixed header of one SCT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sct<'a> {
    /// Version (0 = v1).
    pub version: u8,
    /// The log's id (SHA-256 of its key).
    pub log_id: &'a [u8],
    /// Milliseconds since the Unix epoch.
    pub timestamp: u64,
    /// The whole serialized SCT.
    pub raw: &'a [u8],
}

fn tls_u16_prefixed(b: &[u8]) -> Option<(&[u8], &[u8])> {
    let (len, rest) = b.split_at_checked(2)?;
    let n = usize::from(u16::from_be_bytes([*len.first()?, *len.get(1)?]));
    rest.split_at_checked(n)
}

impl<'a> SctList<'a> {
    /// Parses the extension value, checking every length prefix and SCT header.
    pub fn parse(v: &'a [u8]) -> Result<Self, Asn1Error> {
        let os = Tlv::parse(v)?.expect(tag::OCTET_STRING)?;
        let bad = Asn1Error::InvalidValue("SCT list TLS encoding is inconsistent");
        let (list, rest) = tls_u16_prefixed(os.value).ok_or(bad)?;
        if !rest.is_empty() {
            return Err(bad);
        }
        let out = Self { list };
        let mut remaining = list;
        while !remaining.is_empty() {
            let (sct, rest) = tls_u16_prefixed(remaining).ok_or(bad)?;
            Self::header(sct).ok_or(bad)?;
            remaining = rest;
        }
        Ok(out)
    }

    fn header(sct: &'a [u8]) -> Option<Sct<'a>> {
        let (&version, rest) = sct.split_first()?;
        let (log_id, rest) = rest.split_at_checked(32)?;
        let (ts, _) = rest.split_at_checked(8)?;
        let timestamp = ts.iter().fold(0u64, |a, &b| (a << 8) | u64::from(b));
        Some(Sct { version, log_id, timestamp, raw: sct })
    }

    /// The SCTs, in order.
    pub fn iter(&self) -> impl Iterator<Item = Sct<'a>> + 'a {
        let mut remaining = self.list;
        core::iter::from_fn(move || {
            let (sct, rest) = tls_u16_prefixed(remaining)?;
            remaining = rest;
            Self::header(sct)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::policy;
    use crate::testutil::der::*;
    use alloc::vec::Vec;

    /// The element checks by `parse`, which the accessors of a parsed value skip.
    fn checked<'a, T, U>(
        content: &'a [u8],
        item: impl Fn(Tlv<'a>) -> Result<T, Asn1Error>,
        f: impl Fn(T) -> U,
    ) -> Vec<U> {
        Reader::new(content).map(|t| f(item(t.unwrap()).unwrap())).collect()
    }

    #[test]
    fn parsed_views_iterate_as_the_checks_read() {
        let cps = seq(&[&oid(&policy::QT_CPS), &tlv(tag::IA5_STRING, b"http://x")]);
        let bare = seq(&[&oid(&policy::QT_UNOTICE)]);
        let cp = seq(&[&seq(&[&oid(&policy::DV)]), &seq(&[&oid(&policy::OV), &seq(&[&cps, &bare])])]);
        let parsed = CertificatePolicies::parse(&cp).unwrap();
        let content = Tlv::parse(&cp).unwrap().value;
        let want = checked(content, PolicyInformation::from_tlv, |p| {
            (p, p.qualifiers_checked().map(Result::unwrap).collect::<Vec<_>>())
        });
        let got: Vec<_> = parsed.policies().map(|p| (p, p.qualifiers().collect::<Vec<_>>())).collect();
        assert_eq!(got, want);
        assert_eq!(got.iter().map(|(_, q)| q.len()).sum::<usize>(), 2);

        let uri = ctx_prim(6, b"http://x");
        let aia = seq(&[&seq(&[&oid(&crate::oid::access::OCSP), &uri]), &seq(&[&oid(&policy::DV), &ctx_prim(9, b"")])]);
        let content = Tlv::parse(&aia).unwrap().value;
        let got: Vec<_> = AccessDescriptions::parse(&aia).unwrap().iter().collect();
        assert_eq!(got, checked(content, AccessDescriptions::item, |d| d));
        assert!(got.len() == 2 && got.iter().any(|d| d.location.is_err()));

        let names = seq(&[&uri]);
        let dps = seq(&[
            &seq(&[&ctx_cons(0, &ctx_cons(0, &uri))]),
            &seq(&[&ctx_cons(0, &ctx_cons(1, &set(&[&seq(&[&oid(&policy::DV), &null()])]))), &ctx_prim(1, &[7, 0x80])]),
            &seq(&[&ctx_cons(2, &names[2..])]),
            &seq(&[]),
        ]);
        let content = Tlv::parse(&dps).unwrap().value;
        let got: Vec<_> = DistributionPoints::parse(&dps).unwrap().iter().collect();
        assert_eq!(got, checked(content, DistributionPoints::item, |d| d));
        assert_eq!(got.len(), 4);
    }
}
