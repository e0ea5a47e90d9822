//! RFC 5280 and its companion RFCs (3279, 4055, 5480, 5758, 5891, 6818, 6962, 8410, 8813,
//! 9549, 9598, 9608): the certificate profile every X.509 certificate on the Internet
//! answers to.

pub mod basic_constraints;
mod digest;
pub mod encoding;
pub mod extensions;
pub mod key_identifiers;
pub mod key_usage;
pub mod policies;
pub mod spki;

use crate::rule::Rule;

pub(crate) static RULES: &[&[&dyn Rule]] = &[
    encoding::RULES,
    extensions::RULES,
    basic_constraints::RULES,
    key_usage::RULES,
    key_identifiers::RULES,
    spki::RULES,
    policies::RULES,
];
