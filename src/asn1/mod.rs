//! A lenient, borrowing DER reader.
//!
//! x509-cert decodes strictly and refuses exactly the defects a linter must report, so the
//! outer structure of a certificate is walked here instead: every element is located by byte
//! range, and deviations from DER that still leave the structure readable (non-minimal length
//! octets) are recorded rather than rejected. Nothing here allocates.

mod time;

pub use time::{parse_generalized_time, parse_utc_time, TimeError};

use core::fmt;

/// Universal and context tags used by the certificate profile.
pub mod tag {
    /// BOOLEAN
    pub const BOOLEAN: u8 = 0x01;
    /// INTEGER
    pub const INTEGER: u8 = 0x02;
    /// BIT STRING
    pub const BIT_STRING: u8 = 0x03;
    /// OCTET STRING
    pub const OCTET_STRING: u8 = 0x04;
    /// NULL
    pub const NULL: u8 = 0x05;
    /// OBJECT IDENTIFIER
    pub const OID: u8 = 0x06;
    /// ENUMERATED
    pub const ENUMERATED: u8 = 0x0a;
    /// UTF8String
    pub const UTF8_STRING: u8 = 0x0c;
    /// NumericString
    pub const NUMERIC_STRING: u8 = 0x12;
    /// PrintableString
    pub const PRINTABLE_STRING: u8 = 0x13;
    /// TeletexString (T61String)
    pub const TELETEX_STRING: u8 = 0x14;
    /// IA5String
    pub const IA5_STRING: u8 = 0x16;
    /// UTCTime
    pub const UTC_TIME: u8 = 0x17;
    /// GeneralizedTime
    pub const GENERALIZED_TIME: u8 = 0x18;
    /// VisibleString
    pub const VISIBLE_STRING: u8 = 0x1a;
    /// UniversalString
    pub const UNIVERSAL_STRING: u8 = 0x1c;
    /// BMPString
    pub const BMP_STRING: u8 = 0x1e;
    /// SEQUENCE (constructed)
    pub const SEQUENCE: u8 = 0x30;
    /// SET (constructed)
    pub const SET: u8 = 0x31;

    /// A context-specific, primitive tag `[n]`.
    pub const fn context(n: u8) -> u8 {
        0x80 | n
    }
    /// A context-specific, constructed tag `[n]`.
    pub const fn context_constructed(n: u8) -> u8 {
        0xa0 | n
    }

    /// A human name for a tag byte, for messages.
    pub fn name(tag: u8) -> &'static str {
        match tag {
            BOOLEAN => "BOOLEAN",
            INTEGER => "INTEGER",
            BIT_STRING => "BIT STRING",
            OCTET_STRING => "OCTET STRING",
            NULL => "NULL",
            OID => "OBJECT IDENTIFIER",
            ENUMERATED => "ENUMERATED",
            UTF8_STRING => "UTF8String",
            NUMERIC_STRING => "NumericString",
            PRINTABLE_STRING => "PrintableString",
            TELETEX_STRING => "TeletexString",
            IA5_STRING => "IA5String",
            UTC_TIME => "UTCTime",
            GENERALIZED_TIME => "GeneralizedTime",
            VISIBLE_STRING => "VisibleString",
            UNIVERSAL_STRING => "UniversalString",
            BMP_STRING => "BMPString",
            SEQUENCE => "SEQUENCE",
            SET => "SET",
            t if t & 0xc0 == 0x80 => "context-specific tag",
            _ => "unexpected tag",
        }
    }
}

/// Why bytes could not be read as DER.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asn1Error {
    /// The input ended inside a tag, length or value.
    Truncated,
    /// Tag numbers of 31 and above never occur in a certificate.
    HighTagNumber,
    /// BER indefinite length (0x80), never allowed in DER.
    IndefiniteLength,
    /// A length that does not fit the input or a `usize`.
    LengthOverflow,
    /// An element had a tag other than the one the syntax requires.
    UnexpectedTag {
        /// The tag the syntax calls for.
        expected: u8,
        /// The tag found.
        found: u8,
    },
    /// Bytes were left after the last element of a structure.
    TrailingData,
    /// A value whose content is not valid for its type.
    InvalidValue(&'static str),
}

impl fmt::Display for Asn1Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Truncated => f.write_str("truncated DER element"),
            Self::HighTagNumber => f.write_str("high tag number form is not used in certificates"),
            Self::IndefiniteLength => f.write_str("indefinite length (BER) is not DER"),
            Self::LengthOverflow => f.write_str("length exceeds the input: truncated"),
            Self::UnexpectedTag { expected, found } => write!(
                f,
                "expected {} (0x{expected:02x}), found {} (0x{found:02x})",
                tag::name(*expected),
                tag::name(*found)
            ),
            Self::TrailingData => f.write_str("trailing data after the last element"),
            Self::InvalidValue(why) => f.write_str(why),
        }
    }
}

/// One tag-length-value element, borrowed from the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tlv<'a> {
    /// The identifier octet.
    pub tag: u8,
    /// The content octets.
    pub value: &'a [u8],
    /// The whole element, header included.
    pub raw: &'a [u8],
    /// Offset of the element from the start of the buffer the reader was created over.
    pub offset: usize,
    /// The length octets were not in minimal form (valid BER, not DER).
    pub non_minimal_length: bool,
}

impl<'a> Tlv<'a> {
    /// Reads exactly one element from `input`, which must hold nothing else.
    pub fn parse(input: &'a [u8]) -> Result<Self, Asn1Error> {
        let mut r = Reader::new(input);
        let tlv = r.read()?;
        if !r.is_empty() {
            return Err(Asn1Error::TrailingData);
        }
        Ok(tlv)
    }

    /// Whether the constructed bit is set.
    pub fn is_constructed(&self) -> bool {
        self.tag & 0x20 != 0
    }

    /// A reader over the content octets (for constructed elements).
    pub fn reader(&self) -> Reader<'a> {
        Reader::new(self.value)
    }

    /// Fails unless the element carries `tag`.
    pub fn expect(self, tag: u8) -> Result<Self, Asn1Error> {
        if self.tag == tag {
            Ok(self)
        } else {
            Err(Asn1Error::UnexpectedTag { expected: tag, found: self.tag })
        }
    }

    /// Length of the header (tag and length octets).
    pub fn header_len(&self) -> usize {
        self.raw.len() - self.value.len()
    }
}

/// A forward reader over a sequence of DER elements.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader over `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Self { data, pos: 0 }
    }

    /// Whether every element has been read.
    pub fn is_empty(&self) -> bool {
        self.pos >= self.data.len()
    }

    /// Bytes not read yet.
    pub fn remaining(&self) -> &'a [u8] {
        self.data.get(self.pos..).unwrap_or_default()
    }

    /// The tag of the next element, if any.
    pub fn peek_tag(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    /// Reads the next element.
    pub fn read(&mut self) -> Result<Tlv<'a>, Asn1Error> {
        let start = self.pos;
        let rest = self.remaining();
        let (&tag, after_tag) = rest.split_first().ok_or(Asn1Error::Truncated)?;
        if tag & 0x1f == 0x1f {
            return Err(Asn1Error::HighTagNumber);
        }
        let (&first, mut after_len) = after_tag.split_first().ok_or(Asn1Error::Truncated)?;
        let mut non_minimal_length = false;
        let len = if first < 0x80 {
            usize::from(first)
        } else if first == 0x80 {
            return Err(Asn1Error::IndefiniteLength);
        } else {
            let n = usize::from(first & 0x7f);
            if n > core::mem::size_of::<usize>() {
                return Err(Asn1Error::LengthOverflow);
            }
            let (len_bytes, rest) = after_len.split_at_checked(n).ok_or(Asn1Error::Truncated)?;
            after_len = rest;
            let mut len = 0usize;
            for &b in len_bytes {
                len = (len << 8) | usize::from(b);
            }
            if len < 0x80 || len_bytes.first() == Some(&0) {
                non_minimal_length = true;
            }
            len
        };
        let value = after_len.get(..len).ok_or(Asn1Error::LengthOverflow)?;
        let header = rest.len() - after_len.len();
        let total = header + len;
        self.pos += total;
        Ok(Tlv { tag, value, raw: rest.get(..total).unwrap_or_default(), offset: start, non_minimal_length })
    }

    /// Reads the next element and checks its tag.
    pub fn read_tag(&mut self, tag: u8) -> Result<Tlv<'a>, Asn1Error> {
        self.read()?.expect(tag)
    }

    /// Reads the next element if it carries `tag`.
    pub fn read_optional(&mut self, tag: u8) -> Result<Option<Tlv<'a>>, Asn1Error> {
        if self.peek_tag() == Some(tag) {
            self.read().map(Some)
        } else {
            Ok(None)
        }
    }

    /// Fails if anything is left.
    pub fn finish(&self) -> Result<(), Asn1Error> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(Asn1Error::TrailingData)
        }
    }
}

impl<'a> Iterator for Reader<'a> {
    type Item = Result<Tlv<'a>, Asn1Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.is_empty() {
            return None;
        }
        let item = self.read();
        if item.is_err() {
            // Stop after the first error: the rest cannot be framed.
            self.pos = self.data.len();
        }
        Some(item)
    }
}

/// Maximum nesting depth walked by [`first_non_der`]; deeper input is reported as such.
pub const MAX_DEPTH: usize = 24;

/// A place where an encoding is valid BER but not DER.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NonDer {
    /// Offset of the offending element in the walked buffer.
    pub offset: usize,
    /// What is wrong.
    pub what: &'static str,
}

/// Walks `input` recursively (constructed universal types and context tags whose content
/// parses as elements) and returns the first DER violation found in framing and in the
/// primitive types whose DER form is checkable without a schema: non-minimal lengths,
/// BOOLEAN other than 0x00/0xff, non-minimal INTEGER, BIT STRING with unused bits that are
/// not zero. Used by the encoding rules; bounded by [`MAX_DEPTH`].
pub fn first_non_der(input: &[u8]) -> Option<NonDer> {
    walk_der(input, 0, 0)
}

fn walk_der(input: &[u8], base: usize, depth: usize) -> Option<NonDer> {
    if depth > MAX_DEPTH {
        return Some(NonDer { offset: base, what: "nesting deeper than the walker follows" });
    }
    let mut r = Reader::new(input);
    while !r.is_empty() {
        let tlv = match r.read() {
            Ok(t) => t,
            Err(_) => return None, // framing errors are reported by the structure rules
        };
        let offset = base + tlv.offset;
        if tlv.non_minimal_length {
            return Some(NonDer { offset, what: "length octets are not in minimal form" });
        }
        if let Some(what) = primitive_non_der(&tlv) {
            return Some(NonDer { offset, what });
        }
        if tlv.is_constructed() {
            if tlv.tag == tag::SET {
                if let Some(v) = set_order_violation(tlv.value) {
                    return Some(NonDer {
                        offset: offset + tlv.header_len() + v,
                        what: "SET OF elements are not in DER (ascending) order",
                    });
                }
            }
            if let Some(v) = walk_der(tlv.value, offset + tlv.header_len(), depth + 1) {
                return Some(v);
            }
        }
    }
    None
}

/// The DER violation of a primitive element, if any.
pub fn primitive_non_der(tlv: &Tlv<'_>) -> Option<&'static str> {
    match tlv.tag {
        tag::BOOLEAN => match tlv.value {
            [0x00] | [0xff] => None,
            [_] => Some("BOOLEAN TRUE is not encoded as 0xFF"),
            _ => Some("BOOLEAN is not one octet long"),
        },
        tag::INTEGER | tag::ENUMERATED => match tlv.value {
            [] => Some("INTEGER has no content octets"),
            [0x00, b, ..] if b & 0x80 == 0 => Some("INTEGER has a superfluous leading 0x00"),
            [0xff, b, ..] if b & 0x80 != 0 => Some("INTEGER has a superfluous leading 0xFF"),
            _ => None,
        },
        tag::BIT_STRING => match tlv.value {
            [] => Some("BIT STRING has no unused-bits octet"),
            [unused, ..] if *unused > 7 => Some("BIT STRING unused-bits count above 7"),
            [unused, rest @ ..] => match rest.last() {
                None if *unused != 0 => Some("empty BIT STRING with unused bits"),
                Some(last) if last & ((1u8 << unused) - 1) != 0 => Some("BIT STRING unused bits are not zero"),
                _ => None,
            },
        },
        tag::NULL if !tlv.value.is_empty() => Some("NULL has content octets"),
        _ => None,
    }
}

/// Offset (within `content`) of the first element of a SET OF that sorts before its
/// predecessor, comparing whole encodings as DER requires (X.690 §11.6).
fn set_order_violation(content: &[u8]) -> Option<usize> {
    let mut r = Reader::new(content);
    let mut prev: Option<&[u8]> = None;
    while let Some(Ok(tlv)) = r.next() {
        if let Some(p) = prev {
            if tlv.raw < p {
                return Some(tlv.offset);
            }
        }
        prev = Some(tlv.raw);
    }
    None
}

/// Decodes a DER INTEGER's content as an unsigned value, if it is non-negative and fits.
pub fn uint_value(content: &[u8]) -> Option<u64> {
    if content.first().is_some_and(|b| b & 0x80 != 0) {
        return None;
    }
    let digits = match content {
        [0, rest @ ..] => rest,
        all => all,
    };
    if digits.len() > 8 {
        return None;
    }
    Some(digits.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b)))
}

/// Whether an INTEGER's content octets encode a negative number.
pub fn int_is_negative(content: &[u8]) -> bool {
    content.first().is_some_and(|b| b & 0x80 != 0)
}

/// Whether an INTEGER's content octets encode zero.
pub fn int_is_zero(content: &[u8]) -> bool {
    content.iter().all(|&b| b == 0)
}
