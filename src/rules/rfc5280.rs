//! RFC 5280 and its companion RFCs (3279, 4055, 5480, 5758, 5891, 6818, 6962, 8410, 8813,
//! 9549, 9598, 9608): the certificate profile every X.509 certificate on the Internet
//! answers to.

pub mod aia;
pub mod algorithm;
pub mod basic_constraints;
pub mod crl_dp;
pub mod ct;
mod digest;
pub mod eku;
pub mod encoding;
pub mod extensions;
pub mod key_identifiers;
pub mod key_usage;
pub mod name;
pub mod name_constraints;
pub mod policies;
mod raw;
pub mod san;
pub mod spki;
pub mod validity;

use crate::rule::Rule;

pub(crate) static RULES: &[&[&dyn Rule]] = &[
    encoding::RULES,
    name::RULES,
    validity::RULES,
    algorithm::RULES,
    spki::RULES,
    extensions::RULES,
    basic_constraints::RULES,
    key_usage::RULES,
    key_identifiers::RULES,
    san::RULES,
    name_constraints::RULES,
    policies::RULES,
    eku::RULES,
    crl_dp::RULES,
    aia::RULES,
    ct::RULES,
];
