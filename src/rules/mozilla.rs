//! Mozilla Root Store Policy, version 3.1.

pub mod algorithm;
pub mod dedicated_hierarchy;
pub mod key;

use crate::rule::Rule;

pub(crate) static RULES: &[&[&dyn Rule]] = &[key::RULES, algorithm::RULES, dedicated_hierarchy::RULES];
