//! Raw-byte helpers shared by the encoding, name and validity rules: the TBS fields as
//! encoded (even when a typed accessor refuses them), and a walker over every DER element
//! of the certificate, including the DER nested inside extension values and RSA keys.

use alloc::{format, string::String};

use crate::asn1::{self, tag, Asn1Error, Reader, Tlv};
use crate::cert::{extension_name, key::RSA_KEYS};
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
pub(super) const fn is_string_tag_number(n: u8) -> bool {
    matches!(n, 3 | 4 | 12 | 18..=30)
}

/// What [`walk`] passes as `Asn1Error::InvalidValue` for a constructed element whose
/// content is too deep to walk.
pub(super) const TOO_DEEP: &str = "nesting deeper than the walker follows";

/// Walks `input` depth first, calling `f` on every element and descending into
/// constructed ones, [`asn1::MAX_DEPTH`] levels deep at most (past that, `f` gets a
/// [`TOO_DEEP`] error after the element). A framing error goes to `f` and ends the walk of
/// the content it is in; the walk resumes after the enclosing element.
/// Returns the offset (from the start of `input`) and defect of the first element or error
/// `f` objects to. The elements `f` gets have their `offset` from the start of `input` too.
///
/// This runs over every element of every certificate, so it is generic over `f` (the
/// visitor inlines) and iterative: a content ends where its element does, so the walk
/// keeps one position and, for each open level, where that level's content ends.
pub(super) fn walk<'a, F>(input: &'a [u8], f: &mut F) -> Option<(usize, &'static str)>
where
    F: FnMut(Result<&Tlv<'a>, Asn1Error>) -> Option<&'static str>,
{
    // `rest` is what is left of the content being read, starting at `pos`; `ends[d]` is
    // where the content at depth `d < depth` ends.
    let mut ends = [0usize; asn1::MAX_DEPTH];
    let mut depth = 0usize;
    let (mut rest, mut pos) = (input, 0);
    loop {
        if rest.is_empty() {
            // Done with this content, and so with its element: go on in the parent.
            depth = depth.checked_sub(1)?;
            let end = ends.get(depth).copied().unwrap_or_default();
            rest = input.get(pos..end).unwrap_or_default();
            continue;
        }
        let (tlv, after) = match read_at(rest, pos) {
            Ok(t) => t,
            Err(e) => {
                if let Some(what) = f(Err(e)) {
                    return Some((pos, what));
                }
                pos += rest.len();
                rest = &[];
                continue;
            }
        };
        if let Some(what) = f(Ok(&tlv)) {
            return Some((pos, what));
        }
        match ends.get_mut(depth) {
            Some(end) if tlv.is_constructed() => {
                *end = pos + rest.len();
                depth += 1;
                pos += tlv.raw.len() - tlv.value.len();
                rest = tlv.value;
            }
            None if tlv.is_constructed() => {
                if let Some(what) = f(Err(Asn1Error::InvalidValue(TOO_DEEP))) {
                    return Some((pos, what));
                }
                pos += tlv.raw.len();
                rest = after;
            }
            _ => {
                pos += tlv.raw.len();
                rest = after;
            }
        }
    }
}

/// [`asn1::Reader::read`] of the first element of `rest`, found at `offset`, and what
/// follows it. The lengths below 64 KiB, which every element of a certificate but the
/// largest keys has, are read inline.
#[inline(always)]
fn read_at(rest: &[u8], offset: usize) -> Result<(Tlv<'_>, &[u8]), Asn1Error> {
    let (tag, header, len, non_minimal_length) = match *rest {
        [tag, len, ..] if tag & 0x1f != 0x1f && len < 0x80 => (tag, 2, usize::from(len), false),
        [tag, 0x81, len, ..] if tag & 0x1f != 0x1f => (tag, 3, usize::from(len), len < 0x80),
        [tag, 0x82, hi, lo, ..] if tag & 0x1f != 0x1f => (tag, 4, usize::from(u16::from_be_bytes([hi, lo])), hi == 0),
        _ => return read_long(rest, offset),
    };
    let (raw, after) = rest.split_at_checked(header + len).ok_or(Asn1Error::LengthOverflow)?;
    let value = raw.get(header..).unwrap_or_default();
    Ok((Tlv { tag, value, raw, offset, non_minimal_length }, after))
}

/// The other length forms, and the framing errors, out of line.
#[inline(never)]
fn read_long(rest: &[u8], offset: usize) -> Result<(Tlv<'_>, &[u8]), Asn1Error> {
    let tlv = Reader::new(rest).read()?;
    Ok((Tlv { offset, ..tlv }, rest.get(tlv.raw.len()..).unwrap_or_default()))
}

/// Runs `f` over every element of the certificate: the certificate itself, the DER inside
/// each extension value, and the DER inside an RSA subjectPublicKey. Returns a message
/// naming the defect and where it was found.
pub(super) fn scan<'a, F>(cert: &'a Certificate, f: &mut F) -> Option<String>
where
    F: FnMut(Result<&Tlv<'a>, Asn1Error>) -> Option<&'static str>,
{
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
        if RSA_KEYS.iter().any(|a| spki.algorithm.oid.is(a)) {
            if let Some((at, what)) = walk(spki.key, f) {
                return Some(format!("{what} (in subjectPublicKey, byte {at})"));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use alloc::vec::Vec;

    /// The recursive walk [`walk`] replaced, kept as its specification (that walk did not
    /// report [`TOO_DEEP`], which no visitor but `der_defects` looks at).
    fn reference<'a>(
        input: &'a [u8],
        base: usize,
        depth: usize,
        f: &mut dyn FnMut(Result<&Tlv<'a>, Asn1Error>) -> Option<&'static str>,
    ) -> Option<(usize, &'static str)> {
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
            if tlv.is_constructed() && depth == asn1::MAX_DEPTH {
                if let Some(what) = f(Err(Asn1Error::InvalidValue(TOO_DEEP))) {
                    return Some((offset, what));
                }
            } else if tlv.is_constructed() {
                if let Some(hit) = reference(tlv.value, offset + tlv.header_len(), depth + 1, f) {
                    return Some(hit);
                }
            }
        }
        None
    }

    /// What a visitor sees of an event: the element's place in `input` and its fields,
    /// or the error.
    type Event = Result<(usize, u8, usize, usize, bool), Asn1Error>;

    fn event(input: &[u8], t: Result<&Tlv<'_>, Asn1Error>) -> Event {
        t.map(|t| {
            (t.raw.as_ptr() as usize - input.as_ptr() as usize, t.tag, t.raw.len(), t.value.len(), t.non_minimal_length)
        })
    }

    /// Runs both walks over `input`: the same events in the same order, and for each event,
    /// the same verdict when the visitor objects to it.
    fn same_walk(input: &[u8]) {
        let mut want = Vec::new();
        assert_eq!(
            reference(input, 0, 0, &mut |t| {
                want.push(event(input, t));
                None
            }),
            None
        );
        let mut got = Vec::new();
        assert_eq!(
            walk(input, &mut |t| {
                if let Ok(t) = t {
                    assert_eq!(t.offset, t.raw.as_ptr() as usize - input.as_ptr() as usize);
                }
                got.push(event(input, t));
                None
            }),
            None
        );
        assert_eq!(got, want, "{input:02x?}");
        for k in 0..want.len() {
            let objects_at = |n: &mut usize| {
                *n += 1;
                (*n == k + 1).then_some("objection")
            };
            let (mut a, mut b) = (0, 0);
            let want = reference(input, 0, 0, &mut |_| objects_at(&mut a));
            assert!(want.is_some());
            assert_eq!(walk(input, &mut |_| objects_at(&mut b)), want, "event {k} of {input:02x?}");
        }
    }

    fn samples() -> Vec<Vec<u8>> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for dir in ["benches/data", "tests/data/vectors"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
            for path in entries.flatten().map(|e| e.path()) {
                let Ok(bytes) = std::fs::read(&path) else { continue };
                let der = match core::str::from_utf8(&bytes) {
                    Ok(pem) if pem.contains("-----BEGIN") => match Certificate::from_pem(pem) {
                        Ok(c) => c.der().to_vec(),
                        Err(_) => continue,
                    },
                    _ => bytes,
                };
                out.push(der);
            }
        }
        out
    }

    #[test]
    fn iterative_walk_matches_the_recursive_one() {
        let samples = samples();
        assert!(samples.len() >= 6);
        for der in &samples {
            same_walk(der);
        }
        // Framing errors at every depth: each prefix of a certificate, and bytes replaced
        // by tags and lengths that break the framing (long and indefinite forms, high tag
        // numbers, lengths past the end).
        for der in samples.iter().take(8) {
            for n in (0..der.len()).step_by(13) {
                same_walk(der.get(..n).unwrap());
            }
            for i in (0..der.len()).step_by(9) {
                for b in [0x00, 0x01, 0x1f, 0x30, 0x31, 0x7f, 0x80, 0x81, 0x82, 0x89, 0xff] {
                    let mut bad = der.clone();
                    bad[i] = b;
                    same_walk(&bad);
                }
            }
        }
        // Nesting past MAX_DEPTH, and long lengths that are not minimal.
        let mut deep = alloc::vec![0x05, 0x00];
        for i in 0..asn1::MAX_DEPTH + 4 {
            let tag = if i % 2 == 0 { 0x30 } else { 0xa1 };
            deep = crate::testutil::der::tlv(tag, &deep);
        }
        same_walk(&deep);
        same_walk(deep.get(2..).unwrap());
        same_walk(&[0x30, 0x81, 0x03, 0x02, 0x01, 0x05, 0x04, 0x82, 0x00, 0x01, 0xff, 0x30, 0x80, 0x00, 0x00]);
    }

    /// `rfc5280.extension_value_not_der` skips its walk when `der_defects` saw none of the
    /// defects it looks for: that must never hide one.
    #[test]
    fn der_defects_cover_extension_value_walks() {
        use crate::rules::rfc5280::encoding::may_have_non_der_values;
        let check = |der: &[u8]| {
            let Ok(cert) = Certificate::from_der(der) else { return };
            if !may_have_non_der_values(&cert) {
                for e in cert.extensions().filter(|e| e.error.is_none()) {
                    assert_eq!(asn1::first_non_der(e.value), None, "{der:02x?}");
                }
            }
        };
        for der in samples() {
            check(&der);
            for i in (0..der.len()).step_by(3) {
                for b in [0x00, 0x01, 0x0a, 0x31, 0x80, 0x81, 0xff] {
                    let mut bad = der.clone();
                    bad[i] = b;
                    check(&bad);
                }
            }
        }
        // Nesting too deep to walk, inside an extension value.
        let mut deep = alloc::vec![0x05, 0x00];
        for _ in 0..asn1::MAX_DEPTH + 2 {
            deep = crate::testutil::der::seq(&[&deep]);
        }
        let cert =
            crate::testutil::CertBuilder::leaf().ext(&crate::oid::ext::CERTIFICATE_POLICIES, false, &deep).build();
        assert!(may_have_non_der_values(&cert));
        let rule = crate::rules::rfc5280::extensions::ExtensionValueNotDer;
        let outcome = crate::rule::Rule::check(&rule, &cert, &crate::Context::default());
        assert!(matches!(&outcome, crate::rule::Outcome::Fail(f) if f.message.contains(TOO_DEEP)), "{outcome:?}");
    }
}
