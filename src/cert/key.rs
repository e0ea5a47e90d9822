//! Algorithm identifiers and subject public keys (RFC 5280 §4.1.1.2, §4.1.2.7; RFC 3279,
//! RFC 4055, RFC 5480, RFC 8410).

use crate::asn1::{tag, Asn1Error, Tlv};
use crate::oid::{alg, ObjectIdentifier, Oid};

/// An AlgorithmIdentifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AlgorithmIdentifier<'a> {
    /// The algorithm.
    pub oid: Oid<'a>,
    /// The parameters element, whole, if present.
    pub parameters: Option<Tlv<'a>>,
    /// The whole AlgorithmIdentifier encoding (the BRs and Mozilla fix exact encodings).
    pub raw: &'a [u8],
}

impl<'a> AlgorithmIdentifier<'a> {
    /// Parses a whole AlgorithmIdentifier SEQUENCE.
    pub fn parse(raw: &'a [u8]) -> Result<Self, Asn1Error> {
        let seq = Tlv::parse(raw)?.expect(tag::SEQUENCE)?;
        let mut r = seq.reader();
        let oid = r.read_tag(tag::OID)?;
        let oid = Oid::new(oid.value).ok_or(Asn1Error::InvalidValue("malformed algorithm identifier"))?;
        let parameters = if r.is_empty() { None } else { Some(r.read()?) };
        r.finish()?;
        Ok(Self { oid, parameters, raw })
    }

    /// Whether the parameters are an explicit NULL.
    pub fn has_null_parameters(&self) -> bool {
        matches!(self.parameters, Some(p) if p.tag == tag::NULL && p.value.is_empty())
    }
}

/// SubjectPublicKeyInfo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubjectPublicKeyInfo<'a> {
    /// The key's algorithm.
    pub algorithm: AlgorithmIdentifier<'a>,
    /// The subjectPublicKey BIT STRING content without its unused-bits octet.
    pub key: &'a [u8],
    /// The BIT STRING's unused-bits count (0 for every key type in use).
    pub unused_bits: u8,
    /// The whole SubjectPublicKeyInfo encoding.
    pub raw: &'a [u8],
}

/// A public key, by kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublicKey<'a> {
    /// RSA (rsaEncryption or RSASSA-PSS): modulus and exponent as unsigned big-endian
    /// magnitudes (leading zero octets removed).
    Rsa {
        /// The modulus n.
        modulus: &'a [u8],
        /// The public exponent e.
        exponent: &'a [u8],
    },
    /// id-ecPublicKey on a named curve.
    Ec {
        /// The curve.
        curve: Oid<'a>,
        /// The encoded point.
        point: &'a [u8],
    },
    /// id-ecPublicKey with explicit (specifiedCurve) or implicitlyCA parameters, which
    /// RFC 5480 forbids.
    EcNonNamed {
        /// The encoded point.
        point: &'a [u8],
    },
    /// Ed25519 (RFC 8410).
    Ed25519(&'a [u8]),
    /// Ed448 (RFC 8410).
    Ed448(&'a [u8]),
    /// DSA.
    Dsa,
    /// Anything else.
    Other(Oid<'a>),
}

/// The algorithms of a SubjectPublicKeyInfo whose key is an RSAPublicKey: rsaEncryption
/// (RFC 3279 §2.3.1) and RSASSA-PSS (RFC 4055 §1.2). The RSA key rules declare them as
/// their need.
pub(crate) const RSA_KEYS: &[ObjectIdentifier] = &[alg::RSA_ENCRYPTION, alg::RSASSA_PSS];

impl<'a> SubjectPublicKeyInfo<'a> {
    /// For an RSA key (one of [`RSA_KEYS`]), the RSAPublicKey's modulus and
    /// publicExponent INTEGER contents as encoded (sign octet and leading zeros kept);
    /// `None` for the other algorithms.
    pub(crate) fn rsa_integers(&self) -> Option<Result<RsaIntegers<'a>, Asn1Error>> {
        if !RSA_KEYS.iter().any(|a| self.algorithm.oid.is(a)) {
            return None;
        }
        let parse = || {
            let seq = Tlv::parse(self.key)?.expect(tag::SEQUENCE)?;
            let mut r = seq.reader();
            let n = r.read_tag(tag::INTEGER)?;
            let e = r.read_tag(tag::INTEGER)?;
            r.finish()?;
            Ok((n.value, e.value))
        };
        Some(parse())
    }

    /// Parses a whole SubjectPublicKeyInfo SEQUENCE.
    pub fn parse(raw: &'a [u8]) -> Result<Self, Asn1Error> {
        let seq = Tlv::parse(raw)?.expect(tag::SEQUENCE)?;
        let mut r = seq.reader();
        let algorithm = AlgorithmIdentifier::parse(r.read_tag(tag::SEQUENCE)?.raw)?;
        let bits = r.read_tag(tag::BIT_STRING)?;
        r.finish()?;
        let (&unused_bits, key) = bits.value.split_first().ok_or(Asn1Error::InvalidValue("empty BIT STRING"))?;
        Ok(Self { algorithm, key, unused_bits, raw })
    }

    /// Decodes the key by algorithm.
    pub fn public_key(&self) -> Result<PublicKey<'a>, Asn1Error> {
        let oid = self.algorithm.oid;
        if let Some(integers) = self.rsa_integers() {
            return rsa_key(integers?);
        }
        if oid.is(&alg::EC_PUBLIC_KEY) {
            return Ok(match self.algorithm.parameters {
                Some(p) if p.tag == tag::OID => PublicKey::Ec {
                    curve: Oid::new(p.value).ok_or(Asn1Error::InvalidValue("malformed curve identifier"))?,
                    point: self.key,
                },
                Some(_) => PublicKey::EcNonNamed { point: self.key },
                None => return Err(Asn1Error::InvalidValue("id-ecPublicKey without curve parameters")),
            });
        }
        Ok(if oid.is(&alg::ED25519) {
            PublicKey::Ed25519(self.key)
        } else if oid.is(&alg::ED448) {
            PublicKey::Ed448(self.key)
        } else if oid.is(&alg::DSA) {
            PublicKey::Dsa
        } else {
            PublicKey::Other(oid)
        })
    }
}

impl PublicKey<'_> {
    /// The RSA modulus size in bits.
    pub fn rsa_bits(&self) -> Option<usize> {
        match self {
            Self::Rsa { modulus, .. } => {
                let first = modulus.first()?;
                Some(modulus.len() * 8 - first.leading_zeros() as usize)
            }
            _ => None,
        }
    }
}

/// An RSAPublicKey's modulus and publicExponent INTEGER contents.
pub(crate) type RsaIntegers<'a> = (&'a [u8], &'a [u8]);

/// The [`PublicKey::Rsa`] of the modulus and exponent INTEGER contents `(n, e)`.
pub(crate) fn rsa_key((n, e): RsaIntegers<'_>) -> Result<PublicKey<'_>, Asn1Error> {
    if crate::asn1::int_is_negative(n) || crate::asn1::int_is_negative(e) {
        return Err(Asn1Error::InvalidValue("negative RSA modulus or exponent"));
    }
    Ok(PublicKey::Rsa { modulus: strip_zeros(n), exponent: strip_zeros(e) })
}

fn strip_zeros(mut b: &[u8]) -> &[u8] {
    while let [0, rest @ ..] = b {
        b = rest;
    }
    b
}
