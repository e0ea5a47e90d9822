//! Chrome Root Program Policy (version 1.8) and the Chrome Certificate Transparency policy.

pub mod dedicated_hierarchy;
pub mod validity;

use crate::rule::Rule;

pub(crate) static RULES: &[&[&dyn Rule]] = &[dedicated_hierarchy::RULES, validity::RULES];
