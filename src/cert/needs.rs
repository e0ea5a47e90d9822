//! How a certificate answers a rule's [`Need`].
//!
//! Decoding classifies what needs ask about as bit sets: the extensions present (by
//! [`slot`]), the subject and issuer attribute types ([`name::type_bit`]), and the key and
//! signature algorithms ([`algs`]). A need compiles to the same bits ([`NeedBits`]), so
//! the engine answers it with a few ANDs for each of the hundreds of rules that declare
//! one; the few needs without bits are answered by comparing identifiers.

use super::{algs, name, slot, Certificate};
use crate::oid::{ObjectIdentifier, Oid};
use crate::Need;

/// A need compiled to classification bits. The certificate lacks it when every part with
/// bits can be read and has none of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct NeedBits {
    pub(crate) exts: u128,
    pub(crate) subject: u128,
    pub(crate) issuer: u128,
    pub(crate) keys: u32,
    pub(crate) sigs: u32,
}

impl NeedBits {
    /// The bits of `need`; None when some part has none (an extension without a slot, an
    /// attribute type outside 2.5.4.n, an algorithm outside the tables, an empty list, a
    /// nested AnyOf) or there is nothing to need.
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
        match need {
            Need::Extension(id) => self.exts |= 1 << slot(id.as_bytes())?,
            Need::SubjectAttribute(id) => self.subject |= attribute_bit(id)?,
            Need::IssuerAttribute(id) => self.issuer |= attribute_bit(id)?,
            Need::KeyAlgorithm(list) => self.keys |= nonzero(algs::KEY.mask(list)?)?,
            Need::SignatureAlgorithm(list) => self.sigs |= nonzero(algs::SIGNATURE.mask(list)?)?,
            Need::Nothing | Need::AnyOf(_) => return None,
        }
        Some(())
    }
}

/// How many 32-bit words [`Certificate::presence`] has.
pub(crate) const WORDS: usize = 15;

/// The word of [`Certificate::presence`] that is all ones: a need tested against it is
/// never lacking.
pub(crate) const ALWAYS: u8 = 14;

impl NeedBits {
    /// The need as a word of [`Certificate::presence`] and a mask, when its bits lie in
    /// one word: the certificate lacks it when that word ANDed with the mask is zero.
    pub(crate) fn word(&self) -> Option<(u8, u32)> {
        let mut found = None;
        for (i, w) in self.words().into_iter().enumerate() {
            if w != 0 {
                if found.is_some() {
                    return None;
                }
                found = Some((u8::try_from(i).ok()?, w));
            }
        }
        found
    }

    /// The bits, laid out as [`Certificate::presence`].
    fn words(&self) -> [u32; WORDS] {
        lay_out([self.exts, self.subject, self.issuer], self.keys, self.sigs, 0)
    }
}

/// The layout of [`Certificate::presence`]: the extension slots and the subject and
/// issuer types, four words each, least significant first; the key and the signature
/// algorithms; and the word [`ALWAYS`], set to `always`.
fn lay_out(sets: [u128; 3], keys: u32, sigs: u32, always: u32) -> [u32; WORDS] {
    let mut out = [always; WORDS];
    for (chunk, v) in out.chunks_mut(4).zip(sets) {
        chunk.copy_from_slice(&[v as u32, (v >> 32) as u32, (v >> 64) as u32, (v >> 96) as u32]);
    }
    let [.., k, s, _] = &mut out;
    (*k, *s) = (keys, sigs);
    out
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

    /// What the certificate has, as the words [`NeedBits::word`] tests: the extension
    /// slots, the subject and issuer attribute types (four words each), the key and
    /// signature algorithms, and [`ALWAYS`]. A field that cannot be read has all ones, so
    /// a need on it is never lacking.
    pub(crate) fn presence(&self) -> [u32; WORDS] {
        let ix = &self.index;
        let or_all = |readable: bool, v: u128| if readable { v } else { u128::MAX };
        let sets = [
            or_all(self.extensions_readable(), ix.ext_slots),
            or_all(matches!(ix.subject, Some(Ok(_))), ix.subject_types),
            or_all(matches!(ix.issuer, Some(Ok(_))), ix.issuer_types),
        ];
        lay_out(sets, ix.key_alg.unwrap_or(u32::MAX), ix.sig_algs.unwrap_or(u32::MAX), u32::MAX)
    }

    /// [`Self::lacks`] for a compiled need.
    #[inline]
    pub(crate) fn lacks_bits(&self, need: &NeedBits) -> bool {
        let ix = &self.index;
        (need.exts == 0 || (self.extensions_readable() && ix.ext_slots & need.exts == 0))
            && (need.subject == 0 || self.lacks_subject_types(need.subject))
            && (need.issuer == 0 || (matches!(ix.issuer, Some(Ok(_))) && ix.issuer_types & need.issuer == 0))
            && (need.keys == 0 || self.lacks_key_algorithms(need.keys))
            && (need.sigs == 0 || self.lacks_signature_algorithms(need.sigs))
    }

    /// [`Self::lacks_bits`] for subject attribute type bits.
    #[inline]
    pub(crate) fn lacks_subject_types(&self, bits: u128) -> bool {
        matches!(self.index.subject, Some(Ok(_))) && self.index.subject_types & bits == 0
    }

    /// [`Self::lacks_bits`] for key algorithm bits.
    #[inline]
    pub(crate) fn lacks_key_algorithms(&self, bits: u32) -> bool {
        self.index.key_alg.is_some_and(|bit| bit & bits == 0)
    }

    /// [`Self::lacks_bits`] for signature algorithm bits.
    #[inline]
    pub(crate) fn lacks_signature_algorithms(&self, bits: u32) -> bool {
        self.index.sig_algs.is_some_and(|bits_| bits_ & bits == 0)
    }

    /// [`Self::lacks`] by comparing identifiers: for the needs without bits, and as the
    /// specification the bits are tested against.
    fn lacks_by_identifier(&self, need: Need) -> bool {
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
