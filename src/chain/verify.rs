//! Signature verification: a trait the caller implements, and (feature `verify`) one built
//! on the RustCrypto crates.

use crate::cert::{AlgorithmIdentifier, Certificate, SubjectPublicKeyInfo};

/// The result of checking one signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verification {
    /// The signature verifies under the issuer's key.
    Valid,
    /// The signature does not verify (wrong key, corrupted bytes, malformed signature).
    Invalid,
    /// The verifier cannot check this algorithm or key; nothing is known.
    Unsupported,
}

/// Checks a signature with an issuer's public key. Implement it to bring your own
/// cryptography (an HSM, `ring`, `aws-lc-rs`); with the `verify` feature,
/// [`RustCryptoVerifier`](crate::chain::RustCryptoVerifier) is provided.
///
/// ```
/// use certlint::chain::{SignatureVerifier, Verification};
/// use certlint::cert::{AlgorithmIdentifier, SubjectPublicKeyInfo};
///
/// /// Trusts nothing it cannot check.
/// struct Nothing;
/// impl SignatureVerifier for Nothing {
///     fn verify(&self, _: &SubjectPublicKeyInfo<'_>, _: &AlgorithmIdentifier<'_>, _: &[u8], _: &[u8]) -> Verification {
///         Verification::Unsupported
///     }
/// }
/// ```
pub trait SignatureVerifier: Send + Sync {
    /// Verifies `signature` (the signatureValue bits, without the BIT STRING's
    /// unused-bits octet) over `message` (the DER TBSCertificate), made with `algorithm`,
    /// under the key `issuer_key`. Must not panic.
    fn verify(
        &self,
        issuer_key: &SubjectPublicKeyInfo<'_>,
        algorithm: &AlgorithmIdentifier<'_>,
        message: &[u8],
        signature: &[u8],
    ) -> Verification;
}

/// Checks `cert`'s signature under `issuer`'s key. A TBS certificate (no signature) or a
/// field that cannot be read gives [`Verification::Unsupported`]: the rules about those
/// fields report them.
pub fn verify_signature(verifier: &dyn SignatureVerifier, cert: &Certificate, issuer: &Certificate) -> Verification {
    let (Some(Ok(alg)), Some(Ok(sig)), Ok(spki)) = (cert.signature_algorithm(), cert.signature_value(), issuer.spki())
    else {
        return Verification::Unsupported;
    };
    match sig.split_first() {
        Some((0, bits)) => verifier.verify(&spki, &alg, cert.tbs_der(), bits),
        _ => Verification::Unsupported,
    }
}

/// Which verifier a [`Context`](crate::Context) uses.
#[derive(Clone, Default)]
pub(crate) enum VerifierChoice {
    /// The `verify` feature's verifier when enabled, else none.
    #[default]
    Default,
    /// The caller's.
    Custom(alloc::sync::Arc<dyn SignatureVerifier>),
    /// None at all.
    Disabled,
}

impl core::fmt::Debug for VerifierChoice {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            Self::Default => "Default",
            Self::Custom(_) => "Custom",
            Self::Disabled => "Disabled",
        })
    }
}

impl VerifierChoice {
    pub(crate) fn get(&self) -> Option<&dyn SignatureVerifier> {
        match self {
            Self::Default => default_verifier(),
            Self::Custom(v) => Some(v.as_ref()),
            Self::Disabled => None,
        }
    }
}

/// The verifier used when the caller gives none.
pub(crate) fn default_verifier<'a>() -> Option<&'a dyn SignatureVerifier> {
    #[cfg(feature = "verify")]
    {
        Some(&RustCryptoVerifier)
    }
    #[cfg(not(feature = "verify"))]
    {
        None
    }
}

#[cfg(feature = "verify")]
pub use rustcrypto::RustCryptoVerifier;

#[cfg(feature = "verify")]
mod rustcrypto {
    use alloc::vec::Vec;

    use super::{SignatureVerifier, Verification};
    use crate::asn1::{tag, Tlv};
    use crate::cert::{AlgorithmIdentifier, PublicKey, SubjectPublicKeyInfo};
    use crate::oid::{alg, Oid};

    /// Signature verification with the RustCrypto crates (feature `verify`): RSA PKCS#1
    /// v1.5 (SHA-1, SHA-224, SHA-256, SHA-384, SHA-512), RSASSA-PSS (SHA-256/384/512 with
    /// MGF1 of the same hash), ECDSA on P-256, P-384 and P-521 (SHA-1 and SHA-2), and
    /// Ed25519. Anything else is [`Verification::Unsupported`]. RSA moduli from 512 to
    /// 16384 bits are accepted, so that weak keys can be verified and reported.
    #[derive(Debug, Clone, Copy, Default)]
    pub struct RustCryptoVerifier;

    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Hash {
        Sha1,
        Sha224,
        Sha256,
        Sha384,
        Sha512,
    }

    impl Hash {
        fn from_oid(o: Oid<'_>) -> Option<Self> {
            [
                (&alg::SHA1, Self::Sha1),
                (&alg::SHA224, Self::Sha224),
                (&alg::SHA256, Self::Sha256),
                (&alg::SHA384, Self::Sha384),
                (&alg::SHA512, Self::Sha512),
            ]
            .into_iter()
            .find(|(id, _)| o.is(id))
            .map(|(_, h)| h)
        }

        fn digest(self, m: &[u8]) -> Vec<u8> {
            use sha2::Digest;
            match self {
                Self::Sha1 => sha1::Sha1::digest(m).to_vec(),
                Self::Sha224 => sha2::Sha224::digest(m).to_vec(),
                Self::Sha256 => sha2::Sha256::digest(m).to_vec(),
                Self::Sha384 => sha2::Sha384::digest(m).to_vec(),
                Self::Sha512 => sha2::Sha512::digest(m).to_vec(),
            }
        }
    }

    enum Scheme {
        Pkcs1(Hash),
        Pss { hash: Hash, salt: usize },
        Ecdsa(Hash),
        Ed25519,
    }

    fn scheme(a: &AlgorithmIdentifier<'_>) -> Option<Scheme> {
        let o = a.oid;
        let table = [
            (&alg::SHA1_WITH_RSA, Scheme::Pkcs1(Hash::Sha1)),
            (&alg::SHA224_WITH_RSA, Scheme::Pkcs1(Hash::Sha224)),
            (&alg::SHA256_WITH_RSA, Scheme::Pkcs1(Hash::Sha256)),
            (&alg::SHA384_WITH_RSA, Scheme::Pkcs1(Hash::Sha384)),
            (&alg::SHA512_WITH_RSA, Scheme::Pkcs1(Hash::Sha512)),
            (&alg::ECDSA_WITH_SHA1, Scheme::Ecdsa(Hash::Sha1)),
            (&alg::ECDSA_WITH_SHA224, Scheme::Ecdsa(Hash::Sha224)),
            (&alg::ECDSA_WITH_SHA256, Scheme::Ecdsa(Hash::Sha256)),
            (&alg::ECDSA_WITH_SHA384, Scheme::Ecdsa(Hash::Sha384)),
            (&alg::ECDSA_WITH_SHA512, Scheme::Ecdsa(Hash::Sha512)),
            (&alg::ED25519, Scheme::Ed25519),
        ];
        if let Some((_, s)) = table.into_iter().find(|(id, _)| o.is(id)) {
            return Some(s);
        }
        if o.is(&alg::RSASSA_PSS) {
            return pss_params(a.parameters?);
        }
        None
    }

    /// RSASSA-PSS-params (RFC 4055 §3.1) with MGF1 over the same hash; SHA-1 defaults are
    /// not supported (nobody signs certificates with them).
    fn pss_params(p: Tlv<'_>) -> Option<Scheme> {
        let mut r = p.expect(tag::SEQUENCE).ok()?.reader();
        let hash_alg = r.read_optional(0xa0).ok()??;
        let hash = AlgorithmIdentifier::parse(hash_alg.value).ok()?;
        let hash = Hash::from_oid(hash.oid)?;
        let mgf = r.read_optional(0xa1).ok()??;
        let mgf = AlgorithmIdentifier::parse(mgf.value).ok()?;
        if !mgf.oid.is(&alg::MGF1) || Hash::from_oid(AlgorithmIdentifier::parse(mgf.parameters?.raw).ok()?.oid)? != hash
        {
            return None;
        }
        let salt = match r.read_optional(0xa2).ok()? {
            Some(s) => {
                let i = Tlv::parse(s.value).ok()?.expect(tag::INTEGER).ok()?;
                usize::try_from(crate::asn1::uint_value(i.value)?).ok()?
            }
            None => 20,
        };
        Some(Scheme::Pss { hash, salt })
    }

    fn ok(r: bool) -> Verification {
        if r {
            Verification::Valid
        } else {
            Verification::Invalid
        }
    }

    macro_rules! ecdsa_verify {
        ($curve:ident, $point:expr, $digest:expr, $sig:expr) => {{
            use signature::hazmat::PrehashVerifier;
            let Ok(key) = $curve::ecdsa::VerifyingKey::from_sec1_bytes($point) else {
                return Verification::Unsupported;
            };
            let Ok(sig) = $curve::ecdsa::DerSignature::from_bytes($sig) else {
                return Verification::Invalid;
            };
            ok(key.verify_prehash($digest, &sig).is_ok())
        }};
    }

    fn rsa_verify(modulus: &[u8], exponent: &[u8], scheme: &Scheme, digest: &[u8], sig: &[u8]) -> Verification {
        use rsa::{BoxedUint, Pkcs1v15Sign, Pss};
        let n = BoxedUint::from_be_slice_vartime(modulus);
        let e = BoxedUint::from_be_slice_vartime(exponent);
        let Ok(key) = rsa::PublicKey::new_with_size_limits(n, e, 512..=16384) else {
            return Verification::Unsupported;
        };
        let result = match scheme {
            Scheme::Pkcs1(h) => {
                let padding = match h {
                    Hash::Sha1 => Pkcs1v15Sign::new::<sha1::Sha1>(),
                    Hash::Sha224 => Pkcs1v15Sign::new::<sha2::Sha224>(),
                    Hash::Sha256 => Pkcs1v15Sign::new::<sha2::Sha256>(),
                    Hash::Sha384 => Pkcs1v15Sign::new::<sha2::Sha384>(),
                    Hash::Sha512 => Pkcs1v15Sign::new::<sha2::Sha512>(),
                };
                key.verify(padding, digest, sig)
            }
            Scheme::Pss { hash, salt } => match hash {
                Hash::Sha256 => key.verify(Pss::<sha2::Sha256>::new_with_salt(*salt), digest, sig),
                Hash::Sha384 => key.verify(Pss::<sha2::Sha384>::new_with_salt(*salt), digest, sig),
                Hash::Sha512 => key.verify(Pss::<sha2::Sha512>::new_with_salt(*salt), digest, sig),
                _ => return Verification::Unsupported,
            },
            _ => return Verification::Unsupported,
        };
        ok(result.is_ok())
    }

    impl SignatureVerifier for RustCryptoVerifier {
        fn verify(
            &self,
            issuer_key: &SubjectPublicKeyInfo<'_>,
            algorithm: &AlgorithmIdentifier<'_>,
            message: &[u8],
            signature: &[u8],
        ) -> Verification {
            let (Some(scheme), Ok(key)) = (scheme(algorithm), issuer_key.public_key()) else {
                return Verification::Unsupported;
            };
            match (&scheme, key) {
                (Scheme::Ed25519, PublicKey::Ed25519(k)) => {
                    use ed25519_dalek::Verifier;
                    let Ok(k) = <[u8; 32]>::try_from(k) else { return Verification::Unsupported };
                    let Ok(k) = ed25519_dalek::VerifyingKey::from_bytes(&k) else {
                        return Verification::Unsupported;
                    };
                    let Ok(sig) = ed25519_dalek::Signature::from_slice(signature) else {
                        return Verification::Invalid;
                    };
                    ok(k.verify(message, &sig).is_ok())
                }
                (Scheme::Ecdsa(h), PublicKey::Ec { curve, point }) => {
                    let digest = h.digest(message);
                    if curve.is(&alg::SECP256R1) {
                        ecdsa_verify!(p256, point, &digest, signature)
                    } else if curve.is(&alg::SECP384R1) {
                        ecdsa_verify!(p384, point, &digest, signature)
                    } else if curve.is(&alg::SECP521R1) {
                        ecdsa_verify!(p521, point, &digest, signature)
                    } else {
                        Verification::Unsupported
                    }
                }
                (Scheme::Pkcs1(h) | Scheme::Pss { hash: h, .. }, PublicKey::Rsa { modulus, exponent }) => {
                    rsa_verify(modulus, exponent, &scheme, &h.digest(message), signature)
                }
                _ => Verification::Unsupported,
            }
        }
    }
}

#[cfg(all(test, feature = "verify"))]
mod tests {
    use super::*;
    use crate::chain::testkit::*;
    use crate::oid::alg;
    use crate::testutil::der::*;
    use crate::testutil::{spki, CertBuilder};

    fn root(pem: &str) -> Certificate {
        Certificate::from_pem(pem).unwrap()
    }

    #[test]
    fn rsa_and_p384_roots_verify_their_self_signatures() {
        let x1 = root(include_str!("../../tests/data/roots/isrg-root-x1.pem"));
        let x2 = root(include_str!("../../tests/data/roots/isrg-root-x2.pem"));
        assert_eq!(verify_signature(&RustCryptoVerifier, &x1, &x1), Verification::Valid);
        assert_eq!(verify_signature(&RustCryptoVerifier, &x2, &x2), Verification::Valid);
        // Under the wrong key: RSA signature with an EC key is unsupported, not invalid.
        assert_eq!(verify_signature(&RustCryptoVerifier, &x1, &x2), Verification::Unsupported);
        // A flipped bit in the TBS breaks the RSA signature.
        let mut der = x1.der().to_vec();
        let pos = der.len() / 3;
        der[pos] ^= 1;
        let tampered = Certificate::from_der(&der).unwrap();
        assert_eq!(verify_signature(&RustCryptoVerifier, &tampered, &x1), Verification::Invalid);
    }

    #[test]
    fn p256_chain_verifies() {
        let (r, i, l) = abc();
        assert_eq!(verify_signature(&RustCryptoVerifier, &l.by(&i), &i.by(&r)), Verification::Valid);
        assert_eq!(verify_signature(&RustCryptoVerifier, &l.by(&r), &i.by(&r)), Verification::Invalid);
        // The default context uses this verifier when the feature is on.
        assert!(crate::Context::default().verifier().is_some());
        assert!(crate::Context::default().without_signature_checks().verifier().is_none());
    }

    #[test]
    fn ed25519_verifies() {
        use ed25519_dalek::Signer;
        let key = ed25519_dalek::SigningKey::from_bytes(&[5u8; 32]);
        let public = key.verifying_key().to_bytes();
        let mut b = CertBuilder::root();
        b.spki = spki(&seq(&[&oid(&alg::ED25519)]), &public);
        b.tbs_sig_alg = seq(&[&oid(&alg::ED25519)]);
        let tbs = b.tbs();
        let sig = key.sign(&tbs).to_bytes();
        let der = seq(&[&tbs, &b.tbs_sig_alg, &bit_string(0, &sig)]);
        let cert = Certificate::from_der(&der).unwrap();
        assert_eq!(verify_signature(&RustCryptoVerifier, &cert, &cert), Verification::Valid);
        let mut bad = sig;
        bad[0] ^= 1;
        let der = seq(&[&tbs, &b.tbs_sig_alg, &bit_string(0, &bad)]);
        let cert = Certificate::from_der(&der).unwrap();
        assert_eq!(verify_signature(&RustCryptoVerifier, &cert, &cert), Verification::Invalid);
    }
}
