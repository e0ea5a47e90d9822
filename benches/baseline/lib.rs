//! The baseline of `benches/lint.rs`: a bare `x509_cert::Certificate::from_der`, compiled
//! in this crate of its own.
//!
//! Compiled inside the bench, the decode's generic code (x509-cert's and der's) was
//! instantiated and inlined among the bench's own code units, which also hold what the
//! bench uses of certlint: a change anywhere in certlint could move it to other units and
//! change its speed by 10% or more, though x509-cert had not changed. Here nothing of
//! certlint is compiled with it.

use x509_cert::der::Decode;

/// Decodes `der` as an X.509 certificate and drops the result: whether it decoded.
#[inline(never)]
pub fn decode(der: &[u8]) -> bool {
    x509_cert::Certificate::from_der(der).is_ok()
}
