//! CA/Browser Forum Baseline Requirements for publicly trusted TLS server certificates,
//! version 2.2.6, with the SC-062 certificate profiles of §7.1.2 applied per certificate
//! type.

pub mod aia;
pub mod algorithm;
pub mod crl_dp;
pub mod domain_names;
pub mod eku;
pub mod extensions_root;
pub mod extensions_subscriber;
pub mod key;
pub mod policies;
pub mod precert;
pub mod san;
pub mod serial;
pub mod structure;
pub mod subject;
pub mod validity;

use crate::rule::Rule;

pub(crate) static RULES: &[&[&dyn Rule]] = &[
    structure::RULES,
    serial::RULES,
    validity::RULES,
    subject::RULES,
    san::RULES,
    domain_names::RULES,
    key::RULES,
    algorithm::RULES,
    eku::RULES,
    policies::RULES,
    extensions_root::RULES,
    extensions_subscriber::RULES,
    aia::RULES,
    crl_dp::RULES,
    precert::RULES,
];
