//! A minimal DER encoder for tests: every function returns a whole element.

use alloc::{vec, vec::Vec};

pub use crate::asn1::tag;
use crate::oid::ObjectIdentifier;
use crate::Time;

/// Tag, definite minimal length, content.
pub fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = (len as u64).to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (8 - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(content);
    out
}

/// SEQUENCE of the given elements.
pub fn seq(items: &[&[u8]]) -> Vec<u8> {
    tlv(tag::SEQUENCE, &items.concat())
}

/// SEQUENCE of owned elements.
pub fn seq_vec(items: &[Vec<u8>]) -> Vec<u8> {
    tlv(tag::SEQUENCE, &items.concat())
}

/// SET of the given elements (in the order given).
pub fn set(items: &[&[u8]]) -> Vec<u8> {
    tlv(tag::SET, &items.concat())
}

/// OBJECT IDENTIFIER.
pub fn oid(o: &ObjectIdentifier) -> Vec<u8> {
    tlv(tag::OID, o.as_bytes())
}

/// INTEGER from a u64 (minimal).
pub fn int(v: u64) -> Vec<u8> {
    let bytes = v.to_be_bytes();
    let skip = bytes.iter().take_while(|b| **b == 0).count().min(7);
    uint_bytes(&bytes[skip..])
}

/// INTEGER from an unsigned big-endian magnitude (a 0x00 is prepended when needed).
pub fn uint_bytes(magnitude: &[u8]) -> Vec<u8> {
    let mut content = Vec::new();
    if magnitude.first().is_some_and(|b| b & 0x80 != 0) {
        content.push(0);
    }
    content.extend_from_slice(magnitude);
    tlv(tag::INTEGER, &content)
}

/// BOOLEAN in DER.
pub fn boolean(v: bool) -> Vec<u8> {
    tlv(tag::BOOLEAN, &[if v { 0xff } else { 0 }])
}

/// NULL.
pub fn null() -> Vec<u8> {
    tlv(tag::NULL, &[])
}

/// OCTET STRING.
pub fn octet_string(v: &[u8]) -> Vec<u8> {
    tlv(tag::OCTET_STRING, v)
}

/// BIT STRING with an unused-bits count.
pub fn bit_string(unused: u8, bytes: &[u8]) -> Vec<u8> {
    let mut c = vec![unused];
    c.extend_from_slice(bytes);
    tlv(tag::BIT_STRING, &c)
}

/// Context-specific primitive `[n]`.
pub fn ctx_prim(n: u8, content: &[u8]) -> Vec<u8> {
    tlv(0x80 | n, content)
}

/// Context-specific constructed `[n]`.
pub fn ctx_cons(n: u8, content: &[u8]) -> Vec<u8> {
    tlv(0xa0 | n, content)
}

/// UTCTime `YYMMDDHHMMSSZ`.
pub fn utc_time(t: Time) -> Vec<u8> {
    let (y, mo, d, h, mi, s) = t.to_civil();
    let text = alloc::format!("{:02}{mo:02}{d:02}{h:02}{mi:02}{s:02}Z", y % 100);
    tlv(tag::UTC_TIME, text.as_bytes())
}

/// GeneralizedTime `YYYYMMDDHHMMSSZ`.
pub fn generalized_time(t: Time) -> Vec<u8> {
    let (y, mo, d, h, mi, s) = t.to_civil();
    let text = alloc::format!("{y:04}{mo:02}{d:02}{h:02}{mi:02}{s:02}Z");
    tlv(tag::GENERALIZED_TIME, text.as_bytes())
}

/// UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5).
pub fn rfc5280_time(t: Time) -> Vec<u8> {
    if t.to_civil().0 < 2050 {
        utc_time(t)
    } else {
        generalized_time(t)
    }
}
