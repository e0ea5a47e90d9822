//! CA/Browser Forum Baseline Requirements for publicly trusted TLS server certificates,
//! version 2.2.6, with the SC-062 certificate profiles of §7.1.2 applied per certificate
//! type.

pub mod criticality;
pub mod extensions_ca;
pub mod extensions_common;
pub mod extensions_root;
pub mod extensions_subca;
pub mod extensions_subscriber;
pub mod key;
pub mod name_constraints;
pub mod ocsp_responder;
pub(crate) mod profile;
pub mod validity;

use crate::rule::Rule;

pub(crate) static RULES: &[&[&dyn Rule]] = &[
    validity::RULES,
    key::RULES,
    extensions_root::RULES,
    extensions_subscriber::RULES,
    criticality::RULES,
    extensions_common::RULES,
    extensions_ca::RULES,
    extensions_subca::RULES,
    ocsp_responder::RULES,
    name_constraints::RULES,
];
