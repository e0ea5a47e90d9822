//! The fields most rules read, decoded once when the certificate is decoded and kept as
//! byte ranges: hundreds of rules read the validity, the key and the algorithms, and
//! re-parsing them for each rule cost more than the rules themselves.

use super::{read_time, slice_of, span_of, Malformed, Span, TimeField};
use crate::asn1::{Asn1Error, Tlv};
use crate::cert::key::RsaIntegers;
use crate::cert::{AlgorithmIdentifier, SubjectPublicKeyInfo};
use crate::oid::Oid;
use crate::time::Time;

/// A [`Tlv`] as ranges of the certificate's DER.
#[derive(Debug, Clone)]
pub(super) struct TlvSpan {
    tag: u8,
    value: Span,
    raw: Span,
    offset: usize,
    non_minimal_length: bool,
}

impl TlvSpan {
    fn of(der: &[u8], t: &Tlv<'_>) -> Self {
        Self {
            tag: t.tag,
            value: span_of(der, t.value),
            raw: span_of(der, t.raw),
            offset: t.offset,
            non_minimal_length: t.non_minimal_length,
        }
    }

    fn get<'a>(&self, der: &'a [u8]) -> Tlv<'a> {
        Tlv {
            tag: self.tag,
            value: slice_of(der, &self.value),
            raw: slice_of(der, &self.raw),
            offset: self.offset,
            non_minimal_length: self.non_minimal_length,
        }
    }
}

/// An [`AlgorithmIdentifier`] whose identifier was found well formed.
#[derive(Debug, Clone)]
pub(super) struct AlgSpan {
    oid: Span,
    parameters: Option<TlvSpan>,
    raw: Span,
}

impl AlgSpan {
    pub(super) fn of(der: &[u8], a: &AlgorithmIdentifier<'_>) -> Self {
        Self {
            oid: span_of(der, a.oid.as_bytes()),
            parameters: a.parameters.as_ref().map(|p| TlvSpan::of(der, p)),
            raw: span_of(der, a.raw),
        }
    }

    /// The algorithm identifier alone.
    #[inline]
    pub(super) fn oid<'a>(&self, der: &'a [u8]) -> Oid<'a> {
        Oid::new_unchecked(slice_of(der, &self.oid))
    }

    pub(super) fn get<'a>(&self, der: &'a [u8]) -> AlgorithmIdentifier<'a> {
        AlgorithmIdentifier {
            oid: Oid::new_unchecked(slice_of(der, &self.oid)),
            parameters: self.parameters.as_ref().map(|p| p.get(der)),
            raw: slice_of(der, &self.raw),
        }
    }
}

/// A decoded [`SubjectPublicKeyInfo`].
#[derive(Debug, Clone)]
pub(super) struct SpkiSpan {
    algorithm: AlgSpan,
    key: Span,
    unused_bits: u8,
    raw: Span,
    /// [`SubjectPublicKeyInfo::rsa_integers`]: a dozen key rules read them.
    rsa: Option<Result<(Span, Span), Asn1Error>>,
}

impl SpkiSpan {
    pub(super) fn of(der: &[u8], s: &SubjectPublicKeyInfo<'_>) -> Self {
        Self {
            algorithm: AlgSpan::of(der, &s.algorithm),
            key: span_of(der, s.key),
            unused_bits: s.unused_bits,
            raw: span_of(der, s.raw),
            rsa: s.rsa_integers().map(|r| r.map(|(n, e)| (span_of(der, n), span_of(der, e)))),
        }
    }

    /// The cached [`SubjectPublicKeyInfo::rsa_integers`].
    #[inline]
    pub(super) fn rsa_integers<'a>(&self, der: &'a [u8]) -> Option<Result<RsaIntegers<'a>, Asn1Error>> {
        self.rsa.as_ref().map(|r| r.as_ref().map(|(n, e)| (slice_of(der, n), slice_of(der, e))).map_err(|e| *e))
    }

    /// The key's algorithm identifier alone.
    #[inline]
    pub(super) fn algorithm_oid<'a>(&self, der: &'a [u8]) -> Oid<'a> {
        self.algorithm.oid(der)
    }

    #[inline]
    pub(super) fn get<'a>(&self, der: &'a [u8]) -> SubjectPublicKeyInfo<'a> {
        SubjectPublicKeyInfo {
            algorithm: self.algorithm.get(der),
            key: slice_of(der, &self.key),
            unused_bits: self.unused_bits,
            raw: slice_of(der, &self.raw),
        }
    }
}

/// A decoded [`TimeField`].
#[derive(Debug, Clone)]
pub(super) struct TimeSpan {
    tag: u8,
    raw: Span,
    time: Time,
    defect: Option<&'static str>,
}

impl TimeSpan {
    pub(super) fn read(der: &[u8], span: &Span, field: &'static str) -> Result<Self, Malformed> {
        let t = read_time(slice_of(der, span), field)?;
        Ok(Self { tag: t.tag, raw: span_of(der, t.raw), time: t.time, defect: t.defect })
    }

    pub(super) fn get<'a>(&self, der: &'a [u8]) -> TimeField<'a> {
        TimeField { tag: self.tag, raw: slice_of(der, &self.raw), time: self.time, defect: self.defect }
    }

    pub(super) fn time(&self) -> Time {
        self.time
    }
}
