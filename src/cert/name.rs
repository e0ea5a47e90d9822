//! Distinguished names (RFC 5280 §4.1.2.4), as borrowed views.

use alloc::vec::Vec;
use core::{fmt, ops::Range};

use crate::asn1::{tag, Asn1Error, Reader, Tlv};
use crate::oid::{attr, ObjectIdentifier, Oid};

/// A `Name` (RDNSequence), checked for shape when the certificate was decoded.
#[derive(Clone, Copy)]
pub struct Name<'a> {
    raw: &'a [u8],
    decoded: Option<Decoded<'a>>,
}

/// One relative distinguished name: a SET OF attributes.
#[derive(Clone, Copy)]
pub struct Rdn<'a> {
    raw: &'a [u8],
    decoded: Option<Decoded<'a>>,
}

/// One attribute of a certificate's subject or issuer, as ranges of the certificate's DER:
/// the certificate decodes its two names once, and the dozens of name rules iterate these
/// instead of parsing the names again.
#[derive(Debug, Clone)]
pub(crate) struct AtvSpan {
    rdn: Range<u32>,
    oid: Range<u32>,
    tag: u8,
    value: Range<u32>,
    value_raw: Range<u32>,
}

/// The attributes of a name (or of one RDN) decoded in advance, and the DER they index.
#[derive(Clone, Copy)]
struct Decoded<'a> {
    der: &'a [u8],
    atvs: &'a [AtvSpan],
}

impl<'a> Decoded<'a> {
    fn slice(&self, r: &Range<u32>) -> &'a [u8] {
        super::slice_of(self.der, r)
    }

    fn attribute(&self, a: &AtvSpan) -> AttributeTypeAndValue<'a> {
        AttributeTypeAndValue {
            oid: Oid::new_unchecked(self.slice(&a.oid)),
            tag: a.tag,
            value: self.slice(&a.value),
            value_raw: self.slice(&a.value_raw),
        }
    }

    fn attributes(self) -> impl Iterator<Item = AttributeTypeAndValue<'a>> + 'a {
        self.atvs.iter().map(move |a| self.attribute(a))
    }
}

/// One of two iterators.
enum Either<A, B> {
    Left(A),
    Right(B),
}

impl<T, A: Iterator<Item = T>, B: Iterator<Item = T>> Iterator for Either<A, B> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        match self {
            Self::Left(a) => a.next(),
            Self::Right(b) => b.next(),
        }
    }
}

/// Walks a whole Name element, checking its shape, and hands each attribute to `f` with
/// its RDN.
fn walk<'a>(raw: &'a [u8], mut f: impl FnMut(&Tlv<'a>, AttributeTypeAndValue<'a>)) -> Result<(), Asn1Error> {
    let seq = Tlv::parse(raw)?.expect(tag::SEQUENCE)?;
    for rdn in seq.reader() {
        let rdn = rdn?.expect(tag::SET)?;
        if rdn.value.is_empty() {
            return Err(Asn1Error::InvalidValue("empty RelativeDistinguishedName"));
        }
        for atv in rdn.reader() {
            f(&rdn, parse_atv(atv?)?);
        }
    }
    Ok(())
}

/// The bit of an attribute type in a name's [`type_set`]: 2.5.4.n for n < 120 (the X.520
/// types, which are nearly all a certificate holds) has bit n, the types in [`OTHER_TYPES`]
/// the bits from 120 up, every other type [`OTHER_TYPE`].
#[inline]
pub(crate) fn type_bit(oid: &[u8]) -> u128 {
    match *oid {
        [0x55, 0x04, n] if n < 120 => 1 << n,
        _ => match OTHER_TYPES.iter().position(|t| t.as_bytes() == oid) {
            Some(i) => 1 << (120 + i),
            None => OTHER_TYPE,
        },
    }
}

/// The attribute types outside 2.5.4 that rules ask about.
static OTHER_TYPES: [&ObjectIdentifier; 6] = [
    &attr::EMAIL_ADDRESS,
    &attr::DOMAIN_COMPONENT,
    &attr::USER_ID,
    &attr::JURISDICTION_LOCALITY,
    &attr::JURISDICTION_STATE_OR_PROVINCE,
    &attr::JURISDICTION_COUNTRY,
];

/// The [`type_bit`] shared by every attribute type without a bit of its own.
pub(crate) const OTHER_TYPE: u128 = 1 << 127;

/// The [`type_bit`]s of a decoded name's attributes.
pub(crate) fn type_set(der: &[u8], atvs: &[AtvSpan]) -> u128 {
    atvs.iter().fold(0, |set, a| set | type_bit(super::slice_of(der, &a.oid)))
}

/// Checks a Name at `span` of `der` as [`Name::parse`] does, and lists its attributes.
pub(crate) fn decode_name(der: &[u8], span: &Range<u32>) -> Result<Vec<AtvSpan>, Asn1Error> {
    let raw = super::slice_of(der, span);
    let at = |part: &[u8]| super::span_of(der, part);
    let mut out = Vec::new();
    walk(raw, |rdn, a| {
        out.push(AtvSpan {
            rdn: at(rdn.raw),
            oid: at(a.oid.as_bytes()),
            tag: a.tag,
            value: at(a.value),
            value_raw: at(a.value_raw),
        })
    })?;
    Ok(out)
}

impl PartialEq for Name<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl Eq for Name<'_> {}

impl PartialEq for Rdn<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl Eq for Rdn<'_> {}

impl fmt::Debug for Rdn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rdn").field("raw", &self.raw).finish()
    }
}

/// One attribute: its type and its value, with the value's string tag.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct AttributeTypeAndValue<'a> {
    /// The attribute type.
    pub oid: Oid<'a>,
    /// The tag of the value (e.g. [`tag::PRINTABLE_STRING`]).
    pub tag: u8,
    /// The value's content octets.
    pub value: &'a [u8],
    /// The value's whole encoding.
    pub value_raw: &'a [u8],
}

impl<'a> Name<'a> {
    /// Checks the shape `SEQUENCE OF SET OF SEQUENCE { OID, ANY }` of a whole Name element.
    pub fn parse(raw: &'a [u8]) -> Result<Self, Asn1Error> {
        walk(raw, |_, _| {})?;
        Ok(Self { raw, decoded: None })
    }

    /// A name that [`decode_name`] accepted, with the attributes it listed.
    pub(crate) fn decoded(raw: &'a [u8], der: &'a [u8], atvs: &'a [AtvSpan]) -> Self {
        Self { raw, decoded: Some(Decoded { der, atvs }) }
    }

    /// The whole encoded Name, for byte comparison (RFC 5280 §7.1 name chaining).
    pub fn raw(&self) -> &'a [u8] {
        self.raw
    }

    fn content(&self) -> &'a [u8] {
        Tlv::parse(self.raw).map(|t| t.value).unwrap_or_default()
    }

    /// Whether the name has no RDNs.
    pub fn is_empty(&self) -> bool {
        self.content().is_empty()
    }

    /// The RDNs, in encoded order (most significant first).
    pub fn rdns(&self) -> impl Iterator<Item = Rdn<'a>> + 'a {
        match self.decoded {
            // A decoded name has no empty RDN: each RDN is a run of attributes.
            Some(d) => Either::Left(d.atvs.chunk_by(|a, b| a.rdn == b.rdn).filter_map(move |atvs| {
                let raw = d.slice(&atvs.first()?.rdn);
                Some(Rdn { raw, decoded: Some(Decoded { der: d.der, atvs }) })
            })),
            None => Either::Right(
                Reader::new(self.content()).filter_map(|t| t.ok()).map(|t| Rdn { raw: t.raw, decoded: None }),
            ),
        }
    }

    /// Whether an RDN holds more than one attribute.
    pub(crate) fn has_multi_valued_rdn(&self) -> bool {
        match self.decoded {
            Some(d) => d.atvs.windows(2).any(|w| matches!(w, [a, b] if a.rdn == b.rdn)),
            None => self.rdns().any(|r| r.len() > 1),
        }
    }

    /// Every attribute, flattened across RDNs.
    pub fn attributes(&self) -> impl Iterator<Item = AttributeTypeAndValue<'a>> + 'a {
        match self.decoded {
            Some(d) => Either::Left(d.attributes()),
            None => Either::Right(self.rdns().flat_map(|r| r.attributes())),
        }
    }

    /// Every attribute of a type.
    pub fn attributes_of(&self, oid: &'a ObjectIdentifier) -> impl Iterator<Item = AttributeTypeAndValue<'a>> + 'a {
        self.attributes().filter(move |a| a.oid.is(oid))
    }

    /// The first attribute of a type.
    pub fn first(&self, oid: &ObjectIdentifier) -> Option<AttributeTypeAndValue<'a>> {
        self.attributes().find(|a| a.oid.is(oid))
    }

    /// Whether an attribute of this type is present.
    pub fn has(&self, oid: &ObjectIdentifier) -> bool {
        self.first(oid).is_some()
    }
}

impl<'a> Rdn<'a> {
    /// The whole SET element.
    pub fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// The attributes of this RDN.
    pub fn attributes(&self) -> impl Iterator<Item = AttributeTypeAndValue<'a>> + 'a {
        match self.decoded {
            Some(d) => Either::Left(d.attributes()),
            None => {
                let content = Tlv::parse(self.raw).map(|t| t.value).unwrap_or_default();
                Either::Right(Reader::new(content).filter_map(|t| parse_atv(t.ok()?).ok()))
            }
        }
    }

    /// How many attributes it holds (more than one: a multi-valued RDN).
    pub fn len(&self) -> usize {
        match self.decoded {
            Some(d) => d.atvs.len(),
            None => self.attributes().count(),
        }
    }

    /// Whether it holds no attribute.
    pub fn is_empty(&self) -> bool {
        self.attributes().next().is_none()
    }
}

fn parse_atv(t: Tlv<'_>) -> Result<AttributeTypeAndValue<'_>, Asn1Error> {
    let seq = t.expect(tag::SEQUENCE)?;
    let mut r = seq.reader();
    let oid = r.read_tag(tag::OID)?;
    let oid = Oid::new(oid.value).ok_or(Asn1Error::InvalidValue("malformed attribute type"))?;
    let value = r.read()?;
    r.finish()?;
    Ok(AttributeTypeAndValue { oid, tag: value.tag, value: value.value, value_raw: value.raw })
}

impl<'a> AttributeTypeAndValue<'a> {
    /// The value as text when its string type is single-byte or UTF-8 and it decodes:
    /// UTF8String, PrintableString, IA5String, VisibleString, NumericString, and
    /// TeletexString holding ASCII. BMPString and UniversalString need [`Self::decode`].
    pub fn as_str(&self) -> Option<&'a str> {
        match self.tag {
            tag::UTF8_STRING | tag::PRINTABLE_STRING | tag::IA5_STRING | tag::VISIBLE_STRING | tag::NUMERIC_STRING => {
                core::str::from_utf8(self.value).ok()
            }
            tag::TELETEX_STRING if self.value.is_ascii() => core::str::from_utf8(self.value).ok(),
            _ => None,
        }
    }

    /// The characters of the value for any string type, or `None` if the content is not
    /// valid for its type (bad UTF-8, odd BMPString length, surrogates, ...).
    pub fn decode(&self) -> Option<DecodedChars<'a>> {
        let width = match self.tag {
            tag::BMP_STRING => 2,
            tag::UNIVERSAL_STRING => 4,
            _ => return self.as_str().map(DecodedChars::Str),
        };
        if self.value.len() % width != 0 {
            return None;
        }
        let wide = DecodedChars::Wide { bytes: self.value, width };
        wide.clone().all(|c| c.is_some()).then_some(wide)
    }

    /// Number of characters of the value (for upper bounds such as `ub-common-name` = 64).
    pub fn char_len(&self) -> Option<usize> {
        self.decode().map(|d| d.count())
    }
}

/// Characters of a decoded string value, without allocating.
#[derive(Clone, Debug)]
pub enum DecodedChars<'a> {
    /// A UTF-8 or single-byte string.
    Str(&'a str),
    /// BMPString (width 2) or UniversalString (width 4), big-endian.
    Wide {
        /// Remaining bytes.
        bytes: &'a [u8],
        /// Bytes per character.
        width: usize,
    },
}

impl Iterator for DecodedChars<'_> {
    type Item = Option<char>;

    fn next(&mut self) -> Option<Option<char>> {
        match self {
            Self::Str(s) => {
                let mut it = s.chars();
                let c = it.next()?;
                *s = it.as_str();
                Some(Some(c))
            }
            Self::Wide { bytes, width } => {
                let (head, rest) = bytes.split_at_checked(*width)?;
                *bytes = rest;
                let code = head.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b));
                Some(char::from_u32(code))
            }
        }
    }
}

impl fmt::Debug for Name<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Name({self})")
    }
}

impl fmt::Display for Name<'_> {
    /// An RFC 4514-like rendering, most significant RDN first as encoded
    /// (`C=US, O=Example, CN=example.com`), for messages and reports.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::oid::attr::*;
        let mut first = true;
        for rdn in self.rdns() {
            for (i, a) in rdn.attributes().enumerate() {
                if !first {
                    f.write_str(if i > 0 { " + " } else { ", " })?;
                }
                first = false;
                let label = [
                    (&COMMON_NAME, "CN"),
                    (&COUNTRY, "C"),
                    (&ORGANIZATION, "O"),
                    (&ORGANIZATIONAL_UNIT, "OU"),
                    (&LOCALITY, "L"),
                    (&STATE_OR_PROVINCE, "ST"),
                    (&STREET_ADDRESS, "street"),
                    (&DOMAIN_COMPONENT, "DC"),
                    (&SERIAL_NUMBER, "serialNumber"),
                    (&EMAIL_ADDRESS, "emailAddress"),
                    (&ORGANIZATION_IDENTIFIER, "organizationIdentifier"),
                ]
                .iter()
                .find(|(o, _)| a.oid.is(o))
                .map(|(_, l)| *l);
                match label {
                    Some(l) => f.write_str(l)?,
                    None => write!(f, "{}", a.oid)?,
                }
                f.write_str("=")?;
                match a.decode() {
                    Some(chars) => {
                        for c in chars {
                            let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
                            if matches!(c, ',' | '+' | '\\' | '"' | '<' | '>' | ';') {
                                f.write_str("\\")?;
                            }
                            fmt::Write::write_char(f, c)?;
                        }
                    }
                    None => {
                        f.write_str("#")?;
                        for b in a.value_raw {
                            write!(f, "{b:02x}")?;
                        }
                    }
                }
            }
        }
        Ok(())
    }
}
