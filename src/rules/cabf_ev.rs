//! CA/Browser Forum Guidelines for the Issuance and Management of Extended Validation
//! Certificates (EVG v2.0.2, with the 1.x rules for older certificates).

pub mod validity;

use crate::rule::Rule;

pub(crate) static RULES: &[&[&dyn Rule]] = &[validity::RULES];
