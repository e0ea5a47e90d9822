//! CA/Browser Forum Baseline Requirements for publicly trusted TLS server certificates,
//! version 2.2.6, with the SC-062 certificate profiles of §7.1.2 applied per certificate
//! type.

pub mod aia;
pub mod algorithm;
pub mod criticality;
pub mod crl_dp;
pub mod domain_names;
pub mod eku;
pub mod extensions_ca;
pub mod extensions_common;
pub mod extensions_root;
pub mod extensions_subca;
pub mod extensions_subscriber;
pub mod key;
pub mod name_constraints;
pub mod ocsp_responder;
pub mod policies;
pub mod precert;
pub(crate) mod profile;
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
    criticality::RULES,
    extensions_common::RULES,
    extensions_root::RULES,
    extensions_ca::RULES,
    extensions_subca::RULES,
    extensions_subscriber::RULES,
    ocsp_responder::RULES,
    name_constraints::RULES,
    aia::RULES,
    crl_dp::RULES,
    precert::RULES,
];
