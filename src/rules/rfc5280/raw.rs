//! Raw-byte helpers shared by the encoding, name and validity rules: the TBS fields as
//! encoded (even when a typed accessor refuses them), and a walker over every DER element
//! of the certificate, including the DER nested inside extension values and RSA keys.

use alloc::{format, string::String};

use crate::asn1::{self, tag, Asn1Error, Reader, Tlv};
use crate::cert::extension_name;
use crate::oid::alg;
use crate::Certificate;

/// The TBSCertificate fields as encoded, by position. A field is `None` when the TBS ends
/// (or cannot be framed) before it.
#[derive(Default)]
pub(super) struct RawTbs<'a> {
    pub issuer: Option<Tlv<'a>>,
    pub validity: Option<Tlv<'a>>,
    pub subject: Option<Tlv<'a>>,
}

/// Locates the TBS fields by position, without judging their content.
pub(super) fn raw_tbs(cert: &Certificate) -> RawTbs<'_> {
    let mut out = RawTbs::default();
    let Ok(tbs) = Tlv::parse(cert.tbs_der()) else { return out };
    let mut r = tbs.reader();
    if r.peek_tag() == Some(tag::context_constructed(0)) && r.read().is_err() {
        return out;
    }
    // serialNumber, signature
    for _ in 0..2 {
        if r.read().is_err() {
            return out;
        }
    }
    out.issuer = r.read().ok();
    out.validity = r.read().ok();
    out.subject = r.read().ok();
    out
}

/// Whether a universal tag number (low five bits) names a string type (X.680 §8.6):
/// BIT STRING, OCTET STRING, the character strings and the two time types.
pub(super) fn is_string_tag_number(n: u8) -> bool {
    matches!(n, 3 | 4 | 12 | 18..=30)
}

/// A visitor over DER elements: gets each element (or the framing error that stopped the
/// walk) and returns what is wrong with it, if anything.
pub(super) type Visitor<'v, 'a> = dyn FnMut(Result<&Tlv<'a>, Asn1Error>) -> Option<&'static str> + 'v;

/// Walks `input` depth first, calling `f` on every element and descending into
/// constructed ones. Returns the offset (from the start of `input`) and defect of the first
/// element `f` objects to.
pub(super) fn walk<'a>(input: &'a [u8], f: &mut Visitor<'_, 'a>) -> Option<(usize, &'static str)> {
    walk_at(input, 0, 0, f)
}

fn walk_at<'a>(input: &'a [u8], base: usize, depth: usize, f: &mut Visitor<'_, 'a>) -> Option<(usize, &'static str)> {
    if depth > asn1::MAX_DEPTH {
        return None;
    }
    let mut r = Reader::new(input);
    while !r.is_empty() {
        let at = base + (input.len() - r.remaining().len());
        let tlv = match r.read() {
            Ok(t) => t,
            Err(e) => return f(Err(e)).map(|what| (at, what)),
        };
        let offset = base + tlv.offset;
        if let Some(what) = f(Ok(&tlv)) {
            return Some((offset, what));
        }
        if tlv.is_constructed() {
            if let Some(hit) = walk_at(tlv.value, offset + tlv.header_len(), depth + 1, f) {
                return Some(hit);
            }
        }
    }
    None
}

/// Runs `f` over every element of the certificate: the certificate itself, the DER inside
/// each extension value, and the DER inside an RSA subjectPublicKey. Returns a message
/// naming the defect and where it was found.
pub(super) fn scan<'a>(cert: &'a Certificate, f: &mut Visitor<'_, 'a>) -> Option<String> {
    if let Some((at, what)) = walk(cert.der(), f) {
        return Some(format!("{what} (certificate byte {at})"));
    }
    for ext in cert.extensions() {
        if ext.error.is_some() {
            continue;
        }
        if let Some((at, what)) = walk(ext.value, f) {
            return Some(format!("{what} (in {} value, byte {at})", extension_name(ext.oid_raw)));
        }
    }
    if let Ok(spki) = cert.spki() {
        let oid = spki.algorithm.oid;
        if oid.is(&alg::RSA_ENCRYPTION) || oid.is(&alg::RSASSA_PSS) {
            if let Some((at, what)) = walk(spki.key, f) {
                return Some(format!("{what} (in subjectPublicKey, byte {at})"));
            }
        }
    }
    None
}
