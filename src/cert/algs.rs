//! The key and signature algorithms that rules declare needs on, as bits: decoding
//! classifies a certificate's algorithms once, and the engine tests a rule's
//! [`Need::KeyAlgorithm`](crate::Need::KeyAlgorithm) or
//! [`Need::SignatureAlgorithm`](crate::Need::SignatureAlgorithm) with one AND instead of
//! comparing identifiers for every rule.

use crate::oid::{alg, sig, ObjectIdentifier, Oid};

/// SubjectPublicKeyInfo algorithms; bit `i` is `KEYS[i]`.
static KEYS: [&ObjectIdentifier; 30] = [
    &alg::RSA_ENCRYPTION,
    &alg::RSASSA_PSS,
    &alg::RSAES_OAEP,
    &alg::EC_PUBLIC_KEY,
    &alg::EC_DH,
    &alg::EC_MQV,
    &alg::DSA,
    &alg::DH_PUBLIC_NUMBER,
    &alg::ED25519,
    &alg::ED448,
    &alg::X25519,
    &alg::X448,
    &alg::ML_DSA_44,
    &alg::ML_DSA_65,
    &alg::ML_DSA_87,
    &alg::SLH_DSA_SHA2_128S,
    &alg::SLH_DSA_SHA2_128F,
    &alg::SLH_DSA_SHA2_192S,
    &alg::SLH_DSA_SHA2_192F,
    &alg::SLH_DSA_SHA2_256S,
    &alg::SLH_DSA_SHA2_256F,
    &alg::SLH_DSA_SHAKE_128S,
    &alg::SLH_DSA_SHAKE_128F,
    &alg::SLH_DSA_SHAKE_192S,
    &alg::SLH_DSA_SHAKE_192F,
    &alg::SLH_DSA_SHAKE_256S,
    &alg::SLH_DSA_SHAKE_256F,
    &alg::ML_KEM_512,
    &alg::ML_KEM_768,
    &alg::ML_KEM_1024,
];

/// Signature algorithms; bit `i` is `SIGNATURES[i]`.
static SIGNATURES: [&ObjectIdentifier; 21] = concat([
    &[&alg::RSASSA_PSS],
    &sig::RSA_PKCS1,
    &sig::ECDSA,
    &[&alg::DSA_WITH_SHA1, &alg::DSA_WITH_SHA224, &alg::DSA_WITH_SHA256],
    &[&alg::ED25519, &alg::ED448],
    &[&alg::ML_DSA_44, &alg::ML_DSA_65, &alg::ML_DSA_87],
]);

/// The lists one after the other, at compile time (a wrong total length fails the build).
#[allow(clippy::indexing_slicing)] // evaluated at compile time: a bad index fails the build
const fn concat<const N: usize, const K: usize>(
    lists: [&[&'static ObjectIdentifier]; K],
) -> [&'static ObjectIdentifier; N] {
    let mut out = [&alg::RSASSA_PSS; N];
    let (mut n, mut k) = (0, 0);
    while k < K {
        let mut i = 0;
        while i < lists[k].len() {
            out[n] = lists[k][i];
            n += 1;
            i += 1;
        }
        k += 1;
    }
    assert!(n == N);
    out
}

/// A table of algorithms: which bits they have.
#[derive(Clone, Copy)]
pub(crate) struct Table(&'static [&'static ObjectIdentifier]);

/// The key algorithm table.
pub(crate) const KEY: Table = Table(&KEYS);
/// The signature algorithm table.
pub(crate) const SIGNATURE: Table = Table(&SIGNATURES);

impl Table {
    /// The bit of an algorithm, 0 for one outside the table.
    pub(crate) fn bit(self, oid: Oid<'_>) -> u32 {
        self.0.iter().position(|a| oid.is(a)).map_or(0, |i| 1 << i)
    }

    /// The bits of a list of algorithms, or None when one is outside the table (so that a
    /// certificate's bit 0 for "outside" cannot be mistaken for "not in the list").
    pub(crate) fn mask(self, list: &[ObjectIdentifier]) -> Option<u32> {
        list.iter().try_fold(0, |m, a| match self.bit(Oid::new_unchecked(a.as_bytes())) {
            0 => None,
            b => Some(m | b),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_hold_distinct_algorithms_and_masks_refuse_strangers() {
        for table in [KEY, SIGNATURE] {
            for (i, a) in table.0.iter().enumerate() {
                assert_eq!(table.bit(Oid::new_unchecked(a.as_bytes())), 1 << i, "{a}");
            }
        }
        assert_eq!(KEY.mask(&[alg::RSA_ENCRYPTION, alg::EC_PUBLIC_KEY]), Some(0b1001));
        assert_eq!(KEY.mask(&[alg::RSA_ENCRYPTION, alg::SHA256_WITH_RSA]), None);
        assert_eq!(SIGNATURE.mask(&[alg::RSA_ENCRYPTION]), None);
        assert_eq!(KEY.mask(&[]), Some(0));
    }
}
