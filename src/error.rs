//! Errors for input that is not a certificate at all.
//!
//! Anything that is framed as a certificate, however broken inside, decodes and is
//! reported on by the rules instead.

use alloc::{boxed::Box, string::String};

use crate::asn1::Asn1Error;

/// Input that could not be taken as a certificate.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Zero bytes of input.
    #[error("empty input")]
    Empty,
    /// Larger than [`crate::cert::MAX_CERTIFICATE_SIZE`].
    #[error("input of {0} bytes is larger than any certificate")]
    TooLarge(usize),
    /// The bytes are not a DER element.
    #[error("not DER at byte {offset}: {reason}")]
    NotDer {
        /// Where reading stopped.
        offset: usize,
        /// Why.
        reason: Asn1Error,
    },
    /// DER, but not shaped like a certificate (a key, a CSR, a CRL, ...).
    #[error("not a certificate: {0}")]
    NotACertificate(&'static str),
    /// A TBSCertificate (unsigned) where a signed certificate was expected.
    #[error("not a signed certificate: it is a TBSCertificate (lint it with from_tbs_der)")]
    TbsCertificate,
    /// No PEM `CERTIFICATE` block in the text.
    #[error("no PEM CERTIFICATE block found{}", found.as_ref().map(|l| alloc::format!(" (found a {l} block)")).unwrap_or_default())]
    NoPem {
        /// The label of another PEM block that was found instead, if any.
        found: Option<String>,
    },
    /// `from_pem` found more than one certificate; use `parse_pem_bundle`.
    #[error("more than one PEM CERTIFICATE block; use parse_pem_bundle")]
    MultiplePem,
    /// A PEM block that cannot be decoded.
    #[error("PEM block starting at line {line}: {reason}")]
    Pem {
        /// 1-based line of the BEGIN line.
        line: usize,
        /// What is wrong.
        reason: &'static str,
    },
    /// A certificate of a bundle failed.
    #[error("certificate #{index} of the bundle: {source}")]
    InBundle {
        /// 0-based position in the bundle.
        index: usize,
        /// Its error.
        source: Box<Error>,
    },
    /// A `TbsCertificate` could not be encoded.
    #[error("the TBSCertificate could not be DER-encoded")]
    Encode,
}
