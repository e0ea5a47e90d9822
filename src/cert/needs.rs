//! How a certificate answers a rule's [`Need`].
//!
//! Decoding records what needs ask about as the certificate's presence words
//! ([`presence_of`]): the extensions present (by [`slot`]), the subject and issuer attribute
//! types ([`name::type_bit`]) and the key and signature algorithms ([`algs`]), with all
//! ones for a field that cannot be read. A need compiles to words of the same layout
//! ([`NeedBits`]); the certificate lacks it when no word of the need meets its
//! counterpart, a few ANDs for each of the hundreds of rules that declare one. The few
//! needs without bits are answered by comparing identifiers.

use super::{algs, name, slice_of, slot, spans, Certificate, Index};
use crate::oid::{ObjectIdentifier, Oid};
use crate::Need;

/// How many 32-bit words the presence has: four for the extension slots, four for the
/// subject's attribute types, four for the issuer's, one for the key algorithm, one for
/// the signature algorithms, and [`ALWAYS`].
pub(crate) const WORDS: usize = 15;
const EXTENSIONS: usize = 0;
const SUBJECT: usize = 4;
const ISSUER: usize = 8;
const KEY: usize = 12;
const SIGNATURE: usize = 13;

/// The presence word that is all ones: a need tested against it is never lacking.
pub(crate) const ALWAYS: u8 = 14;

/// ORs a 128-bit set into the four words from `at`, least significant first.
fn add_set(words: &mut [u32; WORDS], at: usize, set: u128) {
    for (i, w) in words.iter_mut().skip(at).take(4).enumerate() {
        *w |= (set >> (32 * i)) as u32;
    }
}

/// ORs `bits` into word `at`.
fn add_word(words: &mut [u32; WORDS], at: usize, bits: u32) {
    if let Some(w) = words.get_mut(at) {
        *w |= bits;
    }
}

/// The presence words of an index whose fields are decoded.
pub(super) fn presence_of(der: &[u8], ix: &Index) -> [u32; WORDS] {
    let mut words = [0; WORDS];
    let readable = |ok: bool, set: u128| if ok { set } else { u128::MAX };
    let slots = ix.exts.iter().filter_map(|e| slot(slice_of(der, &e.oid))).fold(0u128, |set, n| set | 1 << n);
    add_set(&mut words, EXTENSIONS, readable(!matches!(ix.extensions, Some(Err(_))), slots));
    let subject = name::type_set(der, &ix.subject_atvs);
    add_set(&mut words, SUBJECT, readable(matches!(ix.subject, Some(Ok(_))), subject));
    let issuer = name::type_set(der, &ix.issuer_atvs);
    add_set(&mut words, ISSUER, readable(matches!(ix.issuer, Some(Ok(_))), issuer));
    let d = &ix.decoded;
    let key = d.spki.as_ref().map_or(u32::MAX, |s| algs::KEY.bit(s.algorithm_oid(der)));
    let sig = |a: &spans::AlgSpan| algs::SIGNATURE.bit(a.oid(der));
    let sigs = match (&d.tbs_sig_alg, &d.sig_alg) {
        (Ok(tbs), None) => sig(tbs),
        (Ok(tbs), Some(Ok(outer))) => sig(tbs) | sig(outer),
        _ => u32::MAX,
    };
    add_word(&mut words, KEY, key);
    add_word(&mut words, SIGNATURE, sigs);
    add_word(&mut words, usize::from(ALWAYS), u32::MAX);
    words
}

/// A need compiled to presence bits, in the layout of [`presence_of`]. The certificate
/// lacks it when every part with bits can be read and has none of them; since an
/// unreadable part is all ones, that is when no word meets its counterpart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct NeedBits([u32; WORDS]);

impl NeedBits {
    /// The bits of `need`; None when some part has none (an extension without a slot, an
    /// attribute type without a bit of its own, an algorithm outside the tables, an empty
    /// list, a nested AnyOf) or there is nothing to need.
    pub(crate) fn of(need: Need) -> Option<Self> {
        let parts = match need {
            Need::AnyOf(parts) => parts,
            _ => core::slice::from_ref(&need),
        };
        let mut bits = Self::default();
        for &part in parts {
            bits.add(part)?;
        }
        (bits != Self::default()).then_some(bits)
    }

    fn add(&mut self, need: Need) -> Option<()> {
        let nonzero = |b: u32| (b != 0).then_some(b);
        let w = &mut self.0;
        match need {
            Need::Extension(id) => add_set(w, EXTENSIONS, 1 << slot(id.as_bytes())?),
            Need::SubjectAttribute(id) => add_set(w, SUBJECT, attribute_bit(id)?),
            Need::IssuerAttribute(id) => add_set(w, ISSUER, attribute_bit(id)?),
            Need::KeyAlgorithm(list) => add_word(w, KEY, nonzero(algs::KEY.mask(list)?)?),
            Need::SignatureAlgorithm(list) => add_word(w, SIGNATURE, nonzero(algs::SIGNATURE.mask(list)?)?),
            Need::Nothing | Need::AnyOf(_) => return None,
        }
        Some(())
    }

    /// The need as one presence word and a mask, when its bits lie in one word: the
    /// certificate lacks it when that word ANDed with the mask is zero.
    pub(crate) fn word(&self) -> Option<(u8, u32)> {
        let mut found = None;
        for (i, &w) in self.0.iter().enumerate() {
            if w != 0 {
                if found.is_some() {
                    return None;
                }
                found = Some((u8::try_from(i).ok()?, w));
            }
        }
        found
    }
}

/// The [`name::type_bit`] of an attribute type, unless it is the catch-all bit.
fn attribute_bit(id: &ObjectIdentifier) -> Option<u128> {
    Some(name::type_bit(id.as_bytes())).filter(|&b| b != name::OTHER_TYPE)
}

impl Certificate {
    /// Whether the certificate is known to lack `need` (see [`Need`]): false when it has
    /// it, and when the field that would hold it cannot be read.
    pub fn lacks(&self, need: Need) -> bool {
        match NeedBits::of(need) {
            Some(bits) => self.lacks_bits(&bits),
            None => self.lacks_by_identifier(need),
        }
    }

    /// The presence words (see [`presence_of`]).
    pub(crate) fn presence(&self) -> &[u32; WORDS] {
        &self.index.presence
    }

    /// Whether the subject may hold an attribute of type `oid`: false means it holds none
    /// (or cannot be read). Exact for the types with a [`name::type_bit`] of their own,
    /// every 2.5.4 type among them; any other present type makes it true for all others.
    pub(crate) fn subject_may_have(&self, oid: &ObjectIdentifier) -> bool {
        matches!(self.index.subject, Some(Ok(_))) && self.types(SUBJECT) & name::type_bit(oid.as_bytes()) != 0
    }

    /// [`Self::subject_may_have`] for the issuer.
    pub(crate) fn issuer_may_have(&self, oid: &ObjectIdentifier) -> bool {
        matches!(self.index.issuer, Some(Ok(_))) && self.types(ISSUER) & name::type_bit(oid.as_bytes()) != 0
    }

    /// The attribute type set stored in the four presence words from `at`.
    fn types(&self, at: usize) -> u128 {
        let words = self.index.presence.iter().skip(at).take(4);
        words.enumerate().fold(0, |set, (i, &w)| set | u128::from(w) << (32 * i))
    }

    /// [`Self::lacks`] for a compiled need.
    #[inline]
    pub(crate) fn lacks_bits(&self, need: &NeedBits) -> bool {
        self.index.presence.iter().zip(need.0).all(|(have, want)| have & want == 0)
    }

    /// [`Self::lacks`] by comparing identifiers: for the needs without bits, and as the
    /// specification the bits are tested against.
    pub(crate) fn lacks_by_identifier(&self, need: Need) -> bool {
        let none_of = |oid: Oid<'_>, list: &[ObjectIdentifier]| !list.iter().any(|a| oid.is(a));
        let d = &self.index.decoded;
        match need {
            Need::Nothing => false,
            Need::Extension(id) => self.extensions_readable() && !self.has_extension(id),
            Need::KeyAlgorithm(list) => d.spki.as_ref().is_ok_and(|s| none_of(s.algorithm_oid(&self.der), list)),
            Need::SignatureAlgorithm(list) => {
                let tbs = d.tbs_sig_alg.as_ref().is_ok_and(|a| none_of(a.oid(&self.der), list));
                let outer = match &d.sig_alg {
                    None => true,
                    Some(a) => a.as_ref().is_ok_and(|a| none_of(a.oid(&self.der), list)),
                };
                tbs && outer
            }
            Need::SubjectAttribute(id) => self.subject().is_ok_and(|n| !n.has(id)),
            Need::IssuerAttribute(id) => self.issuer().is_ok_and(|n| !n.has(id)),
            // A nested list is taken to be present (and a list could hold itself).
            Need::AnyOf(parts) => parts.iter().all(|&n| !matches!(n, Need::AnyOf(_)) && self.lacks_by_identifier(n)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::{alg, attr, ext};

    /// Every need the rules declare, and each of their parts.
    fn needs() -> alloc::vec::Vec<Need> {
        let mut out = alloc::vec::Vec::new();
        for rule in crate::rules::all() {
            let need = rule.meta().need();
            out.push(need);
            if let Need::AnyOf(parts) = need {
                out.extend_from_slice(parts);
            }
        }
        out.extend([
            Need::Extension(&ext::SUBJECT_ALT_NAME),
            Need::SubjectAttribute(&attr::COMMON_NAME),
            Need::IssuerAttribute(&attr::COUNTRY),
            Need::KeyAlgorithm(&[alg::RSA_ENCRYPTION]),
            Need::SignatureAlgorithm(&[alg::ECDSA_WITH_SHA256]),
        ]);
        out
    }

    #[test]
    fn bits_answer_as_identifiers_do() {
        let needs = needs();
        let compiled = needs.iter().filter(|&&n| NeedBits::of(n).is_some()).count();
        assert!(compiled > 200, "{compiled}");
        for (name, der) in crate::testutil::needs::corpus() {
            for cert in crate::testutil::needs::with_variants(&der) {
                for &need in &needs {
                    if let Some(bits) = NeedBits::of(need) {
                        assert_eq!(cert.lacks_bits(&bits), cert.lacks_by_identifier(need), "{need:?} on {name}");
                    }
                }
            }
        }
    }

    #[test]
    fn words_answer_as_bits_do() {
        let needs = needs();
        let words = needs.iter().filter_map(|&n| NeedBits::of(n)?.word()).count();
        assert!(words > 200, "{words}");
        for (name, der) in crate::testutil::needs::corpus() {
            for cert in crate::testutil::needs::with_variants(&der) {
                let presence = cert.presence();
                assert_eq!(presence[usize::from(ALWAYS)], u32::MAX);
                for &need in &needs {
                    let Some(bits) = NeedBits::of(need) else { continue };
                    if let Some((w, mask)) = bits.word() {
                        let lacks = presence[usize::from(w)] & mask == 0;
                        assert_eq!(lacks, cert.lacks_bits(&bits), "{need:?} on {name}");
                    }
                }
            }
        }
    }

    #[test]
    fn needs_without_bits_are_refused() {
        assert_eq!(NeedBits::of(Need::Nothing), None);
        assert_eq!(NeedBits::of(Need::KeyAlgorithm(&[])), None);
        assert_eq!(NeedBits::of(Need::KeyAlgorithm(&[alg::SHA256_WITH_RSA])), None);
        // Not an attribute type at all, so without a bit of its own.
        assert_eq!(NeedBits::of(Need::SubjectAttribute(&ext::SUBJECT_ALT_NAME)), None);
        assert!(NeedBits::of(Need::SubjectAttribute(&attr::EMAIL_ADDRESS)).is_some());
        assert_eq!(NeedBits::of(Need::AnyOf(&[Need::AnyOf(&[])])), None);
        assert!(NeedBits::of(Need::AnyOf(&[
            Need::Extension(&ext::SUBJECT_ALT_NAME),
            Need::Extension(&ext::ISSUER_ALT_NAME)
        ]))
        .is_some());
    }
}
