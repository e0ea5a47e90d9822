//! Apple Root Program Policy (version 2.0) and Apple's Certificate Transparency policy.

pub mod ct;
pub mod dedicated_hierarchy;

use crate::rule::Rule;

pub(crate) static RULES: &[&[&dyn Rule]] = &[dedicated_hierarchy::RULES, ct::RULES];
