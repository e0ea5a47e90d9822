//! CA/Browser Forum Baseline Requirements for publicly trusted TLS server certificates,
//! version 2.2.6, with the SC-062 certificate profiles of §7.1.2 applied per certificate
//! type.

pub mod algorithm;
pub mod eku;
pub mod extensions_root;
pub mod extensions_subscriber;
pub mod key;
pub mod policies;
pub mod validity;

use crate::rule::Rule;

pub(crate) static RULES: &[&[&dyn Rule]] = &[
    validity::RULES,
    key::RULES,
    extensions_root::RULES,
    extensions_subscriber::RULES,
    algorithm::RULES,
    eku::RULES,
    policies::RULES,
];
