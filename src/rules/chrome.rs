//! Chrome Root Program Policy (v1.8) and the Chrome Certificate Transparency policy.

pub mod validity;

use crate::rule::Rule;

pub(crate) static RULES: &[&[&dyn Rule]] = &[validity::RULES];
