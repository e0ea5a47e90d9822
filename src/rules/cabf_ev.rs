//! CA/Browser Forum Guidelines for the Issuance and Management of Extended Validation
//! Certificates, version 2.0.2 (and the 1.x rules still applying to older certificates).

pub mod policies;

use crate::rule::Rule;

pub(crate) static RULES: &[&[&dyn Rule]] = &[policies::RULES];
