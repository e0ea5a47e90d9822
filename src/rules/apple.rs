//! Apple Root Certificate Program policy and the Apple Certificate Transparency policy.

pub mod ct;

use crate::rule::Rule;

pub(crate) static RULES: &[&[&dyn Rule]] = &[ct::RULES];
