//! # certlint
//!
//! Checks X.509 certificates against the rules of the Web PKI: RFC 5280 and its companion
//! RFCs, the CA/Browser Forum Baseline Requirements and the root programs. Bytes in, typed
//! report out: no clock, no files, no network.
//!
//! ```
//! use certlint::{Certificate, Context, Policy, Status};
//!
//! # let pem = include_str!("../tests/data/sample-chain.pem");
//! let certs = Certificate::parse_pem_bundle(pem)?;
//! let policy = Policy::webpki();
//! for cert in &certs {
//!     let report = policy.lint(cert, &Context::default());
//!     for f in report.problems() {
//!         println!("{} {} {}", f.status(), f.rule().id(), f.message());
//!     }
//! }
//! # Ok::<(), certlint::Error>(())
//! ```
//!
//! - [`Certificate`] decodes leniently: a field that does not decode is reported by the
//!   rule about it, and the other rules still run. [`Certificate::from_tbs_der`] lints a
//!   certificate before it is signed.
//! - [`Rule`] is the unit of checking; [`Policy`] a named set of rules (built-ins such as
//!   [`Policy::webpki`], plus your own); [`Report`] the result, one [`Finding`] per rule.
//! - [`Chain`] orders a bundle and builds the path to trust anchors;
//!   [`Policy::lint_chain`] adds the pair rules (a certificate and its issuer) and the
//!   chain rules (order, completeness, expiry, host name, key purposes) to every
//!   certificate's own rules. Signatures are checked through
//!   [`chain::SignatureVerifier`] (the `verify` feature provides one).
//! - [`rules`] holds the catalog, one module per source and topic; the README lists every
//!   rule with its citation, dates and the equivalent zlint and pkilint checks.
//!
//! Features: `std` (default: `std::error::Error`, and a panicking rule becomes a Fatal
//! finding instead of unwinding), `serde` (`Serialize` for reports), `verify` (RustCrypto
//! signature verification for chains). Without `std` the crate is `no_std` + `alloc`.
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod asn1;
pub mod cert;
pub mod cert_type;
pub mod chain;
mod context;
pub mod domain;
mod error;
pub mod oid;
mod pem;
mod policy;
mod report;
mod rule;
pub mod rules;
mod time;

#[cfg(test)]
mod testutil;

pub use cert::Certificate;
pub use cert_type::{CertType, Scope};
pub use chain::{Chain, ChainReport, ChainRule, Pair, PairRule};
pub use context::Context;
pub use error::Error;
pub use policy::{Policy, POLICIES};
pub use report::{Finding, Report, Status};
pub use rule::{Failure, Need, Outcome, Rule, RuleMeta, Severity, Source};
pub use time::Time;
